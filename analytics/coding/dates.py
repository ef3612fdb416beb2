"""When an event happened (see `date_for`): the governing date expression, a coordinated clause's,
a historical narrative's month, or the publication week; never a false single day."""
from __future__ import annotations

import re
from datetime import timedelta

from analytics.coding import cameo
from analytics.coding.context import Ctx
from analytics.coding.grammar import IRREGULAR_PAST, MODALS, OBJ_PREPS, REPORT, REPORT_WORDS, SUBORDINATORS, \
    VERBAL_GOVERNORS, breaks, clause_end, is_verb_form, span_tokens
from analytics.coding.triggers import CLAUSE_STOP, Trigger
from analytics.coding.words import ARTICLES, RELATIVE_PRONOUNS

WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# "hours after the protesters stormed the building": a clause this close in time shares its neighbour's day
CLOSE_IN_TIME = {"hours", "minutes", "shortly", "moments", "soon", "just"}
# "bombed the airport on Monday as troops pushed deeper": a clause of the same moment shares its date
SAME_MOMENT = {"as", "when"}
# "before dawn", "after midnight": a preposition before a time of day, not a clause
TIMES_OF_DAY = {"dawn", "daybreak", "sunrise", "sunset", "dusk", "nightfall", "midnight", "noon", "midday"}
# ", drawing condemnation": a participle naming what the event brought about
CONSEQUENCES = {"drawing", "prompting", "sparking", "triggering", "provoking", "drawn", "earning"}
TIME_UNITS = {"days", "weeks", "months", "years", "hours", "day", "week", "month", "year"}
FINITE_AUX = {"is", "are", "was", "were", "has", "have", "had", "did"}
# "a day after", "two days before": a clause that many days from its neighbour's date
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "2": 2, "3": 3}
# the first word of a noun phrase after "after"/"before" ("after an attack", "after five years in prison")
PHRASE_OPENERS = {"a", "an", "the", "his", "her", "its", "their", "months", "weeks", "days", "years", "hours", "one",
                  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "decades"}
# past forms without "-ed" the shared list lacks ("after demonstrators set fire")
UNMARKED_PAST = {"set", "put", "cut", "shut", "let", "spread", "quit", "burst", "cast"}
# prepositions of time: "during Monday's rush hour", "since last year's election"
TIME_PREPS = {"during", "in", "at", "on", "by", "since", "until", "till", "before", "after", "through", "throughout"}
# present-tense verbs a "that" complement follows ("warns that"), not a relative clause
COMPLEMENT_VERBS = {"says", "warns", "insists", "believes", "claims", "argues", "thinks", "knows", "means", "shows",
                    "suggests", "admits", "denies", "fears", "hopes", "confirms", "announces", "stated", "say",
                    "warn", "insist", "believe", "claim", "argue", "think", "know", "fear", "hope", "deny", "so",
                    "such", "now"}
# "the compound where he had sheltered since 1992": a relative clause keeps its own date
RELATIVES = RELATIVE_PRONOUNS | {"where"}


