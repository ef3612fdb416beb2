"""Resolution: one candidate (rule + groups) -> TIMEX3 type, value and calendar interval.

`Resolver` keeps the per-document state the arithmetic needs: the publication date (DCT), the last
date mentioned (the narrative anchor) and whether the text reads as narrative history. One method
per rule in patterns.RULES (`r_<rule>`); a method returns None to reject a candidate (e.g. "may" the
verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .context import Sentences, tense
from .dates import Ref, add, finer, season_ref
from .lexicon import load, norm

DURATION_UNIT = {"S": "S", "M": "M", "H": "H"}


@dataclass
class Sem:
    type: str
    value: str
    ref: Ref | None = None
    basis: str = "explicit"
    mod: str | None = None
    first: date | None = None
    last: date | None = None
    precision: str | None = None
    dur: tuple | None = None  # (amount or None, unit) for durations, used to anchor them later
    anchors: bool = True  # False for comparisons ("a year earlier") that must not move the narrative anchor
    trim: int = 0  # characters to drop from the start of the match ("the" before an adjective)


_ON_DAY = re.compile(r"\s+(?:on\s+)?((?-i:[A-Z])[a-z]+day|today|yesterday|tomorrow)\b", re.IGNORECASE)
_FRACTION = re.compile(r"([0-9]+)\s+([0-9])/([0-9])")


def parse_num(s: str | None, lex: dict) -> float | None:
    """'two' -> 2, '2 1/2' -> 2.5, 'twenty-four' -> 24, 'several' -> None (vague), missing -> 1."""
    if s is None:
        return 1
    t = norm(s).replace("-", " ")
    m = _FRACTION.fullmatch(t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    if t[0].isdigit():
        try:
            return float(t.replace(",", "")) if "," not in t or len(t.split(",")[-1]) == 3 else float(t.replace(",", "."))
        except ValueError:
            return None
    nums = lex["numbers"]
    if t in nums:
        return nums[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return nums[parts[0]] + nums[parts[1]]
    return None


def fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_of(word: str, lex: dict) -> str:
    w = norm(word)
    if w in lex["units"]:
        return w
    if w in lex["unit_plurals"]:
        return lex["unit_plurals"][w]
    if w.endswith("s") and w[:-1] in lex["units"]:
        return w[:-1]
    return w


# a fractional amount is written with the next smaller unit: 2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def duration_value(n: float | None, unit: str, lex: dict) -> str:
    info = lex["units"][unit]
    if n is not None and info.get("factor"):
        n = n * info["factor"]
    code = info["code"]
    clock = bool(info.get("clock"))
    if code == "DE" and n is not None:
        n, code = n * 10, "Y"  # TimeBank writes "two decades" as P20Y
    if code == "CE" and n is not None and not float(n).is_integer():
        n, code = n * 100, "Y"
    if n is not None and not float(n).is_integer():
        key = ("T" if clock else "") + code
        if key in _SMALLER:
            small, k = _SMALLER[key]
            whole, rest = int(n), round((n - int(n)) * k)
            head = f"{whole}{code}" if whole else ""
            if clock or code == "D" and small == "H":
                return "P" + ("" if clock else f"{whole}D" if whole else "") + f"T{head if clock else ''}{rest}{small}"
            return f"P{head}{rest}{small}"
    if clock:
        return f"PT{fmt_num(n)}{code}"
    return f"P{fmt_num(n)}{code}"


class Resolver:
    def __init__(self, text: str, dct: date | None, lang: str = "en"):
        self.text = text
        self.dct = dct
        self.lex = load(lang)
        self.lang = lang
        self.sentences = Sentences(text)
        self.anchor: Ref | None = None  # last date mentioned
        self.narrative = dct is None

    # -- helpers -------------------------------------------------------------------------
    def tense(self, s: int, e: int) -> str | None:
        return tense(self.text, s, e, self.sentences, self.lang)

    def base(self, narrative_ok: bool = True) -> tuple[Ref | None, str]:
        """The reference date for an underspecified expression and the basis it gives."""
        if narrative_ok and self.narrative and self.anchor is not None:
            return self.anchor, "narrative"
        if self.dct is not None:
            return Ref.of("day", self.dct), "relative"
        return None, "unresolved"

    def anaphoric_base(self) -> tuple[Ref | None, str]:
        """For "the following year", "that day": the last date mentioned, else the DCT."""
        if self.anchor is not None:
            return self.anchor, "narrative"
        if self.dct is not None:
            return Ref.of("day", self.dct), "relative"
        return None, "unresolved"

    def year_of(self, y: str) -> int:
        return int(y)

    def month_num(self, mon: str) -> int:
        return self.lex["months"][norm(mon).rstrip(".")]

    def weekday_num(self, wd: str) -> int:
        return self.lex["weekdays"][norm(wd).rstrip(".")]

    def in_month(self, month: int, s: int, e: int, day: int | None = None) -> tuple[Ref | None, str]:
        """A month (or month-day) without a year: the year from tense and the DCT, or from the narrative.

        Past tense -> the latest such date not after the DCT; future -> the first not before it;
        no clear tense -> the one closest to the DCT.
        """
        gran = "day" if day else "month"
        basis_ref, basis = self.base()
        if basis_ref is None:
            return None, "unresolved"
        y = basis_ref.start.year
        if basis == "relative":
            t = self.tense(s, e)
            here = basis_ref.start
            try:
                options = [date(y + k, month, day or 1) for k in (-1, 0, 1)]
            except ValueError:
                return None, "unresolved"
            same_month = day is None and month == here.month
            closest = min(options, key=lambda o: (abs((o - here).days), o > here))
            if same_month:
                pick = options[1]
            elif day and abs((closest - here).days) <= 45:
                pick = closest  # a day within weeks of the DCT is that one, whatever a distant verb says
            elif t == "past":
                pick = max(o for o in options if o <= here)
            elif t == "future":
                pick = min(o for o in options if o >= here)
            else:
                pick = closest
            return Ref(gran, pick), basis
        if basis_ref.gran in ("month", "week", "day") and (month, day or 0) < (basis_ref.start.month, basis_ref.start.day if day else 0):
            y += 1  # a story told in order: "in November 1923 ... in January" is January 1924
        try:
            return Ref(gran, date(y, month, day or 1)), basis
        except ValueError:
            return None, "unresolved"

    def on_weekday(self, wd: int, s: int, e: int, rel: str | None = None) -> tuple[Ref | None, str]:
        basis_ref, basis = self.base()
        if basis_ref is None or (basis == "narrative" and basis_ref.gran not in ("day", "week", "weekend")):
            return None, "unresolved"
        d = basis_ref.start
        delta = wd - d.isoweekday()
        if rel is None:
            t = "future" if basis == "narrative" else self.tense(s, e)
            if t == "future":
                rel = "next_incl"
            elif t == "present":
                # "the storm is due Thursday", "Putin arrives Monday": the nearest such day, later on a tie
                return Ref("day", d + timedelta(days=delta if -3 <= delta <= 3 else (delta - 7 if delta > 3 else delta + 7))), basis
            else:
                rel = "last_incl"
        if rel == "this":
            return Ref("day", d + timedelta(days=delta)), basis
        if rel == "last_incl":
            return Ref("day", d + timedelta(days=delta if delta <= 0 else delta - 7)), basis
        if rel == "next_incl":
            return Ref("day", d + timedelta(days=delta if delta >= 0 else delta + 7)), basis
        if rel == "last":
            return Ref("day", d + timedelta(days=delta if delta < 0 else delta - 7)), basis
        if rel == "next":
            return Ref("day", d + timedelta(days=delta if delta > 0 else delta + 7)), basis
        return None, "unresolved"

    def date_sem(self, ref: Ref | None, basis: str, unresolved: str, typ: str = "DATE", mod: str | None = None) -> Sem:
        if ref is None:
            return Sem(typ, unresolved, None, "unresolved", mod)
        return Sem("TIME" if ref.tod else typ, ref.value, ref, basis, mod)

    # -- clock times -----------------------------------------------------------------------
    def _day_word(self, w: str | None, s: int, e: int) -> tuple[Ref | None, str]:
        if not w:
            # a bare clock time belongs to the day just mentioned ("On Friday ... at 10:35 a.m."), else the DCT's
            if self.anchor is not None and self.anchor.gran == "day" and self._anchor_pos is not None \
                    and s - self._anchor_pos < 250:
                return Ref("day", self.anchor.start), "narrative"
            return self.base(narrative_ok=False) if self.dct else (None, "unresolved")
        w = norm(w)
        if w in ("today", "tonight"):
            return self.deictic_day(0)
        if w == "yesterday":
            return self.deictic_day(-1)
        if w == "tomorrow":
            return self.deictic_day(1)
        return self.on_weekday(self.weekday_num(w), s, e)

    def deictic_day(self, n: int) -> tuple[Ref | None, str]:
        if self.dct is None:
            return None, "unresolved"
        return Ref("day", self.dct + timedelta(days=n)), "relative"

    def r_clock(self, g, s, e):
        h = int(g["h"])
        ap = g["ap"].lower().replace(".", "")
        if h > 12 or h == 0:
            return None
        if ap == "pm" and h != 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        mi = int(g["mi"] or 0)
        wd = g["wd"]
        if not wd and not g["mon"]:
            m = _ON_DAY.match(self.text, e)  # "3:30 p.m. on Monday": the day is a separate timex
            wd = m.group(1) if m else None
        if g["mon"]:
            ref, basis = self.in_month(self.month_num(g["mon"]), s, e, int(re.match(r"[0-9]+", g["d"]).group()))
        else:
            ref, basis = self._day_word(wd, s, e)
        tod = f"{h:02d}:{mi:02d}"
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        return Sem("TIME", Ref("day", ref.start, tod).value, Ref("day", ref.start, tod), basis)

    def r_noon(self, g, s, e):
        tod = "24:00" if norm(g["w"]) == "midnight" else "12:00"
        wd = g["wd"]
        if not wd:
            m = _ON_DAY.match(self.text, e)
            wd = m.group(1) if m else None
        ref, basis = self._day_word(wd, s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    # -- absolute dates ------------------------------------------------------------------------
    def r_iso(self, g, s, e):
        try:
            d = date(int(g["y"]), int(g["mo"]), int(g["d"]))
        except ValueError:
            return None
        tod = f"{g['hh']}:{g['mm']}" if g["hh"] else None
        return self.date_sem(Ref("day", d, tod), "explicit", "")

    def r_numeric(self, g, s, e):
        from .absolute import parse_numeric

        d = parse_numeric(self.text[s:e], self.lang)
        if d is None:
            return None
        return self.date_sem(Ref("day", d), "explicit", "")

    def _mdy(self, g, s, e):
        try:
            month = self.month_num(g["mon"])
            day = int(re.match(r"[0-9]+", g["d"]).group())
        except (KeyError, AttributeError):
            return None
        if norm(g["mon"]).rstrip(".") in self.lex["ambiguous_months"] and not g["mon"][0].isupper():
            return None
        if g["y"]:
            try:
                return self.date_sem(Ref("day", date(int(g["y"]), month, day)), "explicit", "")
            except ValueError:
                return None
        if day > 31:
            return None
        if g.get("wd") and self.dct is not None:
            wd = self.weekday_num(g["wd"])
            for k in (0, -1, 1, -2, 2, -3, 3):
                try:
                    d = date(self.dct.year + k, month, day)
                except ValueError:
                    continue
                if d.isoweekday() == wd:
                    return self.date_sem(Ref("day", d), "relative", "")
        ref, basis = self.in_month(month, s, e, day)
        return self.date_sem(ref, basis, f"XXXX-{month:02d}-{day:02d}")

    r_mdy = _mdy
    r_dmy = _mdy

    def r_month_year(self, g, s, e):
        if norm(g["mon"]).rstrip(".") in self.lex["ambiguous_months"] and not g["mon"][0].isupper():
            return None
        return self.date_sem(Ref("month", date(int(g["y"]), self.month_num(g["mon"]), 1)), "explicit", "")

    def r_month_rel(self, g, s, e):
        month = self.month_num(g["mon"])
        if self.dct is None:
            return Sem("DATE", f"XXXX-{month:02d}", None, "unresolved")
        y = self.dct.year + {"this": 0, "last": -1, "next": 1}[norm(g["rel"])]
        return self.date_sem(Ref("month", date(y, month, 1)), "relative", "")

    def r_holiday(self, g, s, e):
        h = self.lex["holidays"][norm(g["h"])]
        if g["y"]:
            y, basis = int(g["y"]), "explicit"
        else:
            ref, basis = self.base()
            if ref is None:
                if "month" not in h:
                    return Sem("DATE", "XXXX-XX-XX", None, "unresolved")
                return Sem("DATE", f"XXXX-{h['month']:02d}" + (f"-{h['day']:02d}" if "day" in h else ""), None, "unresolved")
            y = ref.start.year
        if "easter" in h:
            d = easter(y) + timedelta(days=h["easter"])
        elif "day" in h:
            d = date(y, h["month"], h["day"])
        else:
            first = date(y, h["month"], 1)
            if h["nth"] > 0:
                d = first + timedelta(days=(h["weekday"] - first.isoweekday()) % 7 + 7 * (h["nth"] - 1))
            else:
                last = add(first, 1, "month") - timedelta(days=1)
                d = last - timedelta(days=(last.isoweekday() - h["weekday"]) % 7)
            d += timedelta(days=h.get("after_day", 0))
        return self.date_sem(Ref("day", d), basis, "")

    # -- quarters, decades, years ---------------------------------------------------------------
    def _rel_year(self, rel: str | None) -> tuple[int | None, str]:
        if self.dct is None:
            return None, "unresolved"
        return self.dct.year + {"this": 0, "last": -1, "next": 1}[norm(rel)], "relative"

    def r_quarter(self, g, s, e):
        gran = "quarter" if norm(g["unit"]) == "quarter" else "half"
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4 if gran == "quarter" else 2}[norm(g["ord"])]
        if gran == "half" and n > 2:
            return None
        y = g["y1"] or g["y2"]
        basis = "explicit"
        if y:
            y = int(y)
        elif g["rel"] or g["rel2"]:
            y, basis = self._rel_year(g["rel"] or g["rel2"])
        elif g["ty"]:
            ref, basis = self.base()
            y = ref.start.year if ref else None
        else:
            ref, basis = self.base()
            y = ref.start.year if ref else None
            if ref is not None and basis == "relative" and self.tense(s, e) == "past":
                # a past-tense quarter that has not started yet at the DCT is last year's
                if date(y, 3 * (n - 1) + 1 if gran == "quarter" else 6 * (n - 1) + 1, 1) > ref.start:
                    y -= 1
        code = f"Q{n}" if gran == "quarter" else f"H{n}"
        if y is None:
            return Sem("DATE", f"XXXX-{code}", None, "unresolved")
        if g["ya"]:
            y -= 1
        start = date(y, 3 * (n - 1) + 1, 1) if gran == "quarter" else date(y, 6 * (n - 1) + 1, 1)
        sem = self.date_sem(Ref(gran, start), basis, "")
        if g["the"] and not g["ya"] and not (g["y1"] or g["rel"]):
            tail = self.text[s + len(g["the"]):e]
            if re.match(r"\S+-", tail) and not re.search(r"\s(?:of|for)\s", tail):
                sem.trim = len(g["the"])  # "the third-quarter loss": "the" belongs to "loss"
        return sem

    def r_qcode(self, g, s, e):
        letter = self.text[s]
        n = int(g["q"])
        gran = "quarter" if letter == "Q" else "half"
        if gran == "half" and n > 2:
            return None
        if g["y"]:
            y, basis = int(g["y"]), "explicit"
        elif g["yy"]:
            yy = int(g["yy"])
            y, basis = (2000 + yy if yy < 50 else 1900 + yy), "explicit"
        else:
            ref, basis = self.base()
            if ref is None:
                return Sem("DATE", f"XXXX-{letter}{n}", None, "unresolved")
            y = ref.start.year
        start = date(y, 3 * (n - 1) + 1, 1) if gran == "quarter" else date(y, 6 * (n - 1) + 1, 1)
        return self.date_sem(Ref(gran, start), basis, "")

    def r_decade(self, g, s, e):
        if g["dec"]:
            d = g["dec"].replace("'", "").rstrip("sS")
            if len(d) == 2:  # '80s: the century comes from the DCT or the narrative
                ref, _ = self.base()
                century = (ref.start.year // 100) if ref else 19
                if ref and int(d) > ref.start.year % 100 + 10:
                    century -= 1
                y = century * 100 + int(d)
            else:
                y = int(d)
        else:
            words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            ref, _ = self.base()
            century = (ref.start.year // 100) if ref else 19
            y = century * 100 + 20 + 10 * words.index(norm(g["decw"]))
            if ref and y > ref.start.year:
                y -= 100
        return self.date_sem(Ref("decade", date(y, 1, 1)), "explicit", "")

    def r_century(self, g, s, e):
        o = norm(g["ord"])
        n = self.lex["ordinals"].get(o) or (int(o[:-2]) if o[:-2].isdigit() else None)
        if not n:
            return None
        if g["era"] and norm(g["era"]).replace(".", "") in ("bc", "bce"):
            return Sem("DATE", f"BC{n - 1:02d}", None, "explicit", precision="unknown")
        return self.date_sem(Ref("century", date((n - 1) * 100 or 1, 1, 1)), "explicit", "")

    def r_year_words(self, g, s, e):
        w = norm(g["w"]).replace("-", " ").split()
        nums = self.lex["numbers"]
        if w[0] == "two":
            rest = [x for x in w[2:] if x != "and"]
            y = 2000 + (parse_num(" ".join(rest), self.lex) or 0 if rest else 0)
        else:
            tail = parse_num(" ".join(w[1:]), self.lex)
            if tail is None or tail < 10:
                return None
            y = 1900 + int(tail)
        if w[0] == "nineteen" and "year" not in norm(self.text[s:e]) and not any(n in nums for n in w[1:2]):
            return None
        return self.date_sem(Ref("year", date(int(y), 1, 1)), "explicit", "")

    def r_fiscal(self, g, s, e):
        return self.date_sem(Ref("year", date(int(g["y"]), 1, 1)), "explicit", "")

    def r_year_unit(self, g, s, e):
        y = int(g["y"])
        unit = norm(g["unit"])
        if unit in ("quarter", "period", "half") and self.anchor is not None and self.anchor.gran in ("quarter", "half"):
            a = self.anchor.start
            return self.date_sem(Ref(self.anchor.gran, date(y, a.month, 1)), "narrative", "")
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    def r_the_year(self, g, s, e):
        if g["ended"]:
            return Sem("DURATION", "P1Y", None, "explicit", precision="unknown", dur=(1, "year"))
        ref, basis = self.base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved")
        return self.date_sem(Ref.of("year", ref.start), basis, "")

    def r_season_year(self, g, s, e):
        code = self.lex["seasons"][norm(g["s"] or g["s2"])]
        return self.date_sem(season_ref(int(g["y"] or g["y2"]), code), "explicit", "")

    def r_year(self, g, s, e):
        y = int(g["y"])
        if g["era"] and norm(g["era"]).replace(".", "") in ("bc", "bce"):
            return Sem("DATE", f"BC{y:04d}", None, "explicit", precision="year")
        if y < 1000:
            return None
        if y < 1600 and not g["era"]:
            before = self.text[max(0, s - 12):s].lower().split()
            if not before or before[-1] not in ("in", "since", "by", "until", "from", "of", "during", "before", "after", "around", "circa", "c.", "year"):
                return None
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    # -- relative expressions ----------------------------------------------------------------------
    def r_deictic(self, g, s, e):
        w = norm(g["w"])
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        tod = "NI" if w == "tonight" else (self.lex["parts_of_day"][norm(g["pod"])] if g["pod"] else None)
        ref, basis = self.deictic_day(n)
        if ref is None:
            return Sem("TIME" if tod else "DATE", "XXXX-XX-XX" + (f"T{tod}" if tod else ""), None, "unresolved")
        return self.date_sem(Ref("day", ref.start, tod), basis, "")

    def r_this_pod(self, g, s, e):
        rel = norm(g["rel"])
        tod = self.lex["parts_of_day"][norm(g["pod"])]
        if rel in ("that", "the same"):
            ref, basis = self.anaphoric_base()
            if ref is None or ref.gran != "day":
                return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
            r = Ref("day", ref.start, tod)
            return Sem("TIME", r.value, r, basis)
        n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        if rel == "last" and tod != "NI":
            return None
        ref, basis = self.deictic_day(n)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_wd_pod(self, g, s, e):
        if not g["wd"][0].isupper():
            return None
        tod = self.lex["parts_of_day"][norm(g["pod"])]
        ref, basis = self.on_weekday(self.weekday_num(g["wd"]), s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-WXX-{self.weekday_num(g['wd'])}T{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_weekday(self, g, s, e):
        if not g["wd"][0].isupper():
            return None
        wd = self.weekday_num(g["wd"])
        ref, basis = self.on_weekday(wd, s, e)
        return self.date_sem(ref, basis, f"XXXX-WXX-{wd}")

    def r_month(self, g, s, e):
        mon = g["mon"]
        key = norm(mon).rstrip(".")
        if not mon[0].isupper():
            return None
        if key in self.lex["ambiguous_months"] or (len(key) <= 4 and not mon.endswith(".") and key not in ("june", "july")):
            before = self.text[max(0, s - 16):s].lower().split()
            cue = before[-1] if before else ""
            if cue not in ("in", "since", "by", "until", "till", "through", "during", "early", "late", "mid", "mid-",
                           "last", "next", "this", "of", "from", "before", "after", "around", "that", "each", "every",
                           "end", "beginning", "and", "or", "to"):
                if not self.text[s - 4:s].lower().endswith("mid-"):
                    return None
        month = self.month_num(mon)
        ref, basis = self.in_month(month, s, e)
        return self.date_sem(ref, basis, f"XXXX-{month:02d}")

    def r_season(self, g, s, e):
        code = self.lex["seasons"][norm(g["s"] or g["s2"])]
        if g["rel"]:
            y, basis = self._rel_year(g["rel"])
            if y is None:
                return Sem("DATE", f"XXXX-{code}", None, "unresolved")
            return self.date_sem(season_ref(y, code), basis, "")
        return self._season(code, None, s, e)

    def _season(self, code: str, rel: str | None, s: int, e: int) -> Sem:
        ref, basis = self.base() if rel not in ("following", "previous", "that", "same", "preceding", "prior") else self.anaphoric_base()
        if ref is None:
            return Sem("DATE", f"XXXX-{code}", None, "unresolved")
        here = Ref.of("season", ref.start)
        this_year = season_ref(ref.start.year if not (code == "WI" and ref.start.month <= 2) else ref.start.year - 1, code)
        if rel in ("last", "past", "previous", "preceding", "prior"):
            r = this_year if this_year.start < here.start else this_year.shift(-4)
        elif rel in ("next", "coming", "following"):
            r = this_year if this_year.start > here.start else this_year.shift(4)
        elif rel in ("this", "current", "that", "same", None):
            r = this_year
            if rel is None and basis == "relative":
                t = self.tense(s, e)
                if t == "past" and r.start > here.start:
                    r = r.shift(-4)
                elif t == "future" and r.end < here.start:
                    r = r.shift(4)
        else:
            return Sem("DATE", f"XXXX-{code}", None, "unresolved")
        return self.date_sem(r, basis, "")

    def r_the_unit(self, g, s, e):
        u = norm(g["unit"])
        if u in self.lex["seasons"]:
            return self._season(self.lex["seasons"][u], None, s, e)
        if u == "weekend":
            ref, basis = self.base()
            if ref is None:
                return Sem("DATE", "XXXX-WXX-WE", None, "unresolved")
            r = Ref.of("weekend", ref.start)
            if basis == "relative" and self.tense(s, e) == "past" and r.start > ref.start:
                r = r.shift(-1)
            return self.date_sem(r, basis, "")
        if u == "quarter":
            if g["ly"]:
                return self._rel("year-earlier", "quarter", s, e)
            r = self.latest("quarter")
            return self.date_sem(r, "narrative" if r is self.anchor else "relative", "XXXX-QX")
        return None

    def r_rel_unit(self, g, s, e):
        rel = norm(g["rel"])
        has_the = norm(self.text[s:e]).startswith("the ")
        unit = norm(g["unit"])
        if rel == "this past":
            rel = "last"
        if has_the and rel in ("last", "past"):
            rel = "past_the"
        if g["ly"]:
            rel = "year-earlier"
        rel = rel.replace("comparable ", "").replace("corresponding ", "").replace("that same", "same").replace("this same", "same")
        return self._rel(rel, unit, s, e, original=g["unit"])

    def _rel(self, rel: str, unit: str, s: int, e: int, original: str = "") -> Sem | None:
        lex = self.lex
        key = unit.rstrip(".")
        if key in lex["weekdays"] and (original[:1].isupper() or not original):
            wd = lex["weekdays"][key]
            if rel in ("following", "next") and rel == "following":
                ref, basis = self.anaphoric_base()
                if ref is None or ref.gran != "day":
                    return Sem("DATE", f"XXXX-WXX-{wd}", None, "unresolved")
                delta = (wd - ref.start.isoweekday()) % 7 or 7
                return self.date_sem(Ref("day", ref.start + timedelta(days=delta)), basis, "")
            if rel in ("previous", "preceding", "prior"):
                ref, basis = self.anaphoric_base()
                if ref is None or ref.gran != "day":
                    return Sem("DATE", f"XXXX-WXX-{wd}", None, "unresolved")
                delta = (ref.start.isoweekday() - wd) % 7 or 7
                return self.date_sem(Ref("day", ref.start - timedelta(days=delta)), basis, "")
            mode = {"last": "last", "past_the": "last", "next": "next", "coming": "next", "this": "this"}.get(rel)
            if mode is None:
                return None
            ref, basis = self.on_weekday(wd, s, e, mode)
            return self.date_sem(ref, basis, f"XXXX-WXX-{wd}")
        if key in lex["months"]:
            if original and not original[0].isupper():
                return None
            month = lex["months"][key]
            if rel in ("following", "previous", "preceding", "prior", "that", "same"):
                ref, basis = self.anaphoric_base()
            else:
                ref, basis = (Ref.of("day", self.dct), "relative") if self.dct else (None, "unresolved")
            if ref is None:
                return Sem("DATE", f"XXXX-{month:02d}", None, "unresolved")
            y = ref.start.year
            if rel in ("last", "past_the", "previous", "preceding", "prior"):
                y -= 1 if month >= ref.start.month else 0
            elif rel in ("next", "coming", "following"):
                y += 1 if month <= ref.start.month else 0
            return self.date_sem(Ref("month", date(y, month, 1)), basis, "")
        if key in lex["seasons"]:
            return self._season(lex["seasons"][key], {"past_the": "last"}.get(rel, rel), s, e)
        if key in ("hour", "minute"):
            if rel not in ("past_the", "last", "next", "coming", "past"):
                return None
            return Sem("DURATION", duration_value(1, key, lex), None, "explicit", precision="unknown", dur=(1, key))
        gran = {"season": None, "period": None}.get(key, key)
        anaphoric = rel in ("following", "previous", "preceding", "prior", "same", "that", "latest", "most recent",
                            "year-earlier", "year-ago", "year-before", "comparable", "corresponding", "recent")
        if rel == "next" and norm(self.text[s:e]).startswith("the "):
            anaphoric = True
        ref, basis = self.anaphoric_base() if anaphoric else (
            (Ref.of("day", self.dct), "relative") if self.dct else (None, "unresolved"))
        if gran is None:
            if key == "period" and ref is not None and ref.gran in ("quarter", "half", "month", "year", "week"):
                gran = ref.gran
            elif key == "period" and rel in ("latest", "year-earlier", "year-ago", "comparable", "corresponding", "same"):
                gran = "quarter"
            else:
                return None
        if gran == "century" and rel not in ("this", "last", "next", "past_the", "previous", "current", "same", "that"):
            return None
        if ref is None:
            return Sem("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                                "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX"}.get(gran, "XXXX"), None, "unresolved")
        here = ref.coarsen(gran) if finer(ref.gran, gran) or ref.gran == gran else Ref.of(gran, ref.start)
        if rel in ("this", "current", "same", "that"):
            r = here
        elif rel in ("last", "past_the", "previous", "preceding", "prior"):
            r = here.shift(-1)
        elif rel in ("next", "coming", "following"):
            r = here.shift(1)
        elif rel in ("latest", "most recent", "recent"):
            r = self.latest(gran)
        elif rel in ("year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
            r = self.latest(gran)
            if r is None:
                return None
            sem = self.date_sem(r.shift(-1, "year"), basis, "")
            sem.anchors = False
            return sem
        else:
            return None
        if r is None:
            return None
        if gran == "day" and rel in ("this",):
            return None
        if rel == "past_the" and gran in ("day", "week", "month", "quarter", "year", "decade", "century"):
            # TIMEX3: "the past year" is the twelve months up to now, a duration
            first = add(self.dct, -1, gran) + timedelta(days=1) if self.dct else None
            return Sem("DURATION", duration_value(1, gran, self.lex), None, "relative" if self.dct else "unresolved",
                       first=first, last=self.dct if self.dct else None, precision=_prec(gran) if self.dct else "unknown",
                       dur=(1, gran))
        return self.date_sem(r, basis, "")

    def latest(self, gran: str) -> Ref | None:
        """The period a report is about: the last one of that size mentioned, else the last complete one."""
        if self.anchor is not None and self.anchor.gran == gran:
            return self.anchor
        if self.dct is not None:
            return Ref.of(gran, self.dct).shift(-1)
        return None

    def r_yago(self, g, s, e):
        return self._rel("year-earlier", norm(g["unit"]) if norm(g["unit"]) != "year" else "period", s, e) or \
            self._rel("year-earlier", "year", s, e)

    def r_pos_unit(self, g, s, e):
        pm = {"beginning": "START", "start": "START", "middle": "MID", "end": "END", "close": "END", "turn": "START"}[norm(g["pm"])]
        unit = norm(g["unit"])
        ref, basis = self.anaphoric_base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved", pm)
        r = Ref.of(unit, ref.start)
        sem = self.date_sem(r, basis, "")
        sem.mod = pm
        return sem

    def r_unit_end(self, g, s, e):
        unit = norm(g["unit"])
        ref, basis = self.base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved", "END")
        r = Ref.of(unit, ref.start)
        return self.date_sem(Ref("day", r.end), basis, "")

    def r_day_before(self, g, s, e):
        unit = norm(g["unit"])
        unit = "day" if unit == "night" else unit
        n = -1 if norm(g["dir"]) in ("before", "earlier") else 1
        ref, basis = self.anaphoric_base()
        if ref is None:
            return Sem("DATE", "XXXX-XX-XX", None, "unresolved")
        base = ref if ref.gran == unit or finer(ref.gran, unit) else ref
        r = Ref.of(unit, base.start).shift(n)
        if norm(g["unit"]) == "night":
            r = Ref("day", r.start, "NI")
        return self.date_sem(r, basis, "")

    def r_ago(self, g, s, e):
        lex = self.lex
        n = parse_num(g["n"], lex) if g["n"] else None
        unit = unit_of(g["unit"], lex)
        if unit not in lex["units"]:
            return None
        direction = norm(g["dir"])
        sign = 1 if direction in ("later", "from now", "hence") else -1
        if g["n"] is None and not g["unit"].lower().endswith("s"):
            return None  # "year ago" without a number is not an expression
        if n is None:
            return Sem("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "relative")
        info = lex["units"][unit]
        if info.get("clock"):
            gran = "day"
        else:
            gran = info["gran"] if unit != "weekend" else "week"
        if direction in ("earlier", "later"):
            ref, basis = self.anaphoric_base()
        else:
            ref, basis = (Ref.of("day", self.dct), "relative") if self.dct else (None, "unresolved")
            if ref is not None and self.anchor is not None and n == 1 and gran == "year" \
                    and self.anchor.gran in ("quarter", "half") and self._anchor_pos is not None and s - self._anchor_pos < 300:
                # "profit fell from a year ago" right after "the third quarter": that quarter last year
                ref, basis = self.anchor, "narrative"
        if ref is not None and basis == "narrative" and n == 1 and finer(ref.gran, gran):
            gran = ref.gran  # "a year earlier" than a quarter is that quarter a year before
        if ref is None:
            return Sem("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(gran, "XXXX"),
                       None, "unresolved")
        if info.get("clock"):
            per_day = {"second": 86400, "minute": 1440, "hour": 24}[unit]
            r = Ref.of("day", ref.start + timedelta(days=int(sign * n // per_day)))
        elif gran in ("decade", "century", "millennium"):
            r = Ref.of("year", add(ref.start, sign * n, unit))
        else:
            r = Ref.of(gran, add(ref.start, sign * n, unit)) if ref.gran != gran else ref.shift(sign * n, unit)
        sem = self.date_sem(r, basis, "")
        sem.anchors = sign > 0
        return sem

    _anchor_pos: int | None = None

    # -- durations -------------------------------------------------------------------------------
    def r_duration(self, g, s, e):
        lex = self.lex
        unit = unit_of(g["unit"], lex)
        if unit not in lex["units"]:
            return None
        raw = norm(g["n"])
        n = parse_num(g["n"], lex)
        plural = g["unit"].lower().endswith("s") and unit != g["unit"].lower()
        if raw in ("a", "an") and plural:
            return None
        if raw in ("a", "an", "one") and unit == "second":
            return None
        if raw in ("a", "an") and unit in ("night",):
            return None
        trim = len(g["n"]) + 1 if raw in ("a", "an") and g["adj"] == "long" else 0
        if raw[0].isdigit() and n is not None and n > 10000:
            return None
        if g["half"] or g["half2"]:
            n = None if n is None else n + 0.5
        after = self.text[e:e + 12].lower()
        if unit == "quarter" and (after.startswith(" of") or raw not in ("a", "one", "two", "three", "four") and not raw[0].isdigit()):
            return None  # "three-quarters of the vote" is a fraction
        if unit == "quarter" and after.startswith(" of"):
            return None
        if re.match(r"(?:\s+|-)old\b", after) or g["adj"] == "old":
            return None  # ages are not time expressions in TimeBank
        if raw[0].isdigit() and n is not None and n >= 1000 and float(n).is_integer() and "," not in raw:
            return None  # "the 1988 quarter"
        # "$40 a year", "twice a day": a rate, i.e. a SET
        if raw in ("a", "an") and _is_rate(self.text[max(0, s - 30):s].lower()):
            return Sem("SET", duration_value(1, unit, lex), None, "explicit")
        if raw == "one" and unit == "day" and not g["adj"]:
            after = self.text[e:e + 2]
            if self.tense(s, e) == "future" and not after.startswith(" o"):
                return Sem("DATE", "FUTURE_REF", None, "relative")
        return Sem("DURATION", duration_value(n, unit, lex), None, "explicit", precision="unknown", dur=(n, unit), trim=trim)

    def r_dur_rel(self, g, s, e):
        lex = self.lex
        unit = unit_of(g["unit"], lex)
        if unit not in lex["units"]:
            return None
        n = parse_num(g["n"], lex)
        rel = norm(g["rel"])
        value = duration_value(n, unit, lex)
        if self.dct is not None and n is not None and rel in ("past", "last", "next", "coming") and unit in lex["units"] \
                and not lex["units"][unit].get("clock"):
            gran = lex["units"][unit].get("gran", "day")
            if rel in ("past", "last"):
                first = add(self.dct, -n, unit if unit != "weekend" else "week") + timedelta(days=1)
                return Sem("DURATION", value, None, "relative", first=first, last=self.dct, precision=_prec(gran), dur=(n, unit))
            last = add(self.dct, n, unit if unit != "weekend" else "week")
            return Sem("DURATION", value, None, "relative", first=self.dct + timedelta(days=1), last=last,
                       precision=_prec(gran), dur=(n, unit))
        return Sem("DURATION", value, None, "explicit", precision="unknown", dur=(n, unit))

    def r_dur_the(self, g, s, e):
        lex = self.lex
        unit = unit_of(g["unit"], lex)
        n = parse_num(g["n"], lex)
        if unit not in lex["units"] or norm(g["n"]) in ("a", "an") or (n is not None and n >= 1000):
            return None
        return Sem("DURATION", duration_value(n, unit, lex), None, "explicit", precision="unknown", dur=(n, unit))

    def r_unit_long(self, g, s, e):
        """"weeklong", "day-long" (one unit); "months-long" (a vague number of them)."""
        unit = unit_of(g["unit"], self.lex)
        n = None if g["plural"] else 1
        return Sem("DURATION", duration_value(n, unit, self.lex), None, "explicit", precision="unknown", dur=(n, unit))

    def r_vague_plural(self, g, s, e):
        rel = norm(g["rel"])
        future = rel in ("coming", "next", "following", "later", "future", "upcoming", "ensuing", "subsequent")
        return Sem("DATE", "FUTURE_REF" if future else "PAST_REF", None, "relative", precision="unknown")

    def r_the_years(self, g, s, e):
        unit = unit_of(g["unit"], self.lex)
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "explicit", precision="unknown", dur=(None, unit))

    def r_recent_units(self, g, s, e):
        # TimeBank: "recent months" is a vague duration (PXM); "recent years" stays PAST_REF (lexicon)
        unit = unit_of(g["unit"], self.lex)
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "relative", precision="unknown", dur=(None, unit))

    def r_bare_plural(self, g, s, e):
        before = self.text[max(0, s - 16):s].lower().split()
        if not before or before[-1] not in self.lex["bare_plural_cues"]:
            return None
        unit = unit_of(g["unit"], self.lex)
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "explicit", precision="unknown", dur=(None, unit))

    # -- recurring and vague ---------------------------------------------------------------------
    def r_set(self, g, s, e):
        lex = self.lex
        if g["word"]:
            w = norm(g["word"])
            after = self.text[e:e + 30].lower().split()
            if after and after[0].strip(".,;:") in lex["set_blockers"]:
                return None
            return Sem("SET", lex["sets"][w], None, "explicit")
        if g["wd"] or g["wd2"] or g["wd3"]:
            wd_s = g["wd"] or g["wd2"] or g["wd3"]
            if not wd_s[0].isupper():
                return None
            key = norm(wd_s).rstrip(".")
            key = key[:-1] if key.endswith("s") and key[:-1] in lex["weekdays"] else key
            pod = g["pod"] or g["pod3"]
            tod = lex["parts_of_day"].get(norm(pod).rstrip("s")) if pod else None
            return Sem("SET", f"XXXX-WXX-{lex['weekdays'][key]}" + (f"T{tod}" if tod else ""), None, "explicit")
        if g["mon"]:
            return Sem("SET", f"XXXX-{self.month_num(g['mon']):02d}", None, "explicit")
        if g["s"]:
            return Sem("SET", f"XXXX-{lex['seasons'][norm(g['s'])]}", None, "explicit")
        unit_s = g["unit"] if g["unit"] and not (g["wd"] or g["mon"] or g["s"]) else g["unit2"] or g["unit3"]
        if not unit_s:
            return None
        unit = unit_of(unit_s, lex)
        if unit not in lex["units"]:
            return None
        n = parse_num(g["n"], lex) if g["n"] else 1
        if g["n"] and re.search(r"\bother\b", self.text[s:e].lower()) is None and n is None:
            return None
        if re.search(r"\bother\b", self.text[s:e].lower()):
            n = 2 * (n or 1)
        return Sem("SET", duration_value(n, unit, lex), None, "explicit")

    def r_vague(self, g, s, e):
        w = norm(g["w"])
        value = self.lex["vague"][w]
        if w == "soon" and (re.search(r"\bas\s+$", self.text[max(0, s - 4):s], re.IGNORECASE)
                            or re.match(r"\s+(?:after|as|thereafter)\b", self.text[e:e + 12], re.IGNORECASE)):
            return None  # "as soon as", "soon after": conjunctions, not a time
        return Sem("DATE", value, None, "relative", precision="unknown")


_RATE_BEFORE = re.compile(r"(?:[0-9%]|percent|cents?|dollars?|once|twice|times|(?P<plural>[a-z]{3,}s))\s*$")
_NOT_RATE = frozenset("""lasts takes needs requires spends gets remains has was is does its this his hers ours yours theirs
us as plus less across towards afterwards always perhaps besides thus whereas news""".split())


def _is_rate(before: str) -> bool:
    """"$40 a year", "twice a day", "10 hours a day", "two meals a day": 'a <unit>' as a rate (a SET)."""
    m = _RATE_BEFORE.search(before)
    if not m:
        return False
    word = m.group("plural")
    return word is None or (word not in _NOT_RATE and not word.endswith("ss"))


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _prec(gran: str) -> str:
    from .dates import PRECISION

    return PRECISION.get(gran, "unknown")
