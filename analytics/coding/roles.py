"""Source and target actors of an event.

Source: the passive's "by" agent; a nominal event's possessive or pre-modifier ("their takeover",
"Russian airstrikes"); else the nearest subject before the verb (not in a prepositional phrase, not an
object, not a place), pronouns resolved; a sentence-initial participle takes the main clause's subject.
Target: the first actor after the trigger in its clause that is not a place, a topic ("talks on
Afghanistan") or the source itself; "the attack" points back to the event it names; "the capital" to the
country last named; a demand's "that"-clause subject is its addressee. Coordination multiplies actors.

Rules for unseen text (each with a table in tests/test_coding_roles.py):
- Clauses: the object search stops at "and" + a new verb ("praised the Tunisian people and urged the
  authorities") and at ", <participle>" ("landed at the airport, becoming ..."); a participle clause after a
  comma is done by the main clause's subject ("sealed off the border ..., tearing up the pavement").
- Objects: the author of a resolution, plan or offer acted on is the target ("vetoed a UN Security Council
  resolution"); what is sent belongs to the sender, the recipient after "to" is the target ("sent troops to
  Greenland"); "the country", "the island('s)", "the kingdom" name the country last named, after "to",
  "against", "into" too ("sent police to the island kingdom"); people fired at are hit ("fired tear gas at
  crowds"); a state's official does not act on his own state ("accept a Palestinian state alongside Israel"),
  his people still can be ("urged Russians"); a force posture's own forces are no target ("sent the Michigan
  National Guard into the city"), nor is a leader's own army of his fighting ("ordered US Marines to land in
  the Dominican Republic" targets the Republic); violence in another state's capital is against that state
  ("bombed the airport at Tegucigalpa"); a capital one deals with is its state ("broke off relations with Lima"); a
  name before a preposition or a predicative adjective is still the object ("gave Iraq until noon", "found Rios
  Montt guilty"); a passive's "by" agent may follow place and time phrases ("shot dead at a dinner in Seoul on
  Friday night by Kim Jae-gyu").
- Subjects: a name before a past verb after "and" starts a new clause ("aid to Peru and Venezuela broke off
  relations"), except in a pair ("talks between Israel and Hamas broke down").
- Event nouns named back ("condemned the test", "denounced the trip") point to the story's last event of the
  noun's own kind (NOUN_ROOTS; a trip to the last visitor, not his host) before any last event of its quad class.
- "their" before a joint act is the whole coordinated group ("Russian and Chinese bombers flew their first joint
  patrol": each the other's partner).
- Identity: two people agents that differ in name are two actors even with one role code ("mobs attacked
  Sikhs"); a state's agents of one country are one actor.
- Countries (source_country, target_country): a generic agent of a state or its people (police, soldiers,
  protesters, civilians) with no other clue takes the story's country; armed men named again with "the" are
  those named before ("Somali gunmen seized a ship ... The pirates demanded"); armed men and criminals do not
  ("kidnappers freed the French journalist"). A demonym describing the object gives the doer no country
  ("Police charged a 28-year-old Australian man"); "foreign tourists" get no country. A non-state group the lexicon leaves without a country
  (Phoenix's regional or "INT" codes) is of the place its name names ("Free Aceh Movement": IDN), else of the
  event's place; IMG groups (Islamic State, al-Qaeda) keep none. An agent target takes the country named
  just before it in the sentence ("the Tunisian people ... the authorities") before the story's last agent of
  its kind. A head of government introduced by a bare title who acts against the story's country (its written
  target, or the doer reacted to) is of the story's next country ("President Gerald Ford demanded the ship's
  release" in a story from Cambodia); an opposition leader may oppose his own state and keeps it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from analytics.coding import cameo
from analytics.coding.context import Mention, background_place, mention_at, resolve_pronoun, same_actor, story_countries
from analytics.coding.grammar import (COUNTRY_KINDS, EVENT_NOUNS, HEAD_NOUNS, MODALS, NEGATORS,
    NOMINAL_PREMODIFIERS, OBJ_PREPS, PAST_AUX, POSSESSIVES, REPORT, STATE_TYPES, SUBJ_PRONOUNS, SUBORDINATORS,
    TOPIC_PREPS, VERBAL_GOVERNORS, VIOLENT, clause_end, coordinated, country_name, is_verb_form, IRREGULAR_PAST)
from analytics.coding.mentions import ActorRef, PlaceRef
from analytics.coding.text import Token
from analytics.coding.triggers import BE, FUNCTION_WORDS, Trigger
from analytics.coding.words import RANK_WORDS


def _infinitive_owner(ctx, toks, mentions, trig: Trigger) -> ActorRef | None:
    """'their efforts to stabilize': the possessor of the governing noun does the infinitive."""
    k = trig.start - 1
    while k >= 0 and toks[k].lower.endswith("ly"):
        k -= 1
    if k < 2 or toks[k].lower != "to":
        return None
    owner = toks[k - 2]
    if owner.lower in POSSESSIVES:
        return resolve_pronoun(ctx, mentions, k - 2, owner.lower)
    m = mention_at(mentions, k - 2)
    return m.ref if m is not None and m.possessive else None


def subject_before(ctx, toks, mentions, start: int) -> tuple[list[ActorRef], str]:
    """Nearest actor (or pronoun) before token `start` that is a subject: not inside a prepositional
    phrase, not a verb's object, not a location."""
    j = start - 1
    while j >= 0:
        m = mention_at(mentions, j)
        if m is not None and m.prep == "by" and _launcher(toks, m, start):
            # "Drones launched by Houthi rebels struck": the launcher of the subject does the deed
            return _with_coordinated(m, mentions, toks), "text"
        if m is not None:
            # "Putin said Russia attacked": an "object" right before the verb chain is its subject
            between = toks[m.t1:start]
            adjacent = all(t.lower in MODALS | NEGATORS | PAST_AUX | BE | {"also", "then", "to"} or t.lower.endswith("ly")
                           for t in between) or (
                # "said Russian missiles hit": the demonym's noun is the subject's head
                m.ref.kind == "demonym" and len(between) == 1 and between[0].text[:1].islower()
                and between[0].lower.isalpha() and between[0].lower.endswith("s"))
            if m.object and adjacent and m.prep is None and not m.locative:
                return _with_coordinated(m, mentions, toks), "text"
            if m.possessive and m.prep is None and not m.object:
                return [m.ref], "text"     # "Russia's foreign minister said": the possessor stands for its official
            if not m.locative and m.prep is None and not m.object:
                return _with_coordinated(m, mentions, toks), "text"
            j = m.t0 - 1
            continue
        w = toks[j].lower
        if w in GROUP_ANAPHORS and j >= 1 and toks[j - 1].lower == "the" and (j < 2 or not (
                toks[j - 2].lower in OBJ_PREPS or is_verb_form(toks[j - 2].lower))) and all(
                t.lower in MODALS | NEGATORS | PAST_AUX | BE | {"also", "then"} or t.lower.endswith("ly")
                for t in toks[j + 1:start]):
            # "The group had fired rockets": the last armed group or organisation named
            ref = next((m.ref for m in reversed(mentions) if m.t1 <= j and m.ref.kind == "group"), None) or next(
                (r for r in reversed(ctx.recent) if r.kind == "group"), None)
            if ref is not None:
                return [ref], "pronoun"
        if w in POSSESSIVES and j >= 1 and (toks[j - 1].lower == "to" or toks[j - 1].text[:1].islower()
                                            and is_verb_form(toks[j - 1].lower)):
            j -= 1      # "ordered the Navy to double its patrols ... and warned Hanoi": a possessive in an object
            continue
        if w in SUBJ_PRONOUNS - {"them", "him"} and (j == 0 or toks[j - 1].lower not in OBJ_PREPS):
            if w in {"who", "which"}:
                j -= 1
                continue
            # "the workers they had kidnapped": a pronoun right after a noun is not that noun
            before = next((m.ref for m in mentions if m.t1 == j), None)
            ref = resolve_pronoun(ctx, mentions, j, w, exclude=before)
            if ref is not None:
                return [ref], "pronoun"
        j -= 1
    return [], "none"


