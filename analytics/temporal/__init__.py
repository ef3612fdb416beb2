"""Temporal normaliser: find date expressions in text and resolve them against a publication date.

    >>> from datetime import date
    >>> [(t.text, t.value) for t in tag("The war ended in 1989. Last week, talks resumed.", date(2021, 10, 20))]
    [('1989', '1989'), ('Last week', '2021-W41')]

`tag(text, dct)` returns `Timex` records (see timex.py) sorted by start and non-overlapping. It never
raises on any string input. Without a DCT, expressions relative to it come back unresolved
(`XXXX-08`, first_day None); nothing is anchored to the machine's clock.

How it works (one job per module):
  patterns.py        one compiled regex finds every candidate span; its rules and the word lists they use
                     come from data/en.yaml (lexicon.py); a prefix-trie gate keeps the search fast
  resolve.py         `Resolver`: one method per rule, grouped by job in rules_absolute.py (written dates,
                     quarters, years, holidays, clock times), rules_relative.py (today, weekdays, bare
                     months, last/next/this X, the following year, ago) and rules_amounts.py (durations,
                     SETs, PAST_REF/PRESENT_REF/FUTURE_REF); resolver_base.py holds the shared state
  dates.py           `Ref`: a calendar unit with its TIMEX3 value, interval and arithmetic
  calendars.py       movable holidays computed offline: Islamic (tabular calendar, interval widened to cover
                     its error), Orthodox Easter, lunisolar holidays as the window of days they can fall in
  context.py         tense of the clause around a span: past -> the latest such date before the DCT,
                     future -> the next one, neither -> the closest
  tagger.py          reading order, rejected-rule fallback, modifier extents ("early", "the end of",
                     "more than"), day and clock lists ("April 24 and 25", "14-15 April", "between 2 and
                     4 p.m."), a clock time's written date ("8 p.m. on March 3"), duration anchoring
  ranges.py          compact year ranges ("1914-18") and ranges of dates ("from 1979 to 1989", "March 3-5"):
                     each end keeps its own value (TimeML's extents) and both carry the whole range in
                     first_day/last_day and `Timex.range` ("1979/1989"), with the precision of its length;
                     open ranges ("since 2001" -> "2001/PRESENT_REF" reaching the DCT, "until March",
                     "by the end of the year", "from 1979 on"), closed at the DCT only when the tense says so
  extents.py         the TIMEX3 extent rules, each with the guideline behind it (a table in its docstring),
                     and the two extent steps run after resolution (signals "before"/"after" left out,
                     "a three-year period" taken whole)
  absolute.py        numeric dates (10/20/2021) are read by dateparser; month-name dates are taken apart
                     by the rules directly (faster, and they never fill a missing day from the DCT)
  score.py           the TempEval-3 scorer used by benchmarks/timex_bench.py

Resolution basis (`Timex.basis`): explicit (the text says the year), relative (to the DCT),
narrative (to the last date the text mentioned - a coarser date worked out from it, like "that year",
does not replace it: "the following year", "two days later", and, in
text that reads as history - dates years before the DCT and nothing said relative to it - also
bare months and weekdays), unresolved.

Anchored durations: a DURATION keeps its TIMEX3 value (P10Y) and, when the text anchors it, its
covered interval in first_day/last_day with basis "narrative" (or "relative" for "the past two
months", which ends at the DCT). "a 10-year war that ended in 1989" gives P10Y with
first_day 1979-01-01 and last_day 1989-12-31; an unanchored duration has first_day None. Event coding
should use `span_of(timex)` which returns (first_day, last_day) for any Timex or None, and
include DURATIONs whose first_day is set, not only DATE/TIME.

Precision follows the event frame (day|week|month|quarter|season|year|decade|unknown): TIME values
are "day"; a half year ("2021-H1") is "quarter"; a century ("19") is "unknown" although its
first_day/last_day are filled. PAST_REF/PRESENT_REF/FUTURE_REF and SETs have no interval.
"""

from __future__ import annotations

from datetime import date, datetime

from .tagger import tag_text
from .timex import Timex

__all__ = ["tag", "Timex", "span_of"]


def tag(text: str, dct: date | None = None) -> list[Timex]:
    """All temporal expressions in `text`, resolved against `dct` (publication date).

    Args:
        text: any string (non-strings give []).
        dct: the document creation / publication date, or None.
    Returns:
        list of Timex, sorted by start, non-overlapping.
    """
    if not isinstance(text, str) or not text:
        return []
    return tag_text(text, _as_date(dct))


def _as_date(dct) -> date | None:
    """date, datetime/Timestamp or ISO string -> date; None, NaT or anything unreadable -> None (unanchored)."""
    if dct is None:
        return None
    if isinstance(dct, str):
        try:
            return date.fromisoformat(dct[:10])
        except ValueError:
            return None
    if isinstance(dct, datetime):
        try:
            return dct.date() if dct == dct else None  # NaT is a datetime that is not equal to itself
        except (ValueError, TypeError):
            return None
    return dct if isinstance(dct, date) else None


def span_of(timex: Timex) -> tuple[date, date] | None:
    """The inclusive (first_day, last_day) a timex places an event in, or None when it cannot.

    >>> t = tag("a 10-year war that ended in 1989", date(2021, 10, 20))[0]
    >>> t.value, span_of(t)
    ('P10Y', (datetime.date(1979, 1, 1), datetime.date(1989, 12, 31)))
    """
    if timex.first_day is None or timex.last_day is None:
        return None
    return timex.first_day, timex.last_day
