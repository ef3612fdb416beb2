"""Who took part in an event and where: its source and target actors, and its places.

The steps the coder calls, in order: `sources_for` (the subject, a passive's "by" agent, a quoted
speaker, "both sides", else the discourse), `targets_for` (the object, then the sentence's other cues),
`between_sides` ("talks between X and Y"), `places_for`, `other_side` (the other side named for
violence), `protest_source` (a place's protesters), `reciprocal` (each side the other's partner), and,
per place, `actors_at` (a target from the place, the actors' countries, the doer reacted to).
`protesters` and `coup_government` are the actor halves of two code rules (codes.refine).
`note_pair` / `note_material` keep the discourse state the reaction rules read. The rules themselves are
listed in coder.py's docstring; roles.py finds the written subject and object.

Rules added for unseen text (tables in tests/test_coding_roles.py):
- "Visiting Japanese Prime Minister X met ...": a sentence-initial participle before a titled person
  describes him; "he was prepared to accept" is the subject's own act, no passive.
- An appeal about a place written after it is addressed to its country ("an end to the war in Syria");
  else to the other party named with it ("appealed for calm hours after protesters stormed the building",
  "after Governor Romney asked for help" of the president ordering troops), not across "while" or "but";
  "called for a ceasefire" alone keeps none.
- People protesting against a policy or demanding something protest to their own government ("to protest
  against corruption", "demanding reforms"); a protest with no complement keeps no target.
- A place after a route preposition ("marched through the centre of Leipzig") is no object.
- A place in a territory that was then part of a state is in that state (geo.countries.PART_OF: Kosovo in
  1999 is Yugoslavia), as of the publication date.
"""
from __future__ import annotations

from dataclasses import replace

from analytics.coding.context import same_actor, within
from analytics.coding.grammar import COUNTRY_KINDS, REPORT_WORDS, SUBORDINATORS, VIOLENT, clause_end, \
    country_name, is_verb_form
from analytics.coding.kinds import armed, non_state, role
from analytics.coding.mentions import ActorRef, place_for_country
from analytics.coding.modality import LEGAL_CODES, LEGAL_PREPS
from analytics.coding.places import capital_of, event_places, fallback_places, place_for_actor
from analytics.coding.roles import _with_coordinated, by_agents, find_source, find_target, names_capital, \
    source_country, subject_before, target_country
from analytics.coding.triggers import Trigger
from analytics.geo.countries import country_at
from analytics.coding.words import (ADDRESSED, ARTICLES, BE, BACKING, BOTH_WORDS, CONSEQUENCES, FIGHT_NOUNS,
    FUNCTION_WORDS, PEOPLE_WORDS, PERFECT_AUX, PLACE_NOUNS, QUOTES, RECIPROCAL_VERBS,
    TRANSFER_VERBS)
from analytics.coding.words import NATION_WORDS, RESCUE_WORDS, CAPTIVITY_WORDS, DEFEAT_NOUNS, JOINT_WORDS, CONSEQUENCES_PAST

RECIPROCAL = {"03", "04", "05", "06"}

# Material actions whose place names their target when no target is written ("withdrawal ... in
# Afghanistan", "joint exercises in Tajikistan"); not protests, force postures or sanctions.
TARGET_FROM_PLACE = {"02", "06", "07", "08", "09", "17", "18", "19", "20", "042", "154", "161", "050", "054"}
# 161: "closed its embassy in Kabul"; 050, 054: "opened its embassy in Jerusalem"; 09: "an inquiry into killings in
# Myanmar" investigates the country where they happened (not its own: "Kenyan police investigated a killing in Nairobi");
# 02: "called for an end to the war in Syria" appeals to the country of the place it is about

# Reactions whose unwritten target is the doer of the story's last material action: "Iran vowed harsh
# revenge", "Golda Meir condemned the attack", "Seoul returned fire". Not an appeal (02): "X called for a
# ceasefire" names no addressee, and one for a ceasefire is made to every side, so it is coded without one.
REACTIVE = {"10", "11", "12", "13", "16", "17", "19"}
MATERIAL = {"14", "15", "16", "17", "18", "19", "20"}
# a coup (see verbs_extra.tsv) answers nobody's action; nor do curfews, bans and martial law, which a state
# imposes on its own people ("Armenia declared martial law" after an attack on it is not against the attacker)
NOT_REACTIONS = {"170", "1721", "1722", "1723", "1724"}
CEASEFIRES = {"0871"}
REACTIVE_CODES = CEASEFIRES | {"012"}   # a ceasefire is declared towards the other side of the fighting; concern is
# expressed about the last act of another ("India tested nuclear devices ... China expressed grave concern")

AUX_ADVERBS = PERFECT_AUX | {"also", "then"}      # between a subject and its verb: "had also met"

# Words allowed between a verb and its direct object, or between a nominal event and "of" + object.
OBJECT_FILLERS = ARTICLES | {"parts", "part", "all", "most", "much", "control", "of"}


# participles that, before "to", say how ready someone is, not what was done to them
READY_WORDS = {"prepared", "determined", "committed", "resolved", "poised", "inclined", "disposed", "willing"}


