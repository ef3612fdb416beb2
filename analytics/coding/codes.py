"""The event's CAMEO code, beyond its trigger's: what the verb's words and its actors make of it.

`by_words` runs once the sources are known (a characterisation that condemns is 111, a prosecutor's
charge 173, a question only an inquiry when the police ask it); `refine` once the targets are known too:
roots by actor (force by protesters is 180, a killing outside war 186, troops landing 190, peacekeepers
landing 074, taking people an arrest or an abduction, a state's protest 114, a coup 170 against its own
government). coder.py's docstring lists the rules with their reasons.

>>> is_speech(Trigger(0, 1, "010", "SAY", "verb"), "010")
True
"""
from __future__ import annotations

from functools import lru_cache

from analytics.coding import participants
from analytics.coding.grammar import COUNTRY_KINDS, VIOLENT, clause_end
from analytics.coding.kinds import ARMED_GROUPS, PEOPLE_TYPES, STATE_ARMED, UNARMED, armed, judicial, non_state, \
    people, role
from analytics.coding.roles import FOREIGN_ENVOYS
from analytics.coding.lexicon import load
from analytics.coding.triggers import CLAUSE_STOP, Trigger, match_word
from analytics.coding.words import (ADMISSIONS, ARRIVAL_VERBS, CONDEMNING, COUP_LEMMAS, COUP_WORDS, FORCE_VERBS,
    FUNCTION_WORDS, KILLING_VERBS, LEGAL_CHARGES, MASS_DESTRUCTION, NUCLEAR_WORDS, OBSTRUCT_VERBS, OPEN_WATER,
    QUESTIONING, SHOW_WORDS, CROWD_CONTROL, PROTEST_PEOPLE, DEPARTURE_VERBS, WMD_USE, DIRECTIVES, TRANSFER_VERBS, ADVANCE_VERBS, VESSELS, EXECUTIONS, HELP_VERBS, EXERCISE_NOUNS, RELIEF_WORDS, BOMB_WORDS, AIR_WORDS, PERSON_TITLES, SPEECH_LEMMAS, TEST_WORDS, WMD_SITES)

# Arrival verbs: a visit by officials (the lexicon's 042); by troops a military landing (190), by
# peacekeepers military protection (074).
ARRIVAL_BY_TYPE = {"MIL": "190", "PKO": "074"}
COUPS = {"170"}
AIMS = {"on", "against", "at", "near", "to", "into", "toward", "towards", "over"}    # before what is hit


def naming(toks, trig: Trigger) -> bool:
    """"a group called Boko Haram": naming, no statement."""
    return trig.lemma == "CALL" and trig.start > 0 and toks[trig.start - 1].text[:1].islower() \
        and toks[trig.start - 1].lower.isalpha() and toks[trig.start - 1].lower not in FUNCTION_WORDS | {"also"}


def by_words(toks, trig: Trigger, code: str, sources) -> str | None:
    """The code once the sources are known; None: no event."""
    if trig.lemma == "CALL" and any(t.lower in CONDEMNING for t in toks[trig.end:trig.end + 9]):
        code = "111"    # "called the strike an act of aggression": a characterisation that condemns
    if trig.lemma == "CLAIM" and code == "015" and any(t.lower in {"was", "were", "is", "are", "had", "has", "have"}
                                                       for t in _clause(toks, trig)):
        code = "110"    # "claimed the attack was staged": a claim that, not a claim of responsibility
    if trig.lemma in QUESTIONING and not any(judicial(s) or role(s) in {"COP", "SPY"} for s in sources):
        return None     # only prosecutors, police and spies question someone as an inquiry ("questioned the result")
    if code.startswith("1712") and trig.end < len(toks) and toks[trig.end].lower in REFLEXIVES:
        return None     # "a monk burned himself to death": a person is no property (1712), nor anyone else's
    if trig.lemma == "NEED" and trig.passive:
        return None     # "the operation was needed to protect the unity of Iraq": a justification, nobody's demand
    if trig.lemma == "RULE" and not (sources and all(judicial(s) for s in sources)):
        return None     # "Sankara had ruled the country since 1983": governing is no event between actors
    if trig.lemma in LEGAL_CHARGES and code[:2] == "11" and any(judicial(s) or role(s) == "COP" for s in sources):
        code = "173"    # "prosecutors (police) charged 11 people over the killing": a legal charge (173), not blame
    if trig.lemma == "GRANT" and any(t.lower == "asylum" for t in _clause(toks, trig)):
        code = "075"    # "granted X a year of temporary asylum": the object decides, however far
    if trig.lemma in DIRECTIVES and code[:2] != "17" and any(
            toks[k].lower == "to" and toks[k + 1].lower in {"leave", "quit", "depart"} for k in range(trig.end, len(toks) - 1)):
        code = "166"    # "gave the French ambassador 48 hours to leave the country": an expulsion (161 for envoys)
    elif trig.lemma in DIRECTIVES and any(toks[k].lower == "or" and toks[k + 1].lower in {"face", "else"}
                                        for k in range(trig.end, len(toks) - 1)):
        code = "139"    # "gave Iraq until noon to withdraw or face a ground offensive": an ultimatum
    return code


