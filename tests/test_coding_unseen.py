"""Rules added after scoring unseen passages: each row is a general class seen there, written with
sentences of our own (none is a development-set passage)."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text
from analytics.coding.context import story_country
from analytics.coding.mentions import ActorRef, PlaceRef

DCT = dt.date(2020, 5, 20)


def rows(text: str) -> list[dict]:
    return code_text(text, DCT)


def _actor(start, country, kind="country"):
    return ActorRef(start, start + 5, country, country, country, None, kind)


def _place(start, country):
    return PlaceRef(start, start + 5, country, country, None, None, None)


@pytest.mark.parametrize("actors, places, expected", [
    ([], [], None),
    ([_actor(0, "KEN")], [], "KEN"),
    # a place counts twice: events happen there
    ([_actor(0, "KEN"), _actor(10, "UGA")], [_place(20, "UGA")], "UGA"),
    # a tie goes to the first named
    ([_actor(0, "KEN"), _actor(10, "UGA")], [], "KEN"),
    # persons and organisations say nothing about the story's country
    ([_actor(0, "KEN", "person"), _actor(10, "UGA")], [], "UGA"),
])
def test_story_country(actors, places, expected):
    assert story_country(actors, places) == expected


@pytest.mark.parametrize("text, person, country", [
    # a person introduced by a bare title belongs to the country the story is about
    ("Thousands marched in Nairobi on Monday. President Daniel Moi condemned the protesters.",
     "Daniel Moi", "KEN"),
    # a visit abroad is no change of nationality
    ("Troops in Peru arrested rebels in Lima. President Alberto Fujimori later flew to Ecuador.",
     "Alberto Fujimori", "PER"),
    # an international official keeps no country
    ("Fighting went on in Yemen. Secretary-General Antonio Guterres urged restraint.",
     "Antonio Guterres", None),
])
def test_bare_title_person_takes_the_story_country(text, person, country):
    got = [r for r in rows(text) if r["actor1"] == person]
    assert got, rows(text)
    assert {r["actor1_country"] for r in got} == {country}


def test_a_story_country_guess_lowers_confidence():
    named = [r for r in rows("Kenyan President Daniel Moi condemned the protesters in Nairobi.")
             if r["actor1"] == "Daniel Moi"]
    bare = [r for r in rows("Thousands marched in Nairobi on Monday. President Daniel Moi condemned the protesters.")
            if r["actor1"] == "Daniel Moi"]
    assert named and bare and bare[0]["confidence"] < named[0]["confidence"]
