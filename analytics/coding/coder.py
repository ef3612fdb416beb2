"""Code events in news text: who did what to whom, where and when, one dict per event mention.

Composition (one module per job; this module only calls them in order):
  text.sentences -> context.sentence_mentions (actors and places in the sentence) -> triggers.find_triggers
  (verbs, nominal events) -> modality (which triggers are events, asserted/negated/hypothetical/reported)
  -> participants (source and target, places; roles.py finds the written subject and object, context.py the
  discourse) -> codes (the code its words and actors decide) -> dates (when) -> assemble (rows, confidence,
  the sentence's last filters) -> learned_detect (which candidates are kept: the rules' choice by default,
  Settings.detection) -> cameo (label, root, quad class, Goldstein, PLOVER).
  Shared words: words.py and analytics/lexicons/coding_words.yaml; actor roles: kinds.py.

Rules, in short (each module's docstring holds the details):
- The source is the nearest subject before the verb; a passive takes its "by" agent; a nominal event
  its possessive or pre-modifier ("their takeover", "Russian airstrikes").
- The target is the first actor after the trigger in its clause that is not a place, a topic or the source.
  With Settings(target_model="shipped") (opt-in; docs/BENCHMARKS.md, "Learned target chooser") a learned
  chooser (learned_target.py, models/target.json) may replace the rules' target, or their "no target", by
  another actor of the sentence or the story when it scores clearly better.
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
- Roots by actor: force by protesters or civilians is a violent protest (145) on their own state's buildings,
  unconventional violence (180) on people or a foreign state; by police (or by troops on protesters, or with
  tear gas) violent repression (175); by an armed group on civilians 180; a named person killed outside battle
  is assassinated (186), by soldiers as by gunmen; troops landing, entering or pushing into a place attack it
  (190), arriving or being sent deploy (154), sent abroad "to help" protect (074), leaving a country withdraw
  (0874); peacekeepers landing protect (074); taking people is an arrest (173) by a state, an abduction (181)
  by anyone else; a ship or aircraft seized is property (171).
- Roots by weapon, aim, object and doer (codes.py): a weapon of mass destruction used is 2041/2042, a nuclear
  blast at no one a test (150); force at no one ("into the sea", "a show of force") 150; a thousand or more
  killed 202; a court's ruling 111, finding guilty 116, a person handed to a court or another state 063;
  "or face ..." an ultimatum (139); hours "to leave" an expulsion.
- Not events: background ("was in Singapore for a summit", "a freeze in visits", "in custody"), a subject's
  description ("mobs armed with machetes", "leaders meeting in Auckland"), a document's content ("a
  resolution condemning X"), the frame of an act ("as part of an inquiry"), a speaker's audience ("told a party
  congress"), nature as subject ("an earthquake killed"), leaving a place, dying.
- Statements: a plain statement (010) is a speech act; future cooperation announced by its doer is an intent
  (03), and so is a statement of what the speaker's own side will do, when nothing else is coded; a body's
  decision to act ("decided to send a mission") is the act.

>>> rows = code_text("The Taliban seized Kabul in August 2021.", None)   # doctest: +SKIP
"""
from __future__ import annotations

from datetime import date

from analytics.coding import assemble, cameo, codes, learned_detect, learned_target, participants
from analytics.coding.context import Ctx, DEFAULT, Settings, sentence_mentions, story_country, update_discourse, \
    verb_after_country_name
from analytics.coding.dates import date_for
from analytics.coding.grammar import VIOLENT
from analytics.coding.mentions import ActorRef, PlaceRef, find_actors, find_places, find_timexes
from analytics.coding.modality import (drop_dependents, drop_subject_modifiers, filter_triggers, mark_reported,
    reduced_relative, threat, told_again)
from analytics.coding.text import sentences, tokens
from analytics.coding.triggers import Trigger, find_triggers


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
    events, coded = [], []
    filtered = filter_triggers(triggers, toks)
    independent = drop_dependents(filtered, toks)
    kept = drop_subject_modifiers(independent, toks, mentions)
    told = any(root in VIOLENT for root, _ in ctx.history)
    ctx.triggers = [trig for trig, _ in kept]
    for k, (trig, modality) in enumerate(kept):
        if told and told_again(toks, trig):
            continue    # "... were killed in the assault": the toll of the attack told before, no new event
        if k and reduced_relative(toks, mentions, kept[k - 1][0], trig):
            # "executed two men accused of spying", "urged Riyadh to free the activists detained last week": a
            # participle after the object describes it; without its own agent it tells no event ("a truce
            # brokered by Iran", with "by", is a passive with its doer and stays one)
            continue
        coded.append(trig)
        events.extend(_events_for(ctx, sent, toks, mentions, trig, modality))
    rule_kept = assemble.sentence_events(events)
    assemble.stated_intent(rule_kept, toks, mentions)
    if ctx.settings.detection != "rules":   # the triggers the rules set aside are candidates too
        events += learned_detect.dry_run(ctx, learned_detect.set_aside(triggers, (filtered, independent, kept), coded),
                                         lambda t: _events_for(ctx, sent, toks, mentions, t, "asserted"))
    mark_reported(events, toks)
    update_discourse(ctx, mentions, toks, rule_kept)
    return assemble.dedupe(learned_detect.select(events, toks, ctx.settings.detection))


def _events_for(ctx, sent, toks, mentions, trig: Trigger, modality: str) -> list[dict]:
    """The rows of one trigger: who, what code, where, when."""
    code = cameo.normalise_code(trig.code)
    if code is None or codes.naming(toks, trig):
        return []
    found = participants.sources_for(ctx, toks, mentions, trig, code)
    if found is None:
        return []
    sources, how, passive_subject = found
    code = codes.by_words(toks, trig, code, sources)
    if code is None:
        return []
    speech = codes.is_speech(trig, code)
    targets = participants.targets_for(ctx, sent, toks, mentions, trig, code, sources, speech, passive_subject)
    sources, targets = participants.between_sides(toks, mentions, trig, sources, targets)
    code, sources, targets = codes.refine(ctx, toks, mentions, trig, code, how, sources, targets)
    places = participants.places_for(ctx, sent, toks, mentions, trig, code, sources, targets)
    code, modality = threat(toks, trig, code, modality)
    targets = participants.other_side(toks, mentions, code, speech, sources, targets, places)
    root = code[:2]
    sources, how = participants.protest_source(mentions, root, places, sources, how)
    if assemble.no_event(toks, mentions, trig, code, sources, targets, places):
        return []
    date_fields = date_for(ctx, sent, toks, trig)
    targets, pairs = participants.reciprocal(toks, trig, code, root, sources, targets)
    participants.note_pair(ctx, sent, root, sources, targets)
    rows, material_sources = assemble.rows(ctx, sent, toks, mentions, trig, code, modality, speech, how,
                                           sources, targets, pairs, places, date_fields)
    rows = learned_target.choose(ctx, toks, mentions, trig, code, modality, sources, places, rows, pairs)
    participants.note_material(ctx, sent, trig, root, modality, material_sources)
    return rows