LAUNCHERS = {"launched", "fired", "flown", "operated", "sent", "deployed", "piloted", "planted", "used"}


def _launcher(toks, m, start: int) -> bool:
    """Is m the "by" agent of a participle that describes the sentence's first noun phrase ("Drones launched by
    X struck"), with nothing but that agent's words before the verb?"""
    k = m.t0 - 1
    while k >= 0 and toks[k].lower in {"the", "a", "an"}:
        k -= 1
    if k < 2 or toks[k].lower != "by" or toks[k - 1].lower not in LAUNCHERS:
        return False
    head = k - 2        # the noun the participle describes, near the sentence start
    return head <= 3 and not any(t.lower in {",", "that", "which"} for t in toks[k:start])


def by_agents(toks, mentions, trig: Trigger) -> list[Mention]:
    """A passive's "by" agents: within 6 tokens, or within 14 when only place and time phrases come between
    ("was shot dead at a dinner in Seoul on Friday night by Kim Jae-gyu")."""
    return [m for m in mentions if m.t0 >= trig.end and m.prep == "by" and (m.t0 - trig.end <= 6 or (
        m.t0 - trig.end <= 14 and not any(clause_end(toks, q) or toks[q].text == "," for q in range(trig.end, m.t0))))]


def find_source(ctx, toks, mentions, trig: Trigger) -> tuple[list[ActorRef], str]:
    """Source actors and how they were found: 'text', 'pronoun' or 'none'."""
    if trig.passive:
        agent = by_agents(toks, mentions, trig)
        if agent:
            return _with_coordinated(agent[0], mentions, toks), "text"
    if trig.kind == "nominal":
        # "their takeover", "Russia's invasion", "Russian airstrikes", "the withdrawal of its troops"
        j = trig.start - 1
        definite = False
        while j >= 0 and (toks[j].lower in NOMINAL_PREMODIFIERS | {"this", "these", "those"}
                          or (j > 0 and toks[j].text[:1].isupper() and mention_at(mentions, j) is None)):
            # "the Mumbai attacks", "the Kargil war": a name that is no actor modifies a known event
            definite = definite or toks[j].lower in {"the", "this", "these", "those"}
            j -= 1
        if j >= 0:
            m = mention_at(mentions, j)
            if m is not None and not m.locative and m.prep not in {"of", "with", "to", "against", "for"}:
                return [m.ref], "text"
            if toks[j].lower in POSSESSIVES:
                ref = resolve_pronoun(ctx, mentions, j, toks[j].lower)
                if ref is not None:
                    if toks[j].lower == "their":
                        # "Russian and Chinese bombers flew their first joint patrol": all of the group
                        group = next((_with_coordinated(m, mentions, toks) for m in mentions if m.ref is ref), None)
                        if group and len(group) > 1:
                            return group, "pronoun"
                    return [ref], "pronoun"
        root = (cameo.normalise_code(trig.code) or "00")[:2]
        agent_preps = {"by", "from"} if root in VERBAL_GOVERNORS | {"01", "05"} else {"by"}
        by = [m for m in mentions if m.t0 >= trig.end and m.prep in agent_preps and m.t0 - trig.end <= 4]
        if by:
            return _with_coordinated(by[0], mentions, toks), "text"    # "condemnation from China and Russia"
        k = trig.end
        if k + 1 < len(toks) and toks[k].lower == "of" and toks[k + 1].lower in POSSESSIVES:
            ref = resolve_pronoun(ctx, mentions, k + 1, toks[k + 1].lower)
            if ref is not None:
                return [ref], "pronoun"
        # "called the attacks a terrorist act": a definite event noun without its own actor names an
        # event told before, not a new one
        if definite and trig.end < len(toks) \
                and toks[trig.end].lower not in {"of", "on", "against", "in", "by", "between", "with"}:
            return [], "anaphoric"
        if root == "14":
            return [], "none"   # "after 18 days of mass protests": the crowd, not the clause's subject
        # a nominal object of a clause ("made a comeback in international talks") takes its subject
        found, how = subject_before(ctx, toks, mentions, trig.start)
        return found, ("pronoun" if found else "none")
    owner = _infinitive_owner(ctx, toks, mentions, trig)
    if owner is not None:
        return [owner], "pronoun"
    main = _participle_subject(toks, mentions, trig)
    if main:
        return main, "text"
    found, how = subject_before(ctx, toks, mentions, trig.start)
    if found:
        return found, how
    # "Opening the talks, Lavrov stressed ...": a sentence-initial participle takes the main subject
    if toks[trig.start].lower.endswith("ing"):
        comma = next((k for k in range(trig.end, len(toks)) if toks[k].lower == ","), None)
        if comma is not None:
            for m in mentions:
                if m.t0 > comma and m.prep is None and not m.locative:
                    return _with_coordinated(m, mentions, toks), "text"
    return [], "none"