def sources_for(ctx, toks, mentions, trig: Trigger, code: str):
    """The event's sources, how they were found, and a passive verb's subject (its target); None: no event."""
    passive_subject: list[ActorRef] = []
    if trig.kind == "verb" and toks[trig.start].lower.endswith("ing") and trig.end == trig.start + 1 \
            and (trig.start == 0 or toks[trig.start - 1].lower in {"the", "a", "an"}) \
            and any(m.t0 == trig.end and m.ref.kind == "person" and m.prep is None for m in mentions):
        return None     # "Visiting Japanese Prime Minister Taro Kono met ...": a participle describing the person
    if trig.passive and trig.end < len(toks) and toks[trig.end].lower == "to" \
            and toks[trig.end - 1].lower in READY_WORDS:
        trig = replace(trig, passive=False)     # "he was prepared to accept": willing, not acted on by anyone
    sources, how = find_source(ctx, toks, mentions, trig)
    if how == "anaphoric":
        return None     # "the attack" told again: an event told before, not a new one
    if trig.kind == "verb" and not trig.passive and not sources and (
            _common_subject(toks, mentions, trig) or _unknown_named_subject(toks, mentions, trig)):
        sources, how = [], "blocked"    # "hours after world leaders met": the subject is no actor we know
        # ("The new National Liberation Council detained ...": a named body the lexicons lack is still not
        # the last actor of the story)
    if trig.passive:
        # "Habyarimana was killed": the grammatical subject is the target; the source is the "by" agent only
        passive_subject, _ = subject_before(ctx, toks, mentions, trig.start)
        by_agent = by_agents(toks, mentions, trig)
        if not by_agent:
            sources, how = [], "none"
            if code[:2] in VIOLENT:
                # "soldiers were killed in a clash with Chinese troops": the other side of the fighting
                sources = _fought_with(toks, mentions, trig)
                how = "text" if sources else how
            elif code[:2] == "16" or code.startswith("174"):
                # "The Iraqi ambassador was expelled from Kuwait": the country expelling
                left = next((m for m in mentions if m.t0 >= trig.end and m.prep == "from" and m.t0 - trig.end <= 3
                             and m.ref.kind in COUNTRY_KINDS), None)
                if left is not None:
                    sources, how = [left.ref], "text"
    if not sources and not trig.passive:
        sources = _quote_speaker(toks, mentions, trig)
        how = "pronoun" if sources else how
    if not sources and not trig.passive:
        group = _both_sides(ctx, toks, mentions, trig)
        if group:
            sources, how = group, "pronoun"     # "the two leaders agreed", "both sides signed"
    if not sources and ctx.last_source is not None and not trig.passive and how != "blocked":
        sources, how = [ctx.last_source], "discourse"
    return sources, how, passive_subject


def targets_for(ctx, sent, toks, mentions, trig: Trigger, code: str, sources, speech: bool,
                 passive_subject) -> list[ActorRef]:
    """The event's targets, from the text first, then from the sentence's other cues."""
    # a speech act's "target" would be whatever it talks about; CAMEO codes the addressee only
    targets = [] if speech else (passive_subject or find_target(ctx, toks, mentions, trig, sources))
    if speech and trig.lemma in ADDRESSED:
        # "told the United Nations that ...": the addressee right after the verb is the target
        first = next((m for m in mentions if trig.end <= m.t0 <= trig.end + 1 and not m.locative
                      and role(m.ref) != "MED"), None)      # "told reporters": no addressee of note
        targets = [first.ref] if first is not None and not any(same_actor(first.ref, s) for s in sources) else []
        if first is None and trig.end + 1 < len(toks) and toks[trig.end].lower == "the" \
                and toks[trig.end + 1].lower in NATION_WORDS and sources and _home(ctx, sources[0]):
            # "told the nation", "assured the public": a leader addresses his own country's people
            home = _home(ctx, sources[0])
            targets = [ActorRef(toks[trig.end + 1].start, toks[trig.end + 1].end, f"{country_name(home)} citizens",
                                f"{home}CVL", home, "CVL", "agent")]
    if not targets and not speech and ctx.last_pair is not None and trig.start >= 1 \
            and toks[trig.start - 1].lower == "and" and ctx.last_pair[0] == sent.start \
            and any(same_actor(s, ctx.last_pair[1]) for s in sources) \
            and not (code[:2] in MATERIAL and _has_object(toks, trig)):
        # "condemned the intervention and demanded a halt": same addressee (a material act with an object
        # of its own, "and suspended the constitution", keeps none)
        targets = ctx.last_pair[2]
    if not targets and not speech and trig.kind == "nominal":
        targets = _object_before(toks, mentions, trig, sources)
    if not targets and not speech and trig.kind == "verb":
        targets = _relative_head(toks, mentions, trig)
    if not targets and not speech:
        targets = _place_object(ctx, toks, mentions, trig, sources)
    if not targets and not speech and code[:2] in VIOLENT:
        targets = _consequence_target(ctx, toks, mentions, trig, sources)
    if targets and code in LEGAL_CODES and trig.kind == "verb":
        # "charged 11 people over the killing of journalist X": the victim of the offence is not the accused
        targets = [t for t in targets if not _in_offence(toks, trig, t.start)]
    if not targets and not speech and code[:2] in VIOLENT | {"17"} and trig.kind != "nominal":
        targets = _unnamed_people(toks, mentions, trig)
    if not targets and not speech and code[:2] == "02":
        # "Carrie Lam appealed for calm hours after protesters stormed the building", "Johnson sent troops after
        # Governor Romney asked for help": an appeal with no addressee is made to the other party named with it
        # (not across "while" or "but": "Turkey pledged support, while Russia called for a ceasefire")
        targets = [m.ref for m in mentions if not m.locative and m.ref.head and m.ref.kind != "demonym"
                   and not any(same_actor(m.ref, s) for s in sources) and m.prep in (None, "by")
                   and not any(t.lower in CONTRASTS for t in toks[min(m.t1, trig.end):max(m.t0, trig.start)])][:1]
    if not targets and not speech and code[:3] in {"042", "043"}:
        # "landed at Ben Gurion airport, becoming the first Arab head of state to visit Israel": the host visited
        visit = next((k for k in range(trig.end, len(toks) - 1) if toks[k].lower == "to"
                      and toks[k + 1].lower in {"visit", "tour"}), None)
        host = next((m for m in mentions if visit is not None and m.t0 in (visit + 2, visit + 3)
                     and m.ref.kind in COUNTRY_KINDS and not any(same_actor(m.ref, s) for s in sources)), None)
        targets = [host.ref] if host is not None else []
    if not targets and not speech and sources and _concedes(toks, trig):
        # "Chamorro defeated President Ortega in the election. Ortega conceded defeat": the winner
        targets = _winner(ctx, sent, sources[0])
    if targets and not speech and trig.lemma in TRANSFER_VERBS:
        targets = _recipient(toks, mentions, trig, targets) or targets
    if not speech and code[:2] in VIOLENT and trig.kind != "nominal":
        # "troops stormed the residence and freed 71 hostages held by rebels": a rescue raid is against the captors
        targets = _captors(toks, mentions, trig, sources) or targets
    return targets


