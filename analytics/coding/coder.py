"""Code events in news text: who did what to whom, where and when, one dict per event mention.

Composition (one module per job):
  text.sentences -> triggers.find_triggers (verbs, nominal events) -> modality (which triggers are events,
  asserted/negated/hypothetical/reported) -> roles (source and target, pronouns, coordination, discourse,
  in context.py) -> places (where) -> dates (when) -> cameo (label, root, quad class, Goldstein, PLOVER).

Rules, in short (each module's docstring holds the details):
- The source is the nearest subject before the verb; a passive takes its "by" agent; a nominal event
  its possessive or pre-modifier ("their takeover", "Russian airstrikes").
- The target is the first actor after the trigger in its clause that is not a place, a topic or the source.
- "X and Y" multiplies events; so does "in A and B" for places; "X and Y signed" makes each the other's partner.
- A sentence without any actor takes the last source actor of the discourse, with lower confidence.
- Material actions without a target take their place's country ("withdrawal ... in Afghanistan").
- Reactions without a target (condemned the attack, vowed revenge, returned fire) target the doer of the
  story's last material action, when that is another actor. Appeals (02: "called for a ceasefire") and a
  state's measures on its own people (curfew, ban, martial law: 1721-1724) are no reactions and keep no
  target: where no actor is the verb's object or its preposition's, none is invented.
- Countries of actors the text leaves without one: a generic agent ("the army") takes the reporter's country
  in reported speech ("an Israeli official said the army struck ..."), else the event's place, else the
  sentence's and the story's other actors. A person introduced by a bare title ("Prime Minister Marcelo
  Caetano", "Archbishop Oscar Romero") takes the story's country (context.story_country: the country its
  places, counted twice, and its state actors name most; a tie goes to the first named), else the event's;
  the row's confidence is lowered by 0.05 for the guess. International officials (IGO/NGO codes) keep none.
- Legal acts: a court convicting is 116 (find guilty), prosecutors charging or indicting 173 (PETRARCH's blame
  patterns give 111/112 otherwise), questioning by prosecutors or police 090. The offence phrase ("of
  genocide for the massacre at Srebrenica", "over the killing of X in Istanbul") gives no new event, no
  target and no place: what the accused did is not the court's act. "a UN tribunal" is a court, not the UN.
- Dates: the governing date expression of the event's clause (an anchored duration counts: "a 10-year war
  that ended in 1989" dates the fighting 1979..1989); else one of a coordinated clause; else, in a
  historical narrative, the month of the story's last date; else the publication week (the 7 days up to
  and including the publication date, precision "week", basis "publication"), never a false single day;
  without a publication date, no date.
- Negated, hypothetical and reported events are kept with their `modality`; a speech verb is coded
  (CAMEO 01x) only when its sentence has no other event.
- Threats: future force announced by its doer ("would retaliate, X said", '"We will destroy Hamas," Y said',
  "vowed/promised to avenge") is a threat (138; sanctions or coercion 131), asserted; a prediction nobody is
  said to have made ("Russia will attack") stays a hypothetical attack.
- Coups: CAMEO has no coup code. A coup ("seized power", "staged a coup", "toppled", "overthrew", "ousted")
  is coded 170 (coerce, not specified): removing a government by force coerces it, and the codebook's 1724
  (state of emergency or martial law) names only one measure a coup may take. Without a written target a
  coup targets its own country's government; it is never a reaction to an earlier event.
- Targets also come from: a place as direct object ("annexed Crimea" -> Ukraine), the recipient of a transfer
  ("handed Hong Kong back to China"), the country left ("recalled its ambassador from Iran"), the side losing
  a place ("retook Mosul from Islamic State"), a demonym or group before a plain noun ("sanctioned Russian
  oligarchs", "Islamic State planners"), the "by" doer of a reacted-to event noun, the other side of the last
  fighting for a ceasefire, the other side named in the sentence for violence ("after Russian troops withdrew"),
  and "each other" / "the two leaders" / "talks between X and Y" make reciprocal pairs.
- Roots by actor: force by protesters or civilians is 18 (180), a person killed by no army is assassinated
  (186), troops landing or entering a place attack it (190), peacekeepers landing protect (074); taking
  people is an arrest (173) by a state, an abduction (181) by anyone else.

>>> rows = code_text("The Taliban seized Kabul in August 2021.", None)   # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from analytics.coding import cameo
from analytics.coding.context import (Ctx, DEFAULT, Settings, same_actor, sentence_mentions, story_country, update_discourse,
    verb_after_country_name, within)
from analytics.coding.dates import date_for
from analytics.coding.grammar import (COUNTRY_KINDS, IRREGULAR_PAST, REPORT_WORDS, SUBORDINATORS, VERBAL_GOVERNORS,
    VIOLENT, clause_end,
    country_name, is_verb_form)
from analytics.coding.lexicon import coding_words
from analytics.coding.mentions import (ActorRef, PlaceRef, find_actors, find_places, find_timexes,
    place_for_country)
from analytics.coding.modality import LEGAL_CODES, LEGAL_PREPS, drop_dependents, filter_triggers
from analytics.coding.places import capital_of, event_places, place_for_actor
from analytics.coding.roles import (FOREIGN_ENVOYS, find_source, find_target, names_capital, source_country,
    subject_before, target_country)
from analytics.coding.text import sentences, tokens
from analytics.coding.triggers import BE, FUNCTION_WORDS, Trigger, find_triggers

WORDS = coding_words()     # word lists as data: analytics/lexicons/coding_words.yaml


def code_text(text: str, dct: date | None, settings: Settings | None = None) -> list[dict]:
    """Code every event mention in `text` (publication date `dct`, or None).

    Returns one dict per event mention with the event-frame columns about the event (dates,
    actors, CAMEO code, place, evidence sentence and offsets, confidence, modality, PLOVER);
    missing values are None. See the module docstring for the rules.
    """
    if not text or not text.strip():
        return []
    return code_with(text, dct, find_actors(text, dct), find_places(text), find_timexes(text, dct), settings)


def code_with(text: str, dct: date | None, actors: list[ActorRef], places: list[PlaceRef], timexes: list,
              settings: Settings | None = None) -> list[dict]:
    """`code_text` with the actor, place and date mentions given (the components' output, or a test's)."""
    settings = settings or DEFAULT
    ctx = Ctx(text, dct, settings, sorted(actors, key=lambda a: (a.start, -a.end)),
               sorted(places, key=lambda p: (p.start, -p.end)), list(timexes))
    ctx.story = story_country(ctx.actors, ctx.places)
    rows: list[dict] = []
    for sent in sentences(text):
        rows.extend(_code_sentence(ctx, sent))
    return rows


def _code_sentence(ctx: Ctx, sent) -> list[dict]:
    toks = tokens(sent.text, sent.start)
    if not toks:
        return []
    mentions = sentence_mentions(ctx, sent, toks)
    # a bare demonym ("Soviet allies") is an adjective: the word after it is not its verb
    triggers = find_triggers(toks, subject_ends=frozenset(m.t1 - 1 for m in mentions
                                                          if m.prep is None and m.ref.head),
                             inside=frozenset(k for m in mentions for k in range(m.t0, m.t1)
                                              if m.ref.kind in ("agent", "person", "igo", "group")
                                              and not verb_after_country_name(toks, m, k)))
    if not triggers:
        update_discourse(ctx, mentions, toks)
        return []
    events = []
    kept = drop_dependents(filter_triggers(triggers, toks), toks)
    for k, (trig, modality) in enumerate(kept):
        if k and _reduced_relative(toks, mentions, kept[k - 1][0], trig):
            if (cameo.normalise_code(trig.code) or "00")[:2] in VERBAL_GOVERNORS | {"01"}:
                continue    # "executed two men accused of spying": a description of the object, no event
            trig = replace(trig, passive=True)
        events.extend(_events_for(ctx, sent, toks, mentions, trig, modality))
    # A speech verb is only an event when nothing else in its sentence is.
    # "troops landed on the islands and took control of the port": the landing is how the same attack began
    violent = {e["actor1"] for e in events if e["event_root"] == "19" and e["event_code"] not in ARRIVAL_BY_TYPE.values()}
    events = [e for e in events if not (e["event_code"] in ARRIVAL_BY_TYPE.values() and e["_arrival"]
                                        and e["actor1"] in violent)]
    substantive = [e for e in events if not e["_speech"]]
    happened = [e for e in substantive if e["modality"] not in ("negated", "hypothetical")]
    if happened or (substantive and not any(e["_speech"] for e in events)):
        events = substantive
    # else: only denied or hypothetical content ("told reporters Russia had no plans to invade"): the statement
    # is what happened, and is kept beside its marked content
    # "X attacked Y, officials said" / "Putin said Russia attacked": the event is reported, not witnessed
    said = {k for k, t in enumerate(toks) if t.lower in REPORT_WORDS and not (
        k > 0 and (toks[k - 1].lower in {"the", "a", "its", "their", "his", "her"} or toks[k - 1].lower.endswith("'s")))}
    # ("China's claims", "the claims" are nouns, no reporting verb)
    for e in events:
        if e["modality"] == "asserted" and not e["_speech"] and said - set(range(e["_t"], e["_t_end"])):
            e["modality"] = "reported"
    update_discourse(ctx, mentions, toks, events)
    return _dedupe(events)


# Material actions whose place names their target when no target is written ("withdrawal ... in
# Afghanistan", "joint exercises in Tajikistan"); not protests, force postures or sanctions.
RECIPROCAL = {"03", "04", "05", "06"}
RECIPROCAL_VERBS = WORDS["reciprocal_verbs"]


TARGET_FROM_PLACE = {"06", "07", "08", "09", "17", "18", "19", "20", "042", "154", "161", "050", "054"}
# 161: "closed its embassy in Kabul"; 050, 054: "opened its embassy in Jerusalem"; 09: "an inquiry into killings in
# Myanmar" investigates the country where they happened (not its own: "Kenyan police investigated a killing in Nairobi")

# Reactions whose unwritten target is the doer of the story's last material action: "Iran vowed harsh
# revenge", "Golda Meir condemned the attack", "Seoul returned fire". Not an appeal (02): "X called for a
# ceasefire" names no addressee, and one for a ceasefire is made to every side, so it is coded without one.
REACTIVE = {"10", "11", "12", "13", "16", "17", "19"}
MATERIAL = {"14", "15", "16", "17", "18", "19", "20"}
# a coup (see verbs_extra.tsv) answers nobody's action; nor do curfews, bans and martial law, which a state
# imposes on its own people ("Armenia declared martial law" after an attack on it is not against the attacker)
NOT_REACTIONS = {"170", "1721", "1722", "1723", "1724"}
REACTIVE_CODES = {"0871"}   # a ceasefire is declared towards the other side of the fighting
COUPS = {"170"}
UNARMED = {"OPP", "CVL", "EDU", "LAB", "REF"}     # protesters, civilians, students, workers, refugees
OBSTRUCT_VERBS = WORDS["obstruct_verbs"]   # done by unarmed people: CAMEO 144
STATE_ARMED = {"MIL", "COP", "SPY", "PKO", "GOV"}
KILLING_VERBS = WORDS["killing_verbs"]
BOTH_WORDS = {"two", "both"}


SPEECH_LEMMAS = WORDS["speech_lemmas"]


REPORT_LEMMAS = WORDS["report_lemmas"]
CONDEMNING = WORDS["condemning"]
ADDRESSED = WORDS["addressed"]     # speech verbs whose object is their addressee

# Verbs that only report another event ("admitted that its agents had sunk the ship"): like "said", an
# event only when nothing else in the sentence is.
ADMISSIONS = WORDS["admissions"]


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


NON_STATE_TYPES = {"REB", "INS", "SEP", "UAF", "CRM", "OPP"}
FORCE_VERBS = WORDS["force_verbs"]
ARMED_TYPES = {"MIL", "REB", "INS", "SEP", "UAF", "CRM", "COP", "SPY", "PKO"}


def _role(a: ActorRef) -> str:
    """The CAMEO role of an actor, the last three letters of its type ("USAMIL" -> "MIL"); "" when untyped."""
    return (a.type or "")[-3:]


def _armed(a: ActorRef) -> bool:
    return _role(a) in ARMED_TYPES or (a.kind == "group" and _role(a) not in {"OPP", "CVL"})
PEOPLE_TYPES = {"CRM", "OPP", "CVL", "MED", "REF", "EDU", "LAB", "HRI"}


def _non_state(a: ActorRef) -> bool:
    return a.kind == "group" or _role(a) in NON_STATE_TYPES


def _people(ctx, t: ActorRef) -> bool:
    """A person, or a plural noun for people ("athletes", "tourists"), not an institution."""
    if t.kind == "person" or (t.kind == "agent" and _role(t) in PEOPLE_TYPES):
        return True     # "captured drug lord Joaquin Guzman", "seized three activists"
    return t.kind == "agent" and ctx.text[t.start:t.end].lower().endswith("s") and not ctx.text[
        t.start:t.end].lower().endswith(("forces", "ss"))


def _reduced_relative(toks, mentions, prev: Trigger, trig: Trigger) -> bool:
    """"released two French nationals detained since 2022": a past participle right after the object
    of the verb before it describes that object (a passive), it is not a new clause with a subject."""
    word = toks[trig.start].lower
    if trig.kind != "verb" or trig.passive or not (word.endswith("ed") or word in IRREGULAR_PAST):
        return False
    if prev.lemma in SPEECH_LEMMAS | ADMISSIONS | REPORT_LEMMAS:
        return False    # "said Russian missiles hit a centre": a report's object is a clause with its own verb
    before = toks[trig.start - 1]
    noun = before.text[:1].islower() and before.lower.isalpha() and before.lower not in FUNCTION_WORDS \
        and not before.lower.endswith("ly")
    named = any(m.t1 == trig.start and m.object for m in mentions)
    return prev.end < trig.start - 1 and (noun or named) and not prev.passive and not any(
        clause_end(toks, k) or toks[k].lower == "by" for k in range(prev.end, trig.start))


def _events_for(ctx, sent, toks, mentions, trig: Trigger, modality: str) -> list[dict]:
    code = cameo.normalise_code(trig.code)
    if code is None:
        return []
    if trig.lemma == "CALL" and trig.start > 0 and toks[trig.start - 1].text[:1].islower() \
            and toks[trig.start - 1].lower.isalpha() and toks[trig.start - 1].lower not in FUNCTION_WORDS | {"also"}:
        return []       # "a group called Boko Haram": naming, no statement
    found = _sources_for(ctx, toks, mentions, trig, code)
    if found is None:
        return []
    sources, how, passive_subject = found
    if trig.lemma == "CALL" and any(t.lower in CONDEMNING for t in toks[trig.end:trig.end + 9]):
        code = "111"    # "called the strike an act of aggression": a characterisation that condemns
    if trig.lemma in QUESTIONING and not any(_judicial(s) or _role(s) in {"COP", "SPY"} for s in sources):
        return []       # only prosecutors, police and spies question someone as an inquiry ("questioned the result")
    if trig.lemma in LEGAL_CHARGES and code[:2] == "11" and any(_judicial(s) for s in sources):
        code = "173"    # "prosecutors charged 11 people over the killing": a legal charge (CAMEO 173), not blame
    speech = (code.startswith("01") and trig.lemma in SPEECH_LEMMAS and code != "015") or trig.lemma in ADMISSIONS
    targets = _targets_for(ctx, sent, toks, mentions, trig, code, sources, speech, passive_subject)
    if not sources and len(targets) > 1 and trig.kind == "nominal" and _between(toks, mentions, targets):
        sources = list(targets)     # "talks between Israel and Hamas": each side is the other's partner
        targets = []
    if trig.lemma in ARRIVAL_VERBS and sources and all(_role(s) in ARRIVAL_BY_TYPE for s in sources):
        # "Turkish troops landed in Cyprus": a military landing, not a visit; peacekeepers come to protect
        code = ARRIVAL_BY_TYPE[_role(sources[0])]
    elif trig.lemma in ARRIVAL_VERBS and code == "042" and sources and all(
            (s.kind == "agent" and _role(s) in ARMED_GROUPS and ctx.text[s.start:s.end].endswith("s"))
            or (s.kind == "group" and _armed(s)) for s in sources if s.start >= 0):
        code = "190"    # "Cuban exiles landed at the Bay of Pigs", "Taliban fighters entered Kabul": armed men invade
    if trig.lemma in FORCE_VERBS and code[:2] in {"11", "12"} and sources and all(_armed(s) for s in sources):
        code = "190"    # "militants attacked the government": armed men attack with arms, not with words
    if code.startswith("14") and sources:
        # "Thousands of Ukrainians rallied": a people in the plural protesting are protesters, not their state
        sources = [ActorRef(s.start, s.end, f"{country_name(s.country)} protesters", f"{s.country}OPP", s.country,
                            "OPP", "agent") if s.kind == "demonym" and ctx.text[s.start:s.end].endswith("s") else s
                   for s in sources]
    if code.startswith("14") and sources and all(s.kind in COUNTRY_KINDS for s in sources):
        code = "114"    # "China protested", "summoned the ambassador in protest": a state complains officially,
                        # it does not demonstrate in the street
    if code == "166" and targets:
        # "expelled foreign journalists": expelling people deports them (174); diplomats: relations (161);
        # missions, inspectors, aid agencies stay 166
        envoys = all(ctx.text[t.start:t.end].lower().endswith(FOREIGN_ENVOYS) for t in targets if t.start >= 0)
        code = "161" if envoys else "174" if all(_people(ctx, t) for t in targets) else code
    if code.startswith("181") and toks[trig.start].lower.startswith(("arrest", "detain")):
        code = "173"    # the verb names an arrest, whoever makes it (PETRARCH's "take minister" is an abduction)
    if code.startswith("192") and targets and all(_people(ctx, t) for t in targets):
        # taking people is not occupying territory: an arrest by a state ("captured Laurent Gbagbo"), an
        # abduction by anyone else ("gunmen seized Israeli athletes")
        code = "181" if sources and all(_non_state(s) for s in sources) else "173" if all(
            t.kind == "person" or _role(t) in PEOPLE_TYPES for t in targets) else code
    if code in COUPS and _is_coup(toks, trig) and not targets and sources and how != "discourse":
        # a coup without a written target overthrows its own country's government
        home = source_country(ctx, sources[0], None, [m.ref for m in mentions if m.prep != "by"]).country
        if home:
            targets = [ActorRef(-1, -1, f"{country_name(home)} government", f"{home}GOV", home, "GOV", "agent")]
    if trig.lemma in OBSTRUCT_VERBS and sources and all(_role(s) in UNARMED | {"AGR"} for s in sources):
        code = "144"    # "farmers blocked motorways", "protesters blockaded the port": obstruction is protest
    if code[:2] == "19" and sources and all(_role(s) in UNARMED for s in sources) \
            and trig.lemma not in ARRIVAL_VERBS:
        code = "180"    # "protesters stormed government buildings": force without an army is unconventional
    if code[:2] == "19" and trig.lemma in KILLING_VERBS and targets and all(t.kind == "person" for t in targets) \
            and (not sources or all(_non_state(s) or s.kind == "agent" and _role(s) not in STATE_ARMED
                                    for s in sources)):
        # "Palme was shot dead", "gunmen killed the governor": a person killed outside war is assassinated
        code = "186"
    places = _places_for(ctx, sent, toks, mentions, trig, code, sources, targets)
    announced = any(t.lower in REPORT_WORDS or t.text in QUOTES for t in toks)    # someone said it
    if modality == "hypothetical" and code[:2] in THREATENED and announced and _future(toks, trig):
        # "Turkey would retaliate, Erdogan said", "'We will destroy Hamas,' Netanyahu said": announcing one's
        # own future force is a threat, and the threat is what happened
        code, modality = THREATENED[code[:2]], "asserted"
    elif modality == "hypothetical" and code[:2] == "13" and announced and _future(toks, trig):
        modality = "asserted"   # "said it would strike if ...": the threat itself was made
    if not targets and not speech and code[:2] in VIOLENT and sources and all(s.country for s in sources):
        own = {s.country for s in sources}
        if not any(p.country and p.country not in own for p in places):
            # "Ukrainian forces retook Kherson after Russian troops withdrew": the other side named in the
            # sentence, when the event's place names no other country
            other = [m.ref for m in mentions if not m.locative and m.ref.country and m.ref.country not in own
                     and (m.ref.head or m.ref.kind == "demonym") and m.prep in {None, "on", "against", "with"}
                     and not any(same_actor(m.ref, s) for s in sources)]
            targets = other[:1]
    label, root, quad, goldstein = cameo.event_info(code)
    home = (places[0].country if places and places[0].country else
            next((m.ref.country for m in mentions if m.ref.country), None))
    if not sources and root == "14" and home:
        # "Thousands marched in Santiago": a protest without a named actor is the place's protesters;
        # "Mubarak resigned after 18 days of mass protests": else those of the sentence's country
        sources, how = [ActorRef(-1, -1, f"{country_name(home)} protesters", f"{home}OPP", home, "OPP", "agent")], "text"
    if not sources and not targets and not (code[:2] in VIOLENT and trig.kind == "verb" and places):
        return []       # (a violent act without actors may still have a place whose country it struck)
    if not targets and trig.lemma in SELF_ACTS and len(sources) < 2:
        return []       # "Morales resigned": an act on oneself, with no other party, is no event between actors
    if trig.lemma in CARRY_VERBS and (trig.passive or _object_follows(toks, mentions, trig)):
        return []       # "flew him to Costa Rica", "was flown to Moscow": carrying someone is how, not a visit
    date_fields = date_for(ctx, sent, toks, trig)
    if (trig.lemma in RECIPROCAL_VERBS or code[:2] in RECIPROCAL) and len(sources) > 1 and targets and all(
            t.kind == "agent" and (trig.lemma in RECIPROCAL_VERBS or not t.country) for t in targets):
        # ("Seoul and Tokyo agreed to share military intelligence": a thing shared is no partner)
        targets = []    # "Russia and Ukraine exchanged prisoners": each side is the other's partner
    pairs = None
    each_other = any(toks[k].lower == "each" and toks[k + 1].lower == "other" or toks[k].lower == "one"
                     and toks[k + 1].lower == "another" for k in range(trig.end, min(len(toks) - 1, trig.end + 3)))
    if not targets and len(sources) > 1 and (root in RECIPROCAL or trig.lemma in RECIPROCAL_VERBS or each_other
                                             or (trig.kind == "nominal" and root in {"04"})):
        # "Israel and the PLO signed the accord": each is the other's partner
        pairs = [(a, b) for a in sources for b in sources if a is not b and not same_actor(a, b)]
    ctx.history.extend((root, s) for s in sources)
    if sources and targets:
        ctx.last_pair = (sent.start, sources[0], targets)
    confidence = 0.85
    if trig.kind == "nominal":
        confidence -= 0.1
    if how == "pronoun":
        confidence -= 0.1
    if not targets:
        confidence -= 0.1
    if how == "discourse":
        confidence = ctx.settings.discourse_confidence
    if ctx.story and any(a.kind == "person" and a.country is None and not (a.code or "").startswith(("IGO", "NGO"))
                         for a in list(sources) + list(targets)):
        confidence -= 0.05  # a bare-title person's country is the story's: a guess (roles.source_country)
    rows = []
    material_sources = []
    for place in places or [None]:
        tgt_list = targets
        near = root == "15" and place is not None and place.start >= 0 and _near(toks, place)
        if not tgt_list and (root in TARGET_FROM_PLACE or code in TARGET_FROM_PLACE or near) and place is not None \
                and place.country and \
                all(s.country != place.country or (_non_state(s) and root in VIOLENT) for s in sources):
            # "rebels seized towns in Chiapas": a non-state group's violence at home is against its state
            tgt_list = [ActorRef(place.start, place.end, country_name(place.country), place.country,
                                 place.country, None, "country")]
        tgt_list = [target_country(ctx, t, place, sources, root) for t in tgt_list]
        # a non-state group's victim says nothing about the group's country ("Kidnappers released the French
        # journalist"); a state's agents act at home ("Soldiers arrested President Zelaya")
        hostile = root in VIOLENT | {"17"} or code.startswith("084")
        # nor does a backer named after "by" ("militias backed by the Indonesian military")
        srcs = [source_country(ctx, s, place, [m.ref for m in mentions if not _backer(toks, m) and not (
            hostile and _non_state(s) and m.ref.kind == "agent" and any(m.ref is t for t in targets))],
                               reporter=_reporter_country(toks, mentions, s, trig))
                for s in sources]   # (a ruler they topple is at home: "rebels toppled President Bozize")
        if not tgt_list and not speech and (root in REACTIVE or code in REACTIVE_CODES) and code not in NOT_REACTIONS \
                and srcs:
            tgt_list = _reacted_to(ctx, trig, srcs)
        if pairs:   # each side of a reciprocal event, with the country found for it
            pairs = [(a, b) for a in srcs for b in srcs if a is not b and not same_actor(a, b)]
        combos = pairs or [(src, tgt) for src in srcs or [None] for tgt in tgt_list or [None]]
        material_sources.extend(s for s in srcs if s.country)
        for src, tgt in combos:
            if src is not None and tgt is not None and same_actor(src, tgt):
                continue
            if src is None and tgt is None:
                continue    # "the tanker was attacked in the Gulf": no actor on either side
            rows.append({
                **date_fields,
                "actor1": src.name if src else None, "actor1_code": src.code if src else None,
                "actor1_country": src.country if src else None, "actor1_type": src.type if src else None,
                "actor2": tgt.name if tgt else None, "actor2_code": tgt.code if tgt else None,
                "actor2_country": tgt.country if tgt else None, "actor2_type": tgt.type if tgt else None,
                "event_code": code, "event_root": root, "event_label": label, "quad_class": quad,
                "goldstein": goldstein,
                "location": place.name if place else None, "country": place.country if place else None,
                "region": place.region if place else None,
                "lat": place.lat if place else None, "lon": place.lon if place else None,
                "sentence": sent.text, "char_start": sent.start, "char_end": sent.end,
                "confidence": round(max(0.05, min(0.99, confidence)), 2),
                "modality": modality, "plover": cameo.plover(code),
                "_speech": speech, "_t": trig.start, "_t_end": trig.end, "_arrival": trig.lemma in ARRIVAL_VERBS,
            })
    if root in MATERIAL and material_sources and modality != "negated":
        ctx.last_material = (sent.start, trig.start, material_sources)
    return rows


def _sources_for(ctx, toks, mentions, trig: Trigger, code: str):
    """The event's sources, how they were found, and a passive verb's subject (its target); None: no event."""
    passive_subject: list[ActorRef] = []
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
        by_agent = [m for m in mentions if m.t0 >= trig.end and m.prep == "by" and m.t0 - trig.end <= 6]
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


def _targets_for(ctx, sent, toks, mentions, trig: Trigger, code: str, sources, speech: bool,
                 passive_subject) -> list[ActorRef]:
    """The event's targets, from the text first, then from the sentence's other cues."""
    # a speech act's "target" would be whatever it talks about; CAMEO codes the addressee only
    targets = [] if speech else (passive_subject or find_target(ctx, toks, mentions, trig, sources))
    if speech and trig.lemma in ADDRESSED:
        # "told the United Nations that ...": the addressee right after the verb is the target
        first = next((m for m in mentions if trig.end <= m.t0 <= trig.end + 1 and not m.locative
                      and _role(m.ref) != "MED"), None)      # "told reporters": no addressee of note
        targets = [first.ref] if first is not None and not any(same_actor(first.ref, s) for s in sources) else []
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
    if targets and not speech and trig.lemma in TRANSFER_VERBS:
        targets = _recipient(toks, mentions, trig, targets) or targets
    return targets


def _places_for(ctx, sent, toks, mentions, trig: Trigger, code: str, sources, targets) -> list:
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
            and targets[0].kind in COUNTRY_KINDS and targets[0].country:
        # "invaded Vietnam", "visited Algeria": the event is in the country acted on or visited
        place = place_for_country(targets[0].country)
        places = [place] if place is not None else []
    if not places and code[:2] in {"17", "18"} and sources and targets and sources[0].country \
            and all(t.country in (None, sources[0].country) for t in targets):
        # "Malaysian police arrested the former prime minister": coercion at home happens at home
        place = place_for_country(sources[0].country)
        places = [place] if place is not None else []
    return places


# Verbs that move something to a recipient: with a territory as object, the recipient is the target
# ("handed Hong Kong back to China", "ceded the islands to Japan", "sold arms to Taiwan").
TRANSFER_VERBS = WORDS["transfer_verbs"]

# Arrival verbs: a visit by officials (the lexicon's 042); by troops a military landing (190), by
# peacekeepers military protection (074).
ARRIVAL_VERBS = WORDS["arrival_verbs"]
ARRIVAL_BY_TYPE = {"MIL": "190", "PKO": "074"}
ARMED_GROUPS = {"OPP", "REB", "INS", "SEP", "UAF"}

# Words allowed between a verb and its direct object, or between a nominal event and "of" + object.
OBJECT_FILLERS = {"the", "a", "an", "parts", "part", "all", "most", "much", "control", "of"}
PLACE_NOUNS = WORDS["place_nouns"]


# Future force announced by its doer is a threat: of military force (138), of sanctions or coercion (131).
THREATENED = {"18": "138", "19": "138", "20": "138", "16": "131", "17": "131"}
FUTURE_MODALS = {"will", "would", "'ll", "shall", "wo"}
QUOTES = {'"', "\u201c", "\u201d"}


def _future(toks, trig: Trigger) -> bool:
    """Is the trigger governed by "will"/"would" (not "may", "should", "could"), without negation?"""
    k, seen = trig.start - 1, False
    while k >= 0 and k >= trig.start - 4 and toks[k].lower not in {",", "that"} | QUOTES:
        if toks[k].lower in {"not", "n't", "never"}:
            return False
        seen = seen or toks[k].lower in FUTURE_MODALS
        k -= 1
    return seen


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
    while j >= 0 and (toks[j].lower in {"had", "have", "has", "also", "then"} or toks[j].lower.endswith("ly")):
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


SELF_ACTS = WORDS["self_acts"]     # ("the Council met": no partner, no event)
CARRY_VERBS = WORDS["carry_verbs"]


def _has_object(toks, trig: Trigger) -> bool:
    """Does a noun phrase ("the constitution") follow the verb directly?"""
    return trig.end < len(toks) and toks[trig.end].lower in {"the", "a", "an"}


def _object_follows(toks, mentions, trig: Trigger) -> bool:
    k = trig.end
    return k < len(toks) and (toks[k].lower in {"him", "her", "them", "it"} or any(m.t0 == k for m in mentions))


COUP_LEMMAS = WORDS["coup_lemmas"]
COUP_WORDS = WORDS["coup_words"]


def _is_coup(toks, trig: Trigger) -> bool:
    """A coup ("seized power", "staged a coup", "toppled"), not any other coercion coded 170."""
    return trig.lemma in COUP_LEMMAS or any(t.lower in COUP_WORDS for t in toks[trig.start:trig.end + 3])


def _near(toks, place) -> bool:
    """"drills near Taiwan", "troops along the border of": a force posture aimed at the place's country."""
    k = next((i for i, t in enumerate(toks) if t.start == place.start), None)
    while k is not None and k > 0 and toks[k - 1].lower in {"the", "northern", "southern", "eastern", "western"}:
        k -= 1
    return k is not None and k > 0 and toks[k - 1].lower in {"near", "around", "off", "along"}


