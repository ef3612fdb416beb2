"""Countries, FIPS codes and the gazetteer (analytics.geo)."""

from pathlib import Path

import pytest

from analytics.geo import country_from_any, country_info, fips_to_iso3, region_for_country


@pytest.mark.parametrize(
    "text, iso3",
    [
        # names, official names, short names, codes
        ("Russia", "RUS"), ("RUSSIA", "RUS"), ("Russian Federation", "RUS"), ("RUS", "RUS"), ("ru", "RUS"),
        ("United States", "USA"), ("UNITED STATES", "USA"), ("United States of America", "USA"), ("U.S.", "USA"),
        ("Iran", "IRN"), ("Islamic Republic of Iran", "IRN"), ("Iran, Islamic Republic of", "IRN"),
        ("Syria", "SYR"), ("Syrian Arab Republic", "SYR"), ("South Korea", "KOR"), ("Korea, Republic of", "KOR"),
        ("North Korea", "PRK"), ("DPRK", "PRK"), ("Afghanistan", "AFG"), ("afghanistan", "AFG"),
        # ICEWS spellings (events.2018.sample.tab)
        ("Occupied Palestinian Territory", "PSE"), ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Moldova, Republic of", "MDA"), ("Democratic Republic of Congo", "COD"), ("Congo", "COG"),
        ("Cote d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Holy See", "VAT"), ("Swaziland", "SWZ"),
        ("Czech Republic", "CZE"), ("Timor-Leste", "TLS"), ("Laos", "LAO"),
        # GDELT / CAMEO codes that differ from ISO
        ("ROM", "ROU"), ("WSB", "PSE"), ("TMP", "TLS"),
        # demonyms
        ("Afghan", "AFG"), ("Russian", "RUS"), ("Soviet", "SUN"),
        # former states (ISO 3166-3)
        ("Soviet Union", "SUN"), ("USSR", "SUN"), ("SUN", "SUN"), ("Yugoslavia", "YUG"),
        ("Czechoslovakia", "CSK"), ("East Germany", "DDR"), ("German Democratic Republic", "DDR"),
        ("Serbia and Montenegro", "SCG"), ("Turkiye", "TUR"), ("Burma", "MMR"), ("Kosovo", "XKX"),
    ],
)
def test_country_from_any(text, iso3):
    assert country_from_any(text) == iso3


@pytest.mark.parametrize("text", ["", None, "Atlantis", "Moscow Mule", "the", 42])
def test_country_from_any_unknown(text):
    assert country_from_any(text) is None


@pytest.mark.parametrize(
    "fips, iso3",
    # real GDELT ActionGeo_CountryCode values (20180326044500.export.CSV and GDELT 1.0 samples)
    [("RS", "RUS"), ("AF", "AFG"), ("UP", "UKR"), ("IZ", "IRQ"), ("KN", "PRK"), ("KS", "KOR"), ("UK", "GBR"),
     ("GM", "DEU"), ("SW", "SWE"), ("SZ", "CHE"), ("AS", "AUS"), ("AU", "AUT"), ("GZ", "PSE"), ("WE", "PSE"),
     ("KV", "XKX"), ("CH", "CHN"), ("TW", "TWN"), ("EI", "IRL"), ("EZ", "CZE"), ("IV", "CIV"), ("RP", "PHL"),
     ("VM", "VNM"), ("ZI", "ZWE"), ("TU", "TUR"), ("SU", "SDN"), ("OD", "SSD"), ("RI", "SRB"), ("MJ", "MNE"),
     ("us", "USA")],
)
def test_fips_to_iso3(fips, iso3):
    assert fips_to_iso3(fips) == iso3


@pytest.mark.parametrize("fips", ["", None, "XX", "OS", "PG"])
def test_fips_unknown_or_not_a_country(fips):
    assert fips_to_iso3(fips) is None


@pytest.mark.parametrize(
    "iso3, name, region, capital",
    [
        ("RUS", "Russia", "Eastern Europe", "Moscow"), ("USA", "United States", "Northern America", "Washington"),
        ("IRN", "Iran", "Southern Asia", "Tehran"), ("SYR", "Syria", "Western Asia", "Damascus"),
        ("KOR", "South Korea", "Eastern Asia", "Seoul"), ("AFG", "Afghanistan", "Southern Asia", "Kabul"),
        ("TJK", "Tajikistan", "Central Asia", "Dushanbe"), ("NGA", "Nigeria", "Western Africa", "Abuja"),
        ("BRA", "Brazil", "South America", "Brasília"), ("SUN", "Soviet Union", "Eastern Europe", "Moscow"),
        ("DDR", "East Germany", "Western Europe", "East Berlin"), ("PSE", "Palestine", "Western Asia", None),
    ],
)
def test_country_info(iso3, name, region, capital):
    c = country_info(iso3)
    assert (c.iso3, c.name, c.region) == (iso3, name, region)
    if capital:
        assert c.capital == capital
    assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
    assert region_for_country(iso3) == region