def places_for(ctx, sent, toks, mentions, trig: Trigger, code: str, sources, targets) -> list:
    """Where the event happened: the places the sentence gives it, else its target's capital or country,
    else home for coercion at home."""
    # "condemnation from China and Russia": an actor that is the event's source is not its place
    places = [p for p in event_places(ctx, sent, toks, mentions, trig) if not any(p.start == s.start for s in sources)]
    if code in LEGAL_CODES and trig.kind == "verb":
        # "charged them over the killing of X in Istanbul": where the offence happened is not where it is tried
        places = [p for p in places if not _in_offence(toks, trig, p.start)]
    if not places and (code == "042" or code[:2] in VIOLENT | {"17"}) and targets and (
            targets[0].kind == "capital" or names_capital(toks, targets[0])):
        # "visited Moscow", "their takeover of the Afghan capital": the event is in that capital
        place = (place_for_actor(targets[0], ctx.text[targets[0].start:targets[0].end])
                 if targets[0].kind == "capital" else capital_of(targets[0].country))
        places = [place] if place is not None else []
    if not places and (code[:3] in {"042", "043"} or code[:2] in VIOLENT | {"17", "15"}) and targets \
            and targets[0].kind in COUNTRY_KINDS and targets[0].country \
            and not (code[:2] == "17" and targets[0].kind == "demonym" and not targets[0].head):
        # "invaded Vietnam", "visited Algeria": the event is in the country acted on or visited
        # (not "arrested a Swedish man": a foreigner is arrested where he is)
        place = place_for_country(targets[0].country)
        places = [place] if place is not None else []
    if not places and code[:2] in {"17", "18"} and sources and targets and sources[0].country \
            and all(t.country in (None, sources[0].country) for t in targets):
        # "Malaysian police arrested the former prime minister": coercion at home happens at home
        place = place_for_country(sources[0].country)
        places = [place] if place is not None else []
    # places.fallback_places: where the sentence places it nowhere (aid's recipient, home, the story's place)
    return _dated(ctx, places or fallback_places(ctx, sent, toks, trig, code, sources, targets))

def _dated(ctx, places: list) -> list:
    """A place in a territory that was then part of a state is in that state ("a village in Kosovo" in 1999:
    Yugoslavia; geo.countries.PART_OF), as of the publication date."""
    if ctx.dct is None:
        return places
    day = ctx.dct.isoformat()
    return [replace(p, country=country_at(p.country, day)) if country_at(p.country, day) != p.country else p
            for p in places]


def between_sides(toks, mentions, trig: Trigger, sources, targets):
    """"talks between Israel and Hamas": without a source, each side is the other's partner."""
    if not sources and len(targets) > 1 and trig.kind == "nominal" and _between(toks, mentions, targets):
        return list(targets), []
    return sources, targets


def protesters(ctx, sources: list[ActorRef]) -> list[ActorRef]:
    """"Thousands of Ukrainians rallied": a people in the plural protesting are protesters, not their state."""
    return [ActorRef(s.start, s.end, f"{country_name(s.country)} protesters", f"{s.country}OPP", s.country,
                     "OPP", "agent") if s.kind == "demonym" and ctx.text[s.start:s.end].endswith("s") else s
            for s in sources]


def coup_government(ctx, mentions, sources: list[ActorRef]) -> list[ActorRef]:
    """A coup without a written target overthrows its own country's government."""
    home = source_country(ctx, sources[0], None, [m.ref for m in mentions if m.prep != "by"]).country
    return [ActorRef(-1, -1, f"{country_name(home)} government", f"{home}GOV", home, "GOV", "agent")] if home else []