FIGHT_NOUNS = WORDS["fight_nouns"]


def _fought_with(toks, mentions, trig: Trigger) -> list[ActorRef]:
    for k in range(trig.end, min(len(toks) - 1, trig.end + 8)):
        if clause_end(toks, k):
            return []
        if toks[k].lower in FIGHT_NOUNS and toks[k + 1].lower == "with":
            m = next((m for m in mentions if m.t0 in (k + 2, k + 3)), None)
            return [m.ref] if m is not None else []
    return []


PEOPLE_WORDS = WORDS["people_words"]


# Verbs that are an investigation (090, verbs_extra.tsv) only when prosecutors, police or spies do them
QUESTIONING = WORDS["questioning"]

# Verbs that, said of prosecutors or courts, bring a legal charge (PETRARCH's BLAME block codes them as blame)
LEGAL_CHARGES = WORDS["legal_charges"]


def _judicial(a: ActorRef) -> bool:
    """A court, judge or prosecutor ("Kenyan prosecutors", "a UN tribunal")."""
    return (a.type or "").endswith("JUD") or (a.code or "").endswith("JUD")


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


def _in_offence(toks, trig: Trigger, start: int) -> bool:
    """Is the text at `start` inside a legal act's offence phrase ("convicted X of genocide for the massacre
    at Srebrenica", "charged them over the killing of Y")?"""
    return any(toks[k].lower in LEGAL_PREPS and toks[k].end <= start for k in range(trig.end, len(toks)))


