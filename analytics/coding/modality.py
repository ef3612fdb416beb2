"""Which triggers become events, and with which modality (asserted, negated, hypothetical, reported).

- negation in the verb chain ("has not evacuated", "should not rush to recognize") -> negated;
- modals, intent words, infinitives after "plans/needs/efforts to" -> hypothetical;
- an infinitive governed by a coded verb ("pledged to provide") and a purpose infinitive ("troops to help
  counter threats") are not separate events; nor is the complement of a verbal act ("warned that ...
  would retaliate"), a participle elaborating the event before it (", killing two marines"), or the
  means of an attack ("killed when their plane was shot down").

Glue for the coder, after the actors are known: `reduced_relative` ("two men accused of spying": a
description, no event), `threat` (one's own future force announced is a threat made), `mark_reported`
("X attacked Y, officials said": reported, not witnessed).
"""
from __future__ import annotations

from analytics.coding import cameo
from analytics.coding.grammar import (EVENT_NOUNS, INFINITIVE_GOVERNORS, INTENT, IRREGULAR_PAST, MODALS, NEGATORS, PAST_AUX,
    REPORT_WORDS, VERBAL_GOVERNORS, VIOLENT, clause_end)
from analytics.coding.lexicon import load
from analytics.coding.text import Token
from analytics.coding.triggers import CLAUSE_STOP, PREPOSITIONS, Trigger
from analytics.coding.words import (ADMISSIONS, ARTICLES, BE, DOCUMENTS, PAUSES, FUNCTION_WORDS, FUTURE_MODALS, OBJECT_OPENERS,
    POSSESSIVE_DETS, QUOTES, REPORT_LEMMAS, SPEECH_LEMMAS)
from analytics.coding.words import WILLING, AMID_NOUNS, FACE_FORMS


VOTE_VERBS = {"VOTE"}
# "agreed to lift export controls", "agreed to deploy four battalions": an agreement to yield, to deploy or to
# reduce relations is the act agreed (the doer concedes or decides it), as "voted to" and "decided to" are;
# an agreement to meet or to cooperate stays an intent (03).
AGREE_VERBS = {"AGREE"}
AGREED_ACTS = {"08", "15", "16"}


def filter_triggers(triggers: list[Trigger], toks: list[Token]) -> list[tuple[Trigger, str]]:
    """Attach modality; drop infinitive complements of another coded trigger ("pledged to provide")
    and purpose infinitives ("troops to help counter threats")."""
    out: list[tuple[Trigger, str]] = []
    coded_ends: list[int] = []
    for trig in triggers:
        modality, drop = _modality(toks, trig, coded_ends)
        if not drop and modality == "asserted" and out and trig.start >= 1 and toks[trig.start - 1].lower in {"and", "or"} \
                and out[-1][1] == "hypothetical" and trig.kind == "verb":
            modality = "hypothetical"     # "efforts to stabilize ... and ensure": the coordinated verb shares the mood
        if drop:
            if out and (out[-1][0].lemma in INSTRUMENT_VERBS and _material(trig) and not _material(out[-1][0])
                        or out[-1][0].lemma in VOTE_VERBS and trig.kind == "verb"
                        and toks[trig.start - 1].lower == "to"
                        or out[-1][0].lemma in AGREE_VERBS and trig.kind == "verb" and toks[trig.start - 1].lower == "to"
                        and (cameo.normalise_code(trig.code) or "00")[:2] in AGREED_ACTS) \
                    and not any(t.lower in CLAUSE_STOP for t in toks[out[-1][0].end:trig.start]):
                # "signed a treaty to annex Crimea": the document is how; what it does is the event
                # ("parliament voted to demand the withdrawal": what the vote decides is the event)
                out[-1] = (trig, out[-1][1])
            continue
        out.append((trig, modality))
        coded_ends.append(trig.end)
    return out