def date_for(ctx: Ctx, sent, toks, trig: Trigger) -> dict:
    """The event's date, in order of preference:
    1. the nearest resolvable date expression in the trigger's clause (a participle clause, ", accusing
       Tehran of ...", is its main clause's; a bare weekday on a past-tense verb is the last one, never
       one after publication; a date in a relative clause, "where ..." or "the fire that ... on Sunday", or in
       the possessive, "next month's Olympics", is not the trigger's; "after"/"before" before a noun phrase,
       "after five years in prison", is crossed; "earlier this week" ends the day before publication);
    2. one in a clause coordinated with it ("declared himself president last week, and Trump
       recognised him"), of the same moment ("... on Monday as troops pushed deeper") or hours apart
       ("... early on Tuesday, hours after protesters stormed the building": the day before to that day) or
       days apart ("on Friday, a day after the parliament voted": Thursday);
    3. "overnight" in the trigger's clause, with no other date than its report's: the night up to the reporting date
       ("..., police said on Thursday"), else up to publication (checked first);
    4. "hours later", "minutes later": the day of the last day-precise date before it (hours: and the next);
       ", drawing condemnation": from the main clause's day to publication;
    5. in a historical narrative (the last explicit date of an earlier sentence lies more than a year
       before publication), a simple-past verb continues that story: the month (or longer period) of that
       date, basis "narrative";
    6. the publication week (the settings' fallback_days up to the publication date), basis "publication";
    7. nothing, without a publication date."""
    root = (cameo.normalise_code(trig.code) or "00")[:2]
    night = None if toks[trig.start].lower in REPORT else _overnight(ctx, sent, toks, trig)
    if night is not None:
        return night
    for strict in (True, False):
        found = _nearest_timex(ctx, sent, toks, trig, root, strict)
        if found is not None:
            best, widen, days_apart = found
            ctx.last_dated = (sent.start, best)
            basis = best.basis if best.basis in ("explicit", "relative", "narrative") else "relative"
            first, last, value = best.first_day, best.last_day, best.value
            other = _coordinated_timex(ctx, sent, toks, best)
            if other is not None:   # "on Tuesday night and Wednesday": both
                first, last = min(first, other.first_day), max(last, other.last_day)
            shift = _past_weekday_shift(ctx, toks, trig, best)
            if shift:
                first, last = first - shift, last - shift
                value = (first.isoformat() + value[10:]) if re.match(r"\d{4}-\d\d-\d\d", value or "") else value
            if widen:
                first = first - timedelta(days=1)
            if days_apart and best.precision == "day":   # "on Friday, a day after the parliament voted": Thursday
                first, last = first + timedelta(days=days_apart), last + timedelta(days=days_apart)
                value = first.isoformat()
            first, last = _not_after_publication(ctx, sent, toks, trig, best, first, last)
            return dict(date_start=first, date_end=last,
                        date_precision=best.precision or "unknown", date_expr=best.text, date_basis=basis,
                        timex_value=value)
    if ctx.dct is None:
        return dict(date_start=None, date_end=None, date_precision=None, date_expr=None, date_basis=None,
                    timex_value=None)
    later = _hours_later(ctx, sent, toks, trig) or _consequence(ctx, sent, toks, trig)
    if later is not None:
        return later
    story = _narrative(ctx, sent, toks, trig)
    if story is not None:
        return story
    return dict(date_start=ctx.dct - timedelta(days=ctx.settings.fallback_days - 1), date_end=ctx.dct,
                date_precision="week", date_expr=None, date_basis="publication", timex_value=None)


