"""Sentence-level event assembly: whether a coded trigger is an event at all, its confidence, its rows
(one per place x source x target, or per reciprocal pair), and the sentence's last filters (a landing
that began an attack, a speech act beside other events, duplicates).

>>> confidence_of(0.3, "verb", "text", True, False)
0.85
"""
from __future__ import annotations

from analytics.coding import cameo, participants
from analytics.coding.codes import ARRIVAL_BY_TYPE
from analytics.coding.context import same_actor
from analytics.coding.grammar import SUBORDINATORS, VIOLENT, clause_end
from analytics.coding.triggers import Trigger
from analytics.coding.words import ARRIVAL_VERBS, CARRY_VERBS, DEPARTURE_VERBS, DISASTERS, OBJECT_PRONOUNS, SELF_ACTS

BASE_CONFIDENCE = 0.85


def no_event(toks, mentions, trig: Trigger, code: str, sources, targets, places) -> bool:
    """Is the coded trigger no event between actors?"""
    if not sources and not targets and not (code[:2] in VIOLENT and trig.kind == "verb" and places):
        return True     # (a violent act without actors may still have a place whose country it struck)
    if not targets and trig.lemma in SELF_ACTS and len(sources) < 2:
        return True     # "Morales resigned": an act on oneself, with no other party, is no event between actors
    if trig.lemma in CARRY_VERBS and code[:2] != "15" and (trig.passive or _object_follows(toks, mentions, trig)):
        return True     # "flew him to Costa Rica", "was flown to Moscow": carrying someone is how, not a visit
        # ("flew paratroopers to its air base": carrying troops deploys them, 154)
    if trig.lemma in DEPARTURE_VERBS and code[:2] == "04":
        return True     # "after the airliner left Athens", "the ambassador left Moscow": leaving is no visit
    if trig.kind == "verb" and not trig.passive and _natural_subject(toks, mentions, trig):
        return True     # "after an earthquake killed 2,000 people": nature is no actor
    if trig.kind == "verb" and trig.passive and _natural_agent(toks, trig):
        return True     # "hospitals overwhelmed by the coronavirus", "towns hit by the cyclone": nor as an agent
    return False


def _natural_subject(toks, mentions, trig: Trigger) -> bool:
    """Is a natural disaster ("an earthquake", "floods") the subject, between the trigger and the nearest
    actor or clause start before it? In a subject relative clause the subject is the antecedent: "Typhoon
    Haiyan, which killed thousands", "floods that swept away villages"."""
    k = trig.start - 1
    while k > 0 and toks[k].lower.endswith("ly"):
        k -= 1
    if k >= 1 and toks[k].lower in {"which", "that"}:
        head = k - 2 if toks[k - 1].lower == "," else k - 1
        if any(toks[j].lower in DISASTERS for j in range(max(0, head - 2), head + 1)):
            return True
    for k in range(trig.start - 1, max(-1, trig.start - 8), -1):
        if toks[k].lower in DISASTERS:
            return True
        if clause_end(toks, k) or toks[k].lower in SUBORDINATORS or any(m.t0 <= k < m.t1 for m in mentions):
            return False
    return False


def _natural_agent(toks, trig: Trigger) -> bool:
    """Is the passive's "by" agent a natural disaster or a disease ("overwhelmed by the coronavirus")?"""
    k = trig.end
    if k >= len(toks) or toks[k].lower != "by":
        return False
    return any(t.lower in DISASTERS for t in toks[k + 1:k + 4])


def _object_follows(toks, mentions, trig: Trigger) -> bool:
    k = trig.end
    return k < len(toks) and (toks[k].lower in OBJECT_PRONOUNS or any(m.t0 == k for m in mentions))


def confidence(ctx, trig: Trigger, how: str, sources, targets) -> float:
    """How sure the row is: lower for a nominal event, a pronoun source, no target, a guessed country;
    the settings' discourse confidence for an actor carried over from earlier sentences."""
    guessed = bool(ctx.story) and any(a.kind == "person" and a.country is None
                                      and not (a.code or "").startswith(("IGO", "NGO"))
                                      for a in list(sources) + list(targets))
    return confidence_of(ctx.settings.discourse_confidence, trig.kind, how, bool(targets), guessed)


def confidence_of(discourse: float, kind: str, how: str, has_target: bool, guessed: bool) -> float:
    value = BASE_CONFIDENCE
    if kind == "nominal":
        value -= 0.1
    if how == "pronoun":
        value -= 0.1
    if not has_target:
        value -= 0.1
    if how == "discourse":
        value = discourse
    if guessed:
        value -= 0.05   # a bare-title person's country is the story's: a guess (roles.source_country)
    return value


