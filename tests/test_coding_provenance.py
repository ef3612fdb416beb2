"""Where an actor's country comes from: mechanisms that give actors and places the wrong country.

Each row is one general rule; the sentences are written for these tests, not taken from the devset.
"""

import pytest

from analytics.actors import find_actors


def codes(text, date="1990-01-01"):
    return [(m.text, m.code) for m in find_actors(text, date)]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # once a person is named, the surname (and its possessive) is the person, not a city of that name
        ("Crowds cheered Ramon Mendoza on Sunday. Mendoza's soldiers looted the market.",
         ("soldiers", "MIL"), ("Mendoza's soldiers", "ARGMIL")),
        ("Voters backed Luis Santos in the runoff. Santos's police cleared the square.",
         ("police", "COP"), ("Santos's police", "BRACOP")),
        ("Colonel Ramon Mendoza seized the town. Mendoza's soldiers then looted it.",
         ("soldiers", "MIL"), ("Mendoza's soldiers", "ARGMIL")),
        # with no person of that name, the possessive is still the city's
        ("Police said Mendoza's soldiers looted the market.", ("Mendoza's soldiers", "ARGMIL"), None),
        ("Santos's police cleared the port.", ("Santos's police", "BRACOP"), None),
    ],
)
def test_surname_is_the_person_not_a_place(text, present, absent):
    found = codes(text)
    assert present in found, found
    if absent:
        assert absent not in found, found
