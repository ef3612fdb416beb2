"""Dependencies, overseas territories and disputed territories: places with their own ISO3 where ISO has one,
regions of a state otherwise; a territory's state at a date (geo.countries.PART_OF). Table-driven."""
from __future__ import annotations

from datetime import date

import pytest

from analytics.actors import find_actors
from analytics.coding import code_text
from analytics.coding.mentions import find_places
from analytics.geo import country_at

PLACES = [
    # name as written, ISO3 of the place
    ("New Caledonia", "NCL"), ("Guadeloupe", "GLP"), ("Martinique", "MTQ"), ("French Guiana", "GUF"),
    ("Mayotte", "MYT"), ("Tahiti", "PYF"), ("Greenland", "GRL"), ("Faroe Islands", "FRO"), ("Puerto Rico", "PRI"),
    ("Guam", "GUM"), ("Gibraltar", "GIB"), ("Bermuda", "BMU"), ("Falkland Islands", "FLK"), ("Aruba", "ABW"),
    ("Hong Kong", "HKG"), ("Macau", "MAC"), ("Western Sahara", "ESH"), ("Kosovo", "XKX"),
    # regions of a state: the state's code
    ("Corsica", "FRA"), ("Azores", "PRT"), ("Madeira", "PRT"), ("Canary Islands", "ESP"), ("Ceuta", "ESP"),
    ("Melilla", "ESP"), ("Bougainville", "PNG"), ("Crimea", "UKR"), ("Abkhazia", "GEO"), ("Chechnya", "RUS"),
]


@pytest.mark.parametrize("name, iso3", PLACES)
def test_territory_place_country(name, iso3):
    found = find_places(f"Protests spread across {name} on Tuesday.")
    assert [p.country for p in found] == [iso3]


@pytest.mark.parametrize("iso3, day, state", [
    ("XKX", "1999-01-15", "YUG"), ("XKX", "2004-05-01", "SCG"), ("XKX", "2007-06-01", "SRB"),
    ("XKX", "2008-02-17", "XKX"), ("XKX", None, "XKX"), ("SRB", "1999-01-15", "SRB"), ("FRA", "1999-01-15", "FRA"),
])
def test_country_at(iso3, day, state):
    assert country_at(iso3, day) == state


def test_kosovo_before_independence_is_its_state():
    assert [m.code for m in find_actors("Kosovo said on Monday.", "1998-03-02")] == ["YUG"]
    assert [m.code for m in find_actors("Kosovo said on Monday.", "2012-03-02")] == ["XKX"]
    rows = code_text("Yugoslav troops shelled villages in Kosovo on Monday.", date(1998, 8, 10))
    assert rows and rows[0]["country"] == "YUG"
    rows = code_text("Serbian police raided villages in Kosovo on Monday.", date(2015, 8, 10))
    assert rows and rows[0]["country"] == "XKX"