def rows(ctx, sent, toks, mentions, trig: Trigger, code: str, modality: str, speech: bool, how: str,
         sources, targets, pairs, places, date_fields: dict) -> tuple[list[dict], list]:
    """The event's rows, one per place and (source, target) pair, and the sources found with a country
    (the doers a later reaction may target)."""
    label, root, quad, goldstein = cameo.event_info(code)
    conf = round(max(0.05, min(0.99, confidence(ctx, trig, how, sources, targets))), 2)
    out, material_sources = [], []
    for place in places or [None]:
        srcs, tgt_list = participants.actors_at(ctx, toks, mentions, trig, code, root, place, sources, targets, speech)
        if pairs:   # each side of a reciprocal event, with the country found for it
            pairs = [(a, b) for a in srcs for b in srcs if a is not b and not same_actor(a, b)]
        combos = pairs or [(src, tgt) for src in srcs or [None] for tgt in tgt_list or [None]]
        material_sources.extend(s for s in srcs if s.country)
        for src, tgt in combos:
            if src is not None and tgt is not None and same_actor(src, tgt):
                continue
            if src is None and tgt is None:
                continue    # "the tanker was attacked in the Gulf": no actor on either side
            out.append({
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
                "confidence": conf,
                "modality": modality, "plover": cameo.plover(code),
                "_speech": speech, "_t": trig.start, "_t_end": trig.end, "_arrival": trig.lemma in ARRIVAL_VERBS,
                "_lemma": trig.lemma, "_kind": trig.kind, "_passive": trig.passive, "_how": how,
            })
    return out, material_sources


def sentence_events(events: list[dict]) -> list[dict]:
    """The events a sentence keeps of those its triggers gave; each row's "_rule" says why it was kept or not
    ("kept", "landing", "rescue", "speech"), so that learned_detect may reconsider the dropped ones."""
    for e in events:
        e["_rule"] = "kept"
    # "troops landed on the islands and took control of the port": the landing is how the same attack began
    landings = set(ARRIVAL_BY_TYPE.values())
    violent = {e["actor1"] for e in events if e["event_root"] == "19" and e["event_code"] not in landings}
    for e in events:
        if e["event_code"] in landings and e["_arrival"] and e["actor1"] in violent:
            e["_rule"] = "landing"
    # "French troops stormed a cave and freed 23 hostages": the hostages freed by the assault are its outcome (a
    # rescue), not a release by agreement (084 'Return, release' is a concession)
    attackers = {e["actor1"] for e in events if e["event_root"] == "19" and e["_rule"] == "kept"}
    for e in events:
        if e["_rule"] == "kept" and e["event_code"].startswith("084") and e["actor1"] in attackers:
            e["_rule"] = "rescue"
    kept = [e for e in events if e["_rule"] == "kept"]
    # A speech verb is only an event when nothing else in its sentence is.
    substantive = [e for e in kept if not e["_speech"]]
    happened = [e for e in substantive if e["modality"] not in ("negated", "hypothetical")]
    if happened or (substantive and not any(e["_speech"] for e in kept)):
        for e in kept:
            if e["_speech"]:
                e["_rule"] = "speech"
        return substantive
    # else: only denied or hypothetical content ("told reporters Russia had no plans to invade"): the statement
    # is what happened, and is kept beside its marked content
    return kept


def dedupe(events: list[dict]) -> list[dict]:
    """One row per (code, source, target, place, trigger), one statement per speaker; private keys dropped."""
    seen, out = set(), []
    for e in events:
        key = ("01", e["actor1"]) if e["_speech"] else (e["event_code"], _side(e), e["actor2"], e["location"], e["_t"])
        if key in seen:
            continue
        seen.add(key)
        for private in PRIVATE_KEYS:
            e.pop(private, None)
        out.append(e)
    return out


# the keys rows carry between the sentence's steps (learned_detect reads them), dropped before rows leave the coder
PRIVATE_KEYS = ("_speech", "_t", "_t_end", "_arrival", "_lemma", "_kind", "_passive", "_how", "_rule")

UNIT_TYPES = {"MIL", "COP"}


def _side(e: dict):
    """The source as one actor: the units of one state's armed force or police ("Russian tanks and troops",
    "soldiers and police officers" of one country) are one actor, CAMEO code country + role (RUSMIL)."""
    kind = (e["actor1_type"] or "")[-3:]
    if kind in UNIT_TYPES and e["actor1_country"]:
        return (e["actor1_country"], kind)
    return e["actor1"]


def stated_intent(events: list[dict], toks, mentions) -> None:
    """A statement of what the speaker's side will do ("announced that it would build submarines", "said New
    Zealand's gun laws would change") is an intent (030), when nothing else of the sentence was coded."""
    if any(not e["_speech"] for e in events):
        return
    for e in events:
        if not e["event_code"].startswith("01") or e["modality"] != "asserted":
            continue
        # the complement's subject: after "that" ("announced on Thursday that it would"), else right after the verb
        k = next((j + 1 for j in range(e["_t_end"], min(len(toks) - 1, e["_t_end"] + 5)) if toks[j].lower == "that"),
                 e["_t_end"])
        if k >= len(toks):
            continue
        end = min(len(toks) - 2, k + 6)
        modal = next((j for j in range(k + 1, end) if toks[j].lower in {"would", "will", "'ll"}), None)
        if modal is None or toks[modal + 1].lower in {"not", "n't", "never", "be"}:
            continue
        verb = toks[modal + 1].lower.upper()
        if verb in SELF_ACTS or f"{verb}_{toks[modal + 2].lower.upper()}" in SELF_ACTS:
            continue    # "announced that he would resign": an act on oneself, no intent towards anyone
        own = toks[k].lower in {"it", "we", "he", "she", "they"} or any(
            k <= m.t0 < modal and m.ref.country and m.ref.country == e["actor1_country"] for m in mentions)
        if own:
            label, root, quad, goldstein = cameo.event_info("030")
            e.update(event_code="030", event_root=root, event_label=label, quad_class=quad, goldstein=goldstein,
                     plover=cameo.plover("030"))