def _participle_subject(toks, mentions, trig: Trigger) -> list[ActorRef]:
    """"East German troops sealed off the border, stringing wire across streets and tearing up the pavement": a
    participle clause after a comma is done by the main clause's subject (not by the last name before it)."""
    if trig.kind != "verb" or trig.passive or not toks[trig.start].lower.endswith("ing"):
        return []
    c = trig.start - 1
    while c >= 0 and toks[c].text != "," and mention_at(mentions, c) is None and toks[c].text[:1].islower() \
            and toks[c].lower not in SUBJ_PRONOUNS | SUBORDINATORS:
        c -= 1
    if c < 1 or toks[c].text != ",":
        return []
    subject = next((m for m in mentions if m.t1 <= c and m.prep is None and not m.locative and not m.object
                    and not m.possessive), None)
    return _with_coordinated(subject, mentions, toks) if subject is not None else []


def _with_coordinated(m: Mention, mentions: list[Mention], toks) -> list[ActorRef]:
    """The mention plus any actors coordinated with it ("Russia and China", "X, Y and Z"). A chain
    joined by commas only is an apposition or a new clause ("Ukraine, Chancellor Scholz said"), not a list."""
    # "Germany's Angela Merkel and France's Emmanuel Macron": a possessor right before its head is part of it
    owned = {k for k in range(1, len(mentions)) if mentions[k - 1].possessive and mentions[k].t0 - mentions[k - 1].t1 <= 1}
    units = [k for k in range(len(mentions)) if k + 1 not in owned]    # heads and free mentions
    def start(k):   # token where mention k's unit begins
        return mentions[k - 1].t0 if k in owned else mentions[k].t0
    idx = mentions.index(m)
    if idx not in units:
        idx += 1
    pos = units.index(idx) if idx in units else None
    if pos is None:
        return [m.ref]
    lo = hi = pos
    while lo > 0 and coordinated(toks, mentions[units[lo - 1]].t1, start(units[lo])):
        lo -= 1
    while hi + 1 < len(units) and coordinated(toks, mentions[units[hi]].t1, start(units[hi + 1])):
        hi += 1
    links = [[t.lower for t in toks[mentions[units[k]].t1:start(units[k + 1])]] for k in range(lo, hi)]
    if links and not any({"and", "or"} & set(link) for link in links):
        return [m.ref]
    seen, out = set(), []
    for g in (mentions[units[k]] for k in range(lo, hi + 1)):
        if g.locative != m.locative or (g.prep is None) != (m.prep is None):
            continue    # ("its aid to Peru and Venezuela broke off relations": Peru is no subject)
        key = (g.ref.name, g.ref.code)
        if key not in seen:
            seen.add(key)
            out.append(g.ref)
    return out


def _event_anaphor(ctx, toks, trig: Trigger, sources: list[ActorRef], mentions=()) -> ActorRef | None:
    """"NATO condemned the attack": a definite event noun right after the verb refers to an event
    already coded; its source is this event's target."""
    k = trig.end
    if k >= len(toks) or toks[k].lower not in {"the", "this", "that", "these", "those", "his", "her", "their", "its"}:
        return None
    if k + 1 < len(toks) and toks[k].lower in {"the", "those"} and toks[k + 1].lower in PERPETRATORS:
        # "vowed to punish the attackers": the source of the last violent event
        for root, ref in reversed(ctx.history):
            if root in VIOLENT and not any(same_actor(ref, s) for s in sources):
                return ref
        return None
    for j in (k + 1, k + 2):
        if j < len(toks) and (toks[j].lower in EVENT_NOUNS or toks[j].lower in NOUN_ROOTS):
            if j == k + 2 and not toks[k + 1].text[:1].islower():
                return None
            if j + 1 < len(toks) and toks[j + 1].lower in {"on", "against"} and _noun_violent(toks[j].lower):
                return VICTIM   # "condemned the attack on Odesa": Odesa is the attack's victim, not the target
            # "welcomed the killing of bin Laden by US forces": the doer named after "by"
            by = next((m for m in mentions if j < m.t0 <= j + 8 and m.prep == "by"
                       and not any(clause_end(toks, q) for q in range(j, m.t0))), None)
            if by is not None and not any(same_actor(by.ref, s) for s in sources):
                return by.ref
            if toks[j].lower in TRIP_NOUNS:
                # "Syria denounced the trip": the visitor, not whoever greeted him
                visitor = next((r for r in reversed(ctx.visitors) if not any(same_actor(r, s) for s in sources)), None)
                if visitor is not None:
                    return visitor
            roots = NOUN_ROOTS.get(toks[j].lower) or _noun_root(toks[j].lower)
            # "Australia condemned the test" after France's test and the police's clash with rioters: the
            # event of the noun's own kind, when the story has one
            same_kind = next((ref for want in roots for root, ref in reversed(ctx.history) if root == want
                              and not any(same_actor(ref, s) for s in sources)), None)
            if same_kind is not None:
                return same_kind
            quads = _noun_quads(toks[j].lower)
            violent = _noun_violent(toks[j].lower)
            for root, ref in reversed(ctx.history):
                quad = cameo.event_info(root)[2]
                if (not quads or quad in quads) and (not violent or root in VIOLENT) \
                        and not any(same_actor(ref, s) for s in sources):
                    return ref
            return None
    return None


