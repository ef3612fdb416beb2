"""tag(): find candidates, resolve them in reading order, widen extents, anchor durations."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from functools import lru_cache

from .dates import Ref, finer
from .lexicon import alternation, load, norm
from .patterns import find, rules
from .context import tense
from .extents import in_name, temporal_noun_phrases, trim_signals
from .ranges import drop_restated_clocks, join_ranges, open_ranges, ordered_weekdays, short_years
from .resolve import Resolver, Sem
from .timex import Timex

log = logging.getLogger(__name__)

_POD_OF = re.compile(r"(?<![\w-])the\s+(morning|afternoon|evening|night)\s+of\s+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _modifiers(lang: str = "en") -> dict:
    """Regexes, anchored at the end of the text before a timex, for the modifiers in the lexicon."""
    lex = load(lang)

    def before(words, tail=r"\s+"):
        return re.compile(r"(?<![\w-])(?P<q>" + alternation(words) + r")" + tail + "$", re.IGNORECASE)

    return {
        "of": re.compile(r"(?<![\w-])(?:the\s+)?(?P<q>" + alternation(lex["position_of"]) + r")\s+of\s+$", re.IGNORECASE),
        "word": re.compile(r"(?:(?<![\w-])the\s+)?(?<![\w-])(?P<q>" + alternation(lex["position_words"]) + r")(?:\s+|-)$",
                           re.IGNORECASE),
        "quantity": before(lex["quantity_mods"]),
        "ago": before(lex["ago_mods"]),
        "around": before(lex["around_mods"]),
    }


_NUMERIC_START = re.compile(r"[0-9]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                            r"forty|fifty|sixty|seventy|eighty|ninety|several|a few|a couple|a dozen|a hundred)\b", re.IGNORECASE)
_END_CUE = re.compile(r"\b(?:end(?:ed|ing|s)?|until|till|through|conclud\w*|finish\w*|over\s+by|culminat\w*)\b"
                      r"|^\s*to\s*$", re.IGNORECASE)  # "the three months to December"
_AMOUNT_IN = re.compile(r"(?<![\w-])(?:in|within)\s+(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|over\s+)?$",
                        re.IGNORECASE)
_START_CUE = re.compile(r"\b(?:beg[au]n|begin\w*|start\w*|since|launch\w*|commenc\w*|broke\s+out|erupt\w*)\b", re.IGNORECASE)

DEICTIC_RULES = {"deictic", "this_pod", "wd_pod", "weekday", "month_rel"}
EXPLICIT_YEAR_RULES = {"year", "mdy", "dmy", "month_year", "fiscal", "season_year", "iso", "numeric", "quarter"}


# phrases that point back into the story, whatever the DCT: nobody writes "the next day" for tomorrow
_ANAPHORIC = re.compile(r"(?i)(?:that|the\s+(?:following|next|previous|preceding))\s+(?:day|morning|afternoon|evening|night)\b")

_APPOSITION_GAP = re.compile(r"\s*,\s*")


def _narrative(text: str, cands, dct: date | None) -> bool:
    """History text (dates far from the DCT, hardly anything said relative to it) is read in narrative mode."""
    if dct is None:
        return True
    deictic, years, full_dates = 0, [], 0
    dated_end = -1  # end of the last date written with its year
    for rule, s, e, g in cands:
        if _ANAPHORIC.match(text, s):
            pass  # "that evening", "the next day", "the following afternoon": the story's time, not the DCT's
        elif rule == "ago" and _APPOSITION_GAP.fullmatch(text, dated_end, s):
            pass  # "on April 30, 1975, 40 years ago": an anniversary restating the date, not news of the day
        elif rule in DEICTIC_RULES or (rule == "rel_unit" and (g.get("rel") or "").lower() in ("this", "last", "next", "current", "coming")) \
                or (rule == "ago" and (g.get("dir") or "").lower() == "ago"):
            deictic += 1
        if rule in EXPLICIT_YEAR_RULES and g.get("y") and g["y"].isdigit() and len(g["y"]) == 4:
            years.append(int(g["y"]))
            dated_end = e
            full_dates += rule in ("mdy", "dmy", "month_year", "season_year")
    if not years or (len(years) < 2 and (deictic or not full_dates)) or deictic * 4 > len(years):
        return False  # a stray "today" in a long history does not make it news; one dated day or month with nothing
        # deictic does not either ("landed in Normandy on June 6, 1944 ... Paris was liberated on Aug. 25"), but one
        # bare year does ("Smith, who founded the firm in 1990, died in March": this March)
    years.sort()
    return years[len(years) // 2] <= dct.year - 3


_POSSESSIVE = re.compile(r"['’]s(?![a-z])", re.IGNORECASE)


def _widen(text: str, s: int, e: int, sem: Sem, floor: int, lang: str = "en") -> tuple[int, str | None]:
    """Pull modifiers ("early", "the end of", "more than") into the extent; returns (start, mod).

    "the morning of 6 June 1944" becomes a TIME (sem is updated in place).
    """
    window = text[max(floor, s - 40):s]
    mods, lex = _modifiers(lang), load(lang)
    if sem.type == "DATE" and sem.ref is not None and sem.ref.gran == "day" and not sem.ref.tod:
        m = _POD_OF.search(window)
        if m:
            sem.ref = Ref("day", sem.ref.start, lex["parts_of_day"][m.group(1).lower()])
            sem.type, sem.value = "TIME", sem.ref.value
            return s - (len(window) - m.start()), None
    if sem.type in ("DATE", "TIME") and sem.ref is not None:
        for kind in ("of", "word"):
            m = mods[kind].search(window)
            if m:
                table = lex["position_of"] if kind == "of" else lex["position_words"]
                return s - (len(window) - m.start()), table[norm(m.group("q"))]
    if sem.type in ("DURATION", "DATE", "TIME") and _NUMERIC_START.match(text, s):
        for kind, table in (("quantity", "quantity_mods"), ("ago", "ago_mods")):
            if kind == "ago" and sem.type != "DATE":
                continue
            m = mods[kind].search(window)
            if m:
                return s - (len(window) - m.start()), lex[table][norm(m.group("q"))]
    if sem.type in ("DATE", "TIME") and sem.ref is not None and not _POSSESSIVE.match(text, e):
        # "get around Wednesday's ruling": before a possessive date the word belongs to the noun phrase
        m = mods["around"].search(window)
        if m:
            return s - (len(window) - m.start()), "APPROX"
    return s, None


_MORE_DAYS = re.compile(r"(\s*(?:-|–|and|to|or|through|&)\s*)([12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9:.,]?[0-9])"
                        r"(?!\s*(?:%|percent|per\b|[ap]\.?m\b|of\b|(?!(?:is|was|has|as|this|its|his)\b)[a-z]+s\b))", re.IGNORECASE)


_TRAILING_YEAR = re.compile(r",?\s+(1[0-9]{3}|20[0-9]{2})(?![0-9])")


def _continued_days(text: str, found: list) -> list:
    """"April 24 and 25", "March 18-19": the second day number is a date in the same month."""
    out = []
    skip = -1
    for i, (s, e, sem) in enumerate(found):
        if i == skip:
            continue
        out.append((s, e, sem))
        if sem.type != "DATE" or sem.ref is None or sem.ref.gran != "day" or sem.ref.tod:
            continue
        m = _MORE_DAYS.match(text, e)
        if not m:
            continue
        s2, e2 = m.start(2), m.end(0)
        year = _TRAILING_YEAR.match(text, e2)
        if year:  # "April 24 and 25, 2019": the year belongs to both days
            e2 = year.end()
        absorbs_next = False
        if i + 1 < len(found) and found[i + 1][0] < e2:
            nxt = found[i + 1]
            if not (year and nxt[0] >= year.start(1) and nxt[1] <= e2):
                continue
            absorbs_next = True  # the year we take over was also tagged on its own
        try:
            first = sem.ref.start.replace(year=int(year.group(1))) if year else sem.ref.start
            d = first.replace(day=int(m.group(2)))
        except ValueError:
            continue
        if d <= first:
            continue
        if absorbs_next:
            skip = i + 1
        basis = "explicit" if year else sem.basis
        if year:
            out[-1] = (s, e, Sem("DATE", Ref("day", first).value, Ref("day", first), basis, sem.mod))
        out.append((s2, e2, Sem("DATE", Ref("day", d).value, Ref("day", d), basis)))
    return out


_DAY_BEFORE = re.compile(r"(?<![\w.,/:-])((?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?)\s*(?:-|–|and|to|or|through|&)\s*$",
                         re.IGNORECASE)


def _leading_days(text: str, found: list) -> list:
    """"14-15 April 1912", "24 and 25 April": the first day number is a date in the same month."""
    out = []
    for s, e, sem in found:
        if sem.type == "DATE" and sem.ref is not None and sem.ref.gran == "day" and not sem.ref.tod \
                and text[s:s + 1].isdigit():
            floor = out[-1][1] if out else 0
            m = _DAY_BEFORE.search(text, max(floor, s - 12), s)
            day = int(re.match(r"[0-9]+", m.group(1)).group(0)) if m else 0
            if 0 < day < sem.ref.start.day:
                d = sem.ref.start.replace(day=day)
                out.append((m.start(1), m.end(1), Sem("DATE", Ref("day", d).value, Ref("day", d), sem.basis)))
        out.append((s, e, sem))
    return out


_CLOCK_GAP = re.compile(r"[\s,]*(?:on\s+)?", re.IGNORECASE)
_CLOCK_FROM = re.compile(r"(?<![\w.:])(?:between|from)\s+((?:1[0-2]|0?[1-9])(?::[0-5][0-9])?)\s*(?:and|to|-|–)\s*$", re.IGNORECASE)


def _clock_days(text: str, found: list) -> list:
    """"8 p.m. on March 3": a clock time takes the date written right after it; "between 2 and 4 p.m.":
    the first hour is a clock time too, with the second one's half of the day."""
    out = []
    for i, (s, e, sem) in enumerate(found):
        ref = sem.ref
        if sem.type == "TIME" and ref is not None and ref.tod and ref.tod[0].isdigit():
            if i + 1 < len(found):
                s2, _, nxt = found[i + 1]
                gap = _CLOCK_GAP.match(text, e)
                if gap.end() == s2 and nxt.type == "DATE" and nxt.ref is not None and nxt.ref.gran == "day" \
                        and not nxt.ref.tod and nxt.ref.start != ref.start:
                    sem.ref = Ref("day", nxt.ref.start, ref.tod)
                    sem.value, sem.basis = sem.ref.value, nxt.basis
            m = _CLOCK_FROM.search(text, max(out[-1][1] if out else 0, s - 20), s)
            if m:
                h, _, mi = m.group(1).partition(":")
                h2 = int(ref.tod[:2])
                h = int(h) + (12 if h2 >= 12 and int(h) != 12 else 0)
                if h < h2 or (h == h2 and int(mi or 0) < int(ref.tod[3:5])):
                    first = Ref("day", sem.ref.start, f"{h:02d}:{int(mi or 0):02d}")
                    out.append((m.start(1), m.end(1), Sem("TIME", first.value, first, sem.basis)))
        out.append((s, e, sem))
    return out


