"""When an event happened (see `date_for`): the governing date expression, a coordinated clause's,
a historical narrative's month, or the publication week; never a false single day."""
from __future__ import annotations

from datetime import timedelta

from analytics.coding import cameo
from analytics.coding.context import Ctx
from analytics.coding.grammar import IRREGULAR_PAST, REPORT, SUBORDINATORS, VERBAL_GOVERNORS, clause_end, span_tokens
from analytics.coding.triggers import CLAUSE_STOP, Trigger


def date_for(ctx: Ctx, sent, toks, trig: Trigger) -> dict:
    """The event's date, in order of preference:
    1. the nearest resolvable date expression in the trigger's clause;
    2. one in a clause coordinated with it ("declared himself president last week, and Trump
       recognised him");
    3. in a historical narrative (the last explicit date of an earlier sentence lies more than a year
       before publication), a simple-past verb continues that story: the month (or longer period) of that
       date, basis "narrative";
    4. the publication week (the settings' fallback_days up to the publication date), basis "publication";
    5. nothing, without a publication date."""
    root = (cameo.normalise_code(trig.code) or "00")[:2]
    for strict in (True, False):
        best = _nearest_timex(ctx, sent, toks, trig, root, strict)
        if best is not None:
            ctx.last_dated = (sent.start, best)
            basis = best.basis if best.basis in ("explicit", "relative", "narrative") else "relative"
            return dict(date_start=best.first_day, date_end=best.last_day,
                        date_precision=best.precision or "unknown", date_expr=best.text, date_basis=basis,
                        timex_value=best.value)
    if ctx.dct is None:
        return dict(date_start=None, date_end=None, date_precision=None, date_expr=None, date_basis=None,
                    timex_value=None)
    story = _narrative(ctx, sent, toks, trig)
    if story is not None:
        return story
    return dict(date_start=ctx.dct - timedelta(days=ctx.settings.fallback_days - 1), date_end=ctx.dct,
                date_precision="week", date_expr=None, date_basis="publication", timex_value=None)


def _nearest_timex(ctx, sent, toks, trig: Trigger, root: str, strict: bool):
    best, best_dist = None, None
    for t in ctx.timexes:
        if t.start < sent.start or t.end > sent.end or t.first_day is None or t.last_day is None:
            continue
        span = span_tokens(toks, t.start, t.end)
        if span is None:
            continue
        if span[0] < trig.start:
            if _dates_report(toks, span[0]):
                continue    # "said on Tuesday they had captured the towns": the date of the saying only
            lo, hi, dist = span[1], trig.start, trig.start - span[1]
        else:
            lo, hi, dist = trig.end, span[0], span[0] - trig.end
        # a clause boundary between them, except the timex's own preposition ("after ... in August");
        # the second pass lets a date cross "and" between coordinated clauses, nothing else
        for k in range(lo, hi):
            # "admitted on Sunday that its agents had sunk the ship in July": "that" opens the
            # complement clause, whose event keeps its own date
            if strict and span[0] < trig.start and toks[k].lower == "that":
                break
            if clause_end(toks, k) and (strict or toks[k].lower in CLAUSE_STOP | SUBORDINATORS
                                         or (toks[k].lower == "," and k + 1 < len(toks)
                                             and toks[k + 1].lower != "and")):
                break
        else:
            # "accused X of killing ... last month": the date is the complement's, not the accusation's
            # "agreed to meet again next year": the date of what was agreed, not of the agreement
            if span[0] >= trig.end and root in VERBAL_GOVERNORS | {"01"} and any(
                    toks[k].lower in {"of", "that", "for", "to"} for k in range(lo, hi)):
                continue
            if best_dist is None or dist < best_dist:
                best, best_dist = t, dist
    return best


def _dates_report(toks, start: int) -> bool:
    """Does the date expression starting at token `start` follow a reporting verb ("said on Tuesday")?"""
    k = start - 1
    while k >= 0 and toks[k].lower in {"on", "last", "this", "earlier", "late", "in"}:
        k -= 1
    return k >= 0 and toks[k].lower in REPORT


def _narrative(ctx, sent, toks, trig: Trigger) -> dict | None:
    if ctx.last_dated is None or ctx.last_dated[0] == sent.start or trig.kind == "nominal":
        return None
    t = ctx.last_dated[1]
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