def _nearest_timex(ctx, sent, toks, trig: Trigger, root: str, strict: bool):
    """The nearest date expression governing the trigger, and whether the event lies hours before it in a
    clause of its own (its interval then starts a day earlier); None when there is none."""
    best, best_dist, best_widen, best_days = None, None, False, 0
    # ", accusing Tehran of ...", "..., suspending the constitution and detaining political leaders"
    participle = trig.start > 0 and toks[trig.start].lower.endswith("ing") and (
        toks[trig.start - 1].lower == "," or (toks[trig.start - 1].lower == "and" and any(
            toks[k].lower == "," and toks[k + 1].lower.endswith("ing") for k in range(trig.start - 1))))
    for t in ctx.timexes:
        if t.start < sent.start or t.end > sent.end or t.first_day is None or t.last_day is None:
            continue
        span = span_tokens(toks, t.start, t.end)
        if span is None:
            continue
        if _attributive(toks, span, trig) or _possessive(toks, span, trig):
            continue    # "an investigation into the awarding of the 2018 World Cup": the year names the cup
        if span[1] <= trig.start and _in_relative(toks, span[0]) and (
                breaks(toks, span[1], trig.start) or _perfect_then_simple(toks, span[0], trig)):
            continue    # "over the explosion that devastated Beirut on Tuesday, and 16 employees were detained",
                        # "dragged him from the compound where he had sheltered since 1992 and hanged him"
        if span[0] < trig.start:
            if _dates_report(toks, span[0]) and not (_future_complement(toks, trig) and not any(
                    toks[k].lower == "," for k in range(span[1], trig.start))):
                continue    # "said on Tuesday they had captured the towns": the date of the saying only
            lo, hi, dist = span[1], trig.start, trig.start - span[1]
        else:
            lo, hi, dist = trig.end, span[0], span[0] - trig.end
        bridges = set() if strict else _bridges(toks, lo, hi)
        widen, days_apart = False, 0
        # a clause boundary between them, except the timex's own preposition ("after ... in August");
        # the second pass lets a date cross "and" between coordinated clauses, a clause of the same moment
        # and one hours apart, nothing else
        for k in range(lo, hi):
            # "admitted on Sunday that its agents had sunk the ship in July": "that" opens the
            # complement clause, whose event keeps its own date
            if strict and span[0] < trig.start and toks[k].lower == "that":
                break
            if participle and toks[k].lower == "," and k + 1 < len(toks) and toks[k + 1].lower.endswith("ing"):
                continue    # ", accusing Tehran of arming rebels": the participle clause is its main clause's
            if _as_preposition(toks, k):
                continue    # "recognised the killings as genocide on Friday"
            if toks[k].lower in {"after", "before"} and k > 0 and toks[k - 1].lower in TIME_UNITS \
                    and _no_verb_until_clause(toks, k):
                continue    # "on Thursday, two days after its declaration of independence, and ... fought back"
            if toks[k].lower in {"after", "before"} and _verbless(toks, k + 1, span[0] if span[0] > k else hi,
                                                                  span[0] < k):
                continue    # "freed Gross on Wednesday after five years in prison, and the US released ...",
                            # "had seized the gendarmes after an attack on a police post last month"
            if toks[k].lower in RELATIVES:
                break       # "from the compound where he had sheltered since 1992": the relative clause's date
            if (k == span[0] - 1 and toks[k].lower == "since") or (
                    toks[k].lower in {"before", "after"} and k + 1 < len(toks) and toks[k + 1].lower in TIMES_OF_DAY):
                continue    # "have killed thousands since Thursday night" (since that day), "seized power before
                            # dawn on Friday" (but "gave Iraq until noon on Saturday" is a deadline)
            if toks[k].lower in {"while", "when"} and k + 1 < len(toks) and toks[k + 1].lower.endswith("ing"):
                continue    # "shot dead while celebrating Mass on Monday": a participle of the same moment
            if k in bridges:
                if span[0] < trig.start and toks[k].lower == "after" and toks[k - 1].lower == "hours" \
                        and _early(t.text, toks, span[0]):
                    widen = True    # "early on Tuesday, hours after protesters stormed ...": maybe the day before
                if span[0] < trig.start and toks[k].lower in {"after", "before"} and toks[k - 1].lower in {"day", "days"}:
                    n = COUNTS.get(toks[k - 2].lower) if k >= 2 else None
                    days_apart = n * (-1 if toks[k].lower == "after" else 1)
                continue
            if not strict and span[0] >= trig.end and toks[k].lower == "and" and clause_end(toks, k - 1):
                break       # "blamed X for the attack, and crowds stormed the embassy the next day": the later
                            # clause's date is its own
            if clause_end(toks, k) and (strict or toks[k].lower in CLAUSE_STOP | SUBORDINATORS
                                         or (toks[k].lower == "," and k + 1 < len(toks)
                                             and toks[k + 1].lower != "and")):
                break
        else:
            # "accused X of killing ... last month": the date is the complement's, not the accusation's
            # "agreed to meet again next year": the date of what was agreed, not of the agreement
            # (but "rejected independence from France for a third time on Sunday" is the rejection's)
            # (a bare weekday the tagger put after publication is still past for a past-tense verb: "rejected a
            # plan to reunify Cyprus in a referendum on Saturday")
            if span[0] >= trig.end and root in VERBAL_GOVERNORS | {"01"} and _verbal_complement(
                    toks, lo, hi, infinitive=ctx.dct is None or (
                        t.last_day > ctx.dct and not _past_weekday_shift(ctx, toks, trig, t))):
                continue    # ("applied to join NATO on Wednesday": a past date after "to" is the applying's)
            if best_dist is None or dist < best_dist:
                best, best_dist, best_widen, best_days = t, dist, widen, days_apart
    return None if best is None else (best, best_widen, best_days)