SIDES = {"sides", "parties", "countries", "nations", "leaders", "governments", "neighbours", "neighbors", "rivals"}
GROUP_ANAPHORS = {"group", "organisation", "organization", "movement", "militia", "faction"}
VICTIM = ActorRef(-1, -1, "", None, None, None, "victim")     # marker: the object named is the victim
PERPETRATORS = {"attackers", "perpetrators", "assailants", "kidnappers", "hijackers", "gunmen", "bombers",
                "responsible", "culprits", "killers", "abductors", "invaders", "intruders", "infiltrators",
                "raiders", "aggressors", "captors", "occupiers", "putschists", "mutineers"}


# Event nouns and the CAMEO roots of the events they name back to, in order of preference (beyond the nominal
# lexicon's own code)
NOUN_ROOTS = {"test": ("15", "18"), "tests": ("15", "18"), "trip": ("04",), "visit": ("04",), "visits": ("04",),
              "tour": ("04",), "talks": ("04",), "meeting": ("04",), "summit": ("04",), "explosion": ("15", "18"),
              "executions": ("18", "20"), "execution": ("18", "20"), "massacre": ("18", "20"),
              "expulsion": ("16", "17"), "expulsions": ("16", "17"), "ban": ("17",), "crackdown": ("17", "18"),
              "arrest": ("17",), "arrests": ("17",), "detention": ("17",), "coup": ("17",), "takeover": ("17", "19"),
              "invasion": ("19",), "incursion": ("19",), "annexation": ("19",), "airstrikes": ("19",),
              "bombing": ("18", "19"), "shelling": ("19",), "sanctions": ("16",), "embargo": ("16",),
              "warning": ("13",), "warnings": ("13",), "threat": ("13",), "threats": ("13",), "ultimatum": ("13",),
              "demand": ("10",), "demands": ("10",), "offer": ("03",), "appeal": ("02",), "request": ("02",),
              # acts of state named back by their result ("backed the apology", "would not recognise the dissolution",
              # "rejected the ruling"): the doer of the act
              "apology": ("05",), "apologies": ("05",), "dissolution": ("17",), "removal": ("17",),
              "impeachment": ("17", "11"), "ouster": ("17",), "ruling": ("11", "06"), "verdict": ("11",),
              "judgment": ("11",), "judgement": ("11",), "conviction": ("11",)}


TRIP_NOUNS = {"trip", "visit", "visits", "tour", "journey", "trips"}


def _noun_root(noun: str) -> tuple[str, ...]:
    """The root of the nominal lexicon's code for an event noun ("attack" -> 19), or none."""
    from analytics.coding.lexicon import load

    nominal = load().nominal
    code = nominal.get((noun,)) or (nominal.get((noun[:-1],)) if noun.endswith("s") else None)
    return (code[:2],) if code else ()


def _is_event_noun(word: str) -> bool:
    from analytics.coding.lexicon import load

    nominal = load().nominal
    return (word,) in nominal or (word.endswith("s") and (word[:-1],) in nominal)


def _noun_violent(noun: str) -> bool:
    """Does the event noun name violence ("attack", "bombing"), not just any material conflict?"""
    from analytics.coding.lexicon import load

    nominal = load().nominal
    code = nominal.get((noun,)) or (nominal.get((noun[:-1],)) if noun.endswith("s") else None)
    return bool(code) and code[:2] in VIOLENT or noun in {"killing", "killings", "aggression", "coup"}


def _noun_quads(noun: str) -> set[int]:
    """Quad classes an event noun can name ("attack": material conflict); empty = any."""
    from analytics.coding.lexicon import load

    special = {"coup": {4}, "intervention": {4}, "aggression": {4}, "crackdown": {4}, "killing": {4},
               "killings": {4}, "accusation": {3}, "accusations": {3}, "allegation": {3}, "allegations": {3},
               "release": {2}, "remarks": {1, 3}, "statement": {1, 3}}
    if noun in special:
        return special[noun]
    nominal = load().nominal
    code = nominal.get((noun,)) or nominal.get((noun[:-1],)) if noun.endswith("s") else nominal.get((noun,))
    return {cameo.event_info(code)[2]} if code else set()


SENDING = {"SEND", "DEPLOY", "DISPATCH", "SHIP", "FLY", "AIRLIFT", "DELIVER", "SEND_IN", "DESPATCH"}

# "the country", "the island", "the kingdom": the country last named (a capital: the city's country)
COUNTRY_NOUNS = {"capital", "country", "island", "kingdom", "nation", "republic"}

