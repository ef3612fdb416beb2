"""Target (actor2) rules for unseen text (analytics/coding/roles.py, participants.py, context.py and the actor
lexicons), one table per class of error seen on independently written sets, table-driven.

Each row is a sentence written for this test (not from the development set) and the (source country, root,
target country) the coder must give: CAMEO codes the target whenever the text names one, generic or not.
"""
from __future__ import annotations

from datetime import date

import pytest

from analytics.coding import code_text

DCT = date(2019, 3, 14)


def _rows(text: str) -> list[dict]:
    return code_text(text, DCT)


def _has(text: str, src: str | None, root: str, tgt: str | None) -> bool:
    return any(r["actor1_country"] == src and r["event_root"] == root and r["actor2_country"] == tgt
               for r in _rows(text))


# Generic bodies and people as objects: a parliament, workers, prosecutors, deputies, suspects are actors without
# a country modifier, and take the country of the story
GENERIC_OBJECTS = [
    ("Zambian President Joseph Banda dissolved parliament on Tuesday.", "ZMB", "17", "ZMB"),
    ("Peruvian police arrested several suspects in Lima on Monday.", "PER", "17", "PER"),
    ("Kenyan President Moses Kibet told the workers on Friday that the strike was over.", "KEN", "01", "KEN"),
    ("Egyptian judges sentenced the deputies to prison in Cairo on Sunday.", "EGY", "11|17", "EGY"),
]


@pytest.mark.parametrize("text, src, root, tgt", GENERIC_OBJECTS)
def test_generic_body_or_people_as_object_is_the_target(text, src, root, tgt):
    assert any(_has(text, src, r, tgt) for r in root.split("|")), _rows(text)


# "an investigation into the deputies": people or a body after "into" are the object, not a place
INTO_BODIES = [
    ("Romanian prosecutors opened an investigation into the senators on Thursday.", "ROU", "09", "ROU"),
    ("Polish prosecutors launched an inquiry into the judges on Monday.", "POL", "09", "POL"),
]