def _unnamed_people(toks, mentions, trig: Trigger) -> list[ActorRef]:
    """"arrested dozens of people", "killed 12 villagers": unnamed people as the object are civilians (their
    country is the event's, see roles.target_country)."""
    for k in range(trig.end, min(len(toks), trig.end + 5)):
        if clause_end(toks, k) or any(m.t0 == k for m in mentions):
            return []
        if toks[k].lower in PEOPLE_WORDS:
            return [ActorRef(toks[k].start, toks[k].end, "civilians", "CVL", None, "CVL", "agent")]
    return []


CONSEQUENCES = WORDS["consequences"]


def _consequence_target(ctx, toks, mentions, trig: Trigger, sources) -> list[ActorRef]:
    """"stormed a Jewish centre, killing two gunmen": the victims of the attack's consequence are its target."""
    for k in range(trig.end, len(toks) - 1):
        if clause_end(toks, k) and toks[k].lower != ",":
            return []
        if toks[k].lower == "," and toks[k + 1].lower in CONSEQUENCES:
            return find_target(ctx, toks, mentions, Trigger(k + 1, k + 2, "190", "KILL", "verb"), sources)
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


def _place_object(ctx, toks, mentions, trig: Trigger, sources: list[ActorRef]) -> list[ActorRef]:
    """"annexed Crimea", "the annexation of Crimea", "shelled Donetsk": a place that is the direct object
    of the trigger (no locative preposition before it) stands for its country, when that is not the source's."""
    k = trig.end
    while k < len(toks) and k - trig.end < 5:
        w = toks[k].lower
        if w == "of" and not (k == trig.end and trig.kind != "verb") and toks[k - 1].lower not in PLACE_NOUNS:
            return []       # "seized the leader of Chad" is no place object
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