def is_speech(trig: Trigger, code: str) -> bool:
    """A speech act (said, told, admitted): an event only when nothing else in its sentence is."""
    # (a verb the lexicon codes as a plain statement, 010, "proclaimed himself president", is one too)
    return (code.startswith("01") and trig.lemma in SPEECH_LEMMAS and code != "015") or trig.lemma in ADMISSIONS \
        or code == "010"


def refine(ctx, toks, mentions, trig: Trigger, code: str, how: str, sources, targets):
    """The code decided by the event's actors: (code, sources, targets); protesters and a coup's
    government are the actors these rules name."""
    if trig.lemma in ARRIVAL_VERBS and sources and all(role(s) in ARRIVAL_BY_TYPE for s in sources):
        # "Turkish troops landed in Cyprus": a military landing, not a visit; peacekeepers come to protect
        code = ARRIVAL_BY_TYPE[role(sources[0])]
    elif trig.lemma in ARRIVAL_VERBS and code == "042" and sources and all(
            (s.kind == "agent" and role(s) in ARMED_GROUPS and ctx.text[s.start:s.end].endswith("s"))
            or (s.kind == "group" and armed(s)) for s in sources if s.start >= 0):
        code = "190"    # "Cuban exiles landed at the Bay of Pigs", "Taliban fighters entered Kabul": armed men invade
    if trig.lemma in FORCE_VERBS and code[:2] in {"11", "12"} and sources and all(armed(s) for s in sources):
        code = "190"    # "militants attacked the government": armed men attack with arms, not with words
    if code.startswith("14") and sources:
        sources = participants.protesters(ctx, sources)
    if code.startswith("14") and sources and all(s.kind in COUNTRY_KINDS for s in sources):
        code = "114"    # "China protested", "summoned the ambassador in protest": a state complains officially,
                        # it does not demonstrate in the street
    if code == "166" and targets:
        # "expelled foreign journalists": expelling people deports them (174); diplomats: relations (161);
        # missions, inspectors, aid agencies stay 166
        envoys = all(ctx.text[t.start:t.end].lower().endswith(FOREIGN_ENVOYS) for t in targets if t.start >= 0)
        code = "161" if envoys else "174" if all(people(ctx.text, t) for t in targets) else code
    if code.startswith("181") and toks[trig.start].lower.startswith(("arrest", "detain")):
        code = "173"    # the verb names an arrest, whoever makes it (PETRARCH's "take minister" is an abduction)
    if code.startswith("192") and targets and all(people(ctx.text, t) for t in targets):
        # taking people is not occupying territory: an arrest by a state ("captured Laurent Gbagbo"), an
        # abduction by anyone else ("gunmen seized Israeli athletes")
        code = "181" if sources and all(non_state(s) for s in sources) else "173" if all(
            t.kind == "person" or role(t) in PEOPLE_TYPES for t in targets) else code
    if code in COUPS and is_coup(toks, trig) and not targets and sources and how != "discourse":
        targets = participants.coup_government(ctx, mentions, sources)
    if trig.lemma in OBSTRUCT_VERBS and sources and all(role(s) in UNARMED | {"AGR"} for s in sources):
        code = "144"    # "farmers blocked motorways", "protesters blockaded the port": obstruction is protest
    if code[:2] == "19" and sources and all(role(s) in UNARMED for s in sources) \
            and trig.lemma not in ARRIVAL_VERBS:
        # force without an army: on people unconventional violence (180, "mobs attacked Sikhs"), on buildings
        # and institutions a violent protest (145, "protesters stormed the legislature")
        # (a foreign state's embassy stormed is an attack on that state: 180)
        foreign = any(t.country and t.country not in {s.country for s in sources} for t in targets)
        code = "180" if _on_people(ctx, targets) or foreign else "145"
    if code[:2] == "19" and trig.lemma in KILLING_VERBS and targets and all(_one_person(ctx, t) for t in targets) \
            and (not sources or all(non_state(s) or s.kind == "person" or s.kind == "agent" and (
                role(s) not in STATE_ARMED or role(s) in {"MIL", "COP"}) for s in sources)):
        # "Palme was shot dead", "gunmen killed the governor": a person killed outside war is assassinated
        code = "186"
    if code.startswith("084") and trig.lemma in TRANSFER_VERBS and targets and all(people(ctx.text, t) for t in targets) \
            and _handed_to_justice(ctx, toks, mentions, trig, sources):
        code = "063"    # "handed Milosevic over to the UN tribunal": extradition is judicial cooperation
    k = trig.end + (trig.end < len(toks) and toks[trig.end].lower in {"deeper", "further", "farther", "on"})
    if trig.lemma == "ARRIVE" and sources and all(role(s) == "MIL" for s in sources):
        code = "154"    # "US Marines arrived in Port-au-Prince": a deployment, not military aid
    if trig.lemma == "WALK_OUT" and sources and all(role(s) in UNARMED | {"LAB"} or people(ctx.text, s) for s in sources):
        code = "143"    # "thousands of workers walked out": a strike, not leaving talks
    if trig.lemma == "DEFEND" and sources and not any(armed(s) for s in sources):
        code = "052"    # "the prime minister defended the police": a verbal defence, not military protection
    if trig.lemma in ADVANCE_VERBS and code[:2] != "19" and sources and all(role(s) == "MIL" for s in sources) \
            and k < len(toks) and toks[k].lower in {"into", "across", "toward", "towards", "through"}:
        code = "190"    # "Syrian tanks pushed into the Golan Heights": an army advancing attacks
    if code.startswith("192") and _vessel_object(toks, trig):
        code = "171"    # "seized a British oil tanker": taking a ship or aircraft seizes property, not territory
    if trig.lemma in DEPARTURE_VERBS and sources and all(role(s) in ARRIVAL_BY_TYPE for s in sources) and targets \
            and all(t.kind in COUNTRY_KINDS for t in targets):
        code = "0874"   # "the last Soviet troops left Afghanistan": troops leaving a country withdraw from it
    if code[:2] not in VIOLENT and trig.lemma in WMD_USE and sources:
        weapon = by_weapon_or_aim(toks, trig, code, targets)
        code = weapon if weapon.startswith("204") else code     # "the cult released sarin on the subway"
    if trig.lemma in KILLING_VERBS | {"MASSACRE"} and not any(armed(t) for t in targets) and _thousands(toks, trig):
        code = "202"    # "killed more than 1,000 villagers": a mass killing
    if trig.lemma == "RULE" and sources and all(judicial(s) for s in sources):
        code = "111"    # "the court ruled that the barrier violates international law", "ruled against China's claims"
    if trig.lemma in EXECUTIONS and sources and all(role(s) in STATE_ARMED | {"JUD"} for s in sources):
        code = "175"    # "the military government hanged the writer and eight activists": a state's violent repression
    if code.startswith("171") and sources and all(role(s) in UNARMED or (non_state(s) and not armed(s))
                                                  for s in sources):
        code = "180"    # "mobs burned their homes and shops": destruction by crowds is violence, not coercion
    if (trig.lemma in ARRIVAL_VERBS or trig.lemma == "ARRIVE") and _relief(toks, trig):
        code = "073"    # "a US military aid flight landed in Yangon with blankets": relief delivered, not an attack
    if code == "154" and trig.lemma in {"SEND", "DEPLOY", "DISPATCH"} and _to_help(toks, trig) and targets \
            and all(t.kind in COUNTRY_KINDS and t.country not in {s.country for s in sources} for t in targets):
        code = "074"    # "sent troops to Tonga to restore order": forces sent to help another country protect it
    if code[:2] == "19" and sources and all(non_state(s) for s in sources) \
            and any(t.lower == "suicide" for t in toks[max(0, trig.start - 6):trig.end + 6]):
        code = "183"    # "suicide bombers blew a hole in the destroyer": a suicide bombing, not conventional war
    if code.startswith("192") and _hostages(toks, trig):
        code = "181"    # "seized a school, taking a thousand children hostage": CAMEO 181 "Abduct, hijack, or take hostage"
    if code[:2] == "19" and not any(role(s) in STATE_ARMED for s in sources) and _bomb(toks, trig):
        code = "183"    # "was killed when a bomb blew up the motorway": CAMEO 183 "Conduct suicide, car, or other
                        # non-military bombing"; a state's army bombing is an air or artillery attack (19)
    if code[:2] in {"18", "19"} and sources and code != "186":
        code = _by_victims(ctx, toks, trig, code, sources, targets)
    if code[:2] in {"06", "15"} and trig.kind != "verb" and trig.lemma.split()[-1] in EXERCISE_NOUNS:
        code, targets = _exercise(toks, trig, code, sources, targets)
    if code[:2] in VIOLENT | {"07", "15"} and any(_match_any(SHOW_WORDS, toks, k) for k in range(len(toks))):
        code = "150"    # "flew bombers over the Baltic as a show of force": a demonstration of power
    if code[:2] in VIOLENT:
        code = by_weapon_or_aim(toks, trig, code, targets)
    return code, sources, targets


