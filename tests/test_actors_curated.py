"""Curated actors added for unseen news: international bodies and dated national movements. Table-driven."""
from __future__ import annotations

import pytest

from analytics.actors import find_actors

ROWS = [
    # text, date, expected code of the first mention
    ("FIFA suspended the federation.", "2015-05-27", "NGOSPT"),
    ("The International Olympic Committee banned the team.", "2017-12-05", "NGOSPT"),
    ("Solidarity called a strike.", "1981-12-01", "POLLAB"),
    ("Solidarity formed a government.", "1989-09-12", "POLGOV"),
    ("Sinn Fein welcomed the deal.", "1998-04-10", "GBROPP"),
    ("The Securitate fired on crowds.", "1989-12-17", "ROUSPY"),
    ("RENAMO rebels attacked a train.", "1987-06-01", "MOZREB"),
    ("FRELIMO won the election.", "1994-10-29", "MOZGOV"),
]


@pytest.mark.parametrize("text, day, code", ROWS)
def test_curated_actor(text, day, code):
    found = find_actors(text, day)
    assert found and found[0].code == code