def _in_protest(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """Is the trigger the adjunct "in protest" after another act of its clause, or inside the phrase of what
    that adjunct protests against ("in protest against/at/over X", up to the next comma)?"""
    k = trig.start - 1
    while k >= prev.end and not (toks[k].lower == "in" and k + 1 < len(toks) and toks[k + 1].lower == "protest"):
        if toks[k].lower in {",", ";"} or clause_end(toks, k):
            return False
        k -= 1
    if k < prev.end:
        return False
    if trig.start == k + 1:
        return True     # the nominal "protest" itself
    return k + 2 < trig.start and toks[k + 2].lower in {"against", "at", "over"}




def _faced(toks: list[Token], trig: Trigger) -> bool:
    """Is the nominal the object of "face" ("faced no imminent threat", "would face tough sanctions"), with no
    "by" doer after it? To face an act is to undergo it: the subject of "face" is its target, never its doer."""
    if trig.end < len(toks) and toks[trig.end].lower == "by":
        return False
    start = trig.start
    if start >= 2 and toks[start - 1].lower == "of" and toks[start - 2].text[:1].islower():
        start -= 2  # "faced no imminent threat of invasion": the act feared is part of what is faced
    k = start - 1
    while k >= 0 and start - k <= 3 and toks[k].lower not in FACE_FORMS and toks[k].text[:1].islower() \
            and toks[k].lower.isalpha() and toks[k].lower not in PREPOSITIONS | CLAUSE_STOP:
        k -= 1      # determiners, "no", adjectives: "face a possible ground offensive"
    return k >= 0 and toks[k].lower in FACE_FORMS


def _apposition(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """", the first visit by ...": a noun phrase after a comma that renames the event before it."""
    k = trig.start - 1
    while k > prev.end and toks[k].lower not in OBJECT_OPENERS and toks[k].lower != ",":
        k -= 1
    while k > prev.end and toks[k].lower in OBJECT_OPENERS:
        k -= 1
    return k > prev.end and toks[k].lower == "," and trig.start - k <= 4


def _reason_or_means(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """Is the -ing verb in a "for V-ing" (the reason) or "by V-ing ... and V-ing" (the means) phrase after the
    verb before it, in the same clause?"""
    if not toks[trig.start].lower.endswith("ing"):
        return False
    between = range(prev.end, trig.start)
    if any(toks[k].lower in CLAUSE_STOP or clause_end(toks, k) and toks[k].lower not in {"and"} for k in between):
        return False
    k = trig.start - 1
    while k > prev.end and toks[k].lower.endswith("ly"):
        k -= 1      # "for allegedly wearing"
    if toks[k].lower in {"for", "by"}:
        return True
    return any(toks[j].lower == "by" and toks[j + 1].lower.endswith("ing") for j in between) \
        and toks[trig.start - 1].lower == "and"


def _period_relative(toks: list[Token], trig: Trigger) -> bool:
    """Is the verb in a relative clause on a period ("four decades in which Madrid had refused", "years during
    which")? It describes the period, history before the news."""
    for k in range(trig.start - 1, max(0, trig.start - 6), -1):
        if toks[k].lower == "which" and k >= 2 and toks[k - 1].lower in {"in", "during"}:
            return toks[k - 2].lower in TIME_UNITS | YEAR_UNITS
        if toks[k].lower in CLAUSE_STOP or toks[k].lower == ",":
            return False
    return False


def _subject_relative(toks: list[Token], trig: Trigger, later: list[Trigger]) -> bool:
    """Is the verb in a non-restrictive relative clause on the sentence's subject, set off by commas before
    the main verb (", who led the party to power in 1949, had died", ", who founded the group, was
    arrested")? It describes the subject; the main verb after it tells the news."""
    # (", the US envoy who chaired peace talks in London, had urged ...": inside the apposition on the subject,
    # the relative clause's verb or its nominal object)
    if trig.kind == "nominal":
        who = next((k for k in range(trig.start - 1, max(0, trig.start - 5), -1)
                    if toks[k].lower == "who" or toks[k].lower in {","} | CLAUSE_STOP), None)
    elif trig.kind.startswith("verb"):
        who = trig.start - 1
    else:
        return False
    if who is None or who < 1 or toks[who].lower != "who":
        return False
    opener = next((k for k in range(who - 1, max(-1, who - 10), -1) if toks[k].lower in {","} | CLAUSE_STOP), None)
    if opener is None or toks[opener].lower != ",":
        return False
    close = next((k for k in range(trig.end, len(toks)) if toks[k].lower in {","} | CLAUSE_STOP), None)
    if close is None or toks[close].lower != ",":
        return False
    nxt = toks[close + 1].lower if close + 1 < len(toks) else ""
    return nxt in PAST_AUX | BE | {"will", "would"} or any(t.start == close + 1 for t in later)


def _descriptive_relative(toks: list[Token], trig: Trigger) -> bool:
    """A present-tense verb in a non-restrictive relative clause (", which occupies ...")."""
    w = toks[trig.start].lower
    return trig.start >= 2 and toks[trig.start - 1].lower in {"which", "who"} and toks[trig.start - 2].lower == "," \
        and not w.endswith("ed") and not w.endswith("ing") and w.endswith("s")


def _event_relative(toks: list[Token], trig: Trigger) -> bool:
    """Is the trigger the verb of a subject relative clause on an event noun ("the bombing, which killed
    five", "an attack that wounded 12")? The clause tells what that event did: a second mention of it."""
    k = trig.start - 1
    while k > 0 and toks[k].lower.endswith("ly"):
        k -= 1
    if k < 1 or toks[k].lower not in {"which", "that"}:
        return False
    head = toks[k - 1] if toks[k - 1].lower != "," else toks[k - 2] if k >= 2 else None
    return head is not None and (head.lower in EVENT_NOUNS or (head.lower,) in load().nominal
                                 or (head.lower[:-1],) in load().nominal)


MOTIVES = {"retaliation", "response", "revenge", "reprisal", "punishment", "protest", "responded", "reacted",
           "retaliated", "responding", "reacting", "retaliating", "reaction"}


def _motive(toks: list[Token], trig: Trigger) -> bool:
    """Is the nominal the object of "retaliation for", "in response to", "revenge for"?"""
    k = trig.start - 1
    while k >= 0 and trig.start - k <= 4 and toks[k].lower not in {"for", "to"}:
        k -= 1
    return k >= 1 and toks[k].lower in {"for", "to"} and toks[k - 1].lower in MOTIVES


DECISIONS = {"decided", "decides"}     # a body's decision to act is coded as the act (DECIDE itself codes nothing)


def _code3(trig: Trigger) -> str:
    return (cameo.normalise_code(trig.code) or "000")[:3]


TIME_UNITS = {"minutes", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"}


def _time_anchor(toks: list[Token], trig: Trigger) -> bool:
    """Is the nominal only a time reference, a distance in time before "after"/"before" ("a day after the first
    air strikes", "weeks after riots at the match")? ("after 18 days of protests" names the protests' length:
    an event of its own.)"""
    k = next((j for j in range(trig.start - 1, max(-1, trig.start - 6), -1) if toks[j].lower in {"after", "before"}),
             None)
    return k is not None and any(t.lower in TIME_UNITS for t in toks[max(0, k - 2):k])


YEAR_UNITS = {"year", "years", "decade", "decades", "century", "centuries"}


def _history(toks: list[Token], trig: Trigger) -> bool:
    """Is the verb in a clause dated only as years before the sentence's event ("more than eight years after
    Moscow sent them in", "13 years after he was indicted")? News tells the past event as background to the
    reported one; days and weeks ("a day after the lower house impeached him") still tell the news story."""
    k = next((j for j in range(trig.start - 1, max(-1, trig.start - 6), -1)
              if toks[j].lower in {"after", "before", "since"} or clause_end(toks, j) and toks[j].lower not in
              SUBORDINATORS_OF_TIME), None)
    return k is not None and toks[k].lower in SUBORDINATORS_OF_TIME and any(
        t.lower in YEAR_UNITS for t in toks[max(0, k - 2):k])


SUBORDINATORS_OF_TIME = {"after", "before", "since"}


def _years_of(toks: list[Token], trig: Trigger) -> bool:
    """Is the nominal the process of a span of years after "after/since/ending" ("after 38 years of occupation",
    "since decades of war")? A span of years tells history (days and weeks still tell the news story)."""
    k = trig.start - 1
    while k > 0 and trig.start - k <= 3 and toks[k].lower != "of":
        k -= 1
    if k < 1 or toks[k].lower != "of" or toks[k - 1].lower not in YEAR_UNITS:
        return False
    return any(t.lower in SUBORDINATORS_OF_TIME for t in toks[max(0, k - 5):k - 1])




def _amid_content(toks: list[Token], trig: Trigger) -> bool:
    """Is the trigger in the content clause of "amid signs/fears/reports that ..." (up to 8 words after "that")?"""
    for k in range(trig.start - 1, max(1, trig.start - 9), -1):
        if toks[k].lower in CLAUSE_STOP:
            return False
        if toks[k].lower == "that" and toks[k - 1].lower in AMID_NOUNS and k >= 2 and "amid" in {
                t.lower for t in toks[max(0, k - 4):k - 1]}:
            return True
    return False


def _background(toks: list[Token], trig: Trigger) -> bool:
    """A nominal event that only describes a state: after "for" in a clause whose verb is "to be" with a
    place ("the president was in Tanzania for a regional summit"), or the object of a pause ("a freeze in
    visits")."""
    k = trig.start - 1
    while k >= 0 and trig.start - k <= 4 and toks[k].lower not in {"for", "in", "on", "of", "to"}:
        k -= 1
    if k < 1:
        return False
    if toks[k].lower == "in" and toks[trig.end - 1].lower in {"custody", "detention", "captivity", "exile"}:
        return True     # "died in police custody": a state, not an arrest ("taken into custody" is one)
    if toks[k].lower in {"in", "on", "of", "to"}:
        return toks[k - 1].lower in PAUSES
    for j in range(k - 1, max(-1, k - 8), -1):
        if clause_end(toks, j) or toks[j].lower in {",", "that"}:
            return False
        if toks[j].lower in BE - {"get", "got", "gets"}:
            # ("was in Singapore for a summit", not "was responsible for an attack": a place between)
            return any(t.lower in {"in", "at"} for t in toks[j + 1:k])
    return False


def _document_content(toks: list[Token], trig: Trigger) -> bool:
    """Is the trigger a participle right after a document noun, or within five words after one and its
    participle, in the same clause?"""
    for k in range(max(0, trig.start - 6), trig.start):
        if toks[k].lower in DOCUMENTS and k + 1 <= trig.start and toks[k + 1].lower.endswith("ing") \
                and (k + 1 == trig.start or not any(clause_end(toks, j) or toks[j].lower in BE
                                                    for j in range(k + 1, trig.start))):
            return True
    return False


def _frame(toks: list[Token], trig: Trigger) -> bool:
    """Is the nominal in "(as) part of a/an/its ...", within three words before it?"""
    words = [t.lower for t in toks[max(0, trig.start - 5):trig.start]]
    return any(words[k:k + 2] == ["part", "of"] and len(words) - k - 2 <= 3 for k in range(len(words)))


SETTING_PREPS = {"at", "during", "amid"}


def _setting(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """"at a peace rally", "during a summit": a nominal event in a place-like phrase after the verb."""
    k = trig.start - 1
    while k > prev.end and k >= trig.start - 3 and toks[k].lower not in SETTING_PREPS:
        k -= 1
    return toks[k].lower in SETTING_PREPS and not any(clause_end(toks, j) for j in range(prev.end, k))


# Verbs of signing or ordering a document whose content, when material ("a treaty to annex", "a decree
# annexing"), is the event itself.
INSTRUMENT_VERBS = {"SIGN", "RATIFY", "APPROVE", "ISSUE", "VOTE"}     # "voted to impose sanctions"


def _material(trig: Trigger) -> bool:
    return (cameo.normalise_code(trig.code) or "00")[:2] in {"15", "16", "17", "18", "19", "20"}


def _participle_clause(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """Is the -ing trigger a participle elaborating the verb before it ("..., killing hundreds",
    "signed a declaration formally ending the war") rather than a verb of its own ("is hosting")?"""
    j = trig.start - 1
    while j > prev.end and toks[j].lower.endswith("ly"):
        j -= 1
    before = toks[j].lower
    if before in BE | PAST_AUX | {"by", "for", "after", "before", "of", "in", "on", "without", "while", "and", "to"}:
        return False
    return not any(t.lower in CLAUSE_STOP for t in toks[prev.end:trig.start])


# Legal acts whose object phrase names the offence: convict (116), charge, indict, sentence (173), sue (115);
# and a claim of responsibility (015), whose object names the act claimed
LEGAL_CODES = {"116", "173", "115", "1121", "015"}
LEGAL_PREPS = {"of", "for", "over", "with"}
INQUIRY_PREPS = {"into", "over", "of", "on", "about"}


def drop_dependents(kept: list[tuple[Trigger, str]], toks: list[Token]) -> list[tuple[Trigger, str]]:
    out: list[tuple[Trigger, str]] = []
    consequence_end = None
    for n_trig, (trig, modality) in enumerate(kept):
        root = (cameo.normalise_code(trig.code) or "00")[:2]
        prev = out[-1][0] if out else None
        prev_root = (cameo.normalise_code(prev.code) or "00")[:2] if prev else None
        # ", killing two marines": the consequence of the attack just coded, not a second attack
        named = trig.end < len(toks) and toks[trig.end].text[:1].isupper()
        # (", arresting Prime Minister X" after a coup: an arrest of someone named is an event of its own;
        # so is a killing after a coup, ", killing the premier": force is no consequence of coercion)
        arrest = prev is not None and _code3(trig) in {"173", "174", "181"} and _code3(prev) not in {"173", "174", "181"}
        if prev is not None and prev.kind != "nominal" and trig.kind in ("verb", "verb+nominal") \
                and not (named and (root in {"11", "12"} or arrest)) and not (prev_root == "17" and root in VIOLENT) \
                and toks[trig.start].lower.endswith("ing") and _participle_clause(toks, prev, trig):
            # (", accusing Tehran of arming the rebels": an accusation that names whom it accuses is a
            # statement of its own; ", accusing it of ...", the reason given for the same act, is not)
            if prev.lemma in INSTRUMENT_VERBS and _material(trig) and not _material(prev):
                out[-1] = (trig, out[-1][1])    # "signed a treaty annexing Crimea": the annexation
            consequence_end = trig.end
            continue    # ", killing two marines", "formally ending the war": the same event's consequence
        if consequence_end is not None and trig.kind == "verb" and toks[trig.start].lower.endswith("ing") \
                and toks[trig.start - 1].lower == "and" and trig.start - consequence_end <= 4 and not arrest:
            consequence_end = trig.end
            continue    # ", killing four and wounding nine": the same consequence, coordinated
        if prev is not None and trig.kind == "nominal" and prev.kind != "nominal" and prev_root in VIOLENT | {"17"} \
                and root in VIOLENT and any(t.lower in ARTICLES for t in toks[max(0, trig.start - 3):trig.start]) \
                and any(t.lower in {"in", "during", "with"} for t in toks[max(prev.end, trig.start - 4):trig.start]) \
                and not any(clause_end(toks, k) for k in range(prev.end, trig.start)):
            continue    # "captured two soldiers in a cross-border raid": the raid is how, not another event
        if prev is not None and trig.kind == "nominal" and root == prev_root and prev.kind != "nominal" \
                and not any(clause_end(toks, k) for k in range(prev.end, trig.start)):
            continue    # "travelled to Berlin for talks": the visit and the talks are one consultation
        if trig.kind == "verb" and root in VIOLENT and _event_relative(toks, trig):
            continue    # "claimed the attacks, which killed 30 people": the attack named again, its toll
        if prev is not None and trig.kind == "verb" and _reason_or_means(toks, prev, trig):
            continue    # "removed her from office for breaking budget laws", "defied him by holding a session
            # and voting to revoke the decrees": the reason or the means of the act before, no act of its own
        if trig.kind == "verb" and toks[trig.start].lower.endswith("ing") and trig.start > 0 \
                and toks[trig.start - 1].lower == "without":
            continue    # "adjourned without voting on the reforms": the act not done is the manner of another
        if trig.kind == "verb" and _period_relative(toks, trig):
            continue    # "four decades in which Madrid had refused to recognise": the period described
        if _subject_relative(toks, trig, [t for t, _ in kept[n_trig + 1:]]):
            continue    # "Mao Zedong, who led the party to power in 1949, had died": the subject described
        if trig.kind == "verb" and _descriptive_relative(toks, trig):
            continue    # "Israel, which occupies the West Bank, demolished ...": a state described, no event
        if trig.kind == "nominal" and _motive(toks, trig):
            continue    # "in retaliation for a nightclub bombing": the motive names an earlier event
        if prev is not None and trig.kind == "nominal" and root == prev_root and _apposition(toks, prev, trig):
            continue    # "visited Pyongyang on Thursday, the first visit by a Chinese leader": the same visit
        if prev is not None and _in_protest(toks, prev, trig):
            continue    # "postponed a state visit in protest against US spying on her calls": the protest is the
            # act before, done in protest; what it protests against is its motive, no event of its own
        if trig.kind == "nominal" and _faced(toks, trig):
            continue    # "Turkey would face sanctions", "leave or face arrest": what the subject would suffer, whose
            # doer is not written; "face attacks by militias" names its doer and stays an event
        if prev is not None and any(toks[k].lower == "face" and toks[k - 1].lower == "or"
                                    for k in range(max(prev.end, trig.start - 4, 1), trig.start)):
            continue    # "to withdraw or face a ground offensive": the consequence threatened, not an event
        if prev is not None and trig.kind == "nominal" and prev.lemma in SPEECH_LEMMAS | {"ADDRESS"} \
                and trig.start - prev.end <= 3 and not any(toks[k].lower in PREPOSITIONS for k in range(prev.end, trig.start)):
            continue    # "told a party congress", "addressed the summit": the audience, not an event
        if prev is not None and trig.kind == "nominal" and _years_of(toks, trig):
            continue    # "left Gaza, completing the withdrawal after 38 years of occupation": history, no news
        if prev is not None and _amid_content(toks, trig):
            continue    # "amid signs that the Soviet Union might send troops": the background the act answers
        if prev is not None and trig.kind != "nominal" and _history(toks, trig):
            continue    # "withdrew, more than eight years after Moscow sent them in": history, no news event
        if trig.kind == "nominal" and (_background(toks, trig) or prev is not None and _time_anchor(toks, trig)):
            continue    # "was in Singapore for a summit", "a five-year freeze in visits": a state, no event
        if _document_content(toks, trig):
            continue    # "vetoed a resolution condemning Syria", "a resolution calling for a ceasefire was vetoed":
            # the document's content, not its maker's act
        if prev is not None and trig.kind == "nominal" and _frame(toks, trig):
            continue    # "searched the estate as part of an inquiry": the frame of the act before, no new event
        if trig.kind == "nominal" and trig.start > 0 and toks[trig.start - 1].lower == "from":
            continue    # "released X from house arrest": the state left is no new event
        if trig.kind == "nominal" and any(t.lower == "despite" for t in toks[max(0, trig.start - 3):trig.start]):
            continue    # "arrived despite warnings from Beijing": a concession names background, no new event
        if prev is not None and trig.kind == "nominal" and prev.kind != "nominal" and root != prev_root \
                and toks[trig.start - 1].lower not in {"of"} and _setting(toks, prev, trig):
            continue    # "was shot dead at a peace rally": the rally is where, not another event
        if prev is not None and prev.kind == "nominal" and trig.kind == "verb" and prev.end == trig.start \
                and root in VIOLENT and prev_root in VIOLENT:
            continue    # "a US drone strike killed the general": the strike is the killing's subject, one attack
        if prev is not None and prev.kind == "nominal" and trig.kind == "verb" and trig.passive \
                and all(t.lower in BE | {"also", "later", "formally"} for t in toks[prev.end:trig.start]):
            # "The sanctions were imposed by the EU", "The peace deal was signed by X and Y": the noun names
            # what the passive verb did; one event, with the noun's code, at the verb
            out[-1] = (Trigger(trig.start, trig.end, prev.code, trig.lemma, "verb", True), out[-1][1])
            continue
        if prev is not None and root in VIOLENT and prev_root in VIOLENT and any(
                t.lower in {"when", "as"} for t in toks[prev.end:trig.start]) and trig.start - prev.end <= 6:
            continue    # "were killed when their plane was shot down": the means of the same attack
        governed = False
        for g, _ in out:
            g_root = (cameo.normalise_code(g.code) or "00")[:2]
            # a denial's content did not happen by its account ("denied that it had staged a coup")
            # (a court's ruling too: "ruled that Serbia had violated the convention" is the court's finding)
            if (g_root in VERBAL_GOVERNORS or g.code == "016" or g.lemma == "RULE") and g.kind == "verb" and (
                    modality == "hypothetical" or trig.kind == "nominal"
                    or any(toks[k].lower == "that" and "," not in {t.lower for t in toks[g.end:k]}
                           for k in range(g.end, trig.start))     # (", an offer that Kyiv dismissed": a relative)
                    or (toks[trig.start].lower.endswith("ing") and toks[trig.start - 1].lower in {"for", "of"})):
                governed = not any(t.lower in CLAUSE_STOP for t in toks[g.end:trig.start])
            # a verdict's or a charge's content is what the accused did, not a new act of the court
            # ("convicted X of genocide for the massacre", "charged 11 people over the killing")
            if g.code in LEGAL_CODES and g.kind == "verb" and trig.kind == "nominal" and any(
                    t.lower in LEGAL_PREPS for t in toks[g.end:trig.start]):
                governed = governed or not any(t.lower in CLAUSE_STOP for t in toks[g.end:trig.start])
            # an inquiry's subject is the event inquired into, reported, not a new act ("ordered an inquiry
            # into last week's massacre", "questioned officials over the explosion")
            if g_root == "09" and trig.kind == "nominal" and any(t.lower in INQUIRY_PREPS
                                                                 for t in toks[g.end:trig.start]):
                governed = governed or not any(t.lower in CLAUSE_STOP for t in toks[g.end:trig.start])
        if governed:
            continue
        out.append((trig, modality))
    return out


# Nouns of intent that, as a coded verb's object, carry their infinitive: "blocked its bid to join"
OBJECT_INTENTS = {"bid", "bids", "attempt", "attempts", "plan", "plans", "request", "application", "proposal",
                  "offer", "demand", "call", "calls", "decision", "move", "effort", "efforts"}


def _modality(toks: list[Token], trig: Trigger, coded_ends: list[int]) -> tuple[str, bool]:
    """(modality, drop) from the words before the trigger in its verb chain."""
    chain = []
    j = trig.start - 1
    while j >= 0 and len(chain) < 7:
        w = toks[j].lower
        if w in CLAUSE_STOP or w in {",", "that", "and", "who", "which", "\u201c", '"'}:
            break
        # a capitalised word inside the sentence is a name ("Theresa May", "Will Smith"), no modal
        chain.append((j, w if j == 0 or not toks[j].text[:1].isupper() else "_name_"))
        j -= 1
    words = [w for _, w in chain]
    negated = any(w in NEGATORS for w in words)
    if trig.kind in ("verb", "verb+nominal"):     # "agreed to resume talks" is the agreement only
        adv = 0
        while adv < len(words) and words[adv].endswith("ly"):
            adv += 1
        if adv < len(words) and words[adv] == "to":
            to_idx = chain[adv][0]
            gov = toks[to_idx - 1].lower if to_idx > 0 else ""
            if any(end == to_idx or (end == to_idx - 1 and toks[end].lower in {"not", "never"}) for end in coded_ends):
                return "hypothetical", True          # the governing event carries the meaning ("pledged not to invade")
            if gov in OBJECT_INTENTS and any(0 <= to_idx - 1 - end <= 3 and not any(
                    toks[k].lower in CLAUSE_STOP | {","} for k in range(end, to_idx)) for end in coded_ends):
                return "hypothetical", True          # "blocked Sweden's bid to join NATO": the bid's content
            if not negated and any(toks[j].lower in DECISIONS for j in range(max(0, to_idx - 5), to_idx)):
                return "asserted", False    # "decided on Friday to send a fact-finding mission": the decision's act
            if gov not in INFINITIVE_GOVERNORS and not negated and not any(w in MODALS for w in words):
                return "hypothetical", True          # a purpose clause, not an event of its own
            return ("negated" if negated else "hypothetical"), False
    if trig.kind == "nominal" and not negated:
        negated = trig.start > 0 and toks[trig.start - 1].lower == "no"
    if negated:
        return "negated", False
    if any(w in MODALS or w in INTENT for w in words):
        return "hypothetical", False
    if any(w in {"reportedly", "allegedly"} for w in words):
        return "reported", False
    return "asserted", False


def reduced_relative(toks, mentions, prev: Trigger, trig: Trigger) -> bool:
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


# Future force announced by its doer is a threat: of military force (138), of sanctions or coercion (131).
THREATENED = {"18": "138", "19": "138", "20": "138", "16": "131", "17": "131"}


# Future cooperation announced by its doer is an intent to cooperate (03): by the code planned, else its root.
INTENDED = {"04": "036", "045": "039", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312",
            "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
            "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
            "087": "0356"}


def threat(toks, trig: Trigger, code: str, modality: str) -> tuple[str, str]:
    """(code, modality) of a hypothetical act someone announced: "Turkey would retaliate, Erdogan said",
    "'We will destroy Hamas,' Netanyahu said": announcing one's own future force is a threat, and the
    threat is what happened; "said Germany would send tanks to Ukraine": future cooperation announced is an
    intent to cooperate (03)."""
    announced = any(t.lower in REPORT_WORDS or t.text in QUOTES for t in toks)    # someone said it
    if modality == "hypothetical" and code[:2] in THREATENED and announced and _future(toks, trig):
        return THREATENED[code[:2]], "asserted"
    if modality == "hypothetical" and code[:2] in {"04", "05", "06", "07", "08"} and announced \
            and _future(toks, trig):
        return INTENDED.get(code[:3], INTENDED[code[:2]]), "asserted"
    if modality == "hypothetical" and code[:2] == "13" and announced and _future(toks, trig):
        return code, "asserted"     # "said it would strike if ...": the threat itself was made
    if modality == "negated" and code[:2] in {"04", "05", "06", "07", "08"} and announced \
            and _future(toks, trig, negated=True):
        return REFUSED.get(code[:3], REFUSED[code[:2]]), "asserted"
    return code, modality


# Future cooperation refused by its doer ("said it would not recognise the new government", "will not
# withdraw the decree") is a rejection (CAMEO 12, "Reject"): the refusal is what happened. By the code
# refused, after the codebook's 12 lines: 125 "Reject proposal to meet, discuss, or negotiate", 121 "Reject
# material cooperation" (1211 economic, 1212 military), 122 "Reject request ... for material aid", 124
# "Refuse to yield" (1241 administrative sanctions, 1242 popular dissent, 1243 release, 1244 economic
# sanctions, 1245 international involvement, 1246 de-escalation), 120 otherwise ("would not recognise").
REFUSED = {"04": "125", "05": "120", "06": "121", "061": "1211", "062": "1212", "07": "122", "08": "124",
           "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}
# Words of willingness or intention before "to": "said he was willing to send a delegation", "said it plans to
# open an embassy" announce the act as "will" does (CAMEO 03, "Express intent to cooperate"; force announced so
# is a threat, 13).


def _future(toks, trig: Trigger, negated: bool = False) -> bool:
    """Is the trigger governed by "will"/"would" or "willing/ready/prepared to" (not "may", "should",
    "could"), without negation (with it, when `negated`: "would not recognise")?"""
    k, seen, neg = trig.start - 1, False, False
    while k >= 0 and k >= trig.start - 4 and toks[k].lower not in {",", "that"} | QUOTES:
        if toks[k].lower in {"not", "n't", "never"}:
            neg = True
        seen = seen or toks[k].lower in FUTURE_MODALS or (
            toks[k].lower in WILLING and k + 1 < len(toks) and toks[k + 1].lower == "to")
        k -= 1
    return seen and neg == negated


NOUN_DETS = {"the", "a"} | POSSESSIVE_DETS     # "the claims", "their claims": a noun, no reporting verb


def mark_reported(events: list[dict], toks) -> None:
    """"X attacked Y, officials said" / "Putin said Russia attacked": an asserted event with a reporting
    word outside its trigger is reported, not witnessed ("China's claims", "the claims" are nouns)."""
    said = {k for k, t in enumerate(toks) if t.lower in REPORT_WORDS and not (
        k > 0 and (toks[k - 1].lower in NOUN_DETS or toks[k - 1].lower.endswith("'s")))}
    for e in events:
        if e["modality"] == "asserted" and not e["_speech"] and said - set(range(e["_t"], e["_t_end"])):
            e["modality"] = "reported"


def drop_subject_modifiers(kept: list[tuple[Trigger, str]], toks, mentions) -> list[tuple[Trigger, str]]:
    """"Mobs armed with machetes killed ...", "exiles trained by the CIA landed ...": a past participle with
    "by"/"with" right after the subject, before the clause's own past-tense verb, describes the subject;
    it is no event of its own."""
    def modifier(i: int) -> bool:
        trig = kept[i][0]
        word = toks[trig.start].lower
        after = toks[trig.end].lower if trig.end < len(toks) else ""
        # ("Commonwealth leaders meeting in New Zealand suspended ...": a present participle with a place)
        if trig.kind != "verb" or trig.start == 0 or not (
                (word.endswith("ed") or word in IRREGULAR_PAST) and after in {"by", "with", "from"}
                or word.endswith("ing") and after in {"in", "at"}) \
                or any(t.lower in BE for t in toks[max(0, trig.start - 2):trig.start]):
            return False
        before = toks[trig.start - 1]
        if not (any(m.t1 == trig.start for m in mentions) or before.text[:1].islower() and before.lower.isalpha()
                and before.lower not in FUNCTION_WORDS and not before.lower.endswith("ly")):
            return False
        for later, _ in kept[i + 1:]:
            if any(clause_end(toks, k) for k in range(trig.end, later.start)):
                return False
            w = toks[later.start].lower
            if later.kind == "verb" and (w.endswith("ed") or w in IRREGULAR_PAST) \
                    and toks[later.start - 1].lower not in {"and", "or", ","}:
                return True
        return False
    return [kt for i, kt in enumerate(kept) if not modifier(i)]


ANAPHORIC_DETS = {"the", "that", "this"}


def told_again(toks, trig: Trigger) -> bool:
    """"Nineteen separatists and two soldiers were killed in the assault": a passive act of force without its
    doer, inside a definite event noun ("in the assault", "during the raid"), tells the toll of an attack the
    story has already told. The coder drops it when the story has coded an act of force before."""
    if trig.kind != "verb" or not trig.passive or (cameo.normalise_code(trig.code) or "00")[:2] not in VIOLENT:
        return False
    k = trig.end
    while k < len(toks) and k - trig.end < 3 and toks[k].lower.endswith("ly"):
        k += 1
    if k + 2 >= len(toks) or toks[k].lower not in {"in", "during"} or toks[k + 1].lower not in ANAPHORIC_DETS:
        return False
    head = toks[k + 2].lower
    return head in EVENT_NOUNS or (head,) in load().nominal