def _exercise(toks, trig: Trigger, code: str, sources, targets):
    """A military exercise with a partner is military cooperation (062), alone a force posture (150): PLOVER
    manual, MOBILIZE, "Joint military operations are coded as COOPERATE but single-country exercises should be
    coded as MOBILIZE" (CAMEO 062 "Cooperate militarily", 150 "Demonstrate military or police power").
    Partners: sources of two countries ("Russian and Chinese troops began joint manoeuvres"), which are then
    each other's partner, or a foreign actor after "with" ("held exercises with the French navy")."""
    own = {s.country for s in sources if s.country}
    if len(own) > 1:
        return "062", []    # each side is the other's partner (participants.reciprocal pairs them)
    clause = range(trig.end, next((k for k in range(trig.end, len(toks)) if clause_end(toks, k)), len(toks)))
    with_at = next((k for k in clause if toks[k].lower == "with"), None)
    if with_at is not None and targets and all(t.start >= 0 and toks[with_at].end <= t.start and t.country
                                               and t.country not in own for t in targets):
        return "062", targets
    return code, targets


def _sentence_part(toks, trig: Trigger, before: int, after: int) -> list:
    """The words from `before` tokens before the trigger to `after` tokens after it, within its sentence part
    (up to ".", ";", ":" or "but")."""
    lo = trig.start
    while lo > 0 and trig.start - lo < before and toks[lo - 1].lower not in CLAUSE_STOP:
        lo -= 1
    hi = trig.end
    while hi < len(toks) and hi - trig.end < after and toks[hi].lower not in CLAUSE_STOP:
        hi += 1
    return toks[lo:hi]