def _attributive(toks, span, trig: Trigger) -> bool:
    """Is the date a modifier of a noun other than the trigger ("the 2018 and 2022 World Cups", "its 1990
    borders")? (It dates that noun: "the 2016 election" is the election's date.)"""
    i, j = span
    if j != i + 1 or not (toks[i].text.isdigit() and len(toks[i].text) == 4) or i == 0 or j >= len(toks) \
            or toks[i - 1].lower not in {"the", "its", "their", "his", "her", "and"}:
        return False    # (a bare year only: "a 10-year war" measures the war its verb fought)
    if toks[i - 1].lower == "and" and not (i >= 3 and toks[i - 3].lower == "the" and toks[i - 2].text.isdigit()):
        return False
    k = j
    while k < len(toks) and (toks[k].lower in {"and", "or"} or toks[k].text.isdigit()):
        k += 1      # "the 2018 and 2022 World Cups"
    if k >= len(toks) or not toks[k].text.isalpha() or toks[k].lower in OBJ_PREPS | CLAUSE_STOP | {"and", "or"}:
        return False
    return trig.start not in (k, k + 1)


def _possessive(toks, span, trig: Trigger) -> bool:
    """"next month's Winter Olympics", "last week's election": a date in the possessive names the noun after it,
    not the trigger (unless the trigger is that noun)."""
    j = span[1]
    if span[0] > 0 and toks[span[0] - 1].lower in TIME_PREPS:
        return False    # "during Monday's morning rush hour": the noun is a time itself
    if toks[j - 1].lower.endswith(("'s", "’s")):
        j -= 1      # "month's": one token
    elif j >= len(toks) or toks[j].lower not in {"'s", "’s", "'"}:
        return False
    return not j < trig.start <= j + 4


def _in_relative(toks, start: int) -> bool:
    """Does the date at token `start` stand in a relative clause ("the explosion that devastated Beirut on
    Tuesday")? A "that" after a noun, with no clause boundary between; "said that" is a complement."""
    for j in range(start - 1, max(-1, start - 10), -1):
        w = toks[j].lower
        if w in {",", ";", ":", "and", "but"}:
            return False
        if w in {"where", "who"} and j > 0:
            return toks[j - 1].text[:1].islower() or toks[j - 1].text[:1].isupper()
        if w in {"that", "which"} and j > 0:
            prev = toks[j - 1]
            return prev.text.isalpha() and prev.text[:1].islower() and prev.lower not in REPORT | REPORT_WORDS \
                and not prev.lower.endswith("ed") and prev.lower not in TIME_UNITS | COMPLEMENT_VERBS
    return False


def _perfect_then_simple(toks, start: int, trig: Trigger) -> bool:
    """"where he had sheltered since 1992 and hanged him": a simple past after a past perfect clause (its date
    at `start`) goes with the main clause, not with it."""
    perfect = any(toks[j].lower == "had" for j in range(max(0, start - 6), start))
    return perfect and not any(toks[j].lower in {"had", "has", "have"} for j in range(max(0, trig.start - 3),
                                                                                     trig.start))


def _verbless(toks, lo: int, hi: int, closed: bool) -> bool:
    """Is the phrase from lo (after "after"/"before") up to hi, or up to a comma or "and" before it, free of a
    finite verb ("after five years in prison", not "after talks collapsed")? With `closed` (the trigger at hi
    follows the phrase) it must end before hi: "ousted Bashir on Thursday after months of protests" does not
    date the protests."""
    if lo >= len(toks) or not (toks[lo].lower in PHRASE_OPENERS or toks[lo].text.isdigit()):
        return False    # "after demonstrators set fire ...": a clause opens with its subject
    for j in range(lo, min(hi, len(toks))):
        w = toks[j].lower
        if w in {",", ";", ".", "and", "but"}:
            return j > lo
        if w in FINITE_AUX or w in MODALS or w in IRREGULAR_PAST or w in UNMARKED_PAST or (
                w.endswith("ed") and toks[j].text[:1].islower()):
            return False
    return hi > lo and not closed