def _bare(word: str) -> str:
    """The word without a possessive ending ("island's" -> "island")."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


# Texts an actor authors: whoever rejects, vetoes or accepts one acts on its author
PROPOSALS = {"resolution", "resolutions", "proposal", "proposals", "plan", "offer", "demand", "demands", "request",
             "ultimatum", "initiative", "motion", "bid", "draft", "call", "appeal", "deal", "roadmap"}

PROPOSAL_FILLERS = {"the", "a", "an", "new", "draft", "latest", "peace", "on", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday", "yesterday", "today", "also", "formally"}

PROTECT_VERBS = {"DEFEND", "PROTECT"}

# ordinals and superlatives that open an apposition describing the subject ("..., the first Arab leader to ...")

FROM_TARGET_CODES = ("174", "192", "171")     # expel from, seize or take from: "from X" names the loser


def find_target(ctx, toks, mentions, trig: Trigger, sources: list[ActorRef]) -> list[ActorRef]:
    root = cameo.normalise_code(trig.code)[:2]
    stop = min(len(toks), trig.end + ctx.settings.target_window)
    fallback: ActorRef | None = None
    fallback_end = 0
    earlier = _event_anaphor(ctx, toks, trig, sources, mentions)
    if earlier is VICTIM:
        # the attack named is not coded: its doer, if the story has one, is the target (coder._reacted_to)
        return next(([r] for root_, r in reversed(ctx.history) if root_ in VIOLENT
                     and not any(same_actor(r, s) for s in sources)), [])
    if earlier is not None:
        return [earlier]
    k = trig.end
    while k < stop:
        w = toks[k].lower
        if clause_end(toks, k) and not (w in SUBORDINATORS and k == trig.end):
            break
        if w == "and" and k + 1 < len(toks) and toks[k + 1].text[:1].islower() \
                and (toks[k + 1].lower.endswith("ed") or toks[k + 1].lower in IRREGULAR_PAST) \
                and (trig.kind == "nominal" or k > trig.end and is_verb_form(toks[k + 1].lower)):
            # "after days of protests and handed power to the army", "praised the Tunisian people and urged the
            # authorities to ...": a new verb, a new clause with its own object
            break
        if trig.kind == "nominal" and k > trig.end and toks[k].text[:1].islower() and toks[k - 1].lower not in {
                "the", "a", "an", "by", "to", "of"} and (toks[k].lower in IRREGULAR_PAST | {"drew", "sparked", "prompted"}
                                                      or (toks[k].lower.endswith("ed") and is_verb_form(toks[k].lower)
                                                          and toks[k - 1].text[:1].isupper())):
            break       # "the annexation of Crimea by Russia drew condemnation from the EU": the noun's clause ends
        if w == "that" and (k == trig.end or toks[k - 1].lower not in {",", "and"}) and root in VERBAL_GOVERNORS | {"01"}:
            if root in {"02", "10"}:
                k += 1      # "demanded that Moscow remove": whom a demand is made of is its target
                continue
            if root == "13" and k + 2 < len(toks) and toks[k + 1].lower in {"he", "she", "it", "they", "we"} \
                    and toks[k + 2].lower in MODALS:
                # "warned that he would halt oil shipments to the United States": a threat of the speaker's own act
                # targets that act's object
                k += 3
                continue
            break       # "warned that Islamabad would retaliate": the complement's subject is no target
        if w == "the" and k + 1 < len(toks) and _bare(toks[k + 1].lower) in COUNTRY_NOUNS and (
                k - trig.end <= 1 or [t.lower for t in toks[trig.end:k]] in (["control", "of"], ["of"])
                or (k - trig.end <= 3 and toks[k - 2].lower == "to")      # "pledged not to invade the island"
                or toks[k - 1].lower in {"to", "against", "into"}):      # "sent police to the island kingdom"
            # "seized the capital": the capital of the country last named; "the island": the last place named
            if _bare(toks[k + 1].lower) == "island":
                own = {s.country for s in sources}
                place = next((p for p in reversed(ctx.places) if p.end <= toks[k].start and p.country
                              and p.country not in own), None)
                if place is not None:
                    return [ActorRef(place.start, place.end, country_name(place.country), place.country,
                                     place.country, None, "country")]
            country = next(
                (m.ref for m in reversed(mentions) if m.t1 <= trig.start and m.ref.kind in COUNTRY_KINDS
                 and not any(s.country == m.ref.country for s in sources)), None) or next(
                (r for r in reversed(ctx.recent) if r.kind in COUNTRY_KINDS
                 and not any(s.country == r.country for s in sources)), None)
            if country is None:
                # "President Aristide fled as rebels advanced on the capital": the country of a named leader
                home = next((m.ref.country for m in reversed(mentions) if m.t1 <= trig.start and m.ref.country
                             and m.ref.kind in ("person", "agent") and not any(s.country == m.ref.country
                                                                               for s in sources)), None) or next(
                    # "Madagascar's president resigned. The AU suspended the island's membership": the story's
                    (r.country for r in reversed(ctx.recent) if r.country and r.kind in ("person", "agent")
                     and not any(s.country == r.country for s in sources)), None)
                country = ActorRef(-1, -1, country_name(home), home, home, None, "country") if home else None
            if country is not None:
                return [country]
        if w == "," and k + 1 < len(toks) and toks[k + 1].text.islower() and toks[k + 1].lower.endswith("ing") \
                and toks[k + 1].lower not in {"including", "during", "according", "following", "something", "nothing"}:
            break       # "landed at the airport, becoming the first Arab leader to visit Israel": a clause of its own
        if w == "," and k + 2 < len(toks) and toks[k + 1].lower in {"the", "a", "an"} and any(
                t.lower in RANK_WORDS and "to" in {u.lower for u in toks[q + 1:q + 7]}
                for q, t in enumerate(toks[k + 2:k + 4], start=k + 2)):
            # "arrived in Havana, the first sitting US president to visit Cuba": an apposition on the subject
            # ("the country's oldest rights group" after the object describes the object)
            break
        if w == "," and any(t.lower in REPORT for t in toks[k + 1:k + 8]):
            break       # ", the Indian foreign ministry said"
        if ctx.groups and (w == "both" and k + 1 < len(toks) and toks[k + 1].lower in SIDES or w == "the" and k + 2 < len(toks)
                           and toks[k + 1].lower == "two" and toks[k + 2].lower in SIDES):
            # "urged both sides to observe the ceasefire": the last coordinated pair
            group = [g for g in ctx.groups[-1] if not any(same_actor(g, s) for s in sources)]
            if group:
                return group
        if w in {"the", "those"} and k + 1 < len(toks) and toks[k + 1].lower in PERPETRATORS:
            # "vowed to punish the attackers": the source of the last violent event
            ref = next((r for root_, r in reversed(ctx.history) if root_ in VIOLENT
                        and not any(same_actor(r, s) for s in sources)), None)
            if ref is not None:
                return [ref]
        m = mention_at(mentions, k)
        if m is not None and trig.lemma in SENDING and m.ref.kind == "agent" and m.prep is None and (
                m.ref.country is None or any(s.country == m.ref.country for s in sources)) and any(
                n.t0 > m.t1 and n.prep == "to" and not any(clause_end(toks, q) for q in range(m.t1, n.t0))
                for n in mentions):
            k = m.t1    # "sent doctors and nurses to Italy": what is sent is the sender's; the recipient is the target
            continue
        if m is not None and trig.kind == "nominal" and m.t0 == k and m.prep is None and m.t1 + 1 < len(toks) \
                and (toks[m.t1].lower in PAST_AUX and is_verb_form(toks[m.t1 + 1].lower)
                     or toks[m.t1].text[:1].islower() and toks[m.t1].lower in IRREGULAR_PAST | {"launched", "staged"}):
            break       # "the largest exercise Russia has held": the name after the noun does it (a relative clause)
        if m is not None:
            # "recalled its ambassador from Iran", "expelled them from Mali": the country left is the target
            # "recaptured Aleppo from rebels": the side that loses a place is the target
            departed = m.prep == "from" and (root == "16" or trig.code.startswith(FROM_TARGET_CODES))
            # "fired rockets at the US embassy": an institution shot at is hit, not where the shooting was
            departed = departed or (m.prep == "at" and root in VIOLENT and m.ref.kind == "agent" and m.ref.country)
            # "bombed the airport at Tegucigalpa", "shelled targets in Kyiv": violence in another state's capital is
            # against that state
            departed = departed or (m.ref.kind == "capital" and root in VIOLENT and m.prep in {"at", "in", "on", "near"}
                                    and m.ref.country and all(s.country and s.country != m.ref.country for s in sources))
            # "broke off relations with Lima", "signed a deal with Moscow": a capital one deals with is its state
            departed = departed or (m.prep == "with" and m.ref.kind == "capital" and root in PARTNER_ROOTS)
            # "fired tear gas at crowds", "shot at protesters": people fired at are the target
            departed = departed or (m.prep == "at" and root in VIOLENT | {"17"} and m.ref.kind == "agent"
                                    and (m.ref.type or "")[-3:] in PEOPLE_ROLES)
            # "the UN-protected enclave", "Russian-held territory": a compound modifier, not the target
            compound = ctx.text[m.ref.end:m.ref.end + 1] == "-" and m.ref.end > 0
            # "Netanyahu was prepared to accept a Palestinian state alongside Israel": a state's official does not
            # act on his own state
            own_state = m.ref.kind in {"country", "capital", "former_state"} and any(     # ("urged Russians": people)
                s.kind == "person" and (s.type or "")[-3:] == "GOV" and s.country == m.ref.country for s in sources)
            usable = ((not m.locative or departed) and not compound and not (root == "04" and m.prep in TOPIC_PREPS) and not m.loc_possessive
                      and m.prep not in {"by"} and not any(same_actor(m.ref, s) for s in sources) and not m.own
                      and not own_state
                      # "sent the Michigan National Guard into the city", "mobilised its reserves": a force
                      # posture's own forces are no target
                      and not (root == "15" and m.ref.kind == "agent" and (m.ref.type or "")[-3:] in STATE_TYPES
                               and any((s.country or (ctx.story if s.kind == "person" else None)) == m.ref.country
                                       and m.ref.country for s in sources))
                      # "President Johnson ordered US Marines to land in the Dominican Republic": a leader's own
                      # army is what he fights with, not whom
                      and not (root == "19" and m.ref.kind == "agent" and (m.ref.type or "")[-3:] == "MIL"
                               and m.ref.country and any(s.kind == "person" and s.country == m.ref.country
                                                         for s in sources))
                      and not (m.ref.kind == "agent" and m.ref.country is None
                               and (m.prep in {"involving", "including", "among"}
                                    or root in {"06", "07", "15"} and m.ref.type in STATE_TYPES
                                    # ("defended the police": the one defended is the target)
                                    and not (trig.lemma in PROTECT_VERBS and m.object))))
            if usable and m.possessive and trig.kind != "nominal" and any(
                    s.country and s.country == m.ref.country and m.ref.kind in COUNTRY_KINDS for s in sources):
                k = m.t1        # "Putin put Russia's nuclear forces on alert": one's own country's forces
                continue
            if usable and m.possessive and trig.kind != "nominal":
                return [m.ref]    # "demanded Iraq's immediate withdrawal": the possessor is addressed
            if usable and not m.ref.head:
                nxt = toks[m.t1].lower if m.t1 < len(toks) else ""
                # "a FARC rebel camp", "Taliban training camps": one plain modifier may stand before the head
                nxt2 = toks[m.t1 + 1].lower if m.t1 + 1 < len(toks) and nxt.isalpha() and nxt.islower() else ""
                # "sanctioned Russian oligarchs", "shot down a Russian helicopter": a demonym before any
                # common noun stands for its country when no actor is named
                # (not the source's own: "agreed to remove Soviet missiles" does not target the Soviet Union)
                acronym = ctx.text[m.ref.start:m.ref.end].isupper() and m.ref.kind in COUNTRY_KINDS | {"igo"}
                common = (m.ref.kind in ("demonym", "group") or acronym) and nxt.isalpha() \
                    and toks[m.t1].text[:1].islower() \
                    and not any(m.ref.country and s.country == m.ref.country for s in sources) \
                    and nxt not in FUNCTION_WORDS and not nxt.endswith("ed")     # "a captured Indian pilot"
                if m.ref.kind in COUNTRY_KINDS | {"igo", "group"} and (nxt in PROPOSALS or nxt2 in PROPOSALS) \
                        and all(t.lower in PROPOSAL_FILLERS for t in toks[trig.end:m.t0]) \
                        and not any(m.ref.country and s.country == m.ref.country for s in sources):
                    # "vetoed a UN Security Council resolution", "rejected an African Union peace plan": the
                    # author of the text acted on is the target
                    return [m.ref]
                if fallback is None and (nxt in HEAD_NOUNS or nxt in EVENT_NOUNS or _is_event_noun(nxt)
                                         or nxt2 in HEAD_NOUNS or common):
                    # "the Afghan capital", "blamed Ukrainian shelling": the demonym stands for its country
                    fallback = m.ref
                    fallback_end = m.t1
                usable = False
            if usable:
                if fallback is not None and any(t.lower in TOPIC_PREPS | {"over", "for"} for t in toks[fallback_end:m.t0]):
                    return [fallback]   # "sanctions on US defence firms over arms sales to Taiwan": the first object
                return _with_coordinated(m, mentions, toks)
            k = m.t1
            continue
        if w in {"them", "him", "it", "her", "their"} and (k == trig.end or toks[k - 1].lower in OBJ_PREPS
                                                          or (w == "their" and k - trig.end <= 4)):
            ref = resolve_pronoun(ctx, mentions, k, w, exclude=sources[0] if sources else None)
            if ref is not None and trig.lemma in SENDING and ref.kind == "agent" and ref.country \
                    and any(s.country == ref.country for s in sources):
                k += 1      # "after Moscow sent them in": the sender's own troops are what is sent, not the target
                continue
            if ref is not None and not any(same_actor(ref, s) for s in sources):
                if w in {"them", "their"}:
                    # "block their applications" after "Finland and Sweden": all of the group
                    group = next((_with_coordinated(m, mentions, toks) for m in mentions if m.ref is ref), None)
                    if (not group or len(group) < 2) and ctx.groups:
                        group = [g for g in ctx.groups[-1] if not any(same_actor(g, s) for s in sources)] or group
                    return group or [ref]
                return [ref]
        k += 1
    return [fallback] if fallback is not None else []


def names_capital(toks: list[Token], ref: ActorRef) -> bool:
    """Is the target written as "the <demonym> capital"?"""
    k = next((i for i, t in enumerate(toks) if t.start == ref.start), None)
    return k is not None and ref.kind == "demonym" and k + 1 < len(toks) and toks[k + 1].lower == "capital"


FOREIGN_SERVICE = {"PKO"}
REBELS = {"REB", "INS", "SEP"}
ARMED_MEN = {"REB", "INS", "UAF", "CRM", "SEP"}
PARTNER_ROOTS = {"03", "04", "05", "06", "16"}
PEOPLE_ROLES = {"CVL", "OPP", "EDU", "LAB", "REF", "AGR", "MED", "REB", "INS", "UAF", "CRM"}
# groups that are no one country's: international militarised groups (CAMEO IMG), organisations. Phoenix's regional
# and "INT" codes on local groups (the Free Aceh Movement is "INTREB") say only that no country was given.
GLOBAL_GROUPS = ("IMG", "IGO", "NGO")
HOME_ROLES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "CVL", "LAB", "EDU", "MED", "BUS", "REF", "HLH", "AGR"}
TRANSNATIONAL = ("IMG", "IGO", "NGO", "INT")
AT_HOME_ROOTS = {"08", "17"}     # release, coercion: a state does them to its own people unless told otherwise
CREWS = ("crew", "crew members", "crewmen")
FOREIGN_ENVOYS = ("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats")


def source_country(ctx, s: ActorRef, place: PlaceRef | None, sentence: list[ActorRef] = (),
                   reporter: str | None = None, against: frozenset = frozenset()) -> ActorRef:
    """A generic source ("the government", "gunmen") belongs to the event's country; else to the country
    of the other actors in its sentence ("the head of the armed forces urged President Morales"); else to
    the country the story was last about. A person introduced by a bare title ("Prime Minister Marcelo
    Caetano") belongs to the story's country (context.story_country), else to the event's (a visit abroad
    is no change of nationality: "President Nkrumah was on a state visit to China")."""
    if s.country is None and s.kind == "person" and not (s.code or "").startswith(TRANSNATIONAL):
        home = ctx.story or (place.country if place is not None else None)
        if home in against and (s.type or "")[-3:] == "GOV":
            # "Cambodian gunboats seized an American ship. President Gerald Ford demanded its release" from
            # Cambodia: a head of government who acts against the story's country is not of it (an opposition
            # leader may be); the story's next country
            home = next((c for c in story_countries(ctx.actors, ctx.places, ctx.text) if c not in against), home)
        return replace(s, country=home) if home else s
    if s.country is None and s.kind == "group" and not (s.code or "").startswith(GLOBAL_GROUPS):
        home = group_home(s) or (place.country if place is not None else None)
        return replace(s, country=home) if home else s
    if s.country is not None or s.kind != "agent":
        return s
    if _no_ones(ctx, s):
        return s    # "An international tribunal in The Hague ruled against China's claims": no one country's
    # "An Israeli official said the army struck targets in Syria": a state's agent in reported speech is the
    # speaker's state's, wherever it acts
    home = reporter if reporter and s.type in STATE_TYPES else None
    if home is None and (s.type or "")[-3:] in ARMED_MEN and ctx.text[max(0, s.start - 4):s.start].lower() == "the ":
        # "Palestinian gunmen hijacked a liner ... The hijackers demanded the release of prisoners held in Israeli
        # jails": armed men named again with "the" are those named before, wherever they act
        home = next((r.country for r in reversed(ctx.recent) if r.country and r.start < s.start
                     and r.kind in ("agent", "group") and (r.type or "")[-3:] in ARMED_MEN), None)
    if home is None:
        home = place.country if place is not None and place.country else None
    if home is None and (s.type or "")[-3:] in REBELS:
        # "Belgian paratroopers dropped onto Stanleyville to rescue hostages held by Simba rebels. The rebels shot ...":
        # rebels rise where the story is, not in the country of the foreign troops named with them
        home = ctx.story
    if home is None:
        # "Iranian students stormed the embassy ... The students demanded": the same agent named before
        head = s.name.split()[-1].lower() if s.name else ""
        home = next((r.country for r in reversed(ctx.recent) if r.kind == "agent" and r.country and r.type == s.type
                     and r.name and r.name.split()[-1].lower() == head), None)
    # peacekeepers and foreign observers serve abroad: their flag says nothing about where the story is
    if home is None:
        # the nearest other actor of the sentence ("sanctions on Myanmar after the military seized power")
        # (those before it first: "punishable by Russian law, but the Foreign Ministry answered")
        home = next((r.country for r in sorted(sentence, key=lambda r: (r.start > s.start, abs(r.start - s.start)))
                     if r.country and r is not s and r.type not in FOREIGN_SERVICE
                     and not describes_other(ctx.text, r, s) and not background_place(ctx.text, r)
                     # ("Police charged a 28-year-old Australian man": a demonym describing someone says whose he is)
                     and not (r.kind == "demonym" and not r.head and r.start > s.start)), None)
    if home is None:
        home = next((r.country for r in reversed(ctx.recent) if r.country
                     and r.kind in COUNTRY_KINDS | {"agent", "person"} and r.type not in FOREIGN_SERVICE
                     and not background_place(ctx.text, r)), None)
    if home is None and (s.type or "")[-3:] in HOME_ROLES:
        # "... strike in Beirut. Police arrested Haddad": a state's agents and its people act in the country the
        # story is about (armed men and criminals may come from anywhere: "kidnappers freed the French journalist")
        home = ctx.story
    return replace(s, country=home, name=f"{country_name(home)} {s.name}") if home else s


_RELATIVE = re.compile(r"\b(?:who|whose|whom|which)\b", re.I)
_CLAUSE_PUNCT = re.compile(r"[,;:()]")


def describes_other(text: str, r: ActorRef, a: ActorRef) -> bool:
    """Is mention r inside a relative clause that does not hold actor a? "Police arrested Oswald, a former
    Marine who once lived in the Soviet Union": the Soviet Union describes Oswald, not the police; "Cohen, the
    US official who chaired talks in London, urged the rebels": London is not the rebels' country."""
    if r.start < 0 or a.start < 0:
        return False
    if r.start > a.end:
        seg = text[a.end:r.start]
        hits = list(_RELATIVE.finditer(seg))
        return bool(hits) and not _CLAUSE_PUNCT.search(seg, hits[-1].end())
    if r.end <= a.start:
        lead = text[max(0, r.start - 150):r.start]
        cut = max((m.end() for m in _CLAUSE_PUNCT.finditer(lead)), default=0)
        return bool(_RELATIVE.search(lead, cut)) and bool(_CLAUSE_PUNCT.search(text, r.end, a.start))
    return False