def _hostages(toks, trig: Trigger) -> bool:
    """Does the seizure go on to take or hold people hostage ("seized a school, taking 1,000 children hostage")?"""
    words = [t.lower for t in _sentence_part(toks, trig, 0, 30)]
    return any(w in {"hostage", "hostages"} for w in words) and any(
        w.startswith(("tak", "took", "held", "hold")) for w in words)


def _bomb(toks, trig: Trigger) -> bool:
    """Is an explosive device the means, near the trigger ("a car bomb killed", "killed when a bomb blew up",
    "killed by a bomb"), and nothing says it fell from the air?"""
    words = [t.lower for t in _sentence_part(toks, trig, 6, 8)]
    return any(w in BOMB_WORDS for w in words) and not any(w in AIR_WORDS for w in words)


def _one_person(ctx, t) -> bool:
    """A person by name, or an actor named by a title of one person ("the premier", "the anti-Mafia judge")."""
    return t.kind == "person" or t.kind == "agent" and _last_word(ctx.text, t) in PERSON_TITLES


def _relief(toks, trig: Trigger) -> bool:
    """Does the arrival's subject ("the first aid flight landed") or its cargo after "with" ("landed with
    tents and medicine") name relief? CAMEO 073 "Provide humanitarian aid"; PLOVER manual, MOBILIZE:
    "Mobilizing police or military forces for disaster relief should be coded as AID"."""
    k = trig.start - 1
    while k >= 0 and trig.start - k <= 8 and not clause_end(toks, k) and toks[k].lower != ",":
        if toks[k].lower in RELIEF_WORDS and toks[k].text[:1].islower():
            return True
        k -= 1
    clause = _clause(toks, trig)
    with_at = next((k for k, t in enumerate(clause) if t.lower == "with"), None)
    return with_at is not None and any(t.lower in RELIEF_WORDS for t in clause[with_at + 1:with_at + 8])