def test_country_info_coordinates_near_capital():
    kabul = country_info("AFG")
    assert abs(kabul.lat - 34.53) < 0.1 and abs(kabul.lon - 69.17) < 0.1


def test_every_country_has_region_and_coordinates():
    from analytics.geo import all_countries

    countries = all_countries()
    assert len(countries) > 240
    missing = [c.iso3 for c in countries if not c.region or c.lat is None or c.lon is None]
    assert missing == []
    # every canonical name resolves back to its own code
    assert [c.iso3 for c in countries if country_from_any(c.name) != c.iso3] == []


# --- gazetteer -------------------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analytics.geo import find_places, lookup_place  # noqa: E402


@pytest.mark.parametrize(
    "name, country, kind, region, lat, lon",
    [
        ("Kabul", "AFG", "city", "Southern Asia", 34.53, 69.17),
        ("Moscow", "RUS", "city", "Eastern Europe", 55.75, 37.62),
        ("Dushanbe", "TJK", "city", "Central Asia", 38.54, 68.78),
        ("Washington", "USA", "city", "Northern America", 38.90, -77.04),
        ("New York", "USA", "city", "Northern America", 40.71, -74.01),
        ("Kiev", "UKR", "city", "Eastern Europe", 50.45, 30.52),
        ("Mumbai", "IND", "city", "Southern Asia", 19.07, 72.88),
        ("Lagos", "NGA", "city", "Western Africa", 6.45, 3.39),
        ("São Paulo", "BRA", "city", "South America", -23.55, -46.63),
        ("Sao Paulo", "BRA", "city", "South America", -23.55, -46.63),
        ("Tajikistan", "TJK", "country", "Central Asia", 38.54, 68.78),
        ("Georgia", "GEO", "country", "Western Asia", 41.69, 44.83),
        ("California", "USA", "region", "Northern America", 35.2, -119.2),
        ("Crimea", "UKR", "region", "Eastern Europe", 45.3, 34.4),
        ("Gaza Strip", "PSE", "region", "Western Asia", 31.4, 34.35),
        ("Darfur", "SDN", "region", "Northern Africa", 13.5, 24.0),
        ("Central Asia", None, "region", "Central Asia", 43.0, 65.0),
    ],
)
def test_lookup_place(name, country, kind, region, lat, lon):
    p = lookup_place(name)
    assert (p.country, p.kind, p.region) == (country, kind, region)
    assert abs(p.lat - lat) < 0.5 and abs(p.lon - lon) < 0.5


@pytest.mark.parametrize(
    "name, country, expected",
    [("Hyderabad", None, "IND"), ("Hyderabad", "PAK", "PAK"), ("London", None, "GBR"), ("London", "CAN", "CAN")],
)
def test_lookup_place_ambiguous_names(name, country, expected):
    assert lookup_place(name, country).country == expected


@pytest.mark.parametrize(
    "name, country, kind",
    [("Kharkiv, Ukraine", "UKR", "city"), ("Moscow, Moskva, Russia", "RUS", "city"),
     ("Hyderabad, Sindh, Pakistan", "PAK", "city"), ("London, Ontario, Canada", "CAN", "city")],
)
def test_lookup_place_with_country_suffix(name, country, kind):
    p = lookup_place(name)
    assert (p.country, p.kind) == (country, kind)


@pytest.mark.parametrize("name", ["", None, "Atlantis", "Reading"])
def test_lookup_place_unknown(name):
    assert lookup_place(name) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops massed near Kharkiv, Ukraine.", [("Kharkiv", "UKR", "city"), ("Ukraine", "UKR", "country")]),
        ("officials in Hyderabad, Pakistan said", [("Hyderabad", "PAK", "city"), ("Pakistan", "PAK", "country")]),
        ("joint exercises in Uzbekistan and Tajikistan", [("Uzbekistan", "UZB", "country"),
                                                           ("Tajikistan", "TJK", "country")]),
        ("former Soviet allies in Central Asia", [("Central Asia", None, "region")]),
        ("protests in Aleppo and Homs", [("Aleppo", "SYR", "city"), ("Homs", "SYR", "city")]),
        # person names and sentence-initial words are not places
        ("Russian President Vladimir Putin spoke", []),
        ("Reading the report, Victoria said nothing", []),
        ("its embassy in Kabul", [("Kabul", "AFG", "city")]),
        # a demonym names the country, so its cities count without a preposition
        ("Afghan forces retook Kandahar and Herat.", [("Kandahar", "AFG", "city"), ("Herat", "AFG", "city")]),
        ("Kandahar and the Sahel", [("Sahel", None, "region")]),
        ("the Russia-Ukraine war", [("Russia", "RUS", "country"), ("Ukraine", "UKR", "country")]),
    ],
)
def test_find_places(text, expected):
    found = find_places(text)
    assert [(m.text, m.country, m.kind) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.lists(st.sampled_from(["in", "Kabul", "Hyderabad", ",", "Pakistan", "Central", "Asia", "and", "Homs",
                                   "Vladimir", "Putin", "-", "Russia", "'s", "the", "Gaza", "Strip", "."]),
                  max_size=40).map(" ".join))
