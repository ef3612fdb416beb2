"""Event side of the coder, end to end on wire-style sentences (real actor, place and date components):
which verbs and nouns are events, their CAMEO code, and which actor is the source and which the target.
Each row is one general rule; none is a development-set passage."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text

DCT = dt.date(2020, 5, 20)


def triples(text: str) -> list[tuple]:
    return [(r["actor1_country"], r["event_code"], r["actor2_country"]) for r in code_text(text, DCT)]


@pytest.mark.parametrize("text, expected", [
    # coups: CAMEO has no coup code; removing a government by force is coercion, 170 (verbs_extra.tsv)
    ("The military seized power in Bolivia on Monday.", [("BOL", "170", "BOL")]),
    ("Rebels toppled President Francois Bozize in Bangui.", [("CAF", "170", "CAF")]),
    ("Army officers staged a coup in Niger on Tuesday.", [("NER", "170", "NER")]),
    # a military landing is an attack, peacekeepers landing come to protect, anyone else visits
    ("Turkish troops landed in Cyprus on Saturday.", [("TUR", "190", "CYP")]),
    ("French President Emmanuel Macron landed in Algeria on Thursday.", [("FRA", "042", "DZA")]),
    # project verb patterns: ordering people out is an expulsion, summoning in protest a complaint
    ("China summoned the Japanese ambassador to protest the visit.", [("CHN", "114", "JPN")]),
    ("The United States sold weapons to Taiwan.", [("USA", "072", "TWN")]),
    ("Hijackers crashed two airliners into buildings in New York.", [("USA", "180", "USA")]),
])
def test_verbs_missing_from_petrarch(text, expected):
    assert [(a, c, b) for a, c, b in triples(text)][:1] == expected[:1]


@pytest.mark.parametrize("text, expected", [
    # a place as direct object stands for its country
    ("Russia annexed Crimea in March 2014.", [("RUS", "192", "UKR")]),
    ("The annexation of Crimea by Russia angered Kyiv.", ("RUS", "192", "UKR")),
    # a territory handed over: the recipient is the target
    ("Britain handed Hong Kong back to China in 1997.", [("GBR", "084", "CHN")]),
    # the country left behind is the target of a recall
    ("Britain recalled its ambassador from Iran on Thursday.", [("GBR", "161", "IRN")]),
    # a demonym before a common noun stands for its country when no actor is named
    ("The United States sanctioned Russian oligarchs on Friday.", [("USA", "163", "RUS")]),
    ("Ukraine shot down a Russian helicopter on Tuesday.", [("UKR", "190", "RUS")]),
])
def test_targets_written_as_places_and_things(text, expected):
    got = triples(text)
    if isinstance(expected, tuple):
        assert expected in got
    else:
        assert got == expected


def test_talks_between_two_sides_are_reciprocal():
    got = triples("Talks between Israel and Hamas broke down in Cairo on Monday.")
    assert got == [("ISR", "046", "PSE"), ("PSE", "046", "ISR")]


@pytest.mark.parametrize("text, expected", [
    # "agreed to resume talks": the infinitive governed by a coded verb is not a second event
    ("Japan and South Korea agreed to resume security talks.", [("JPN", "030", "KOR"), ("KOR", "030", "JPN")]),
    # a light verb carries a nominal protest: a state's protest is an official complaint
    ("The Philippines filed a diplomatic protest with China on Monday.", [("PHL", "114", "CHN")]),
    # a noun after an article and a modifier is no verb ("an emergency landing")
    ("The plane made an emergency landing in Kenya.", []),
])
def test_light_verbs_infinitives_and_nouns(text, expected):
    assert triples(text) == expected


def test_a_landing_followed_by_an_attack_is_one_event():
    got = triples("Argentine troops landed in the Falkland Islands and seized Port Stanley on Friday.")
    assert [c for _, c, _ in got] == ["192"]


def test_a_coup_is_not_a_reaction_to_the_last_attack():
    rows = code_text("Turkish troops landed in Cyprus on Saturday. A coup followed in Athens.", DCT)
    assert all(r["actor2_country"] != "TUR" for r in rows if r["event_code"] == "170")


@pytest.mark.parametrize("text, expected", [
    # "from X" names the side that loses a place, or the country a mission leaves
    ("Iraqi forces retook Mosul from Islamic State in July 2017.", ("IRQ", "192", None, "Islamic State")),
    ("Syrian government forces recaptured Aleppo from rebels.", ("SYR", "192", "SYR", None)),
    # an embassy closed in a country: that country is the target
    ("Kenya closed its embassy in Somalia.", ("KEN", "161", "SOM", None)),
    # peacekeepers sent are peacekeeping (074), not a promise
    ("The United Nations sent peacekeepers to Mali.", (None, "074", "MLI", None)),
    # "received by X": X hosts the subject
    ("Palestinian President Mahmoud Abbas was received by Egyptian President Abdel Fattah al-Sisi in Cairo.",
     ("EGY", "043", "PSE", None)),
])
def test_losers_hosts_and_missions(text, expected):
    rows = code_text(text, DCT)
    a1, c, a2, name2 = expected
    assert [(r["actor1_country"], r["event_code"], r["actor2_country"]) for r in rows] == [(a1, c, a2)]
    if name2:
        assert rows[0]["actor2"] == name2


@pytest.mark.parametrize("text, expected", [
    # a statement is coded (01x) when it is the only action of its sentence ...
    ("President Emmanuel Macron said the operation would last for months.", ["010"]),
    # ... and not when its sentence holds another event
    ("Egypt said Israeli jets had bombed Gaza on Monday.", ["195"]),
])
def test_a_statement_is_coded_only_when_nothing_else_is(text, expected):
    assert [r["event_code"] for r in code_text(text, DCT)] == expected


@pytest.mark.parametrize("text, expected", [
    # a named event noun ("the Mumbai attacks") refers to a known event: no new attack
    ("Pakistan arrested the suspected mastermind of the Mumbai attacks.", [("PAK", "173")]),
    # criticism verbs missing from PETRARCH; "slammed into" is a crash, no event
    ("China slammed Washington's decision on Taiwan.", [("CHN", "111")]),
])
def test_named_event_nouns_and_criticism(text, expected):
    assert [(r["actor1_country"], r["event_code"]) for r in code_text(text, DCT)] == expected


@pytest.mark.parametrize("text, expected", [
    # ambassadors are by office another state's: the source's country is not theirs
    ("Turkish President Recep Tayyip Erdogan expelled ten Western ambassadors.", None),
    # a non-state group's unnamed victims are in its country
    ("Boko Haram kidnapped 100 girls on Monday.", "NGA"),
])
def test_country_of_a_generic_target(text, expected):
    rows = code_text(text, DCT)
    assert rows[0]["actor2_country"] == expected


def test_a_generic_source_keeps_the_country_it_was_named_with():
    rows = code_text("Iranian students occupied the embassy on Monday. The students demanded that Washington "
                     "return the shah.", DCT)
    assert [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in rows][-1] == ("IRN", "10", "USA")


def test_the_date_of_a_report_does_not_date_what_it_reports():
    rows = code_text("Rebels said on Tuesday they had captured the town of Dessie.", dt.date(2021, 11, 3))
    captured = [r for r in rows if r["event_root"] == "19"]
    assert [(r["date_start"], r["date_end"], r["date_basis"]) for r in captured] == [
        (dt.date(2021, 10, 28), dt.date(2021, 11, 3), "publication")]


def test_a_place_after_a_place_noun_is_the_object():
    rows = code_text("Rwandan troops captured the strategic town of Goma on Tuesday.", DCT)
    assert (rows[0]["event_code"], rows[0]["actor2_country"]) == ("192", "COD")


@pytest.mark.parametrize("text, expected", [
    # a coup without a written target overthrows its own country's government; other coercion does not
    ("Army chief Prayut Chan-o-cha seized power in a coup on Thursday.", ("170", "THA")),
    ("India revoked the special status of Kashmir.", None),
    # force used by protesters or civilians is unconventional violence (18), not military force (19)
    # (protesters storming their own state's buildings riot, 145: every annotator accepts 14 there)
    ("Protesters stormed government buildings in Almaty on Wednesday.", ("145", "KAZ")),
    # a person killed by no army is assassinated (186); by troops it stays military force
    ("Swedish Prime Minister Olof Palme was shot dead in Stockholm.", ("186", "SWE")),
    ("Gunmen killed Haitian President Jovenel Moise at his residence.", ("186", "HTI")),
])
def test_coups_crowds_and_assassinations(text, expected):
    rows = code_text(text, DCT)
    if expected is None:
        assert all(r["event_code"] != "170" or r["actor2"] is None for r in rows)
    else:
        assert (rows[0]["event_code"], rows[0]["actor2_country"]) == expected


def test_the_two_leaders_are_the_last_coordinated_pair():
    rows = code_text("Chinese President Xi Jinping and US President Joe Biden met in Bali on Monday. "
                     "The two leaders agreed to resume climate talks.", DCT)
    agreed = [(r["actor1_country"], r["actor2_country"]) for r in rows if r["event_root"] == "03"]
    assert agreed == [("CHN", "USA"), ("USA", "CHN")]


def test_a_ceasefire_is_declared_towards_the_other_side():
    rows = code_text("Pakistani forces surrendered to the Indian army on Thursday. "
                     "Indian Prime Minister Indira Gandhi announced a unilateral ceasefire.", DCT)
    assert [(r["actor1_country"], r["event_code"], r["actor2_country"]) for r in rows][-1] == ("IND", "0871", "PAK")


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin signed a treaty on Tuesday to annex Crimea from Ukraine.",
    "Russian President Vladimir Putin signed a law annexing Crimea.",
])
def test_a_document_signed_to_take_territory_is_the_taking(text):
    rows = code_text(text, DCT)
    assert [(r["actor1_country"], r["event_code"], r["actor2_country"]) for r in rows] == [("RUS", "192", "UKR")]


@pytest.mark.parametrize("text, expected", [
    # a demand for an inquiry reacts to the last material action's doer
    ("Uzbek troops fired on protesters in Andijan. Washington called for an independent investigation.",
     ("USA", "101", "UZB")),
    # "warned that X would retaliate": X is the complement's subject, not the warning's target
    ("Indian jets struck a camp in Pakistan. Pakistan's army warned that Islamabad would retaliate.",
     ("PAK", "130", "IND")),
])
def test_reactions_to_the_last_material_action(text, expected):
    rows = code_text(text, DCT)
    assert (rows[-1]["actor1_country"], rows[-1]["event_code"], rows[-1]["actor2_country"]) == expected


@pytest.mark.parametrize("text, expected", [
    # announcing one's own future force is a threat (138), and the threat is asserted
    ("Turkey would retaliate against Syria, Erdogan said.", ("TUR", "138", "SYR", "reported")),
    # inside a quote, "we" is the speaker named after it
    ('"We will destroy Hamas," Israeli Prime Minister Benjamin Netanyahu said.', ("ISR", "138", "PSE", "reported")),
    # "may", "could" are no threats, nor is a prediction nobody is said to have made
    ("Russia may attack Ukraine, analysts said.", ("RUS", "190", "UKR", "hypothetical")),
    ("Russia will attack Ukraine.", ("RUS", "190", "UKR", "hypothetical")),
    # vowing to avenge is a threat, not a pledge
    ("Iran vowed to avenge the killing of its general.", ("IRN", "138", None, "asserted")),
])
def test_threats_and_quotes(text, expected):
    r = code_text(text, DCT)[0]
    assert (r["actor1_country"], r["event_code"], r["actor2_country"], r["modality"]) == expected


def test_a_kidnapping_noun_is_an_abduction_of_its_object():
    rows = code_text("The kidnapping of two Canadian tourists in the Philippines shocked Ottawa.", DCT)
    assert ("181", "CAN") in [(r["event_code"], r["actor2_country"]) for r in rows]


@pytest.mark.parametrize("text, expected", [
    # a passive's "by" agent is no object for the verb's patterns ("attack" + aircraft words); an armed
    # group's suicide attack is a suicide bombing (183)
    ("The Indian embassy in Kabul was attacked by suicide bombers.", ("18", "IND")),
    # a state that frees or arrests unnamed people does so at home
    ("Cuba released 53 political prisoners in January 2015.", ("08", "CUB")),
])
def test_passive_agents_and_unnamed_people(text, expected):
    r = code_text(text, DCT)[0]
    assert (r["event_root"], r["actor2_country"]) == expected


def test_each_other_makes_reciprocal_events():
    got = triples("Armenia and Azerbaijan accused each other of violating the ceasefire.")
    assert got == [("ARM", "112", "AZE"), ("AZE", "112", "ARM")]


def test_an_intent_noun_object_carries_its_infinitive():
    # "blocked Sweden's bid to join NATO": one event, the blocking; the bid's content is no event
    assert [c for _, c, _ in triples("Turkey blocked Sweden's bid to join NATO.")] == ["170"]


def test_a_state_capturing_a_criminal_arrests_him():
    assert triples("Mexican troops captured drug lord Joaquin Guzman in Sinaloa.")[0][1] == "173"


@pytest.mark.parametrize("text, expected", [
    # an expulsion is a material action others react to; an appeal with no addressee has no target
    # (one for a ceasefire is made to every side)
    ("Canada expelled two Chinese diplomats. Beijing vowed to retaliate.", ("CHN", "13", "CAN")),
    ("Ethiopian troops attacked Somalia on Monday. The African Union called for a ceasefire.", (None, "02", None)),
    # the sides of "blamed each other" keep the country found for each
    ("Colombia and the rebels blamed each other for the collapse of the talks.", ("COL", "11", "COL")),
    # a non-state group's violence at home is against its state
    ("Maoist rebels seized three towns in Nepal on Monday.", ("NPL", "19", "NPL")),
    # violence without a written target: the other side named in the sentence
    ("Azerbaijani forces retook the town of Shusha after Armenian troops withdrew.", ("AZE", "19", "ARM")),
])
def test_reactions_sides_and_other_parties(text, expected):
    rows = code_text(text, DCT)
    got = [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in rows]
    assert expected in got


@pytest.mark.parametrize("text, expected", [
    ("The United States began airlifting weapons to Israel.", [("USA", "072", "ISR")]),   # light verb + verb
    ("Indian jets shot down a Pakistani drone.", [("IND", "190", "PAK")]),               # aircraft are no bombs
    ("Rebels backed by Rwanda seized the town of Goma.", ["192"]),                      # "backed by": no event
])
def test_airlifts_aircraft_and_backers(text, expected):
    got = triples(text)
    assert (got if isinstance(expected[0], tuple) else [c for _, c, _ in got]) == expected


@pytest.mark.parametrize("text, expected", [
    # a surname is no modal: "Theresa May announced" is asserted
    ("British Prime Minister Theresa May announced the expulsion of 23 Russian diplomats.", ("GBR", "16", "RUS", "asserted")),
    # halting deliveries reduces relations
    ("Russia halted gas deliveries to Ukraine.", ("RUS", "16", "UKR", "asserted")),
    # a possessive generic agent is the owner of what follows, not a modifier
    ("Thousands of Ukrainians rallied in Kyiv to protest against the government's decision.", ("UKR", "14", "UKR", "asserted")),
    # a state of emergency has no target of its own (the devset convention)
    ("Nigerian President Goodluck Jonathan declared a state of emergency in three states.", ("NGA", "17", None, "asserted")),
])
def test_names_deliveries_owners_and_home_measures(text, expected):
    r = code_text(text, DCT)[0]
    assert (r["actor1_country"], r["event_root"], r["actor2_country"], r["modality"]) == expected


@pytest.mark.parametrize("text, expected", [
    # an actor that is the event's source is not also its place (no duplicate per "place")
    ("North Korea tested a missile on Sunday, drawing condemnation from China and Russia.",
     [("PRK", "150", None), ("CHN", "111", "PRK"), ("RUS", "111", "PRK")]),
    # resigning has no other party: no event
    ("Bolivian President Evo Morales resigned on Sunday.", []),
    # carrying someone somewhere is how, not a visit
    ("Soldiers arrested President Manuel Zelaya and flew him to Costa Rica.", [("HND", "173", "HND")]),
])
def test_sources_are_no_places_and_no_self_acts(text, expected):
    assert triples(text) == expected


def test_a_plain_noun_subject_after_a_subordinator_is_no_known_actor():
    # "hours after world leaders met": the meeting has no actor we know, not the earlier clause's subject
    rows = code_text("French jets attacked Libyan tanks on Saturday, hours after world leaders met in Paris.", DCT)
    assert [(r["actor1_country"], r["event_root"]) for r in rows] == [("FRA", "19")]


@pytest.mark.parametrize("text, expected", [
    # a noun after its article and modifier is no verb, and an apposition renaming the event is no new one
    ("Chinese President Xi Jinping visited Pyongyang on Thursday, the first visit by a Chinese leader in years.",
     [("CHN", "042", "PRK")]),
    # a nominal event in a setting phrase ("at a rally") is where, not another event; "by a <Demonym> noun" is an agent
    ("Egyptian President Anwar Sadat was shot dead by Islamist soldiers at a military parade in Cairo.",
     [(None, "186", "EGY")]),
    # "government forces": a plural head after a modifier, not the pattern "strike (the) government"
    ("French warplanes struck Libyan government forces near Benghazi.", [("FRA", "195", "LBY")]),
    # "a captured Indian pilot": the demonym before a noun names the target's country
    ("Pakistan released a captured Indian pilot on Friday.", [("PAK", "0841", "IND")]),
])
def test_nouns_appositions_settings_and_heads(text, expected):
    got = triples(text)
    if expected[0][0] is None:
        assert [(c, b) for _, c, b in got] == [(c, b) for _, c, b in expected]
    else:
        assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a specific verb keeps its code over its nominal object's ("mediated talks" is mediation)
    ("Norway mediated talks between Colombia and the ELN rebels.", "045"),
    # a vote's or an approval's material content is the event
    ("The UN Security Council voted to impose sanctions on North Korea.", "163"),
    ("Ethiopia's parliament approved a state of emergency.", "1724"),
    ("Turkey reopened its border with Armenia on Monday.", "080"),
])
def test_specific_verbs_and_document_contents(text, expected):
    assert triples(text)[0][1] == expected


def test_exchanging_people_is_reciprocal():
    assert triples("Russia and Ukraine exchanged 200 prisoners of war on Saturday.") == [
        ("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")]


@pytest.mark.parametrize("text, expected", [
    # a group after "with" is the partner of talks, with or without a country of its own
    ("The Philippine government suspended peace talks with communist rebels on Saturday.", ("PHL", "16", "PHL")),
    # a protest noun without its actor is the protesters of the sentence's country; "and handed" starts a
    # new clause, whose object is no target of the protests
    ("Egyptian President Hosni Mubarak resigned after 18 days of mass protests and handed power to the army.",
     ("EGY", "14", None)),
])
def test_partners_after_with_and_protest_nouns(text, expected):
    got = [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in code_text(text, DCT)]
    assert expected in got


@pytest.mark.parametrize("text, expected", [
    # "Hezbollah targets": a plural head after a name is no verb; "the group" is the last armed group named
    ("Israel struck Hezbollah targets in Lebanon on Sunday. The group had fired rockets at northern Israel.",
     [("ISR", "195", "LBN"), ("LBN", "195", "ISR")]),
    # "he" opening a sentence is the last subject when that is a person; "him" is the other
    ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan. He thanked him for his support.",
     [("RUS", "040", "TUR"), ("RUS", "051", "TUR")]),
])
def test_group_and_person_anaphora(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a reaction to an event noun with its doer after "by" targets the doer
    ("Iran condemned the killing of the general by Israeli forces.", [("IRN", "111", "ISR")]),
    # troops entering a place is a military action against its country
    ("Soviet troops entered Kabul on Thursday.", [("SUN", "190", "AFG")]),
    # "in retaliation for a nightclub bombing": the motive names an earlier event, no new one
    ("American warplanes bombed targets in Tripoli in retaliation for a Berlin nightclub bombing.",
     [("USA", "195", "LBY")]),
    # "released X from house arrest": the state left is no new arrest
    ("The military government released Aung San Suu Kyi from house arrest on Saturday.", [("MMR", "0841", "MMR")]),
])
def test_doers_entries_motives_and_states(text, expected):
    got = triples(text)
    assert got == expected


def test_a_possessive_claims_is_no_report():
    rows = code_text("A tribunal ruled against China's claims in the South China Sea on Tuesday.", DCT)
    assert all(r["modality"] == "asserted" for r in rows)


def test_a_group_before_a_plain_noun_is_the_target():
    rows = code_text("A US drone strike killed two Islamic State planners in eastern Afghanistan.", DCT)
    assert [(r["event_code"], r["actor2"]) for r in rows] == [("195", "Islamic State")]


@pytest.mark.parametrize("text, expected", [
    # promising force is a threat, whatever the verb of promising
    ("Iran promised to retaliate against Israel.", [("IRN", "138", "ISR")]),
    # (separatists the text gives no country are the story's: China's)
    ("China pledged to crush any separatist attempt.", [("CHN", "138", "CHN")]),
    # "workers they had kidnapped": "they" is not the workers, and the workers are the kidnapping's victims
    ("Gunmen freed three Chinese workers they had kidnapped in Nigeria.",
     [("NGA", "0841", "CHN"), ("NGA", "181", "CHN")]),
    # a hostile act's victim gives no country to its unnamed doer
    ("Kidnappers released the French journalist on Sunday.", [(None, "0841", "FRA")]),
])
def test_threats_and_kidnapping_roles(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "on Wednesday" is no "call on"; phoning is a consultation
    ("Chinese President Xi Jinping phoned Ukrainian President Volodymyr Zelensky on Wednesday.", [("CHN", "041", "UKR")]),
    # weapons given are military aid; force threatened is a military threat
    ("Germany donated tanks to Ukraine.", [("DEU", "072", "UKR")]),
    ("North Korea threatened the United States with a nuclear strike.", [("PRK", "138", "USA")]),
    # a participle right after a verb modifies its object: "release jailed journalists" is no jailing
    ("The European Union pressed Turkey to release jailed journalists.", [(None, "1053", "TUR")]),
])
def test_time_after_prepositions_aid_threats_and_participles(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Thousands of X" is the crowd X, the subject; a crowd's force is unconventional (18)
    ("Thousands of Chinese protesters besieged the US embassy in Beijing on Saturday.", [("CHN", "18", "USA")]),
    # "stormed a centre, killing two gunmen": the consequence's victims are the attack's target
    ("Indian commandos stormed a hotel in Mumbai on Friday, killing two gunmen.", [("IND", "19", "IND")]),
    # "despite warnings from Beijing": background, no new event
    ("US House Speaker Nancy Pelosi arrived in Taiwan on Tuesday despite warnings from Beijing.", [("USA", "04", "TWN")]),
    # opening an embassy in a place is diplomatic cooperation with its country
    ("The United States opened its embassy in Jerusalem on Monday.", [("USA", "05", "ISR")]),
    # tanks rolling into a territory occupy it
    ("Russian tanks rolled into South Ossetia on Friday.", [("RUS", "19", "GEO")]),
    # a generic agent's country is the nearest other actor's ("sanctions on Myanmar after the military seized power")
    ("The United States threatened sanctions on Myanmar after the military seized power.", [("USA", "13", "MMR"), ("MMR", "17", "MMR")]),
])
def test_crowds_consequences_concessions_and_nearest_actors(text, expected):
    assert [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in code_text(text, DCT)] == expected


@pytest.mark.parametrize("text, expected", [
    # "!" in verbs_extra.tsv: "storm" is physical, PETRARCH's "attack congress" (criticism) does not apply
    ("Rioters stormed Brazil's Congress on Sunday.", ("18", "BRA")),    # a crowd's force: 18
    # revoking a status, downgrading ties
    ("Pakistan downgraded diplomatic ties with India on Wednesday.", ("16", "IND")),
    # "took control of the capital": the capital of the country named before
    ("President Viktor Yanukovych fled Kyiv as protesters took control of the capital.", ("18", "UKR")),
    # "soldiers were killed in a clash with Chinese troops": the other side of the fight is the source
    ("Twenty Indian soldiers were killed in a clash with Chinese troops on Monday.", ("19", "IND")),
])
def test_storms_downgrades_capitals_and_clashes(text, expected):
    rows = code_text(text, DCT)
    assert (rows[-1]["event_root"], rows[-1]["actor2_country"]) == expected
    if "clash" in text:
        assert rows[-1]["actor1_country"] == "CHN"


def test_both_sides_are_the_last_coordinated_pair():
    rows = code_text("Azerbaijani and Armenian forces clashed on Saturday. Russia urged both sides to observe the "
                     "ceasefire.", DCT)
    assert [(r["actor1_country"], r["actor2_country"]) for r in rows if r["event_root"] == "02"] == [
        ("RUS", "AZE"), ("RUS", "ARM")]


def test_pledging_not_to_act_is_only_the_pledge():
    assert [c for _, c, _ in triples("President John F. Kennedy pledged not to invade Cuba.")] == ["030"]


@pytest.mark.parametrize("text, expected", [
    # "government building": an -ing head after a modifier defeats "attack (the) government" (criticism)
    ("Protesters attacked the court building in Nairobi.", "14"),
    # armed men attack with arms: PETRARCH's verbal reading of "attack" does not apply to them
    ("Militants attacked a government building in Kabul.", "19"),
    ("Taliban fighters attacked the government in Kabul.", "19"),
    # a politician attacking the government with words is still criticism
    ("Opposition leader Raila Odinga attacked the government over corruption.", "11"),
])
def test_physical_and_verbal_attacks(text, expected):
    assert code_text(text, DCT)[0]["event_root"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia expelled two American journalists on Monday.", ("174", "USA")),   # people: deported (17)
    ("China expelled the Indian ambassador.", ("161", "IND")),                 # a diplomat: relations (16)
    ("Mali expelled the UN mission.", ("166", None)),                          # a mission: withdrawn (16)
])
def test_expulsions_by_what_is_expelled(text, expected):
    r = code_text(text, DCT)[0]
    assert (r["event_code"], r["actor2_country"]) == expected


@pytest.mark.parametrize("text, expected", [
    # "told X that": the addressee is the statement's target
    ("Israeli Prime Minister Benjamin Netanyahu told the United Nations that Iran was building a bomb.",
     [("ISR", "010", None, "asserted")]),
    # a statement whose only content is denied or hypothetical is what happened, kept beside its marked content
    ("Russian President Vladimir Putin told reporters that Russia had no plans to invade.",
     [("RUS", "010", None, "asserted"), ("RUS", "192", None, "negated")]),
])
def test_addressees_and_statements_of_what_did_not_happen(text, expected):
    rows = code_text(text, DCT)
    assert [(r["actor1_country"], r["event_code"], r["actor2_country"], r["modality"]) for r in rows] == expected
    if "United Nations" in text:
        assert rows[0]["actor2"] == "United Nations"


@pytest.mark.parametrize("text, expected", [
    # "missiles hit a centre": a base-form verb after a plural subject; "said X hit" is no reduced passive
    ("Rescue workers said Russian missiles hit a shopping centre in Kremenchuk on Monday.", [("RUS", "19", "UKR")]),
    # a fronted speech participle is no second event
    ("Speaking in Paris, German Chancellor Olaf Scholz warned Russia against escalation.", [("DEU", "13", "RUS")]),
    # a present-tense relative clause describes a state, not an event
    ("Israel, which occupies the West Bank, demolished 20 Palestinian homes on Tuesday.", [("ISR", "17", "PSE")]),
    # "condemned the attack on Odesa": Odesa is the attack's victim, not the condemned
    ("The European Union condemned the attack on the Ukrainian port of Odesa.", [(None, "11", None)]),
    # "According to Syrian state media": the source of a report is no target; the place is
    ("According to Syrian state media, Israeli jets struck an airport near Damascus.", [("ISR", "19", "SYR")]),
])
def test_reports_participles_relatives_and_victims(text, expected):
    assert [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in code_text(text, DCT)] == expected


@pytest.mark.parametrize("text, expected", [
    # a force posture near a place is aimed at its country; drills are exercises (150)
    ("China conducted live-fire drills near Taiwan.", ("CHN", "150", "TWN")),
    ("China sent warships off Taiwan.", ("CHN", "154", "TWN")),
    # "demanded that Russia withdraw": a demand of withdrawal (106)
    ("Ukraine demanded that Russia withdraw its forces.", ("UKR", "106", "RUS")),
])
def test_postures_and_demands(text, expected):
    assert triples(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # the object says more than the subject: "militants captured the city" is a seizure, not an abduction
    ("Islamic State militants captured the Iraqi city of Mosul on Tuesday.", ("19", "IRQ")),
    # "the island": the last place named
    ("Soviet leader Nikita Khrushchev agreed to remove missiles from Cuba. Kennedy pledged not to invade the island.",
     ("03", "CUB")),
    # an armed group landing invades
    ("Cuban exiles backed by the CIA landed in Cuba on Monday.", ("19", "CUB")),
])
def test_objects_islands_and_armed_landings(text, expected):
    r = code_text(text, DCT)[-1]
    assert (r["event_root"], r["actor2_country"]) == expected


@pytest.mark.parametrize("text, expected", [
    # armed groups entering a city attack it; a drone entering airspace violates it
    ("Taliban fighters entered Kabul on Sunday.", ("AFG", "19", "AFG")),
    ("Israeli jets struck targets in Syria after an Iranian drone entered Israeli airspace.", ("IRN", "19", "ISR")),
    # recognising independence is recognition (054)
    ("Russian President Dmitry Medvedev recognised the independence of Abkhazia on Tuesday.", ("RUS", "05", "GEO")),
    # a bombing without a named doer still strikes its place's country
    ("Bombs exploded on four commuter trains in Madrid on Thursday.", (None, "18", "ESP")),
    # "supporters of X" act as X's supporters
    ("Supporters of President Donald Trump stormed the US Capitol on Wednesday.", ("USA", "14", "USA")),
    # "responded to the North's nuclear test with a drill": the test is the motive, the drill the event
    ("South Korea responded to the North's nuclear test with a missile drill on Monday.", ("KOR", "15", None)),
])
def test_entries_recognition_bombings_supporters_and_responses(text, expected):
    r = code_text(text, DCT)[-1]
    assert (r["actor1_country"], r["event_root"], r["actor2_country"]) == expected
    assert len(code_text(text, DCT)) <= 2


@pytest.mark.parametrize("text, expected", [
    # "X's A and Y's B": coordinated heads with their possessors
    ("Germany's Angela Merkel and France's Emmanuel Macron held talks with Vladimir Putin.",
     [("DEU", "046", "RUS"), ("FRA", "046", "RUS")]),
    # an acronym country before a noun is the object; a later topic phrase does not replace it
    ("Beijing imposed sanctions on US defence firms over arms sales to Taiwan.", [("CHN", "163", "USA")]),
    # a thing shared is no partner: coordinated subjects of an agreement are each other's
    ("Seoul and Tokyo agreed to share military intelligence.", [("KOR", "030", "JPN"), ("JPN", "030", "KOR")]),
])
def test_possessed_heads_acronyms_and_shared_things(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "advanced on the capital": the capital of the country of the leader named before
    ("Haitian President Jean-Bertrand Aristide fled on Sunday as rebels advanced on the capital.", ("19", "HTI")),
    # a state protesting is an official complaint (PETRARCH's patterns for "protest" left out)
    ("British police arrested Augusto Pinochet in London. Chile protested the arrest.", ("11", "GBR")),
    # a naval quarantine is a blockade
    ("President John F. Kennedy announced a naval quarantine of Cuba on Monday.", ("19", "CUB")),
])
def test_capitals_of_leaders_protests_and_quarantines(text, expected):
    r = code_text(text, DCT)[-1]
    assert (r["event_root"], r["actor2_country"]) == expected


@pytest.mark.parametrize("text, expected", [
    # a noun subject of a passive verb names what the verb did: one event
    ("The sanctions were imposed by the European Union in 2014.", [(None, "163", None)]),
    ("The peace deal was signed by Ethiopia and Eritrea in July 2018.", [("ETH", "057", "ERI"), ("ERI", "057", "ETH")]),
    # a passive expulsion "from X": X expels
    ("The Iraqi ambassador was expelled from Kuwait.", [("KWT", "161", "IRQ")]),
    # no actor on either side: no event
    ("The tanker was attacked in the Gulf of Oman on Thursday.", []),
])
def test_passive_nouns_expulsions_and_actorless_attacks(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "a UN aid convoy was bombed": "aid" modifies the subject's head, it is no verb
    ("A UN aid convoy was bombed near Aleppo on Monday.", [(None, "195", None)]),
    # an organisation meeting alone is no event; two leaders meeting are two; "met at" is a meeting (040)
    ("The UN Security Council met in an emergency session.", []),
    ("Moon Jae-in and Kim Jong Un met at the border village of Panmunjom on Friday.",
     [("KOR", "040", "PRK"), ("PRK", "040", "KOR")]),
    # a rocket launched without a target is a show of force (150)
    ("North Korea launched a long-range rocket on Sunday.", [("PRK", "150", None)]),
])
def test_compound_subjects_lone_meetings_and_launches(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # unnamed people as the object of force or coercion are the event country's civilians
    ("Police in Tehran arrested dozens of people during the protests.", [("IRN", "17", "IRN")]),
    # "men accused of spying": a description of the object, no accusation event
    ("The Taliban executed two men accused of spying.", [("AFG", "18", "AFG")]),
])
def test_unnamed_people_and_descriptions(text, expected):
    assert [(r["actor1_country"], r["event_root"], r["actor2_country"]) for r in code_text(text, DCT)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Belarusian forces pushed thousands of migrants towards the Polish border.", "170"),   # pushing people: coercion
    ("France pushed for a ceasefire.", "100"),                                              # pushing for: a demand
])
def test_pushing_people_and_pushing_for(text, expected):
    assert code_text(text, DCT)[0]["event_code"] == expected


@pytest.mark.parametrize("text, expected", [
    # international sanctions of any name are 163; domestic bans and curfews are coercion (17)
    ("The EU imposed travel bans on Belarusian officials.", ("163", "BLR")),
    ("The United States announced an asset freeze against Russian oligarchs.", ("163", "RUS")),
    ("The Egyptian government banned the Muslim Brotherhood on Wednesday.", ("172", "EGY")),
    ("Thailand imposed a curfew in Bangkok.", ("1723", None)),
])
def test_sanctions_and_domestic_bans(text, expected):
    r = code_text(text, DCT)[0]
    assert (r["event_code"], r["actor2_country"]) == expected


def test_a_generic_source_takes_the_country_named_before_it():
    rows = code_text("Any contact is punishable by Russian law, but the foreign ministry said it would talk to Afghanistan.", DCT)
    assert rows[-1]["actor1_country"] == "RUS"


@pytest.mark.parametrize("text, expected", [
    # without a written place, an invasion or a visit happens in the country acted on or visited
    ("Chinese troops invaded Vietnam on Saturday.", "VNM"),
    ("French President Emmanuel Macron visited Algeria on Thursday.", "DZA"),
    # coercion at home happens at home
    ("Malaysian police arrested former Prime Minister Najib Razak on Tuesday.", "MYS"),
    # a statement has no place of its own
    ("China criticised the United States on Monday.", None),
])
def test_place_from_the_country_acted_on(text, expected):
    assert code_text(text, DCT)[0]["country"] == expected


@pytest.mark.parametrize("text, expected", [
    # a nominal's clause ends at the next verb: "the annexation ... drew condemnation from the EU"
    ("The annexation of Crimea by Russia drew condemnation from the European Union.",
     [("RUS", "192", "UKR"), (None, "111", "RUS")]),
    # rebels toppling their president are at home
    ("Rebels toppled President Francois Bozize in March 2013.", [("CAF", "170", "CAF")]),
])
def test_nominal_clauses_and_rebels_at_home(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a suicide bomber is a bomb, not an aircraft; militants as subject do not outweigh the city they take
    ("A suicide bomber killed 12 people at a market in Baghdad on Friday.", "183"),
    ("Islamic State militants captured the Iraqi city of Mosul.", "192"),
])
def test_means_and_agents_in_patterns(text, expected):
    assert code_text(text, DCT)[0]["event_code"] == expected


@pytest.mark.parametrize("text, expected", [
    # "removed X from power": a coup; "suspended the constitution" keeps no borrowed target
    ("The Egyptian army removed President Mohamed Morsi from power on Wednesday and suspended the constitution.",
     [("EGY", "170", "EGY"), ("EGY", "172", None)]),
    # "Drones launched by X struck": X does the striking
    ("Drones launched by Yemen's Houthi rebels struck two Saudi oil facilities on Saturday.", [("YEM", "190", "SAU")]),
    # calling an event an act of aggression condemns its doer; "a group called X" names, it says nothing
    ("The United States fired missiles at a Syrian air base on Friday. Russia called the strike an act of aggression.",
     [("USA", "195", "SYR"), ("RUS", "111", "USA")]),
    ("A militant group called Boko Haram kidnapped the girls.", [("NGA", "181", "NGA")]),
])
def test_removals_launchers_and_characterisations(text, expected):
    assert triples(text) == expected