def _between(toks, mentions, targets: list[ActorRef]) -> bool:
    first = next((m for m in mentions if m.ref is targets[0]), None)
    return first is not None and first.t0 >= 1 and toks[first.t0 - 1].lower in {"between", "among"}


BACKING = WORDS["backing"]


def _backer(toks, m) -> bool:
    """"militias backed by the Indonesian military": a backer named after "by" (its country is not theirs)."""
    k = m.t0 - 1
    while k >= 0 and toks[k].lower in {"the", "a", "an"}:
        k -= 1
    return m.prep == "by" and k >= 1 and toks[k].lower == "by" and toks[k - 1].lower in BACKING


def _reacted_to(ctx, trig: Trigger, srcs: list[ActorRef]) -> list[ActorRef]:
    """The doer of the last material action before this trigger, when it is another country's actor; for a
    ceasefire, the other side of the last event between two sides."""
    own = {s.country for s in srcs if s.country}
    if trig.code in REACTIVE_CODES and ctx.last_pair is not None:
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
        d.country not in own or _non_state(d) and all(s.kind in COUNTRY_KINDS | {"person"}
                                                                          and not _non_state(s) for s in srcs))]
    return doers[:1]


def _dedupe(events: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in events:
        key = ("01", e["actor1"]) if e["_speech"] else (e["event_code"], e["actor1"], e["actor2"], e["location"], e["_t"])
        if key in seen:
            continue
        seen.add(key)
        for private in ("_speech", "_t", "_t_end", "_arrival"):
            e.pop(private, None)
        out.append(e)
    return out