def test_find_places_spans_are_sound(text):
    last_end = 0
    for m in find_places(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.kind in ("country", "city", "region")


# --- real GDELT samples (committed under tests/data/gdelt with their citation) ---------------------------

GDELT_DIR = Path(__file__).resolve().parent / "data" / "gdelt"


def _gdelt_rows():
    import csv

    for path, geo_cols in [
        (GDELT_DIR / "20180326044500.export.CSV", (37, 45, 53)),  # GDELT 2.0: *Geo_CountryCode
        (GDELT_DIR / "gdelt1_events_20160728_every10th.tsv", (37, 44, 51)),  # GDELT 1.0: no ADM2 columns
        (GDELT_DIR / "gdelt1_events_1982_every10th.tsv", (37, 44, 51)),
    ]:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                yield path.name, row, geo_cols


def test_every_gdelt_sample_fips_code_converts():
    codes = {row[c] for _name, row, cols in _gdelt_rows() for c in cols if row[c]}
    if not codes:
        pytest.skip("GDELT samples not present")
    assert len(codes) > 40
    assert sorted(c for c in codes if fips_to_iso3(c) is None) == []


def test_every_gdelt_sample_actor_country_code_converts():
    codes = {row[c] for _name, row, _cols in _gdelt_rows() for c in (7, 17) if row[c]}
    if not codes:
        pytest.skip("GDELT samples not present")
    # CAMEO actor country codes: ISO3-like, plus regions (AFR, EUR, ...) that are no country
    regions = {"AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDT",
               "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"}
    assert sorted(c for c in codes if c not in regions and country_from_any(c) is None) == []


def test_every_icews_sample_country_name_converts():
    icews = Path(__file__).resolve().parents[2] / "shared" / "reference" / "icews" / "events.2018.sample.tab"
    if not icews.exists():
        pytest.skip("../shared/reference/icews is absent (its rows are not redistributed)")
    import csv

    with icews.open(encoding="utf-8") as fh:
        names = {r[c] for r in csv.DictReader(fh, delimiter="\t") for c in ("Source Country", "Target Country", "Country")}
    names.discard("NA")
    assert len(names) > 100
    assert sorted(n for n in names if country_from_any(n) is None) == []


@pytest.mark.parametrize(
    "text, iso3",
    [("Iran (Islamic Republic of)", "IRN"), ("Bolivia (Plurinational State of)", "BOL"), ("Congo, Dem. Rep.", "COD"),
     ("Egypt, Arab Rep.", "EGY"), ("Gambia, The", "GMB"), ("Korea, DPR", "PRK"), ("Korea, Rep.", "KOR"),
     ("eSwatini", "SWZ"), ("Saint-Barthelemy", "BLM"), ("Lao PDR", "LAO"), ("Viet Nam", "VNM")],
)
def test_country_from_any_world_bank_and_un_forms(text, iso3):
    assert country_from_any(text) == iso3


@pytest.mark.parametrize(
    "text, expected",
    [("Male voters turned out.", []), ("The talks were held in Male, Maldives.", [("Male", "MDV"), ("Maldives", "MDV")]),
     ("Phoenix Suns won.", []), ("Protests spread in Phoenix on Sunday.", [("Phoenix", "USA")]),
     ("Lima hosted the summit.", [("Lima", "PER")])],
)
def test_word_like_city_names_need_context(text, expected):
    assert [(m.text, m.country) for m in find_places(text)] == expected


@pytest.mark.parametrize("text", ["George Washington crossed the river.", "Denzel Washington starred."])
def test_capital_as_surname_is_no_place(text):
    assert find_places(text) == []


@pytest.mark.parametrize("module", ["analytics.geo.countries", "analytics.geo.gazetteer"])
def test_docstring_examples(module):
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module(module)).failed == 0


def test_places_use_only_the_sub_regions_of_countries():
    from analytics.geo import all_countries
    from analytics.geo.countries import read_table

    regions = {c.region for c in all_countries()}
    used = {row[2] for row in read_table("gazetteer.tsv") if row[2]}
    assert used - regions == set()
    assert "Central Asia" in regions and "Southern Asia" in regions and len(regions) < 30


@pytest.mark.parametrize(
    "alias, raws, ok",
    [
        ("Gulf states", ("Gulf", "states"), True),
        ("Gulf states", ("Gulf", "States"), True),
        ("Gulf states", ("gulf", "states"), False),
        ("UN nuclear watchdog", ("UN", "nuclear", "watchdog"), True),
        ("Osama bin Laden", ("Osama", "bin", "Laden"), True),
        ("Osama bin Laden", ("Osama", "bin", "laden"), False),
    ],
)
def test_case_rule_masks_common_nouns(alias, raws, ok):
    from analytics.geo.phrases import case_ok, case_rule

    assert case_ok(case_rule(alias), raws) is ok