def _to_help(toks, trig: Trigger) -> bool:
    """Does the clause say the forces go to help ("to restore order", "to help", "at the request of")?"""
    words = [t.lower for t in _clause(toks, trig)]
    return any(a == "to" and b in HELP_VERBS for a, b in zip(words, words[1:])) or "request" in words


REFLEXIVES = {"himself", "herself", "themselves", "itself"}


def _clause(toks, trig: Trigger) -> list:
    """The trigger and the words after it up to the end of its clause."""
    end = next((k for k in range(trig.end, len(toks)) if clause_end(toks, k)), len(toks))
    return toks[trig.start:end]


def _vessel_object(toks, trig: Trigger) -> bool:
    """Is the object's head (within five words, before any preposition) a ship or an aircraft?"""
    for t in toks[trig.end:trig.end + 6]:
        if t.lower in VESSELS:
            return True
        if t.lower in {"in", "on", "at", "off", "near", "from", "with", "and", ",", "."}:
            return False
    return False


def _thousands(toks, trig: Trigger) -> bool:
    """Does the object start with a count of a thousand or more ("more than 1,000", "thousands of")?"""
    k = trig.end
    while k < len(toks) and k - trig.end < 3 and toks[k].lower in {"more", "than", "at", "least", "about", "some",
                                                                       "over", "nearly", "almost", "around", "up", "to"}:
        k += 1
    if k >= len(toks):
        return False
    w = toks[k].lower
    return w in {"thousands", "tens", "hundreds"} and w != "hundreds" or (
        w == "hundreds" and k + 2 < len(toks) and toks[k + 2].lower == "thousands") or (
        w.replace(",", "").isdigit() and int(w.replace(",", "")) >= 1000)


def _handed_to_justice(ctx, toks, mentions, trig: Trigger, sources) -> bool:
    """Is the recipient after "to" in the trigger's clause a court or another country?"""
    own = {s.country for s in sources}
    for k in range(trig.end, len(toks) - 1):
        if clause_end(toks, k):
            return False
        if toks[k].lower == "to":     # ("to the UN war crimes tribunal": any of the phrase's mentions)
            return any(judicial(m.ref) or m.ref.kind in COUNTRY_KINDS and m.ref.country not in own
                       for m in mentions if k < m.t0 <= k + 6)
    return False