def _to_timex(text: str, s: int, e: int, sem: Sem) -> Timex:
    first, last, prec = sem.first, sem.last, sem.precision
    if sem.ref is not None:
        if not sem.range or first is None:  # an open range ("1979/..") keeps the date's own days
            first, last = sem.ref.start, sem.ref.end
        prec = prec or sem.ref.precision
    if first is not None and last is not None and first > last:
        first, last = last, first
    basis = sem.basis if (first is not None or sem.basis != "unresolved") else "unresolved"
    return Timex(s, e, text[s:e], sem.type, sem.value, first, last, prec or "unknown", basis, sem.mod, sem.range)


_AND_GAP = re.compile(r"(?:\s*,)?\s+and\s+\Z", re.IGNORECASE)
_DUR_VALUE = re.compile(r"P((?:[0-9]+[YMWD])*)(?:T((?:[0-9]+[HMS])+))?\Z")
_DUR_ORDER = ["Y", "M", "W", "D", "TH", "TM", "TS"]


def _dur_parts(value: str) -> dict | None:
    """'P2Y3M' -> {'Y': 2, 'M': 3}, 'PT40M' -> {'TM': 40}; None for anything vague, fractional or empty."""
    m = _DUR_VALUE.match(value)
    if not m or not (m.group(1) or m.group(2)):
        return None
    parts = {u: int(n) for n, u in re.findall(r"([0-9]+)([YMWD])", m.group(1))}
    parts.update({"T" + u: int(n) for n, u in re.findall(r"([0-9]+)([HMS])", m.group(2) or "")})
    return parts