def other_side(toks, mentions, code: str, speech: bool, sources, targets, places) -> list[ActorRef]:
    """"Ukrainian forces retook Kherson after Russian troops withdrew": violence without a target is against
    the other side named in the sentence, when the event's place names no other country. An extradition (063) is
    judicial cooperation between its sender and the court or state that receives the person ("extradited X to the
    UN tribunal", "handed X over to Spain"): the receiver is the target, not the person sent."""
    if not targets and not speech and code[:2] == "08" and sources and all(role(s) == "MIL" for s in sources):
        # "Taliban fighters captured Kabul after government troops abandoned the city and retreated": an army
        # yields to the armed side it fights, named in the sentence
        foe = [m.ref for m in mentions if not m.locative and m.prep in (None, "by") and armed(m.ref)
               and not any(same_actor(m.ref, s) for s in sources)
               and (non_state(m.ref) or all(m.ref.country and m.ref.country != s.country for s in sources))]
        if foe:
            return foe[:1]
    if code.startswith("063") and targets and all(t.kind in ("person", "agent") for t in targets):
        receiver = _receiver(toks, mentions, targets[0], sources)
        if receiver is not None:
            return [receiver]
    if not targets and not speech and code[:2] in VIOLENT and sources and all(s.country for s in sources):
        own = {s.country for s in sources}
        if not any(p.country and p.country not in own for p in places):
            other = [m.ref for m in mentions if not m.locative and m.ref.country and m.ref.country not in own
                     and (m.ref.head or m.ref.kind == "demonym") and m.prep in {None, "on", "against", "with"}
                     and not any(same_actor(m.ref, s) for s in sources)]
            return other[:1]
    return targets


def _receiver(toks, mentions, person: ActorRef, sources) -> ActorRef | None:
    """The court, organisation or state after "to" that a person handed over goes to, in the person's clause."""
    at = next((m for m in mentions if m.ref is person), None)
    if at is None:
        return None
    for k in range(at.t1, min(len(toks) - 1, at.t1 + 6)):
        if clause_end(toks, k) and toks[k].lower != "to":
            return None
        if toks[k].lower == "to":
            m = next((m for m in mentions if m.t0 in (k + 1, k + 2)), None)
            if m is not None and (m.ref.kind in COUNTRY_KINDS | {"igo"} or role(m.ref) == "JUD") \
                    and not any(same_actor(m.ref, s) for s in sources):
                return m.ref
            return None
    return None


def protest_source(mentions, root: str, places, sources, how: str):
    """"Thousands marched in Santiago": a protest without a named actor is the place's protesters;
    "Mubarak resigned after 18 days of mass protests": else those of the sentence's country."""
    home = (places[0].country if places and places[0].country else
            next((m.ref.country for m in mentions if m.ref.country), None))
    if not sources and root == "14" and home:
        return [ActorRef(-1, -1, f"{country_name(home)} protesters", f"{home}OPP", home, "OPP", "agent")], "text"
    return sources, how


def reciprocal(toks, trig: Trigger, code: str, root: str, sources, targets):
    """The targets left, and the (source, partner) pairs of a reciprocal event ("Israel and the PLO signed
    the accord": each is the other's partner), or None."""
    if (trig.lemma in RECIPROCAL_VERBS or code[:2] in RECIPROCAL) and len(sources) > 1 and targets and all(
            t.kind == "agent" and (trig.lemma in RECIPROCAL_VERBS or not t.country) for t in targets):
        # ("Seoul and Tokyo agreed to share military intelligence": a thing shared is no partner)
        targets = []    # "Russia and Ukraine exchanged prisoners": each side is the other's partner
    pairs = None
    each_other = any(toks[k].lower == "each" and toks[k + 1].lower == "other" or toks[k].lower == "one"
                     and toks[k + 1].lower == "another" for k in range(trig.end, min(len(toks) - 1, trig.end + 3)))
    # "Russian and Chinese troops began joint manoeuvres": a joint act makes the coordinated doers partners
    # (a state each of them names is no other party: "the largest exercise Russia has held")
    after_doers = min((s.end for s in sources if s.start >= 0), default=toks[trig.start].start)
    joint = len(sources) > 1 and any(t.lower in JOINT_WORDS and t.start >= after_doers
                                     for t in toks[:trig.end + 3])
    if joint:
        targets = [t for t in targets if not any(t.country and t.country == s.country for s in sources)]
        each_other = True
    if not targets and len(sources) > 1 and (root in RECIPROCAL or trig.lemma in RECIPROCAL_VERBS or each_other
                                             or (trig.kind == "nominal" and root in {"04"})):
        pairs = [(a, b) for a in sources for b in sources if a is not b and not same_actor(a, b)]
    return targets, pairs




def note_pair(ctx, sent, root: str, sources, targets) -> None:
    """Remember the event's sides for the reaction rules of the sentences after it."""
    ctx.history.extend((root, s) for s in sources)
    if root in MATERIAL and targets:
        ctx.last_victims = list(targets)
    if sources and targets:
        ctx.last_pair = (sent.start, sources[0], targets)


def note_material(ctx, sent, trig: Trigger, root: str, modality: str, material_sources) -> None:
    """Remember the doers of a material action that happened: later reactions target them."""
    if root in MATERIAL and material_sources and modality != "negated":
        ctx.last_material = (sent.start, trig.start, material_sources)