def _not_after_publication(ctx, sent, toks, trig: Trigger, t, first, last):
    """"Arrested several suspects earlier this week", "killed hundreds earlier this month": an "earlier" period
    running past publication ends the day before it (an explicit "in July 2019" keeps its month)."""
    if ctx.dct is None or last <= ctx.dct or first > ctx.dct:
        return first, last
    span = span_tokens(toks, t.start, t.end)
    words = t.text.lower().split() + ([toks[span[0] - 1].lower] if span and span[0] > 0 else [])
    if "earlier" in words:
        return first, max(first, ctx.dct - timedelta(days=1))
    return first, last


def _coordinated_timex(ctx, sent, toks, best):
    """The date expression joined to `best` by "and"/"or" ("on Tuesday night and Wednesday"), or None."""
    span = span_tokens(toks, best.start, best.end)
    if span is None:
        return None
    for t in ctx.timexes:
        if t is best or not (sent.start <= t.start and t.end <= sent.end) or t.first_day is None \
                or t.last_day is None or t.precision != best.precision:
            continue
        other = span_tokens(toks, t.start, t.end)
        between = [x.lower for x in toks[span[1]:other[0]]] if other is not None else None
        if other is not None and other[0] >= span[1] and between in (["and"], ["or"], ["and", "on"]) \
                and abs((t.first_day - best.last_day).days) <= 7:
            return t
    return None


def _verbal_complement(toks, lo: int, hi: int, infinitive: bool = True) -> bool:
    """Does a clause or verb phrase open between tokens lo and hi ("that ...", "of killing", "to meet"; the
    last only with `infinitive`)?"""
    for k in range(lo, hi):
        w = toks[k].lower
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if w == "that":
            return True
        if nxt is None or not nxt.text[:1].islower():
            continue
        if w in {"of", "for"} and nxt.lower.endswith("ing") and is_verb_form(nxt.lower):
            return True
        if infinitive and w == "to" and nxt.lower not in ARTICLES and nxt.lower.isalpha() and is_verb_form(nxt.lower) \
                and not nxt.lower.endswith(("ed", "ing")):
            return True
    return False


def _bridges(toks, lo: int, hi: int) -> set[int]:
    """Tokens between lo and hi that join two clauses of about the same time: ", hours after", "shortly
    before", "as"/"when" opening a clause; a date may cross them (the second pass only)."""
    out: set[int] = set()
    asides: set[int] = set()
    for k in range(lo, hi):
        w = toks[k].lower
        if w in {"after", "before"} and k >= 2 and toks[k - 1].lower in {"day", "days"} \
                and toks[k - 2].lower in COUNTS:
            out.update(j for j in (k, k - 1, k - 2, k - 3) if toks[j].lower in set(COUNTS) | {w, ",", "day", "days"})
        elif w in {"after", "before"} and k > 0 and toks[k - 1].lower in CLOSE_IN_TIME:
            out.update(j for j in (k, k - 1, k - 2, k - 3) if j >= 0 and toks[j].lower in CLOSE_IN_TIME | {
                w, ",", "a", "few", "several", "just"})
        elif w == "," and k + 1 < len(toks) and toks[k + 1].lower.endswith("ing") and is_verb_form(toks[k + 1].lower):
            asides.add(k)   # ", killing 85 people, hours after ...": a participle aside of the main clause
        elif w in SAME_MOMENT and not _as_preposition(toks, k):
            out.add(k)
            if k > 0 and toks[k - 1].lower == ",":
                out.add(k - 1)
    # an aside is crossed only on the way to a clause hours apart (", drawing condemnation" alone may be later)
    # (or to one of the same moment: "opened fire on Wednesday, killing a dozen, as the pupils marched")
    return out | asides if out else out


