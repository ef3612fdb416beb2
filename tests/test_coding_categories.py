"""Event categories on unseen text (third session): each row is a general class of category error seen
on held-out passages, written with sentences of our own (none is a development-set passage)."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text

DCT = dt.date(2019, 6, 14)


def codes(text: str) -> list[str]:
    return [r["event_code"] for r in code_text(text, DCT)]


@pytest.mark.parametrize("text, code", [
    # a weapon of mass destruction used (PETRARCH's &WMD synset, plus coding_words.yaml) is 2041 / 2042
    ("Government troops shelled the village with sarin on Tuesday.", "2041"),
    ("Iraqi jets bombed the Kurdish town with mustard gas.", "2041"),
    ("A chemical attack by Syrian forces killed dozens in the suburb.", "2041"),
    ("The United States dropped an atomic bomb on Nagasaki in August 1945.", "2042"),
    # a nuclear blast at no one is a test: a demonstration of military power
    ("Pakistan detonated a nuclear device in the Chagai hills in a test.", "150"),
    # the weapon as what is hit is no use of it
    ("Israeli jets struck a suspected chemical weapons depot near Damascus.", "190"),
    # force aimed at no one demonstrates power
    ("Iran fired two missiles into the sea near the Strait of Hormuz.", "150"),
    ("Russia flew two bombers over the Baltic as a show of force against NATO.", "150"),
])
def test_violence_by_weapon_or_aim(text, code):
    assert code in codes(text), codes(text)


@pytest.mark.parametrize("text, absent", [
    # an inauguration is no event between actors
    ("The new president was sworn in on Monday in the capital.", "110"),
    # a plain statement (010) beside another event of its sentence is not coded on its own
    ("The colonel, who had proclaimed himself head of state, was arrested by police in Bamako.", "010"),
])
def test_no_event_of_this_code(text, absent):
    assert absent not in codes(text), codes(text)


def test_a_plain_statement_alone_is_still_coded():
    assert codes("The junta proclaimed a new constitution for Mali.")[:1] == ["010"]


@pytest.mark.parametrize("text, root", [
    # force on unarmed people: by police, or by troops on protesters, or with crowd-control weapons, is
    # violent repression (17: 175); by an armed group on civilians, unconventional violence (18: 180)
    ("Riot police fired tear gas and water cannon at demonstrators in the capital on Sunday.", "17"),
    ("Police shot dead twelve villagers in the northern province.", "17"),
    ("Soldiers opened fire on students marching in Yangon.", "17"),
    ("Militants killed 20 villagers in northern Nigeria on Tuesday.", "18"),
    ("Gunmen killed 14 tourists and three Kenyans at a hotel in Nairobi.", "18"),
    # fighting between armed sides stays 19
    ("Rebels attacked an army base near Goma.", "19"),
    ("Soldiers killed 30 militants in the mountains.", "19"),
])
def test_force_by_who_on_whom(text, root):
    roots = [r["event_root"] for r in code_text(text, DCT)]
    assert roots[:1] == [root], roots


@pytest.mark.parametrize("text, code", [
    # troops leaving a country withdraw from it (0874), officials leaving a capital do not
    ("The last French troops left Mali on Monday.", "0874"),
    # a weapon of mass destruction as the object of a verb of use ("released", "sprayed")
    ("Syrian troops released chlorine gas over the town.", "2041"),
    # an inquiry or investigation opened is an investigation (090)
    ("The European Union opened an investigation into Google.", "090"),
])
def test_code_of_first_event(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_officials_leaving_do_not_withdraw():
    assert "0874" not in codes("The Iranian ambassador left Moscow on Friday.")


def test_the_frame_of_an_act_is_no_event_of_its_own():
    # "as part of an inquiry": the inquiry frames the raid; it is not coded beside it
    assert "090" not in codes("Police raided the offices of the newspaper as part of an inquiry into leaks.")


@pytest.mark.parametrize("text, root", [
    # future cooperation announced by its doer is an intent to cooperate (03), as future force is a threat
    ("The Canadian prime minister said that Canada would send 40 armoured vehicles to Poland.", "03"),
    ("Norway will provide 200 million dollars in aid to Sudan, the foreign minister said.", "03"),
    # unannounced, it stays the hypothetical act
    ("Canada may send armoured vehicles to Poland.", "07"),
])
def test_announced_cooperation_is_intent(text, root):
    roots = [r["event_root"] for r in code_text(text, DCT)]
    assert roots[:1] == [root], roots


@pytest.mark.parametrize("text, code", [
    # a named person killed outside battle is assassinated (186), by soldiers or police as by gunmen
    ("Soldiers shot dead President Francisco Ramos and his two aides in the capital on Thursday.", "186"),
    ("Police killed opposition leader Ahmed Saleh during a raid on his home.", "186"),
    # fighters killed in battle are not
    ("Soldiers killed 30 militants in the mountains.", "190"),
])
def test_killing_a_named_person(text, code):
    assert codes(text)[:1] == [code], codes(text)


@pytest.mark.parametrize("text", [
    # sending or deploying one's own forces, federalising the guard, a mobilisation: increase armed forces (154)
    "The governor sent the state National Guard into the capital on Sunday.",
    "The Chilean president deployed paratroopers in the streets of the capital.",
    "The Mexican president ordered marines into the port city on Monday.",
    "The American president federalised the state National Guard on Saturday.",
    "The Israeli prime minister ordered a general mobilisation of the army reserves.",
])
def test_deploying_forces_is_a_force_posture(text):
    assert codes(text)[:1] == ["154"], codes(text)


def test_ordering_troops_to_act_is_not_a_deployment():
    # "ordered the army to rescue the hostages": the order's content decides, not a deployment
    assert "154" not in codes("President Goodluck Jonathan ordered the military to rescue the girls.")


@pytest.mark.parametrize("text, code", [
    # a court finding someone guilty convicts (116), as "convicted" does
    ("A Peruvian court found former president Alberto Fujimori guilty of human rights abuses.", "116"),
    # a person handed to a court or another country is extradited: judicial cooperation (063)
    ("Croatian authorities handed former general Ante Gotovina over to the UN war crimes tribunal.", "063"),
    # "... or face ...": an ultimatum (139)
    ("The United States gave Serbia until Friday to withdraw its forces or face air strikes.", "139"),
    # joint patrols are military cooperation (062)
    ("Russia and China flew a joint air patrol over the Sea of Japan.", "062"),
])
def test_code_of_first_event_judicial_and_military(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_a_territory_handed_back_is_no_extradition():
    assert "063" not in codes("Portugal handed Macau back to China in 1999.")


def test_the_consequence_of_an_ultimatum_is_no_event():
    assert not any(c.startswith("19") for c in codes(
        "The United States gave Serbia until Friday to withdraw its forces or face air strikes."))


@pytest.mark.parametrize("text, absent", [
    # a participle with "by"/"with" right after the subject describes it: no event of its own
    ("Cuban exiles trained by the CIA landed on the southern coast.", "030"),
    ("Mobs armed with knives attacked the village on Friday.", "062"),
])
def test_a_participle_describing_the_subject_is_no_event(text, absent):
    assert absent not in codes(text) and codes(text), codes(text)


def test_a_coordinated_past_verb_is_still_an_event():
    assert len(codes("Syrian troops attacked the town with tanks and killed 20 civilians.")) >= 1


@pytest.mark.parametrize("text, code", [
    # a count of a thousand or more killed is a mass killing (202)
    ("Militias armed with guns killed more than 2,000 villagers in the province.", "202"),
    # repealing a law eases restrictions (081)
    ("The Kenyan parliament repealed the emergency law on Tuesday.", "081"),
    # hearings and a raised alert
    ("The US Senate opened public hearings into the affair on Monday.", "090"),
])
def test_code_of_first_event_more(text, code):
    assert codes(text)[:1] == [code], codes(text)


@pytest.mark.parametrize("text, absent", [
    # nature is no actor: the king's mourning is no attack
    ("The Nepali king declared national mourning after an earthquake killed 9,000 people.", "190"),
    ("The Nepali king declared national mourning after an earthquake killed 9,000 people.", "202"),
    # a document's content is not its maker's act ("vetoed a resolution condemning X")
    ("Russia vetoed a UN Security Council resolution condemning Syria.", "111"),
])
def test_not_coded(text, absent):
    assert absent not in codes(text), codes(text)


@pytest.mark.parametrize("text, code", [
    # an army pushing into a place attacks it
    ("Turkish tanks pushed into northern Syria on Wednesday.", "190"),
    # a ship or aircraft seized is property (171), a town seized territory (192)
    ("Iranian commandos seized a Greek oil tanker in the Gulf.", "171"),
    ("Rebels seized the town of Bunia on Friday.", "192"),
    # police charging someone bring a legal charge (173)
    ("Police charged a 30-year-old man with murder on Sunday.", "173"),
    # asylum granted, however far the word is from the verb
    ("Ecuador granted the Australian activist Julian Assange a form of diplomatic asylum.", "075"),
])
def test_code_of_first_event_by_object_and_doer(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_a_resolution_content_is_no_event():
    # the ceasefire the resolution called for is not coded; the veto is
    assert [c[:2] for c in codes("A draft resolution calling for a ceasefire was vetoed by Russia.")] == ["12"]


@pytest.mark.parametrize("text, absent", [
    # where someone was, and why, is a state, not an event ("was in Singapore for a summit")
    ("The army seized power on Monday while President Obote was in Singapore for a Commonwealth summit.", "043"),
    # a participle with a place after the subject describes it ("leaders meeting in Auckland")
    ("Commonwealth leaders meeting in Auckland suspended Nigeria's membership on Saturday.", "040"),
])
def test_background_is_not_coded(text, absent):
    assert absent not in codes(text) and codes(text), codes(text)


def test_responsibility_for_an_attack_keeps_the_attack():
    # "was responsible for a sarin attack": no place between, the attack is coded
    assert any(c.startswith("20") for c in codes(
        "UN investigators said that the Syrian government was responsible for a sarin attack on the town."))


def test_an_arrest_after_a_coup_is_an_event_of_its_own():
    found = codes("The Thai army seized power on Tuesday, arresting Prime Minister Somchai Wongsawat.")
    assert "170" in found and "173" in found, found


def test_a_consequence_participle_is_still_the_same_event():
    assert codes("Protesters stormed government buildings, forcing President Ahmed Bakr to flee.").count("170") == 0


@pytest.mark.parametrize("text", [
    "Peruvian President Alberto Fujimori dissolved Congress on Sunday night.",
    "The Tunisian president suspended parliament on Sunday.",
])
def test_dissolving_or_suspending_a_legislature_is_administrative_sanction(text):
    assert "172" in codes(text), codes(text)


@pytest.mark.parametrize("text, absent", [
    # leaving a place is no visit
    ("The hijackers seized an Air France airliner after it left Athens on Sunday.", "040"),
    # "gathered pace" is no gathering
    ("Ukrainian forces recaptured the city as Kyiv's counteroffensive gathered pace.", "040"),
    # the audience of a speech is no event ("told a party congress")
    ("The Kenyan justice minister told a party congress on Wednesday that the death left him cold.", "040"),
])
def test_not_a_meeting(text, absent):
    assert absent not in codes(text), codes(text)


@pytest.mark.parametrize("text, code", [
    # a court ruling against someone disapproves (111)
    ("The International Court of Justice ruled that Serbia had violated the genocide convention.", "111"),
    # a state hanging or executing people represses (175)
    ("Iran's judiciary hanged two protesters in Tehran on Saturday.", "175"),
    # crowds destroying property are violent (180), not a state coercing (171)
    ("Mobs burned shops and homes in the capital overnight.", "180"),
    # forces sent abroad to help are military protection (074); doctors sent, humanitarian aid (073)
    ("Australia sent troops and police to the Solomon Islands to restore order.", "074"),
    ("Cuba sent a team of 50 doctors to Italy to help hospitals.", "073"),
    # police beating people assault them, which by police is repression (175)
    ("Riot police beat voters with batons outside polling stations.", "175"),
    # an army pushing deeper into a country attacks it
    ("Ethiopian troops pushed deeper into Somalia on Monday.", "190"),
])
def test_code_by_doer_object_and_purpose(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_a_heart_attack_is_no_attack():
    assert not any(c.startswith("19") for c in codes("The Egyptian state media said the president died of a heart attack."))


@pytest.mark.parametrize("text, code", [
    # calling off a march or an offensive de-escalates (087); calling off talks still reduces relations
    ("The rebel commander called off his fighters' advance on the capital on Sunday.", "087"),
    # an armed group's suicide attack is a suicide bombing (183), not conventional fighting
    ("Suicide bombers in a small boat blew a hole in the side of a US destroyer in Aden.", "183"),
])
def test_code_called_off_and_suicide(text, code):
    assert codes(text)[:1] == [code], codes(text)


@pytest.mark.parametrize("text, code", [
    # a statement of what the speaker's side will do is an intent (030)
    ("Canada announced on Monday that it would build six new icebreakers.", "030"),
    ("The Norwegian prime minister said Norway's asylum rules would change.", "030"),
    # an act on oneself or a prediction stays a statement
    ("The Norwegian king announced on Monday that he would abdicate.", "010"),
    # a refusal announced by its doer is a rejection: CAMEO 125 "Reject proposal to meet, discuss, or
    # negotiate" (test_coding_detection.py)
    ("Canada said it would not attend the summit.", "125"),
])
def test_stated_intent(text, code):
    assert codes(text)[:1] == [code], codes(text)


@pytest.mark.parametrize("text, root", [
    # opening a border crossing eases restrictions (08)
    ("Jordan opened the Karameh border crossing on Sunday.", "08"),
    # granting candidate status or membership is diplomatic cooperation (05)
    ("The European Union granted Georgia the status of a candidate for membership.", "05"),
    # giving an ambassador hours to leave expels him (16 for envoys)
    ("The Malian junta gave the French ambassador 72 hours to leave the country.", "16"),
    # troops arriving deploy (15)
    ("US Marines arrived in Monrovia on Thursday.", "15"),
])
def test_root_of_first_event(text, root):
    roots = [r["event_root"] for r in code_text(text, DCT)]
    assert roots[:1] == [root], roots


@pytest.mark.parametrize("text", [
    # dying in custody is a state, not an arrest or an attack; the arrest before it is its own event
    "The activist died in police custody in Pretoria on Monday.",
])
def test_a_death_in_custody_is_no_event(text):
    assert codes(text) == [], codes(text)


def test_taking_someone_into_custody_is_an_arrest():
    assert "173" in codes("Kenyan police took the opposition leader into custody on Monday.")


def test_a_decision_to_act_is_the_act():
    # "decided on Friday to send a fact-finding mission": the investigation (090), asserted
    rows = code_text("The UN Security Council decided on Friday to send a fact-finding mission to Sudan.", DCT)
    assert [(r["event_code"], r["modality"]) for r in rows][:1] == [("090", "asserted")], rows


@pytest.mark.parametrize("text, root", [
    # protesters storming their own state's buildings riot (14); attacking people or a foreign embassy is 18
    ("Protesters stormed the Legislative Council building in Hong Kong on Monday.", "14"),
    ("Mobs attacked Sikhs in the capital overnight.", "18"),
    ("Iranian students stormed the United States embassy in Tehran.", "18"),
])
def test_crowd_force_by_target(text, root):
    roots = [r["event_root"] for r in code_text(text, DCT)]
    assert roots[:1] == [root], roots


@pytest.mark.parametrize("text, code", [
    # sealing off a border restricts movement (191)
    ("Turkish troops sealed off the border with Syria on Sunday.", "191"),
    # a person shooting a named leader dead assassinates him (186)
    ("A former army officer, Lee Min-ho, shot Prime Minister Kang Dae-sung dead at a rally in Seoul.", "186"),
])
def test_code_seal_and_assassination(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_returning_from_a_meeting_is_no_visit():
    assert codes("Tsai Ing-wen returned from a meeting with the US House speaker in California.") == []


@pytest.mark.parametrize("text, code", [
    # burning shops is destruction; by rioters violence (180)
    ("Rioters burned dozens of shops in the port city overnight.", "180"),
    # a politician defending someone defends verbally (052)
    ("The Spanish prime minister defended the police on Monday.", "052"),
])
def test_code_burn_and_defend(text, code):
    assert codes(text)[:1] == [code], codes(text)


def test_celebrating_alone_is_no_event():
    assert codes("Crowds celebrated the news in the streets of the capital.") == []


def test_coordinated_consequences_are_the_same_event():
    # ", killing four and wounding nine": one attack, not a second one for the wounding
    found = codes("Soldiers opened fire on a crowd in the square, killing four and wounding nine.")
    assert len(found) == 1, found


def test_a_coordinated_arrest_after_a_coup_stays():
    found = codes("The army chief seized power in a coup, suspending the constitution and detaining political leaders.")
    assert any(c.startswith("17") and c != "170" for c in found), found


def test_recalling_a_high_commissioner_reduces_relations():
    assert codes("Canada recalled its high commissioner from New Delhi on Monday.")[:1] == ["161"]


@pytest.mark.parametrize("text", [
    # workers walking out or off the job strike (143)
    "Thousands of South African workers walked out on Monday.",
    "South African workers walked off the job on Monday.",
])
def test_walking_out_is_a_strike(text):
    assert codes(text)[:1] == ["143"], codes(text)


def test_sheltering_somewhere_grants_nothing():
    assert "075" not in codes("The Australian activist, who has been sheltering in the Ecuadorian embassy since June, spoke.")


@pytest.mark.parametrize("text, root", [
    # setting fire to buildings destroys property; by protesters, violence (18)
    ("Kenyan protesters set fire to government buildings in Nairobi on Wednesday.", "18"),
    # welcoming a killing is praise (05), not criticism
    ("The Afghan president welcomed the killing of the militant leader by US forces.", "05"),
])
def test_root_fire_and_welcome(text, root):
    roots = [r["event_root"] for r in code_text(text, DCT)]
    assert roots[:1] == [root], roots


def test_an_event_named_as_a_time_reference_is_no_new_event():
    # "a day after the first air strikes": when, not another attack
    assert codes("US and British forces launched a ground invasion of Iraq, a day after the first air strikes on Baghdad.") \
        .count("195") == 0


def test_protests_that_lasted_are_still_coded():
    # "after 18 days of mass protests": the protests' length, and the protests an event of their own
    assert any(c.startswith("14") for c in codes("The Tunisian president resigned on Friday after 28 days of mass protests."))


@pytest.mark.parametrize("text", [
    # a participle used as an adjective before a noun is no verb: one killing, no encirclement
    "Militias killed 40 villagers in the town and surrounding hamlets in Ituri on Friday.",
])
def test_participle_adjectives_are_no_verbs(text):
    assert len(codes(text)) == 1, codes(text)


def test_a_participle_verb_is_still_a_verb():
    assert codes("Kenyan troops are surrounding the rebel town.")