def actors_at(ctx, toks, mentions, trig: Trigger, code: str, root: str, place, sources, targets, speech: bool):
    """The event's sources and targets at one of its places, with their countries: (sources, targets)."""
    tgt_list = targets
    near = root == "15" and place is not None and place.start >= 0 and _near(toks, place)
    # ("Rioters burned shops in Nairobi": a crowd's violence at home is against what it burns, not its state)
    crowd = root in {"14", "18"} and sources and all(s.kind == "agent" and role(s) in CROWDS for s in sources)
    if not tgt_list and (root in TARGET_FROM_PLACE or code in TARGET_FROM_PLACE or near) and place is not None \
            and place.country and (root != "02" or place.start >= toks[trig.end - 1].end) and not crowd and \
            all(_home(ctx, s) != place.country or (non_state(s) and root in VIOLENT) for s in sources):
        # (an appeal only about a place written after it: "called for a ceasefire" in a story about Somalia
        # is made to every side)
        # "rebels seized towns in Chiapas": a non-state group's violence at home is against its state
        tgt_list = [ActorRef(place.start, place.end, country_name(place.country), place.country,
                             place.country, None, "country")]
    tgt_list = [target_country(ctx, t, place, sources, root, [m.ref for m in mentions]) for t in tgt_list]
    # a non-state group's victim says nothing about the group's country ("Kidnappers released the French
    # journalist"); a state's agents act at home ("Soldiers arrested President Zelaya")
    hostile = root in VIOLENT | {"17"} or code.startswith("084")
    # nor does a backer named after "by" ("militias backed by the Indonesian military")
    # the countries a head of government acts against are not his (roles.source_country): the written
    # targets', else the doer's of the act reacted to
    against = frozenset()
    if root in HOSTILE_ROOTS and any(s.kind == "person" and s.country is None for s in sources):
        acted_on = [t for t in targets if t.kind in COUNTRY_KINDS and t.start >= 0] or (
            _reacted_to(ctx, trig, sources) if not tgt_list and not speech and code not in NOT_REACTIONS else [])
        against = frozenset(t.country for t in acted_on if t.country)
    srcs = [source_country(ctx, s, place, [m.ref for m in mentions if not _backer(toks, m) and not (
        hostile and non_state(s) and m.ref.kind == "agent" and any(m.ref is t for t in targets))],
                           reporter=_reporter_country(toks, mentions, s, trig),
                           against=against)
            for s in sources]   # (a ruler they topple is at home: "rebels toppled President Bozize")
    if not tgt_list and not speech and (root in REACTIVE or code in REACTIVE_CODES) and code not in NOT_REACTIONS \
            and srcs:
        tgt_list = _reacted_to(ctx, trig, srcs)
    if not tgt_list and code.startswith("018") and srcs:
        # "Indira Gandhi was shot dead ... Zia expressed his condolences": sympathy goes to the last act's victim
        own = {s.country for s in srcs if s.country}
        victims = [target_country(ctx, t, None, srcs, root) for t in ctx.last_victims]
        tgt_list = [t for t in victims if t.country and t.country not in own][:1]
    if not tgt_list and code.startswith("016") and srcs and ctx.last_pair is not None:
        # "May expelled 23 Russian diplomats ... Russia denied any involvement": a denial answers whoever last acted
        # against the denier
        _, doer, acted_on = ctx.last_pair
        own = {s.country for s in srcs if s.country}
        if own and any(t.country in own for t in acted_on) and doer.country and doer.country not in own:
            tgt_list = [doer]
    if code.startswith("042"):
        ctx.visitors.extend(s for s in srcs if s not in ctx.visitors)     # for "the trip" (roles._event_anaphor)
    if not tgt_list and root == "14" and srcs and all(s.kind == "agent" and role(s) in PROTESTERS and s.country
                                                      for s in srcs) and _protests_against(toks, trig) \
            and not (code.startswith("143") and all(role(s) == "LAB" for s in srcs)):
        # (workers on strike "to demand higher wages" strike against their employer, whom the text does not name)
        # "Brazilians took to the streets to protest against corruption", "marched demanding reforms": people
        # protesting against a policy protest to their own government
        home = srcs[0].country
        tgt_list = [ActorRef(-1, -1, f"{country_name(home)} government", f"{home}GOV", home, "GOV", "agent")]
    return srcs, tgt_list


def _home(ctx, s: ActorRef) -> str | None:
    """An actor's country, a bare-title person's being the story's (roles.source_country)."""
    return s.country or (ctx.story if s.kind == "person" else None)


CROWDS = {"CVL", "OPP", "UAF"}     # rioters, mobs, crowds, militias: people, not an armed rebellion against the state
CONTRASTS = {"while", "whereas", "but", ";", "although", "though"}
HOSTILE_ROOTS = {"10", "11", "12", "13", "16", "17", "18", "19", "20"}     # demands and conflict
PROTESTERS = {"OPP", "CVL", "LAB", "EDU", "AGR"}
PROTEST_COMPLEMENTS = {"against", "demanding", "demand", "demanded", "calling", "denouncing"}