def _as_preposition(toks, k: int) -> bool:
    """Is "as" at token k a preposition ("as genocide", "as a gesture"), not a clause ("as troops pushed")?"""
    if toks[k].lower != "as" or (k > 0 and toks[k - 1].lower in {"as", "such", "well", "so"}):
        return False
    for j in range(k + 1, min(k + 7, len(toks))):
        w = toks[j].lower
        if w in {",", ".", ";", "and", "or", "but"} or w in CLAUSE_STOP:
            return True
        if w in FINITE_AUX or w in MODALS or w in IRREGULAR_PAST or (w.endswith("ed") and toks[j].text[:1].islower()):
            return False
    return True


def _no_verb_until_clause(toks, k: int) -> bool:
    """Does the phrase after token k run to a comma or conjunction without a finite verb ("after its
    declaration of independence,")?"""
    for j in range(k + 1, min(k + 9, len(toks))):
        w = toks[j].lower
        if w in {",", ".", ";", "and", "but"}:
            return True
        if w in FINITE_AUX or w in MODALS or w in IRREGULAR_PAST or (w.endswith("ed") and toks[j].text[:1].islower()):
            return False
    return False


def _early(text: str, toks, start: int) -> bool:
    """"early on Tuesday", "Tuesday morning": a time that hours before may still be the day before."""
    words = text.lower().split() + [t.lower for t in toks[max(0, start - 2):start]]
    return any(w in {"early", "dawn", "morning", "overnight"} for w in words)


def _future_complement(toks, trig: Trigger) -> bool:
    """"said on Wednesday that Germany would send tanks", "said on Sunday he was prepared to accept": what
    is announced for the future, or a stance held when speaking, is dated by the announcement (a past event
    it reports is not)."""
    before = [t.lower for t in toks[max(0, trig.start - 3):trig.start]]
    if trig.kind != "verb" or any(w in {"had", "have", "has"} for w in before):
        return False
    if before and before[-1] in {"was", "were", "is", "are"} and trig.end < len(toks) and toks[trig.end].lower == "to":
        return True     # "he was prepared to accept": a stance at the time of saying
    return bool(before) and (before[-1] in MODALS | {"to"} or (len(before) > 1 and before[-2] in MODALS
                                                                and before[-1] in {"not", "be"}))


def _past_weekday_shift(ctx, toks, trig: Trigger, t) -> timedelta | None:
    """"vetoed a resolution on Friday that would have ...": a bare weekday on an event told in the simple
    past is the last such day, not the next one a later verb's mood suggested."""
    if ctx.dct is None or t.first_day is None or t.first_day <= ctx.dct or not WEEKDAY.search(t.text) \
            or re.search(r"\b(next|coming|following)\b", t.text, re.I) or (t.first_day - ctx.dct).days > 7:
        return None
    word = toks[trig.start].lower
    before = {w.lower for w in toks[max(0, trig.start - 3):trig.start]}
    if (word.endswith("ed") or word in IRREGULAR_PAST) and not before & (MODALS | {"to"}):
        return timedelta(days=7)
    return None


def _dates_report(toks, start: int) -> bool:
    """Does the date expression starting at token `start` follow a reporting verb ("said on Tuesday")?"""
    k = start - 1
    while k >= 0 and toks[k].lower in {"on", "last", "this", "earlier", "late", "in"}:
        k -= 1
    return k >= 0 and toks[k].lower in REPORT


def _overnight(ctx, sent, toks, trig: Trigger) -> dict | None:
    """"Mobs burned shops in the capital overnight, police said (on Thursday)": the night before the report
    (or publication), when the sentence gives no other date and "overnight" stands in the trigger's clause
    ("Soldiers surrounded the buildings, and looting broke out overnight": the surrounding is undated)."""
    if not any(t.lower == "overnight" and not breaks(toks, *sorted((k, trig.start)))
               for k, t in enumerate(toks)):
        return None
    anchor, expr = ctx.dct, "overnight"
    for t in ctx.timexes:
        if sent.start <= t.start and t.end <= sent.end:
            span = span_tokens(toks, t.start, t.end)
            if span is None or t.first_day is None or t.precision != "day" or not _dates_report(toks, span[0]):
                return None
            anchor, expr = t.first_day, t.text
    if anchor is None:
        return None
    return dict(date_start=anchor - timedelta(days=1), date_end=anchor, date_precision="day",
                date_expr=expr, date_basis="relative", timex_value=None)