def _compound_durations(text: str, found: list) -> list:
    """"two hours and 40 minutes", "three years and four months": one DURATION (PT2H40M, P3Y4M), as TIMEX3 writes
    a length given in several units; only when the units step down, so "two years and two years" stays apart."""
    out: list = []
    for s, e, sem in found:
        if out:
            s0, e0, prev = out[-1]
            a, b = _dur_parts(prev.value) if prev.type == "DURATION" else None, \
                _dur_parts(sem.value) if sem.type == "DURATION" else None
            if a and b and not sem.mod and prev.range is None and sem.range is None and prev.first is None \
                    and _AND_GAP.match(text, e0, s) and _NUMERIC_START.match(text, s) \
                    and max(_DUR_ORDER.index(u) for u in a) < min(_DUR_ORDER.index(u) for u in b):
                parts = {**a, **b}
                if "W" in parts and len(parts) > 1:  # ISO 8601 writes weeks alone: "two weeks and three days" is P17D
                    parts["D"] = parts.get("D", 0) + 7 * parts.pop("W")
                date_part = "".join(f"{parts[u]}{u}" for u in _DUR_ORDER[:4] if u in parts)
                time_part = "".join(f"{parts[u]}{u[1]}" for u in _DUR_ORDER[4:] if u in parts)
                prev.value = "P" + date_part + ("T" + time_part if time_part else "")
                prev.dur = None  # no single (amount, unit) any more; the anchoring of lengths skips it
                out[-1] = (s0, e, prev)
                continue
        out.append((s, e, sem))
    return out