def _protests_against(toks, trig: Trigger) -> bool:
    """Does the protest's clause say what it is against or for ("against corruption", "demanding reforms")?"""
    for k in range(trig.end, len(toks)):
        if clause_end(toks, k) and toks[k].lower not in {",", "to"}:
            return False
        if toks[k].lower in PROTEST_COMPLEMENTS:
            return True
    return False


def _quote_speaker(toks, mentions, trig: Trigger) -> list[ActorRef]:
    """'"We will destroy Hamas," Netanyahu said': inside a quote, "we"/"I" is the speaker named after it."""
    opening = [k for k in range(trig.start) if toks[k].text in QUOTES]
    closing = next((k for k in range(trig.end, len(toks)) if toks[k].text in QUOTES), None)
    if not opening or closing is None or not any(toks[k].lower in {"we", "i", "our"} for k in range(opening[-1], trig.start)):
        return []
    speaker = next((m for m in mentions if m.t0 > closing and m.prep is None), None)
    if speaker is None or not any(t.lower in REPORT_WORDS for t in toks[speaker.t0:speaker.t1 + 2] + toks[closing:speaker.t0]):
        return []
    return [speaker.ref]


def _subject_word(toks, trig: Trigger) -> int:
    """The index of the last word before the verb, past auxiliaries and adverbs ("had also quickly met"); -1: none."""
    j = trig.start - 1
    while j >= 0 and (toks[j].lower in AUX_ADVERBS or toks[j].lower.endswith("ly")):
        j -= 1
    return j


def _unknown_named_subject(toks, mentions, trig: Trigger) -> bool:
    """Is the verb's subject a capitalised name no actor mention covers ("The new National Liberation
    Council detained ...")?"""
    j = _subject_word(toks, trig)
    if j < 1 or not toks[j].text[:1].isupper() or not toks[j].lower.isalpha() or any(m.t0 <= j < m.t1 for m in mentions):
        return False
    k = j - 1
    while k >= 0 and j - k <= 5 and toks[k].lower.isalpha() and toks[k].lower != "the" \
            and not any(m.t0 <= k < m.t1 for m in mentions):
        k -= 1
    return k >= 0 and toks[k].lower == "the" and (k == 0 or toks[k - 1].text in {",", ";", ":"})


def _common_subject(toks, mentions, trig: Trigger) -> bool:
    """Is the verb's subject a plain plural noun after a subordinator ("after world leaders met")?"""
    j = _subject_word(toks, trig)
    if j < 1 or any(m.t0 <= j < m.t1 for m in mentions):
        return False
    w = toks[j]
    if not (w.text[:1].islower() and w.lower.isalpha() and w.lower.endswith("s") and w.lower not in FUNCTION_WORDS
            and not is_verb_form(w.lower)):
        return False
    k = j - 1
    while k >= 0 and j - k <= 3 and toks[k].text[:1].islower() and toks[k].lower.isalpha() \
            and toks[k].lower not in SUBORDINATORS and not any(m.t0 <= k < m.t1 for m in mentions):
        k -= 1
    return k >= 0 and toks[k].lower in SUBORDINATORS


def _both_sides(ctx, toks, mentions, trig: Trigger) -> list[ActorRef]:
    """"The two leaders agreed", "both sides signed": the subject is the last coordinated pair."""
    j = trig.start - 1
    while j >= 0 and (toks[j].lower in {"also", "then", "have", "has", "had", "will", "would"} or toks[j].lower.endswith("ly")):
        j -= 1
    words = [t.lower for t in toks[max(0, j - 2):j + 1]]
    if not ctx.groups or not any(w in BOTH_WORDS for w in words) or any(m.t0 <= j < m.t1 for m in mentions) \
            or j < 0 or not toks[j].text[:1].islower():
        return []
    return list(ctx.groups[-1])


def _fought_with(toks, mentions, trig: Trigger) -> list[ActorRef]:
    for k in range(trig.end, min(len(toks) - 1, trig.end + 8)):
        if clause_end(toks, k):
            return []
        if toks[k].lower in FIGHT_NOUNS and toks[k + 1].lower == "with":
            m = next((m for m in mentions if m.t0 in (k + 2, k + 3)), None)
            return [m.ref] if m is not None else []
    return []


def _object_before(toks, mentions, trig: Trigger, sources: list[ActorRef]) -> list[ActorRef]:
    """"placed Gorbachev under house arrest", "drawing condemnation from China": a nominal event's
    target is the object (or, for a reaction noun, the subject) of the verb that governs it."""
    j = trig.start - 1
    while j >= 0 and not clause_end(toks, j) and not (toks[j].text[:1].islower() and is_verb_form(toks[j].lower)
                                                      and toks[j].lower not in BE):
        j -= 1
    if j < 0 or clause_end(toks, j):
        return []
    objects = [m for m in mentions if j < m.t0 and m.t1 <= trig.start and not m.locative
               and not any(same_actor(m.ref, s) for s in sources)]
    if objects:
        return [objects[0].ref]
    if toks[j].lower.endswith("ing") and j > 0 and toks[j - 1].lower == ",":
        # ", drawing condemnation from China": the reaction is to the main clause's subject
        subject = next((m.ref for m in reversed(mentions) if m.t1 <= j and m.prep is None and not m.locative
                        and not m.object and not any(same_actor(m.ref, s) for s in sources)), None)
        return [subject] if subject is not None else []
    return []


