"""People the dictionaries lack, introduced by an apposition ("Joseph Tamba, a rebel commander,"): table-driven,
sentences written for this test."""
from __future__ import annotations

import pytest

from analytics.actors import find_actors

DESCRIBED = [
    # text, name, code of the first mention, later short mention resolves to the same name
    ("Joseph Tamba, a rebel commander, attacked the town. Tamba later freed ten hostages.", "Joseph Tamba", "REB"),
    ("Rania Haddad, the opposition leader, called a strike. Police arrested Haddad on Friday.", "Rania Haddad", "OPP"),
    ("Omar Salah, a senior Hamas official, said the group would not disarm. Salah left for Doha.", "Omar Salah",
     None),
]


@pytest.mark.parametrize("text, name, code", DESCRIBED)
def test_apposition_introduces_person(text, name, code):
    found = [m for m in find_actors(text) if m.kind == "person"]
    assert found and found[0].name == name
    if code:
        assert found[0].code == code
    else:
        assert found[0].code and found[0].code.startswith("PSE")     # the group's code
    assert len(found) == 2 and found[1].name == name                 # the surname later is the same person


NOT_PEOPLE = [
    "On Monday, the army said it had killed five militants.",
    "Early Tuesday, a rebel commander said the town had fallen.",
    "Port Moresby, the capital, was calm.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_no_person_without_unknown_name(text):
    assert not [m for m in find_actors(text) if m.kind == "person"]


TITLED = [
    # text, name, code: a former-office participle between the country and the title
    ("Chile's ousted leader Tomas Ibarra fled to Peru.", "Tomas Ibarra", "CHLELI"),
    ("Kenya's former president Daniel Otieno spoke on Monday.", "Daniel Otieno", "KENELI"),
]


@pytest.mark.parametrize("text, name, code", TITLED)
def test_country_former_title_name(text, name, code):
    people = [m for m in find_actors(text) if m.kind == "person"]
    assert [(m.name, m.code) for m in people] == [(name, code)]


# a capitalised agent word inside a name is part of the name ("Ngo" is how "NGO" is written in a title)
NAME_WORDS = [
    ("His brother Ngo Van Long was arrested.", "ngo"),
    ("President Tran Van Minh and his aide Ngo Thanh Son met the envoy.", "ngo"),
]


@pytest.mark.parametrize("text, word", NAME_WORDS)
def test_agent_word_inside_name_is_no_agent(text, word):
    assert not [m for m in find_actors(text) if m.kind == "agent" and m.text.lower() == word]


# bodies the lexicons lack, named with their kind: an agent named as written, with the role the kind gives
BODIES = [
    ("The Kanak liberation movement rejected the vote.", "Kanak liberation movement", "OPP"),
    ("The militant group Ansar Beit al-Maqdis claimed the attack.", "Ansar Beit", "REB"),
    ("The Popular Front for Renewal won the vote.", "Popular Front", "OPP"),
    ("The OKP collective called a strike.", "OKP collective", "OPP"),
]


@pytest.mark.parametrize("text, name, role", BODIES)
def test_named_body(text, name, role):
    found = [m for m in find_actors(text) if m.kind == "agent" and m.name.startswith(name)]
    assert found and found[0].code == role


@pytest.mark.parametrize("text", [
    "On Monday the party said it would vote.",
    "Police said the group had left.",
    "The militant group Hamas fired rockets.",      # a known group stays itself
])
def test_no_named_body_without_a_name(text):
    assert not [m for m in find_actors(text) if m.kind == "agent" and m.name[:1].isupper()]
