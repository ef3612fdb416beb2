"""Ranges written in the text, read after every expression is resolved: "1914-18" (the second year is a timex of its
own), "from 1979 to 1989" / "March 3-5" (both ends get the whole range as their interval), "from Friday through
Sunday" (the second weekday not before the first), and a bracketed clock time that restates the one before it in
another zone ("10:35 a.m. (0735 GMT)").

Each function takes the tagger's list of (start, end, Sem) in reading order.

>>> from datetime import date
>>> from analytics.temporal import tag
>>> [(t.text, t.range, str(t.last_day)) for t in tag("the war of 1914-18", date(2021, 10, 20))]
[('1914', '1914/1918', '1918-12-31'), ('18', '1914/1918', '1918-12-31')]
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Sentences
from .dates import Ref, year_ending
from .lexicon import load, norm
from .semantics import Sem


_SHORT_YEAR = re.compile(r"\s*[-–/]\s*([0-9]{2})(?![0-9]|[.,:][0-9]|\s*(?:%|percent|per\s*cent)|[-–/])")


def short_years(text: str, found: list) -> list:
    """"1914-18", "the 1939-45 war": the second year of a compact range is a year timex of its own (TimeML tags
    each end); "the winter of 1941-42" is one season that runs into the next year, so the extent takes it in."""
    out = []
    for i, (s, e, sem) in enumerate(found):
        out.append((s, e, sem))
        ref = sem.ref
        if sem.type != "DATE" or ref is None or ref.gran not in ("year", "season") or sem.basis != "explicit":
            continue
        m = _SHORT_YEAR.match(text, e)
        if not m or (i + 1 < len(found) and found[i + 1][0] < m.end()):
            continue
        y0 = ref.start.year if ref.gran == "year" else int(re.search(r"[0-9]{4}", text[s:e]).group())
        y = year_ending(y0, int(m.group(1)))
        if ref.gran == "season":
            if y == y0 + 1 and ref.end.year == y:  # "winter of 1941-42": the season itself spans both years
                out[-1] = (s, m.end(), sem)
            continue
        if y - y0 > 50:
            continue
        r = Ref("year", date(y, 1, 1))
        out.append((m.start(1), m.end(1), Sem("DATE", r.value, r, "explicit")))
    return out


_RANGE_GAP = re.compile(r"\s*(?:-|–|to|through|thru|until|till)\s*$", re.IGNORECASE)


def ordered_weekdays(text: str, found: list, lang: str = "en") -> None:
    """"from Friday through Sunday": the second weekday of a range is not before the first."""
    weekdays = load(lang)["weekdays"]
    for (s1, e1, a), (s2, e2, b) in zip(found, found[1:]):
        if a.type == b.type == "DATE" and a.ref is not None and b.ref is not None and a.ref.gran == b.ref.gran == "day" \
                and b.basis == "relative" and norm(text[s2:e2]).rstrip(".") in weekdays \
                and _RANGE_GAP.match(text[e1:s2]) and b.ref.start < a.ref.start:
            try:
                b.ref = Ref("day", b.ref.start + timedelta(days=7 * ((a.ref.start - b.ref.start).days // 7 + 1)))
            except OverflowError:  # at the end of the calendar (year 9999) there is no later week
                continue
            b.value = b.ref.value


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|/|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<![\w-])(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_MOVED = re.compile(r"\b(?:postpon\w*|delay\w*|mov(?:e|ed|es|ing)|shift\w*|reschedul\w*|chang\w*|switch\w*|push\w*|"
                    r"brought|bring\w*|advanc\w*|extend\w*)\b", re.IGNORECASE)


def join_ranges(text: str, found: list, sentences: Sentences, dct: date | None = None) -> None:
    """"from 1979 to 1989", "between 2001 and 2005", "March 3-5", "1914-18": two dates joined as a range each keep
    their own value (TimeML's extents) and get the whole range as their interval, so an event placed by either
    end is placed in the range. "and" joins a range only after "between" (else "in 1985 and 1987" is a list);
    "moved the vote from March to May" names two dates, not a period."""
    for k in range(len(found) - 1):
        (s1, e1, a), (s2, e2, b) = found[k], found[k + 1]
        if a.type not in ("DATE", "TIME") or a.ref is None or a.range or a.mod or not _RANGE_JOIN.fullmatch(text, e1, s2):
            continue
        joint = text[e1:s2].strip().lower()
        opener = _BETWEEN.search(text, max(0, s1 - 16), s1)
        if b.ref is None and b.value == "PRESENT_REF" and dct is not None and opener and joint in ("to", "until", "till") \
                and a.ref.start <= dct:
            # "from 1939 to the present": the range runs to the publication date
            a.first, a.last, a.range = a.ref.start, dct, f"{a.value}/PRESENT_REF"
            a.precision = span_precision((dct - a.ref.start).days + 1)
            continue
        if b.type not in ("DATE", "TIME") or b.ref is None or b.mod:
            continue
        if a.ref.tod and b.ref.tod and a.ref.start != b.ref.start and not _NAMES_DAY.search(text, s1, e1) \
                and a.basis != "explicit":
            # "from 9 a.m. to 5 p.m. on Monday": the day written after the second time is the first's too
            a.ref = Ref("day", b.ref.start, a.ref.tod)
            a.value, a.basis = a.ref.value, b.basis
        if a.ref.tod and b.ref.tod and a.ref.start == b.ref.start and b.ref.tod < a.ref.tod \
                and b.ref.tod[0].isdigit() and a.ref.tod[0].isdigit() and not _NAMES_DAY.search(text, s2, e2) \
                and b.ref.start < date.max:
            # "a curfew from 10 p.m. to 6 a.m.": the second time is the next morning
            b.ref = Ref("day", b.ref.start + timedelta(days=1), b.ref.tod)
            b.value = b.ref.value
        if joint == "and" and not (opener and opener.group(0).lower().startswith("between")):
            continue
        if joint == "/" and not (a.ref.gran == b.ref.gran == "year" and text[s2:e2].isdigit() and e2 - s2 == 2):
            continue  # "2012/13" is a range; other slashes ("3/15") are written dates
        if joint not in ("-", "–", "—", "/") and not opener and joint != "through":
            continue  # "1990 to 1995" with no "from": too often a comparison ("rose 5% 1990 to 1995")
        if b.basis == "explicit" and a.basis != "explicit" and a.ref.gran in ("day", "month") and not a.ref.tod:
            # "from January to June 2020", "between March 3 and April 5, 2019": the year written once serves both
            try:
                moved = Ref(a.ref.gran, a.ref.start.replace(year=b.ref.start.year))
                if moved.start > b.ref.start:
                    moved = Ref(a.ref.gran, a.ref.start.replace(year=b.ref.start.year - 1))
            except ValueError:
                continue
            a.ref, a.value, a.basis = moved, moved.value, "explicit"
        if b.ref.start < a.ref.start or b.ref.end < a.ref.end:
            continue
        if opener and joint in ("to", "until", "till") and _MOVED.search(text, sentences.bounds(s1)[0], s1):
            continue
        value = f"{a.value}/{b.value}"
        precision = span_precision((b.ref.end - a.ref.start).days + 1)
        for sem in (a, b):
            sem.first, sem.last, sem.range, sem.precision = a.ref.start, b.ref.end, value, precision


# the precision word of a range: the smallest unit of the event frame that can hold that many days
_SPAN_PRECISION = (("day", 1), ("week", 7), ("month", 31), ("quarter", 92), ("year", 366), ("decade", 3653))


def span_precision(days: int) -> str:
    return next((p for p, n in _SPAN_PRECISION if days <= n), "unknown")


_NAMES_DAY = re.compile(r"(?i:[a-z]+day|today|tonight|yesterday|tomorrow)\b|(?-i:[A-Z][a-z]{2})\.?\s+[0-9]")
_RESTATED = re.compile(r"\s*[(\[]\s*$")


def drop_restated_clocks(text: str, found: list) -> list:
    """"10:35 a.m. (0735 GMT) Friday": the bracketed clock time restates the same moment in another zone; it is
    no expression of its own (TimeML leaves it untagged) and must not be read as another time."""
    out = []
    for s, e, sem in found:
        if out and sem.type == "TIME" and out[-1][2].type == "TIME" and _RESTATED.fullmatch(text, out[-1][1], s) \
                and re.match(r"\s*[)\]]", text[e:e + 3]) and not _NAMES_DAY.search(text, s, e):
            continue  # ("4 a.m. EDT Thursday" in brackets names its day: it stays)
        out.append((s, e, sem))
    return out


# Open ranges: a date after "since", "until", "by" or before "on"/"onwards" bounds a period at one end only. TimeML
# tags the date alone (the preposition is a SIGNAL) with its own value; the other end is the publication date when
# the tense says the period reaches it, else unknown ("..", ISO 8601-2's open end).
_OPEN_LEFT = re.compile(r"(?<![\w-])(?P<w>since|ever\s+since|until|till|up\s+until|up\s+till|up\s+to|through|"
                        r"through\s+to|by|from)\s+$", re.IGNORECASE)
# "from 1979 on," / "onwards" / "and beyond"; a bare "on" only before punctuation ("from 1979 on the council" is no range)
_ONWARDS = re.compile(r"\s*(?:,\s*)?(?:on(?=\s*(?:[,.;:!?)]|$))|onwards?(?![\w-])|forward(?![\w-])|"
                      r"and\s+(?:beyond|after|later)(?![\w-])(?=\s*(?:[,.;:!?)\"”'’]|--|$)))", re.IGNORECASE)
# ("in 1990 and later moved to Paris": "later" is the next clause's adverb, no open range)
_NEGATED = re.compile(r"\b(?:not|never|no|n't)\b|n't\b", re.IGNORECASE)
_DEFERRED = re.compile(r"\b(?:postpon\w*|delay\w*|adjourn\w*|defer\w*|put\s+off|push\w*\s+back|reschedul\w*|"
                       r"suspend\w*|held\s+over)\b", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)


def _set_open(sem, first: date, last: date, value: str) -> None:
    sem.first, sem.last, sem.range = first, last, value
    sem.precision = span_precision((last - first).days + 1)


def open_ranges(text: str, found: list, sentences: Sentences, dct: date | None, tense_of) -> None:
    """"since 2001", "until March", "by the end of the year", "from 1979 on": the date keeps its extent and value
    (TimeML: the preposition is a SIGNAL, outside the timex); `range` says which end it bounds ("2001/PRESENT_REF",
    "PRESENT_REF/2022-03", "2001/.."), and first_day/last_day cover the whole period when its other end is the
    publication date:
    - since X with a present or present-perfect verb ("has risen since 2001"): X .. DCT; after "had" the period
      ended at some past point the text may not give: open ("1979/..");
    - until / till / up to / through X, when X ends after the DCT and nothing negates or defers it: DCT .. X ("talks
      will go on until March"); "won't be released until March" and "postponed until next week" happen then, so they
      stay the date; a past "stayed until March 2003" is open at its start ("../2003-03"), a past "lasted through
      the winter" covers the date itself;
    - by X, when X ends after the DCT (a deadline): DCT .. X ("will decide by the end of the year");
    - from X on / onwards / and beyond: X .. DCT when X is past, else open ("2030/..").
    `tense_of(start, end)` gives the clause's tense (context.tense)."""
    for k, (s, e, sem) in enumerate(found):
        if sem.type not in ("DATE", "TIME") or sem.ref is None or sem.range or sem.first is not None:
            continue
        ref = sem.ref
        floor = found[k - 1][1] if k else 0
        m = _OPEN_LEFT.search(text, max(floor, s - 16), s)
        word = " ".join(m.group("w").lower().split()) if m else ""
        after = _ONWARDS.match(text, e)
        and_beyond = after is not None and after.group(0).strip().lower().startswith("and")  # "2022 and beyond"
        if word in ("since", "ever since") or (word == "from" and after) or (not word and and_beyond):
            if word == "from" and k + 1 < len(found) and _RANGE_JOIN.fullmatch(text, e, found[k + 1][0]):
                continue  # "from 1979 to 1989" is a closed range (join_ranges)
            s0 = sentences.bounds(s)[0]
            had = _PAST_PERFECT.search(text, s0, s)
            if dct is not None and ref.start <= dct and not had:
                _set_open(sem, ref.start, max(dct, ref.start), f"{sem.value}/PRESENT_REF")
            else:
                sem.range = f"{sem.value}/.."
        elif word in ("until", "till", "up until", "up till", "up to", "through", "through to", "by"):
            s0 = sentences.bounds(s)[0]
            if _NEGATED.search(text, max(s0, s - 60), s) or _DEFERRED.search(text, max(s0, s - 60), s):
                continue  # "will not be freed until March", "postponed until next week": the event happens then
            if dct is not None and ref.end > dct and tense_of(s, e) != "past":
                _set_open(sem, min(dct, ref.end), ref.end, f"PRESENT_REF/{sem.value}")
            elif word not in ("by", "through", "through to"):  # "lasted through the winter": it covers the date
                sem.range = f"../{sem.value}"