def _relative_head(toks, mentions, trig: Trigger) -> list[ActorRef]:
    """"three Chinese workers they had kidnapped": the noun a contact relative clause describes is its object."""
    j = trig.start - 1
    while j >= 0 and toks[j].lower in {"had", "have", "has", "was", "were", "had been"}:
        j -= 1
    if j < 1 or toks[j].lower not in {"they", "he", "she", "it", "we"}:
        return []
    head = next((m for m in mentions if m.t1 == j or (m.t1 == j - 1 and toks[j - 1].lower in {"that", "whom", "which"})), None)
    if head is None:
        k = j - 1      # "workers they had kidnapped": a plain noun after its demonym ("Chinese workers")
        head = next((m for m in mentions if m.t1 == k and toks[k].text[:1].islower()), None)
    return [head.ref] if head is not None and not head.locative else []


ROUTE_PREPS = {"through", "across", "along", "around", "past", "via", "throughout", "within", "inside", "outside",
               "near", "beyond", "behind", "towards", "toward", "into", "onto", "in", "at", "on", "from", "over"}


def _place_object(ctx, toks, mentions, trig: Trigger, sources: list[ActorRef]) -> list[ActorRef]:
    """"annexed Crimea", "the annexation of Crimea", "shelled Donetsk": a place that is the direct object
    of the trigger (no locative preposition before it) stands for its country, when that is not the source's."""
    k = trig.end
    while k < len(toks) and k - trig.end < 5:
        w = toks[k].lower
        if w == "of" and not (k == trig.end and trig.kind != "verb") and toks[k - 1].lower not in PLACE_NOUNS:
            return []       # "seized the leader of Chad" is no place object
        if w in ROUTE_PREPS:
            return []       # "marched through the centre of Leipzig": a place passed through, no object
        if w in OBJECT_FILLERS or w in PLACE_NOUNS or (toks[k].text[:1].islower() and w.isalpha()
                                                       and w not in FUNCTION_WORDS and not is_verb_form(w)):
            k += 1          # "the strategic towns of", "parts of", "the capital"
            continue
        break
    if k >= len(toks):
        return []
    if any(m.t0 <= k < m.t1 for m in mentions):
        return []
    for p in within(ctx.places, toks[k].start, toks[k].start + 1):
        if p.start == toks[k].start and p.country and all(s.country != p.country for s in sources):
            return [ActorRef(p.start, p.end, country_name(p.country), p.country, p.country, None, "country")]
    return []


def _consequence_target(ctx, toks, mentions, trig: Trigger, sources) -> list[ActorRef]:
    """"stormed a Jewish centre, killing two gunmen": the victims of the attack's consequence are its target;
    unnamed people killed are civilians ("dropped bombs on the town, killing dozens of people", "an attack on the
    town that killed 40 people")."""
    for k in range(trig.end, len(toks) - 1):
        consequence = toks[k].lower == "," and toks[k + 1].lower in CONSEQUENCES or (
            toks[k].lower in {"that", "which"} and toks[k + 1].lower in CONSEQUENCES_PAST)
        if consequence:
            verb = Trigger(k + 1, k + 2, "190", "KILL", "verb")
            return find_target(ctx, toks, mentions, verb, sources) or _unnamed_people(toks, mentions, verb)
        if clause_end(toks, k) and toks[k].lower != ",":
            return []
    return []






def _captors(toks, mentions, trig: Trigger, sources) -> list[ActorRef]:
    """The "by" agent of the captivity of the hostages a raid frees ("stormed the terminal and freed the hostages
    held by hijackers"), or none; within the sentence, the rescue after the raid."""
    rescue = next((k for k in range(trig.end, min(len(toks), trig.end + 16)) if toks[k].lower in RESCUE_WORDS), None)
    if rescue is None:
        return []
    for k in range(rescue + 1, min(len(toks) - 1, rescue + 8)):
        if toks[k].lower in CAPTIVITY_WORDS and toks[k + 1].lower == "by":
            m = next((m for m in mentions if m.t0 in (k + 2, k + 3)), None)
            if m is not None and not any(same_actor(m.ref, s) for s in sources):
                return _with_coordinated(m, mentions, toks)
            return []
        if clause_end(toks, k) and toks[k].text != ",":
            return []
    return []


DEFEAT_VERBS = ("defeated ", "beat ", "unseated ", "ousted ", "toppled ")


def _concedes(toks, trig: Trigger) -> bool:
    """"conceded defeat", "admitted defeat", "conceded the election": a concession of a contest."""
    return trig.lemma in {"CONCEDE", "ADMIT", "ACCEPT"} and any(
        t.lower in DEFEAT_NOUNS for t in toks[trig.end:trig.end + 3]) or any(
        t.lower in {"conceded", "concedes", "concede"} for t in toks[trig.start:trig.end + 1])


def _winner(ctx, sent, loser: ActorRef) -> list[ActorRef]:
    """The actor the story says defeated `loser` ("X defeated President Y"), before this sentence; or none."""
    named = [a for a in ctx.actors if a.end <= sent.start]
    for k in range(len(named) - 1, 0, -1):
        a = named[k]
        if a.name != loser.name:
            continue
        before = ctx.text[max(0, a.start - 40):a.start].lower()
        verb = max(before.rfind(v) for v in DEFEAT_VERBS)
        if verb < 0 or any(c in before[verb:] for c in ".;"):
            continue
        at = a.start - len(before) + verb      # the verb's offset: the winner is the actor named last before it
        winner = next((b for b in reversed(named[:k]) if b.end <= at and b.name != loser.name
                       and not b.locative), None)
        if winner is not None and ctx.text.rfind(".", winner.end, at) < 0:
            return [winner]
    return []


