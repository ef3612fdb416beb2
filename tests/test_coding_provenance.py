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


def coded(text):
    import datetime as dt

    from analytics.coding import code_text

    return [(e["actor1"], e["actor1_country"], e["event_code"][:2], e["actor2"], e["actor2_country"], e["country"])
            for e in code_text(text, dt.date(1990, 1, 1))]


@pytest.mark.parametrize(
    "text, root, side, country",
    [
        # a country in a relative clause describes the person it follows, not the agent acting on him
        ("Kenyan students rioted on Thursday. Police arrested Ahmed Salim, a lawyer who once lived in France, in "
         "a cinema on Friday.", "17", 1, "KEN"),
        # nor the agent the clause's subject acts on: the talks' venue is not the militias' country
        ("Fighting resumed in Mogadishu on Sunday. Jan Eliasson, the UN envoy who led talks in Geneva, urged the "
         "militias to lay down their arms.", "02", 2, "SOM"),
        # the same country outside a relative clause is where the event is, and its agent's
        ("Kenyan students rioted on Thursday. Police arrested a lawyer in a cinema in France on Friday.", "17", 1,
         "FRA"),
    ],
)
def test_relative_clause_country_is_not_the_agents(text, root, side, country):
    events = [e for e in coded(text) if e[2] == root]
    assert events, coded(text)
    assert events[0][1 if side == 1 else 4] == country, events


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # an organisation's name ending a longer capitalised name is another body, of the state opening it
        ("Fighters of the Ethiopian People's Revolutionary Democratic Front entered the town.",
         ("Ethiopian People's Revolutionary Democratic Front", "ETHREB"), ("Democratic Front", "IRQREB")),
        ("Leaders of the Somali National Salvation Democratic Front met in Nairobi.",
         ("Somali National Salvation Democratic Front", "SOMREB"), ("Democratic Front", "IRQREB")),
        # the name alone, or after a state's possessive, keeps its code
        ("The Democratic Front said it would fight on.", ("Democratic Front", "IRQREB"), None),
        ("Forces loyal to Libya's UN-recognised government advanced.", ("UN", "IGOUNO"), None),
        # an all-capitals headline is no name: its words stay apart (found by the finder's property test)
        ("RUSSIA WARNS UN OVER SANCTIONS", ("UN", "IGOUNO"), ("RUSSIA WARNS UN", "RUSIGO")),
    ],
)
def test_partial_organisation_name(text, present, absent):
    found = codes(text)
    assert present in found, found
    if absent:
        assert absent not in found, found


@pytest.mark.parametrize(
    "text, root, country",
    [
        # a country of someone's past or refuge gives no agent its country
        ("Mr Sato returned to Tokyo on Monday after ten years of exile in France. Police said he was questioned.",
         "01", "JPN"),
        ("Mr Sato returned to Tokyo on Monday after he had lived in France. Police said he was questioned.",
         "01", "JPN"),
    ],
)
def test_background_place_gives_no_agent_its_country(text, root, country):
    events = [e for e in coded(text) if e[0] and "police" in e[0]]
    assert events and events[0][1] == country, coded(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # "exile" after a preposition without an article is a condition, not an exile who takes a country
        ("He came home from three years of exile in the United States.", "exile"),
        ("The king returned from exile on Monday.", "exile"),
    ],
)
def test_condition_noun_is_no_actor(text, absent):
    assert absent not in [t for t, _c in codes(text)], codes(text)


def test_an_exile_is_still_an_actor():
    assert ("exile", "OPP") in codes("An exile returned to the capital on Monday.")


@pytest.mark.parametrize(
    "text, places",
    [
        # a city whose name the text used as a person's surname is that person later on, possessive included
        ("Crowds cheered Ramon Mendoza on Sunday. Argentina said talks with Mendoza's aides failed.",
         [("Argentina", "ARG")]),
        # after a locative preposition it is still the city; with no such person it is the city
        ("Crowds cheered Ramon Mendoza on Sunday. Fighting broke out in Mendoza.", [("Mendoza", "ARG")]),
        ("Argentina said talks with Mendoza's aides failed.", [("Argentina", "ARG"), ("Mendoza", "ARG")]),
    ],
)
def test_surname_is_no_place(text, places):
    from analytics.geo import find_places

    assert [(m.text, m.country) for m in find_places(text)] == places


@pytest.mark.parametrize(
    "text",
    [
        # a place in a relative clause closed before the verb is not where the later act of the sentence is
        "Riots broke out in Nairobi on Thursday. Police arrested Ahmed Salim, a student leader who once lived in "
        "Uganda, on Friday and charged him with incitement on Saturday.",
        "Kenyan students rioted in Nairobi on Thursday. Police arrested Ahmed Salim, a lawyer who once lived in "
        "France, in a cinema on Friday afternoon and charged him with the student's murder early on Saturday.",
    ],
)
def test_relative_clause_place_before_the_verb(text):
    events = [e for e in coded(text) if e[2] == "17"]
    assert len(events) == 2, coded(text)
    assert {e[5] for e in events} <= {"KEN", None} and {e[1] for e in events} == {"KEN"}, events