_OR_LATER = re.compile(r"\s+(?:or|and)\s+(?P<w>later|beyond|thereafter|afterwards?|earlier|sooner|before)(?![\w-])"
                       r"(?=\s*(?:[,.;:!?)\"”'’]|--|$))", re.IGNORECASE)


def _or_later(text: str, found: list) -> list:
    """"1994 or later", "1990 and beyond": the postmodifier is inside the timex, with TIMEX3's mod ON_OR_AFTER
    (ON_OR_BEFORE for "or earlier"), as TIDES puts postmodifiers inside; the open range is set already."""
    out = []
    for i, (s, e, sem) in enumerate(found):
        m = _OR_LATER.match(text, e) if sem.type == "DATE" and sem.ref is not None and not sem.mod else None
        if m and (i + 1 == len(found) or found[i + 1][0] >= m.end()):
            w = m.group("w").lower()
            sem.mod = "ON_OR_BEFORE" if w in ("earlier", "sooner", "before") else "ON_OR_AFTER"
            e = m.end()
        out.append((s, e, sem))
    return out


def _anchor_durations(text: str, found: list, resolver: Resolver) -> None:
    """A duration next to an event boundary date ("a 10-year war that ended in 1989") gets its span."""
    for i, (s, e, sem) in enumerate(found):
        if sem.type != "DURATION" or sem.first is not None or not sem.dur or sem.dur[0] is None:
            continue
        n, unit = sem.dur
        if resolver.lex["units"][unit].get("clock"):
            continue
        s0, s1 = resolver.sentences.bounds(s)
        if _NUMERIC_START.match(text, s) and _AMOUNT_IN.search(text, max(s0, s - 24), s):
            continue  # "the first talks in two years ended on Tuesday": a gap measured back, not the event's length
        for j in range(i + 1, min(i + 6, len(found))):  # the next few expressions of the same sentence
            s2, e2, other = found[j]
            if s2 >= s1 or s2 - e > 200:
                break
            if other.type != "DATE" or other.ref is None:
                continue
            between = text[e:s2]
            if _END_CUE.search(between):
                start = other.ref.shift(-n, unit if unit != "weekend" else "week")
                if finer(other.ref.gran, unit) or (other.ref.gran == unit and unit in ("day", "week", "month", "quarter")):
                    # counted in finer steps the count is exact: "the fiscal year ending in March 2021" is April 2020
                    # to March 2021, "a 12-day strike that ended on the 15th" began on the 4th, "the three months to
                    # December" are October to December; a 10-year war that ended in 1989 is read from 1979
                    # (a year has no finer step to count in, so both ends' whole years are kept)
                    start = start.shift(1)
                sem.first, sem.last = start.start, other.ref.end
            elif _START_CUE.search(between):
                end = other.ref.shift(n, unit if unit != "weekend" else "week")
                sem.first, sem.last = other.ref.start, end.end if end.gran == other.ref.gran else end.start
            else:
                continue
            sem.precision, sem.basis = other.ref.precision, "narrative"
            break