def _unnamed_people(toks, mentions, trig: Trigger) -> list[ActorRef]:
    """"arrested dozens of people", "killed 12 villagers": unnamed people as the object are civilians (their
    country is the event's, see roles.target_country)."""
    for k in range(trig.end, min(len(toks), trig.end + 5)):
        if clause_end(toks, k) or any(m.t0 == k for m in mentions):
            return []
        if toks[k].lower in PEOPLE_WORDS:
            return [ActorRef(toks[k].start, toks[k].end, "civilians", "CVL", None, "CVL", "agent")]
    return []


def _in_offence(toks, trig: Trigger, start: int) -> bool:
    """Is the text at `start` inside a legal act's offence phrase ("convicted X of genocide for the massacre
    at Srebrenica", "charged them over the killing of Y")?"""
    return any(toks[k].lower in LEGAL_PREPS and toks[k].end <= start for k in range(trig.end, len(toks)))


def _recipient(toks, mentions, trig: Trigger, targets: list[ActorRef]) -> list[ActorRef]:
    """"handed Hong Kong back to China": the actor after "to" in the clause, when the object is a territory."""
    first = next((m for m in mentions if m.ref is targets[0]), None)
    if first is None or targets[0].kind not in COUNTRY_KINDS:
        return []
    k = first.t1
    while k < len(toks) - 1 and not clause_end(toks, k) and k - first.t1 < 4:
        if toks[k].lower == "to":
            m = next((m for m in mentions if m.t0 in (k + 1, k + 2)), None)
            return [m.ref] if m is not None else []
        k += 1
    return []


def _has_object(toks, trig: Trigger) -> bool:
    """Does a noun phrase ("the constitution") follow the verb directly?"""
    return trig.end < len(toks) and toks[trig.end].lower in ARTICLES


def _between(toks, mentions, targets: list[ActorRef]) -> bool:
    first = next((m for m in mentions if m.ref is targets[0]), None)
    return first is not None and first.t0 >= 1 and toks[first.t0 - 1].lower in {"between", "among"}


def _backer(toks, m) -> bool:
    """"militias backed by the Indonesian military": a backer named after "by" (its country is not theirs)."""
    k = m.t0 - 1
    while k >= 0 and toks[k].lower in ARTICLES:
        k -= 1
    return m.prep == "by" and k >= 1 and toks[k].lower == "by" and toks[k - 1].lower in BACKING


def _near(toks, place) -> bool:
    """"drills near Taiwan", "troops along the border of": a force posture aimed at the place's country."""
    k = next((i for i, t in enumerate(toks) if t.start == place.start), None)
    while k is not None and k > 0 and toks[k - 1].lower in {"the", "northern", "southern", "eastern", "western"}:
        k -= 1
    return k is not None and k > 0 and toks[k - 1].lower in {"near", "around", "off", "along"}


def _reacted_to(ctx, trig: Trigger, srcs: list[ActorRef]) -> list[ActorRef]:
    """The doer of the last material action before this trigger, when it is another country's actor; for a
    ceasefire, the other side of the last event between two sides."""
    own = {s.country for s in srcs if s.country}
    if trig.code in CEASEFIRES and ctx.last_pair is not None:
        _, a, bs = ctx.last_pair
        if a.country in own:
            return [b for b in bs if b.country not in own][:1]
        if any(b.country in own for b in bs):
            return [a]
    if ctx.last_material is None:
        return []
    own = {s.country for s in srcs} | {s.name for s in srcs}
    # (a rebel at home is another party: "Putin denounced the mutiny" after Prigozhin's men seized a city)
    doers = [d for d in ctx.last_material[2] if d.name not in own and (
        d.country not in own or non_state(d) and all(s.kind in COUNTRY_KINDS | {"person"}
                                                                          and not non_state(s) for s in srcs))]
    return doers[:1]


def _reporter_country(toks, mentions, src: ActorRef, trig: Trigger) -> str | None:
    """The country of whoever reports the clause of `src` ("An Israeli official said the army struck ...",
    "... the army struck targets, an Israeli official said"), or None."""
    at = next((m for m in mentions if m.ref is src), None)
    if at is None or src.country is not None:
        return None
    for k in range(at.t0 - 1, max(-1, at.t0 - 4), -1):     # "<speaker> said [that] the army ..."
        if toks[k].lower in REPORT_WORDS:
            speaker = next((m for m in reversed(mentions) if m.t1 <= k and k - m.t1 <= 1 and m.prep is None), None)
            return speaker.ref.country if speaker is not None else None
    for k in range(trig.end, len(toks) - 1):                 # "..., <speaker> said."
        if clause_end(toks, k) and toks[k].text != ",":
            break
        if toks[k].text == ",":
            speaker = next((m for m in mentions if k < m.t0 <= k + 2 and m.prep is None), None)
            if speaker is not None and speaker.t1 < len(toks) and toks[speaker.t1].lower in REPORT_WORDS:
                return speaker.ref.country
    return None
