"""Where an event happened (analytics/coding/places.py), end to end with the real actor and place components."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text

DCT = dt.date(2021, 10, 20)


def countries(text: str) -> list:
    return [r["country"] for r in code_text(text, DCT)]


@pytest.mark.parametrize("text, expected", [
    # a place governed by "in" before the verb beats one reached by "from" after it
    ("Voters in Greenland rejected independence from Denmark on Thursday.", ["GRL"]),
    # a demonym before a place noun names the country ("off" is locative)
    ("Somali pirates seized a Greek tanker off the Kenyan coast on Friday.", ["KEN"]),
    # a state after a comma ends the locative phrase before it
    ("Presidents Bush and Putin met at a farm in Crawford, Texas, on Friday.", ["USA", "USA"]),
    # "of" after a locative head noun or a direction
    ("Kenyan police fired tear gas at crowds in the streets of Mombasa on Monday.", ["KEN"]),
    ("Gunmen killed five villagers in a village north of Kabul on Monday.", ["AFG"]),
    # "and their families" joins two nouns, not two clauses
    ("Police fired on striking dockworkers and their families in the port city of Mombasa on Friday.",
     ["KEN"]),     # one firing; "striking" is an adjective, no second event
    # a long object does not push the place out of reach
    ("Soldiers shot dead the rebel commander and a dozen of his loyal bodyguards in Kinshasa on Friday.", ["COD"]),
    # the place a violent verb is done to
    ("Rebels captured the northern town of Gao on Sunday.", ["MLI"]),
    ("US troops invaded the Caribbean island of Grenada on Tuesday.", ["GRD"]),
    # "over" is a place for violence ("shot down over"), not for words ("argued over")
    ("Rebels shot down a transport plane over eastern Ukraine on Saturday.", ["UKR"]),
    # a capital before a noun is still a place after a locative
    ("A plane was shot down near Kigali airport on Wednesday.", ["RWA"]),
    # a participle of the same moment does not end the clause
    ("Bishop Juan Gerardi was shot dead by a gunman while leading prayers in a small chapel in Managua on Sunday.",
     ["NIC"]),
])
def test_written_place(text, expected):
    assert countries(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the fighting in Yemen" is the fighting's place; the appeal's is the later one
    ("Pope Francis appealed for an end to the fighting in Yemen at a mass in Lisbon on Sunday.", ["PRT"]),
    # with no other place, the only one stays
    ("Pope Francis appealed for an end to the fighting in Yemen on Sunday.", ["YEM"]),
])
def test_place_of_another_event_noun(text, expected):
    assert countries(text) == expected


@pytest.mark.parametrize("text, expected", [
    # aid goes to, a withdrawal leaves, a country
    ("Japan flew relief supplies to Haiti on Tuesday.", ["HTI"]),
    ("The last American troops left Iraq on Sunday.", ["IRQ"]),
    # a state expels at home
    ("Kenya expelled the Somali ambassador on Monday.", ["KEN"]),
    # and grants asylum at home
    ("Norway granted the dissident writer asylum on Thursday.", ["NOR"]),
    # "in the capital" is the story's, not the victims' country
    ("Fighting broke out near Kigali airport on Monday. Belgium said ten of its soldiers had been killed in the "
     "capital.", ["RWA"]),
    # a people votes at home
    ("Zambian voters rejected the new constitution in a referendum on Friday.", ["ZMB"]),
    # the story continues where it was
    ("Protesters clashed with police in Quito on Monday. Police fired tear gas at the crowds on Tuesday.",
     ["ECU", "ECU"]),
    # "in the capital": the capital of the country the story is in
    ("Riots broke out in Bamako on Monday. Soldiers fought armed gangs in the capital on Tuesday.", ["MLI"]),
])
def test_place_the_text_implies(text, expected):
    rows = code_text(text, DCT)
    assert [r["country"] for r in rows][-len(expected):] == expected


@pytest.mark.parametrize("text", [
    # two countries and no place: nothing says where
    "Egypt broke off relations with Qatar on Monday.",
    # an air strike is not at home
    "Turkish jets bombed the airport on Monday.",
    # a victim's nationality is not the place
    "Kidnappers released the French journalist on Sunday.",
    # a withdrawal is not at home
    "Israel completed the withdrawal of its troops and settlers on Monday.",
])
def test_no_place_when_the_text_gives_none(text):
    assert set(countries(text)) == {None}


@pytest.mark.parametrize("text, expected", [
    # a city named with its article after a locative ("in The Hague")
    ("The court ruled in The Hague on Friday that the expulsions were illegal.", ["NLD"]),
    # a country in the possessive before a building of its state, for violence, and for a coordinated verb
    ("Gunmen stormed Peru's parliament on Friday and took the prime minister hostage.", ["PER", "PER"]),
    # "of" after a locative head with a noun modifier before it
    ("Two bombers blew themselves up in the departure hall of Madrid airport on Tuesday.", ["ESP"]),
    # a state freeing someone does so at home
    ("Cuba freed the American contractor on Wednesday.", ["CUB"]),
    # troops withdrawn "from" a place leave it
    ("Israel withdrew its last troops from southern Lebanon on Wednesday.", ["LBN"]),
    # a clause of the same moment places the event when its own clause does not
    ("A gunman shot the former prime minister as he gave a speech in the city of Osaka on Friday.", ["JPN"]),
])
def test_places_second_round(text, expected):
    assert countries(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    # "the city", "the capital" as the trigger's object is the place the story is in
    ("Rebels captured Kinshasa on Friday after government troops abandoned the city and retreated north.", "COD"),
    ("Rebels fought soldiers in Goma, Congo, on Monday. The soldiers abandoned the city and retreated west.", "COD"),
])
def test_anaphor_object_is_the_story_place(text, expected):
    assert [r["country"] for r in code_text(text, DCT) if r["event_code"] == "080"] == [expected]