def _by_victims(ctx, toks, trig: Trigger, code: str, sources, targets) -> str:
    """Force on unarmed people: by a state's police, or its troops against protesters, strikers or students, or
    with crowd-control weapons ("fired tear gas at crowds"), is violent repression (175); by an armed group on
    civilians ("gunmen killed 58 tourists") unconventional violence (180), not fighting (19)."""
    victims = bool(targets) and all(not armed(t) and t.kind != "person" and (
        role(t) in UNARMED or people(ctx.text, t) or t.kind == "demonym" and ctx.text[t.start:t.end].endswith("s"))
        for t in targets)      # ("four Egyptians": people of a country, not its state)
    clause = toks[trig.start:next((k for k in range(trig.end, len(toks)) if clause_end(toks, k)), len(toks))]
    crowd_weapons = any(_match_any(CROWD_CONTROL, clause, k) for k in range(len(clause)))
    # (by the last word of their name: "Cuban opposition" may be armed exiles, "protesters" are not)
    if all(role(s) in STATE_ARMED for s in sources) and (crowd_weapons or victims and (
            all(role(s) == "COP" for s in sources) or all(_last_word(ctx.text, t) in PROTEST_PEOPLE for t in targets))):
        return "175"
    if code[:2] == "19" and victims and all(non_state(s) and armed(s) for s in sources):
        return "180"
    return code


def _on_people(ctx, targets) -> bool:
    """Are the targets people (persons, civilians, a people), not buildings, states or institutions?"""
    return bool(targets) and all(t.kind == "person" or people(ctx.text, t) or t.kind == "demonym"
                                 and ctx.text[t.start:t.end].endswith("s") for t in targets)


def _last_word(text: str, a) -> str:
    words = text[a.start:a.end].lower().split() if a.start >= 0 else []
    return words[-1] if words else ""


def by_weapon_or_aim(toks, trig: Trigger, code: str, targets) -> str:
    """Violence by its weapon or its aim: with a weapon of mass destruction ("attacked Halabja with
    chemical weapons") 2041, nuclear 2042, and a nuclear blast at no one a test (150); force aimed at no
    one ("fired missiles into the sea") demonstrates power (150)."""
    lo = max(0, trig.start - 2)     # "a chemical attack", "the nuclear test"
    hi = next((k for k in range(trig.end, min(len(toks), trig.end + 12)) if clause_end(toks, k)),
              min(len(toks), trig.end + 12))
    for k in range(lo, hi):
        n = match_word("&WMD", toks, k, load()) or _match_any(MASS_DESTRUCTION, toks, k)
        after = toks[k + n].lower if n and k + n < len(toks) else ""
        if n and k >= trig.end and (any(t.lower in AIMS for t in toks[trig.end:k]) or after in WMD_SITES):
            break       # "strikes on chemical weapons facilities", "hit a nerve gas depot": the weapon is hit
        if n:
            if not any(t.lower in NUCLEAR_WORDS for t in toks[k:k + n]):
                return "2041"
            return "150" if not targets and any(t.lower in TEST_WORDS for t in toks) else "2042"
    if not targets and any(toks[k].lower == "into" and any(t.lower in OPEN_WATER for t in toks[k + 1:k + 4])
                           for k in range(trig.end, hi)):
        return "150"
    return code


def _match_any(phrases, toks, k: int) -> int:
    """The length of the first phrase ("show_of_force") matching at toks[k], or 0."""
    for words in _by_first_word(phrases).get(toks[k].lower, ()):
        if tuple(t.lower for t in toks[k:k + len(words)]) == words:
            return len(words)
    return 0


@lru_cache(maxsize=None)
def _by_first_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases ("show_of_force") as word tuples, by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split("_"))
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def is_coup(toks, trig: Trigger) -> bool:
    """A coup ("seized power", "staged a coup", "toppled"), not any other coercion coded 170."""
    return trig.lemma in COUP_LEMMAS or any(t.lower in COUP_WORDS for t in toks[trig.start:trig.end + 3])