def _no_ones(ctx, a: ActorRef) -> bool:
    """Is the agent written as "foreign ..." or "international ..." (no one country's)?"""
    return a.start >= 0 and ctx.text[max(0, a.start - 14):a.start].lower().endswith(("foreign ", "international "))


def group_home(a: ActorRef) -> str | None:
    """The country of a place the group's name names ("Free Aceh Movement" -> IDN), or None."""
    if not a.name:
        return None
    return _name_place(a.name)


@lru_cache(maxsize=512)
def _name_place(name: str) -> str | None:
    from analytics.coding.mentions import find_places

    return next((p.country for p in find_places(name) if p.country), None)


def target_country(ctx, t: ActorRef, place: PlaceRef | None, sources: list[ActorRef], root: str = "",
                   sentence: list[ActorRef] = ()) -> ActorRef:
    """A target without a country ("protesters", "the generals", "President Bazoum") takes the event's
    country; else, for an agent, the country of the last agent of its kind ("Myanmar's military" ...
    "the generals"); else the country of a source that is itself a state agent ("Uzbek troops")."""
    if t.kind == "group" and t.country is None and not (t.code or "").startswith(GLOBAL_GROUPS):
        # a non-state group without a country is of the place its name names ("Free Aceh Movement": Indonesia),
        # else operates where the event is ("Kurdish-led forces in Syria"); a transnational one (Islamic State,
        # al-Qaeda: CAMEO "IMG") keeps none
        home = group_home(t) or (place.country if place is not None and place.country else None)
        if home:
            return replace(t, country=home)
    if t.country is not None or t.kind not in ("agent", "person"):
        return t
    if t.kind == "agent" and _no_ones(ctx, t):
        return t    # "killed 58 foreign tourists": not the place's people, and no one country's
    surface = ctx.text[t.start:t.end].lower() if t.start >= 0 else ""
    # a crew is of its craft's country, wherever the craft is ("China detained the 24 crew members" of a US plane)
    crew = t.kind == "agent" and surface.endswith(CREWS)
    home = place.country if place is not None and place.country and place.start >= 0 and not crew else None
    if home is None and t.kind == "agent" and t.start >= 0:
        # "praised the courage of the Tunisian people and urged the authorities to ...": the country named
        # just before it in the sentence, when it is not the source's (before a place the text does not write)
        own = {s.country for s in sources}
        home = next((r.country for r in sorted(sentence, key=lambda r: -r.start) if r.start < t.start
                     and r.kind in COUNTRY_KINDS and r.country and r.country not in own
                     and not describes_other(ctx.text, r, t) and not background_place(ctx.text, r)), None)
    if home is None and place is not None and place.country and not crew:
        home = place.country
    if home is None and t.kind == "agent":
        home = next((r.country for r in reversed(ctx.recent) if r.kind == "agent" and r.type == t.type and r.country),
                    None)
    if home is None and t.kind == "agent":
        # "Mali asked France for help as rebels advanced ... French troops struck the rebels": the
        # country the story is about, when it is not the source's own
        own = {s.country for s in sources}
        home = next((r.country for r in reversed(ctx.recent) if r.country and r.country not in own
                     and not background_place(ctx.text, r)), None)
    if home is None and not surface.endswith(FOREIGN_ENVOYS) and not crew:
        # "Venezuelan security forces arrested Leopoldo Lopez": a state agent acts at home
        # "Bainimarama seized power and dissolved the government": so does a state's official, and a
        # non-state group ("Boko Haram kidnapped girls"); an ambassador is by office another state's
        # and so does a state that arrests or frees unnamed people ("Cuba released 53 political prisoners")
        kinds = ("agent", "person", "group") + (tuple(COUNTRY_KINDS) if root in AT_HOME_ROOTS else ())
        home = next((s.country for s in sources if s.country and s.kind in kinds), None)
    if home is None and (t.kind == "person" and not (t.code or "").startswith(TRANSNATIONAL)
                         or t.kind == "agent" and t.head and not surface.endswith(FOREIGN_ENVOYS)):
        home = ctx.story     # "Pope John Paul II deplored the killing of Archbishop Oscar Romero"
    if home is None:
        return t
    name = t.name if t.kind == "person" else f"{country_name(home)} {t.name}"
    return replace(t, country=home, name=name)