@pytest.mark.parametrize("text, src, root, tgt", INTO_BODIES)
def test_people_after_into_are_the_target(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


# "more than 100 lawmakers defied him": a quantity's "than" or "as" is no preposition; the people are the subject
QUANTITY_SUBJECTS = [
    ("Hours after more than 200 lawmakers defied Serbian President Marko Ilic, he resigned.", "SRB", "12", "SRB"),
    ("Hours after more than 60 Sudanese students stormed the Egyptian embassy, Cairo recalled its ambassador.",
     "SDN", "18", "EGY"),
]


@pytest.mark.parametrize("text, src, root, tgt", QUANTITY_SUBJECTS)
def test_a_quantity_before_the_subject_keeps_it_the_subject(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


# a strike for wages is against an employer the text does not name, not the government
def test_strike_for_wages_invents_no_government_target():
    rows = [r for r in _rows("Chilean miners walked off the job on Monday to demand higher wages.")
            if r["event_root"] == "14"]
    assert rows and all(r["actor2"] is None for r in rows), rows


# Companies as parties: a company is its head office's state's business actor (BUS), source or target
COMPANIES = [
    ("Ukraine's Naftogaz halted gas deliveries to Moldova on Tuesday.", "UKR", "16", "MDA"),
    ("Venezuela seized the assets of ExxonMobil on Friday.", "VEN", "17", "USA"),
    ("Rosneft suspended its deals with BP on Wednesday.", "RUS", "16", "GBR"),
]


@pytest.mark.parametrize("text, src, root, tgt", COMPANIES)
def test_companies_are_actors_of_their_home_state(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


# An extradition (063) is judicial cooperation with the court or state that receives the person
EXTRADITIONS = [
    ("Croatia extradited the former general Ante Kovac to the UN war crimes tribunal on Monday.", "HRV", None),
    ("Colombia extradited the drug trafficker Pablo Ruiz to the United States on Friday.", "COL", "USA"),
]


@pytest.mark.parametrize("text, src, tgt", EXTRADITIONS)
def test_extradition_targets_the_receiver(text, src, tgt):
    rows = [r for r in _rows(text) if r["event_code"] == "063"]
    assert rows and rows[0]["actor1_country"] == src and rows[0]["actor2_country"] == tgt, rows
    assert rows[0]["actor2"] is not None and "Ruiz" not in rows[0]["actor2"] and "Kovac" not in rows[0]["actor2"]


# Unnamed people killed by an attack's consequence are its target (civilians of the event's country)
CONSEQUENCE_VICTIMS = [
    ("Sudanese warplanes bombed the market town of Kadugli on Sunday, killing dozens of people.", "SDN", "SDN"),
    ("Nigerian officials said Boko Haram fighters carried out a bomb attack on the town of Gombe that killed 30 "
     "people.", "NGA", "NGA"),
]


@pytest.mark.parametrize("text, src, tgt", CONSEQUENCE_VICTIMS)
def test_people_killed_by_the_consequence_are_the_target(text, src, tgt):
    rows = [r for r in _rows(text) if r["event_root"] in {"18", "19", "20"}]
    assert any(r["actor1_country"] == src and r["actor2_country"] == tgt and r["actor2"] for r in rows), rows


# ", the first X to ...": an apposition on the subject after the comma names no object
SUBJECT_APPOSITIONS = [
    ("Indian Prime Minister Ravi Menon arrived in Islamabad on Friday, the first Indian leader to visit Pakistan "
     "in a decade.", "IND", "04", "PAK"),
]


@pytest.mark.parametrize("text, src, root, tgt", SUBJECT_APPOSITIONS)
def test_apposition_on_the_subject_is_no_target(text, src, root, tgt):
    assert _has(text, src, root, tgt) and not _has(text, src, root, "IND"), _rows(text)


# An act named back by its result ("backed the apology", "would not recognise the dissolution") targets its doer
RESULT_ANAPHORS = [
    ("Canadian Prime Minister Paul Lavoie apologised to the Inuit on Monday. Opposition leader Anne Roy welcomed "
     "the apology.", "05", "CAN"),
    ("Peruvian President Jorge Salas dissolved the legislature on Monday. The opposition rejected the dissolution.",
     "12", "PER"),
]


@pytest.mark.parametrize("text, root, tgt", RESULT_ANAPHORS)
def test_result_noun_points_to_the_doer(text, root, tgt):
    second = text.split(". ", 1)[1]
    rows = [r for r in _rows(text) if r["sentence"].startswith(second[:20]) and r["event_root"].startswith(root)]
    assert any(r["actor2_country"] == tgt for r in rows), rows


# "warned that he would halt X to Y": a threat of the speaker's own act targets that act's object
OWN_ACT_THREATS = [
    ("Russian President Oleg Volkov warned on Monday that he would cut gas supplies to Moldova.", "RUS", "13", "MDA"),
    ("Turkey warned on Friday that it would close its airspace to Israel.", "TUR", "13", "ISR"),
]


@pytest.mark.parametrize("text, src, root, tgt", OWN_ACT_THREATS)
def test_threat_of_own_act_targets_its_object(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


# A crowd's violence at home (rioters, mobs, militias) is against what it burns or attacks, not against its state
CROWD_VIOLENCE = [
    "Rioters burned dozens of shops in Bulawayo on Tuesday.",
    "Mobs set fire to a market in Kano overnight.",
]


@pytest.mark.parametrize("text", CROWD_VIOLENCE)
def test_crowd_violence_at_home_does_not_target_the_state(text):
    rows = [r for r in _rows(text) if r["event_root"] in {"14", "18"}]
    assert rows and all(r["actor2"] is None for r in rows), rows


# A raid that frees hostages is against their captors, not the place or the building's owner
RESCUE_RAIDS = [
    ("Colombian soldiers stormed a farmhouse near Cali on Sunday and freed six hostages held by FARC rebels.",
     "COL", "COL", "FARC"),
    ("Kenyan troops raided a compound in Mombasa, freeing 12 hostages held by al-Shabaab militants.",
     "KEN", "SOM", "Shabaab"),
]


@pytest.mark.parametrize("text, src, tgt, name", RESCUE_RAIDS)
def test_rescue_raid_targets_the_captors(text, src, tgt, name):
    rows = [r for r in _rows(text) if r["event_root"] in {"17", "18", "19"}]
    assert any(r["actor1_country"] == src and r["actor2_country"] == tgt and name in (r["actor2"] or "")
               for r in rows), rows


# People outside the dictionaries: an age before a name ("22-year-old X"), a particle joined by a hyphen
# ("Nimr al-Nimr") make the whole name a person, the target of the act on them
UNLISTED_PEOPLE = [
    ("Egyptian police detained 24-year-old Salma Fathy in Cairo on Monday.", "EGY", "17", "Salma Fathy"),
    ("Bahrain executed the Shiite cleric Hasan al-Jabri on Saturday.", "BHR", "18", "Hasan al-Jabri"),
]


@pytest.mark.parametrize("text, src, root, name", UNLISTED_PEOPLE)
def test_unlisted_person_is_the_target(text, src, root, name):
    rows = [r for r in _rows(text) if r["event_root"] == root]
    assert any(r["actor1_country"] == src and r["actor2"] == name and r["actor2_country"] == src for r in rows), rows


# "the Catalan leader, X,": a definite title or head noun before a comma introduces the name after it, a person
APPOSED_NAMES = [
    ("Bolivian President Rosa Quispe demanded on Monday that the regional leader, Marco Antezana, withdraw his "
     "threat.", "BOL", "10", "Marco Antezana"),
    ("Sri Lankan police arrested the opposition leader, Kamal Perera, in Colombo on Friday.", "LKA", "17",
     "Kamal Perera"),
]


@pytest.mark.parametrize("text, src, root, name", APPOSED_NAMES)
def test_title_comma_name_is_a_person_target(text, src, root, name):
    rows = [r for r in _rows(text) if r["event_root"] == root]
    assert any(r["actor1_country"] == src and r["actor2"] == name and r["actor2_country"] == src for r in rows), rows


# "defended the police": the one a leader defends or protects is the target, a state agent too
def test_defended_state_agent_is_the_target():
    text = "Kenyan police fired on protesters in Nairobi. Kenyan President Amos Kiprop defended the police on Monday."
    rows = [r for r in _rows(text) if r["sentence"].startswith("Kenyan President") and r["event_root"] in {"05", "07"}]
    assert rows and rows[0]["actor2_country"] == "KEN" and "police" in rows[0]["actor2"], rows


# Actors in general: "Special forces soldiers in X detained": a plural noun after the sentence's first capitalised
# words modifies the subject, it is no verb with an object; "an international tribunal" is no one country's
SUBJECTS = [
    ("Special forces soldiers in Mali detained President Ibrahim Keita on Tuesday.", "MLI", "17", "MLI"),
    ("Republican Guard troops in Niger detained President Mohamed Bazoum on Wednesday.", "NER", "17", "NER"),
]


@pytest.mark.parametrize("text, src, root, tgt", SUBJECTS)
def test_plural_modifier_does_not_make_the_subject_an_object(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


def test_international_body_takes_no_country_from_the_sentence():
    rows = [r for r in _rows("An international tribunal in Geneva ruled against Russia's claims on Monday.")
            if r["event_root"] == "11"]
    assert rows and rows[0]["actor1"] and rows[0]["actor1_country"] is None and rows[0]["actor2_country"] == "RUS", rows


# Craft and crews: a navy's ship by its prefix ("the frigate HMS X") is that state's military; an airline is its
# state's business; a crew is of its craft's country, not of the place where it is held
CRAFT = [
    ("Iranian boats attacked the frigate HMS Clyde in the Gulf on Monday.", "IRN", "19", "GBR"),
    ("Russian troops shot down a Malaysia Airlines airliner over Ukraine on Thursday.", "RUS", "19", "MYS"),
    ("A US Navy plane landed on a Chinese island on Sunday after a collision. China detained the 24 crew members.",
     "CHN", "17", "USA"),
]


@pytest.mark.parametrize("text, src, root, tgt", CRAFT)
def test_craft_and_crews_belong_to_their_state(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


# "the leader of X, NAME,": the title's organisation or state gives the person named after the comma
def test_leader_of_group_comma_name_is_the_person():
    rows = _rows("Kenyan troops captured the leader of al-Shabaab, Hassan Dahir Omar, near Kismayo on Monday.")
    assert any(r["actor1_country"] == "KEN" and r["actor2"] == "Hassan Dahir Omar" for r in rows), rows


# Concern is expressed about another's last act: its doer is the target
CONCERN = [
    ("Pakistan tested a nuclear-capable missile on Monday. India expressed grave concern.", "IND", "PAK"),
]


@pytest.mark.parametrize("text, src, tgt", CONCERN)
def test_concern_targets_the_doer_of_the_last_act(text, src, tgt):
    rows = [r for r in _rows(text) if r["actor1_country"] == src and r["event_root"] in {"01", "11"}]
    assert rows and rows[0]["actor2_country"] == tgt, rows


# Countries of actors: rebels rise where the story is, not in the country of foreign troops named with them; a
# city's former name is still its place; a country inside a company's name is no place of the story
STORY_COUNTRIES = [
    ("French paratroopers landed in Leopoldville on Monday to evacuate foreigners. The rebels shelled the airport.",
     "rebels", "COD"),
    ("A Malaysia Airlines jet crashed in eastern Ukraine on Thursday. The rebels denied shooting it down.",
     "rebels", "UKR"),
]


@pytest.mark.parametrize("text, who, country", STORY_COUNTRIES)
def test_generic_actor_takes_the_story_country(text, who, country):
    rows = [r for r in _rows(text) if who in (r["actor1"] or "")]
    assert rows and all(r["actor1_country"] == country for r in rows), rows


# The other party of a joint or reciprocal act: a joint act makes the coordinated doers each other's partners, and
# "North and South Korea" (a direction word sharing the next country's name) are two states
PARTNERS = [
    ("Indian and Japanese warships held joint drills in the Bay of Bengal on Monday.", {("IND", "JPN"), ("JPN", "IND")}),
    ("North and South Korea signed an accord at Panmunjom on Friday.", {("PRK", "KOR"), ("KOR", "PRK")}),
]


@pytest.mark.parametrize("text, pairs", PARTNERS)
def test_each_is_the_others_partner(text, pairs):
    got = {(r["actor1_country"], r["actor2_country"]) for r in _rows(text)}
    assert pairs <= got, got


# "the largest exercise Russia has held": a name after an event noun followed by its verb is the noun's doer
def test_name_in_relative_clause_after_event_noun_is_no_target():
    rows = _rows("Chinese and Pakistani troops began joint drills on Monday, the largest exercise China has held.")
    assert not any(r["actor2_country"] == "CHN" and r["actor1_country"] == "CHN" for r in rows), rows


# An army yields to the armed side it fights, named in the sentence
YIELDS = [
    ("Rebel fighters entered Goma on Tuesday after Congolese troops abandoned the town and retreated south.",
     "COD", "08", "COD"),
]


@pytest.mark.parametrize("text, src, root, tgt", YIELDS)
def test_army_yields_to_its_foe(text, src, root, tgt):
    rows = [r for r in _rows(text) if r["event_root"] == root and r["actor1_country"] == src]
    assert rows and all(r["actor2"] and "rebel" in r["actor2"].lower() for r in rows), rows


# The subject of "and <verb>" is the clause's subject, not a possessive inside the first verb's object; "the Navy"
# alone is the story's navy
SHARED_SUBJECTS = [
    ("Iranian gunboats fired on a tanker. Chilean President Jorge Rivas ordered the navy to double its patrols and "
     "warned Tehran of grave consequences.", "CHL", "13", "IRN"),
]


@pytest.mark.parametrize("text, src, root, tgt", SHARED_SUBJECTS)
def test_possessive_in_object_is_no_subject(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)


def test_the_navy_alone_is_an_actor():
    from analytics.actors import find_actors
    assert any(m.code == "MIL" for m in find_actors("The president ordered the Navy to leave the gulf."))


# "East and West Berlin": a direction word before a city's name is part of the place, not "the West"
def test_direction_word_before_a_city_is_no_region_actor():
    from analytics.actors import find_actors
    found = find_actors("Soldiers closed the crossings between East and West Beirut on Monday.")
    assert not any(m.code == "WST" for m in found), found


# A state's own forces: "its last troops" (a possessive with an adjective between) are the owner's, not of the
# place they leave; "sent them in" with "them" its own troops is no target
OWN_FORCES = [
    ("Syria withdrew its last troops from northern Lebanon on Tuesday.", "SYR", "08", "LBN"),
]


@pytest.mark.parametrize("text, src, root, tgt", OWN_FORCES)
def test_own_forces_are_the_owners(text, src, root, tgt):
    assert _has(text, src, root, tgt), _rows(text)
    assert not any(r["actor2_country"] == tgt and "troops" in (r["actor2"] or "") for r in _rows(text))


def test_own_troops_sent_are_no_target():
    rows = code_text("Cuban troops left Angola on Monday, sixteen years after Havana sent them in.", date(1991, 5, 27))
    assert not any(r["actor1_country"] == "CUB" and r["actor2_country"] == "CUB" for r in rows), rows


# Addressees of speech acts: "told the nation" is the speaker's own country's people
def test_told_the_nation_addresses_own_people():
    rows = [r for r in _rows("Nigerian President Bola Adeyemi told the nation on Monday that the curfew would end.")
            if r["event_root"] == "01"]
    assert rows and rows[0]["actor2_country"] == "NGA" and "citizens" in rows[0]["actor2"], rows


# The other party of a contest: a concession ("conceded defeat") is to the one the story says defeated the loser
def test_concession_targets_the_winner():
    text = ("Opposition leader Maria Duarte defeated President Carlos Vega in Peru's election on Sunday. Vega "
            "conceded defeat on Monday.")
    rows = [r for r in code_text(text, date(2019, 3, 12)) if r["sentence"].startswith("Vega")]
    assert rows and all(r["actor2"] == "Maria Duarte" for r in rows), rows


# A denial answers whoever last acted against the denier
def test_denial_targets_the_last_actor_against_the_denier():
    text = "Canada expelled four Chinese diplomats on Monday over a spying case. China denied any involvement."
    rows = [r for r in _rows(text) if r["sentence"].startswith("China") and r["event_root"] == "01"]
    assert rows and rows[0]["actor2_country"] == "CAN", rows


# Condolences go to the victim of the story's last material act
def test_condolences_go_to_the_last_victim():
    text = "Gunmen killed President Ali Farah of Djibouti on Monday. Kenya's President Samuel Otieno expressed his condolences."
    rows = [r for r in _rows(text) if r["sentence"].startswith("Kenya") and r["event_root"] == "01"]
    assert rows and rows[0]["actor2_country"] == "DJI", rows


# An arrival's host is the country the sentence says was visited ("..., becoming the first X to visit Y")
def test_arrival_host_from_to_visit():
    text = "Indian Prime Minister Ravi Menon landed at an air base on Friday, becoming the first Indian leader to visit Pakistan."
    assert _has(text, "IND", "04", "PAK"), _rows(text)


# People held (prisoners, captives, inmates) are actors, the targets of releases and killings
HELD_PEOPLE = [
    ("Cuban authorities freed 40 prisoners in Havana on Monday.", "CUB", "CUB"),
    ("Rebels shot dozens of the captives in Juba on Tuesday.", "SSD", "SSD"),
]


@pytest.mark.parametrize("text, src, tgt", HELD_PEOPLE)
def test_people_held_are_targets(text, src, tgt):
    assert any(r["actor1_country"] == src and r["actor2_country"] == tgt and r["actor2"] for r in _rows(text)), _rows(text)


# "an investigation into Iran's crackdown": the possessor of the act investigated is the target, not a place
def test_investigation_into_a_states_act_targets_the_state():
    text = "Swedish prosecutors opened an investigation into Belarus's crackdown on Monday."
    assert any(r["event_root"] == "09" and r["actor2_country"] == "BLR" for r in _rows(text)), _rows(text)