def _resolve(resolver: Resolver, rule: str, s: int, e: int, g: dict, lang: str):
    """Resolve a candidate; when its rule rejects it, give the later rules a chance at the same place."""
    later = None
    while True:
        try:
            sem = getattr(resolver, "r_" + rule)(g, s, e)
        except (ValueError, OverflowError):  # out-of-calendar arithmetic on odd input ("February 30")
            sem = None
        except Exception:  # a bug in one rule must not cost the caller the whole text: log it loudly, skip it
            log.exception("temporal rule %r failed on %r", rule, resolver.text[s:e])
            sem = None
        if sem is not None:
            return sem, e
        if later is None:
            names = [name for name, _, _ in rules(lang)]
            later = iter(rules(lang)[names.index(rule) + 1:])
        for rule, rx, groups in later:
            m = rx.match(resolver.text, s)
            if m:
                e = m.end()
                g = {short: m.group(full) for full, short in groups}
                break
        else:
            return None, e


def _keeps_anchor(resolver: Resolver, sem: Sem) -> bool:
    """"On 15 April 1912 ... The same year ... the next day": a coarser date worked out from the anchor
    ("that year", "later that month") says nothing new, so the day it came from stays the anchor."""
    a = resolver.anchor
    if a is None or sem.basis != "narrative" or sem.ref.tod:
        return False
    r = sem.ref
    return r.start <= a.start and a.end <= r.end and (r.start, r.end) != (a.start, a.end)


# "the union, founded in 1922,", "a decree, issued in 1974, that ...", "rule that began ... in 1757": a modifier
# of a noun, opened by a comma or a relative pronoun and a verb, then "in" right before the year
_MODIFIER_YEAR = re.compile(r"(?:,|\b(?:which|that|who)\b)\s+(?:[a-z]+\s+){0,1}[a-z]+(?:ed|en|gan|ilt|orn)\b[^,.;:()]{0,60}?\bin\s+\Z")


def _background_year(text: str, s: int, sem: Sem, resolver: Resolver) -> bool:
    """A bare year in a relative clause or participial modifier ("the union, founded in 1922, ...") is background:
    the day or month the story is at stays the anchor, so "in August" and "that month" go on reading from it."""
    a = resolver.anchor
    if a is None or sem.ref.gran != "year" or a.gran not in ("day", "month") or a.start.year == sem.ref.start.year:
        return False
    return _MODIFIER_YEAR.search(text, max(0, s - 90), s) is not None


_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:not|never|already|just|also|first|long|earlier)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t|ne|un|ft)\b",
                           re.IGNORECASE)


def _flashback(text: str, s: int, sem: Sem, resolver: Resolver) -> bool:
    """"The last troops had left two years earlier, under accords signed in January 1973. On April 29, ...": a
    date told in the past perfect, before the one the story is at, is a flashback; the story's date stays the
    anchor for what follows (Reichenbach's reference time returns to the main line)."""
    a = resolver.anchor
    if a is None or not resolver.narrative or sem.ref.end >= a.start:
        return False
    s0, _ = resolver.sentences.bounds(s)
    return _PAST_PERFECT.search(text, s0, s) is not None


def tag_text(text: str, dct: date | None = None, lang: str = "en") -> list[Timex]:
    if isinstance(dct, datetime):
        dct = dct.date()
    cands = list(find(text, lang))
    resolver = Resolver(text, dct, lang)
    resolver.narrative = _narrative(text, cands, dct)
    found: list[tuple[int, int, Sem]] = []
    last_end = 0
    for rule, s, e, g in cands:
        if s < last_end:
            continue
        sem, e = _resolve(resolver, rule, s, e, g, lang)
        if sem is None or in_name(text, s, e, resolver.lex["lowercase_time_words"]):
            continue
        s += sem.trim
        s2, mod = _widen(text, s, e, sem, last_end, lang)
        if mod or s2 != s:
            sem.mod = sem.mod or mod
            s = s2
        found.append((s, e, sem))
        last_end = e
        if sem.ref is not None and sem.type in ("DATE", "TIME") and sem.anchors and not _keeps_anchor(resolver, sem) \
                and not _background_year(text, s, sem, resolver) and not _flashback(text, s, sem, resolver):
            resolver.anchor, resolver.anchor_pos = sem.ref, s
    found = trim_signals(text, temporal_noun_phrases(text, drop_restated_clocks(text, found)))
    found = short_years(text, _clock_days(text, _leading_days(text, _continued_days(text, found))))
    ordered_weekdays(text, found, lang)
    join_ranges(text, found, resolver.sentences, dct)
    open_ranges(text, found, resolver.sentences, dct, lambda a, b: tense(text, a, b, resolver.sentences, lang))
    found = _or_later(text, _compound_durations(text, found))
    _anchor_durations(text, found, resolver)
    return [_to_timex(text, s, e, sem) for s, e, sem in found]