def _hours_later(ctx, sent, toks, trig: Trigger) -> dict | None:
    """"US Marines arrived in Port-au-Prince hours later": the day of the last dated day before it, and the
    next (hours may cross midnight); "minutes later", "shortly afterwards": that day."""
    words = [t.lower for t in toks]
    hours = any(words[k] == "later" and k and words[k - 1] in {"hours", "hour"} for k in range(len(words)))
    soon = any((words[k] == "later" and k and words[k - 1] in {"minutes", "moments", "shortly"})
               or (words[k] in {"afterwards", "afterward"} and k and words[k - 1] == "shortly")
               for k in range(len(words)))
    if not (hours or soon):
        return None
    before = toks[trig.start].start
    t = next((x for x in sorted(ctx.timexes, key=lambda x: -x.start) if x.end <= before
              and x.precision == "day" and x.first_day is not None), None)
    if t is None:
        return None
    last = t.first_day + timedelta(days=1) if hours else t.first_day
    if ctx.dct is not None:
        last = min(last, max(ctx.dct, t.first_day))
    return dict(date_start=t.first_day, date_end=last, date_precision="day", date_expr=t.text,
                date_basis="narrative", timex_value=None)


def _consequence(ctx, sent, toks, trig: Trigger) -> dict | None:
    """"conducted a nuclear test on Sunday, drawing condemnation from China": the reaction the participle
    names came that day or after, up to publication."""
    k = trig.start
    if trig.kind != "nominal" or k < 2 or toks[k - 1].lower not in CONSEQUENCES or toks[k - 2].lower != "," \
            or ctx.dct is None:
        return None
    comma = toks[k - 2].start
    t = next((x for x in sorted(ctx.timexes, key=lambda x: -x.start) if sent.start <= x.start and x.end <= comma
              and x.precision == "day" and x.first_day is not None and x.first_day <= ctx.dct), None)
    if t is None:
        return None
    return dict(date_start=t.first_day, date_end=ctx.dct, date_precision="day" if t.first_day == ctx.dct else "week",
                date_expr=t.text, date_basis="relative", timex_value=None)


def _narrative(ctx, sent, toks, trig: Trigger) -> dict | None:
    """The story's month for a simple-past verb: that of the last dated event before this sentence, else (no
    event of an earlier sentence coded: "In April 1961, 1,400 exiles landed at ...") of the last explicit date
    an earlier sentence gives."""
    if trig.kind == "nominal":
        return None
    if ctx.last_dated is not None and ctx.last_dated[0] != sent.start:
        t = ctx.last_dated[1]
    elif ctx.last_dated is None:
        t = next((x for x in sorted(ctx.timexes, key=lambda x: -x.start) if x.end <= sent.start
                  and x.basis == "explicit" and x.first_day is not None and x.last_day is not None), None)
        if t is None:
            return None
    else:
        return None
    if t.basis not in ("explicit", "narrative") or (ctx.dct - t.last_day).days <= 365:
        return None
    word = toks[trig.start].lower
    simple_past = (word.endswith("ed") or word in IRREGULAR_PAST) and not any(
        w.lower in {"has", "have", "will", "would", "is", "are", "am"} for w in toks[max(0, trig.start - 3):trig.start])
    if not simple_past:
        return None
    if t.precision in ("day", "week"):
        first = t.first_day.replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        precision = "month"
    else:
        first, last, precision = t.first_day, t.last_day, t.precision
    return dict(date_start=first, date_end=last, date_precision=precision, date_expr=t.text,
                date_basis="narrative", timex_value=t.value)
