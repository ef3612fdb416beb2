"""Rules for dates and times that carry their own calendar position: clock times, written dates, quarters,
years, decades, centuries, holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendars import Feast, feasts, is_movable
from .dates import Ref, add, season_ref, year_ending
from .patterns import DAY_WORDS
from .lexicon import lookup, norm
from .semantics import Sem, parse_num


_CAPITALISED_NEXT = re.compile(r"[ \t]+((?-i:[A-Z])[a-z]+)\b")
# "the first half of the 1990s", "the last quarter of the 20th century": the decade or century is the timex and
# "the first half of" its modifier (lexicon position_of), not the first half of the DCT's year
_OF_LONGER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?:(?:1[0-9]|20)[0-9]0['’]?s|['’][0-9]0s|twenties|thirties"
                        r"|forties|fifties|sixties|seventies|eighties|nineties|(?:[0-9]{1,2}|[a-z]+-)?[a-z]*(?:st|nd|rd|th)[-\s]+century)(?![a-z])",
                        re.IGNORECASE)
_NAMED_YEAR = re.compile(r"the\s+(?:International\s+)?(?-i:Year)\s+of\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_CLOCK_PREP = re.compile(r"\b(?:at|by|until|till|from|since|before|after|around|about|to)\s+$", re.IGNORECASE)


class AbsoluteRules:
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
        if g["mon"]:
            ref, basis = self.in_month(self.month_num(g["mon"]), s, e, int(re.match(r"[0-9]+", g["d"]).group()))
        else:
            ref, basis = self._day_word(wd, s, e)
        tod = f"{h:02d}:{mi:02d}"
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        return Sem("TIME", Ref("day", ref.start, tod).value, Ref("day", ref.start, tod), basis)

    def r_clock_words(self, g, s, e):
        """"10 o'clock", "4 in the morning"."""
        h = int(g["h"])
        if not 1 <= h <= 12:
            return None
        pod = g["pod"] or g["pod2"]
        if pod and norm(pod) in ("afternoon", "evening", "night") and h != 12:
            h += 12
        tod = f"{h:02d}:{int(g['mi'] or 0):02d}"
        ref, basis = self._day_word(None, s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_clock24(self, g, s, e):
        """"1430 GMT", "10:30 local time", "0600 hours": a 24-hour clock time on the day in focus. "1000 hours"
        is a clock time only with a leading zero or after a preposition ("at 2100 hours"); else an amount."""
        if g.get("hrs") and not g["h"].startswith("0") and not _CLOCK_PREP.search(self.text, max(0, s - 8), s):
            return None
        return self.r_clock_colon(g, s, e)

    def r_clock_colon(self, g, s, e):
        tod = f"{int(g['h']):02d}:{g['mi']}"
        ref, basis = self._day_word(None, s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_noon(self, g, s, e):
        before = re.search(r"([A-Za-z]+)\s+$", self.text[max(0, s - 20):s])
        word = before.group(1) if before else ""
        if word.lower() == "high" or (word[:1].isupper() and norm(word) not in self.lex["weekdays"]
                                      and word.lower() not in ("at", "by", "until", "till", "before", "after", "from",
                                                               "since", "around", "about", "on", "today", "tomorrow")):
            return None  # "High Noon", "high noon comes today": a name or the idiom, not the clock time
        tod = "24:00" if norm(g["w"]) == "midnight" else "12:00"
        ref, basis = self._day_word(g["wd"], s, e)
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

        # slashes are month-first in English; dots and dashes are the day-first European forms
        d = parse_numeric(self.text[s:e], self.lang, day_first=bool(g["dot"] or g["dash"]))
        if d is None:
            return None
        return self.date_sem(Ref("day", d), "explicit", "")

    def _mdy(self, g, s, e):
        try:
            month = self.month_num(g["mon"])
            d = norm(g["d"]).replace(" ", "-")
            day = DAY_WORDS[d] if d in DAY_WORDS else int(re.match(r"[0-9]+", d).group())
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
        if g.get("wd"):
            # "Thursday, Oct. 24": the year near the story's date (the DCT in news, the anchor in a history) in
            # which that day is that weekday
            here, basis = self.base()
            wd = self.weekday_num(g["wd"])
            for k in (0, -1, 1, -2, 2, -3, 3) if here is not None else ():
                try:
                    d = date(here.start.year + k, month, day)
                except ValueError:
                    continue
                if d.isoweekday() == wd:
                    return self.date_sem(Ref("day", d), basis, "")
        ref, basis = self.in_month(month, s, e, day)
        return self.date_sem(ref, basis, f"XXXX-{month:02d}-{day:02d}")

    r_mdy = _mdy
    r_dmy = _mdy

    def r_part_of_month(self, g, s, e):
        """"the last week of March", "the first day of the month"."""
        if g["mon"]:
            month = self.month_num(g["mon"])
            if g["y"]:
                ref, basis = Ref("month", date(int(g["y"]), month, 1)), "explicit"
            else:
                ref, basis = self.in_month(month, s, e)
                if ref is None:
                    return Sem("DATE", f"XXXX-{month:02d}", None, "unresolved")
        else:
            ref, basis = self.anaphoric_base()
            if ref is None:
                return Sem("DATE", "XXXX-XX", None, "unresolved")
            ref = Ref.of("month", ref.start)
        unit = norm(g["unit"])
        pos = norm(g["pos"])
        n = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(pos)
        if unit == "day":
            d = ref.end if n is None else ref.start + timedelta(days=n)
            return self.date_sem(Ref("day", d), basis, "")
        if n is None:  # last/final week: the one holding the month's last day
            return self.date_sem(Ref.of(unit, ref.end), basis, "")
        first = Ref.of(unit, ref.start)
        if first.start < ref.start:  # a week that begins in the previous month is not this month's first
            first = first.shift(1)
        return self.date_sem(first.shift(n), basis, "")

    def r_year2(self, g, s, e):
        """"in '98": the century that puts the year closest before the DCT (or the narrative date)."""
        yy = int(g["yy"])
        ref, _ = self.base()
        now = ref.start.year if ref else 2000
        y = now - now % 100 + yy
        if y > now + 10:
            y -= 100
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    def r_fy(self, g, s, e):
        y = int(g["y"])
        if y < 100:
            y += 2000 if y < 50 else 1900
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    def r_week_of(self, g, s, e):
        """"the week of March 6": the week holding that day."""
        month, day = self.month_num(g["mon"]), int(re.match(r"[0-9]+", g["d"]).group())
        if g["y"]:
            try:
                ref, basis = Ref("day", date(int(g["y"]), month, day)), "explicit"
            except ValueError:
                return None
        else:
            ref, basis = self.in_month(month, s, e, day)
        unit = norm(g["unit"])
        if ref is None:
            return Sem("DATE", "XXXX-WXX", None, "unresolved")
        return self.date_sem(Ref.of(unit, ref.start), basis, "")

    def r_day_only(self, g, s, e):
        """"on the 20th": that day of the month in focus (the last date mentioned, else the DCT's month)."""
        day = int(g["d"][:-2])
        ref, basis = self.anaphoric_base()
        if ref is None:
            return Sem("DATE", f"XXXX-XX-{day:02d}", None, "unresolved")
        start = ref.start
        if self.narrative and basis == "narrative" and ref.gran == "day" and day < start.day:
            start = add(start.replace(day=1), 1, "month")  # a history told in order: "On 20 June ... on the 14th" is July
        try:
            return self.date_sem(Ref("day", start.replace(day=day)), basis, "")
        except ValueError:
            return None

    def r_month_year(self, g, s, e):
        if norm(g["mon"]).rstrip(".") in self.lex["ambiguous_months"] and not g["mon"][0].isupper():
            return None
        y = self.year_number(g["y"])
        if y is None:
            return None
        return self.date_sem(Ref("month", date(y, self.month_num(g["mon"]), 1)), "explicit", "")

    def r_month_rel(self, g, s, e):
        month = self.month_num(g["mon"])
        if self.dct is None:
            return Sem("DATE", f"XXXX-{month:02d}", None, "unresolved")
        y = self.dct.year + {"this": 0, "last": -1, "next": 1}[norm(g["rel"])]
        return self.date_sem(Ref("month", date(y, month, 1)), "relative", "")

    def r_mdy_rel(self, g, s, e):
        month, day = self.month_num(g["mon"]), int(re.match(r"[0-9]+", g["d"]).group(0))
        if self.dct is None:
            return Sem("DATE", f"XXXX-{month:02d}-{day:02d}", None, "unresolved")
        y = self.dct.year + {"this": 0, "last": -1, "next": 1}[norm(g["rel"])]
        try:
            return self.date_sem(Ref("day", date(y, month, day)), "relative", "")
        except ValueError:
            return None

    def r_holiday(self, g, s, e):
        h = lookup(self.lex["holidays"], g["h"])
        nxt = _CAPITALISED_NEXT.match(self.text, e)
        if nxt and not g["y"] and norm(nxt.group(1)) not in self.lex["weekdays"] and norm(nxt.group(1)) not in self.lex["months"]:
            return None  # "the Good Friday Agreement", "the Easter Rising", "the Tet Offensive": names of events
        if is_movable(h):
            return self._movable_holiday(h, g, s, e)
        if g["y"]:
            return self.date_sem(Ref("day", holiday_date(h, int(g["y"]))), "explicit", "")
        ref, basis = self.base()
        if ref is None:
            if "month" not in h:
                return Sem("DATE", "XXXX-XX-XX", None, "unresolved")
            return Sem("DATE", f"XXXX-{h['month']:02d}" + (f"-{h['day']:02d}" if "day" in h else ""), None, "unresolved")
        here = ref.start
        options = [holiday_date(h, here.year + k) for k in (-1, 0, 1)]
        rel = norm(g["rel"] or "")
        if rel in ("last", "this past"):  # "last Christmas": the one before the reference day
            return self.date_sem(Ref("day", max(o for o in options if o < here)), basis, "")
        if rel in ("next", "this coming"):
            return self.date_sem(Ref("day", min(o for o in options if o > here)), basis, "")
        t = self.tense(s, e) if basis == "relative" else None
        if t == "past":
            d = max(o for o in options if o <= here)
        elif t == "future":
            d = min(o for o in options if o >= here)
        else:
            d = options[1]
        return self.date_sem(Ref("day", d), basis, "")

    def _movable_holiday(self, h: dict, g, s, e):
        """Ramadan, Eid al-Fitr, Lunar New Year, Orthodox Easter: the occurrence the text means, by year, by
        last/next, or by tense around the DCT; its interval covers what the offline calendar cannot pin down."""
        if g["y"]:
            found = feasts(h, int(g["y"]))
            if not found:
                return None
            return _feast_sem(found[0], "explicit")
        ref, basis = self.base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved", precision="unknown")
        here = ref.start
        options = [f for y in (here.year - 1, here.year, here.year + 1) for f in feasts(h, y)]
        rel = norm(g["rel"] or "")
        t = self.tense(s, e) if basis == "relative" and not rel else None
        during = [f for f in options if f.first <= here <= f.last]
        if rel in ("last", "this past"):
            pick = max((f for f in options if f.last < here), key=lambda f: f.first, default=None)
        elif rel in ("next", "this coming"):
            pick = min((f for f in options if f.first > here), key=lambda f: f.first, default=None)
        elif during:
            pick = during[0]
        elif t == "past":
            pick = max((f for f in options if f.first <= here), key=lambda f: f.first, default=None)
        elif t == "future":
            pick = min((f for f in options if f.first >= here), key=lambda f: f.first, default=None)
        else:
            pick = min(options, key=lambda f: (abs((f.first - here).days), f.first > here), default=None)
        if pick is None:
            return None
        return _feast_sem(pick, basis)

    # -- quarters, decades, years ---------------------------------------------------------------
    def _rel_year(self, rel: str | None) -> tuple[int | None, str]:
        if self.dct is None:
            return None, "unresolved"
        return self.dct.year + {"this": 0, "last": -1, "next": 1}[norm(rel)], "relative"

    def r_quarter(self, g, s, e):
        gran = "quarter" if norm(g["unit"]) == "quarter" else "half"
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4 if gran == "quarter" else 2, "latter": 2}[norm(g["ord"])]
        if gran == "half" and n > 2:
            return None
        if norm(g["ord"]) in ("last", "latter") and not (g["y1"] or g["y2"] or g["rel"] or g["rel2"] or g["ty"]):
            return None  # "the latter half of the 1990s": the decade is the timex, "the latter half of" its modifier
        if not (g["y1"] or g["y2"] or g["rel"] or g["rel2"] or g["ty"]) and _OF_LONGER.match(self.text, e):
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
            y, basis = self._quarter_year(n, gran, s, e)  # a past-tense quarter not yet begun at the DCT is last year's
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
        letter = g["l"] or g["l2"]
        n = int(g["q"] or g["q2"])
        gran = "quarter" if letter == "Q" else "half"
        if gran == "half" and n > 2:
            return None
        y, yy = g["y"] or g["y2"], g["yy"] or g["yy2"]
        if y:
            y, basis = int(y), "explicit"
        elif yy:
            y, basis = (2000 + int(yy) if int(yy) < 50 else 1900 + int(yy)), "explicit"
        else:
            y, basis = self._quarter_year(n, gran, s, e)
            if y is None:
                return Sem("DATE", f"XXXX-{letter}{n}", None, "unresolved")
        start = date(y, 3 * (n - 1) + 1, 1) if gran == "quarter" else date(y, 6 * (n - 1) + 1, 1)
        return self.date_sem(Ref(gran, start), basis, "")

    def r_month_quarter(self, g, s, e):
        """"the June quarter" (Australian, Indian and company usage): the calendar quarter ending in that month."""
        n = lookup(self.lex["months"], g["mon"].rstrip(".")) // 3
        y, basis = self._quarter_year(n, "quarter", s, e)
        if y is None:
            return Sem("DATE", f"XXXX-Q{n}", None, "unresolved")
        return self.date_sem(Ref("quarter", date(y, 3 * (n - 1) + 1, 1)), basis, "")

    def _quarter_year(self, n: int, gran: str, s: int, e: int):
        """The year of a quarter or half named without one: the base date's, or the year before when the verb is
        past and that quarter has not begun by the publication date. (year or None, basis)"""
        ref, basis = self.base()
        if ref is None:
            return None, basis
        y = ref.start.year
        if basis == "relative" and self.tense(s, e) == "past" \
                and date(y, 3 * (n - 1) + 1 if gran == "quarter" else 6 * (n - 1) + 1, 1) > ref.start:
            y -= 1
        return y, basis

    def r_decade(self, g, s, e):
        if g["dec"]:
            d = g["dec"].replace("'", "").replace("’", "").rstrip("sS")
            if len(d) == 2:  # '80s: the century comes from the DCT or the narrative
                ref, _ = self.base()
                century = (ref.start.year // 100) if ref else 19
                if ref and int(d) > ref.start.year % 100 + 10:
                    century -= 1
                y = century * 100 + int(d)
            else:
                y = int(d)
                if y % 100 == 0 and y < 2000:
                    # "the 1500s", "the 1800s": the hundred years, i.e. the century (value 15, as "the 16th century");
                    # "the 2000s" stays the decade its readers mean
                    return self.date_sem(Ref("century", date(y, 1, 1)), "explicit", "")
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
        sem = self.date_sem(Ref("century", date((n - 1) * 100 or 1, 1, 1)), "explicit", "")
        m = re.match(r"the\s+", self.text[s:e], re.IGNORECASE)
        if m and re.match(r"\S+-century\s+[a-z]", self.text[s + m.end():e + 3]):
            sem.trim = m.end()  # "the 18th-century church": "the" belongs to "church"
        return sem

    def year_number(self, text: str) -> int | None:
        """'1997' -> 1997, 'nineteen ninety-seven' -> 1997, 'two thousand and one' -> 2001."""
        if text[:1].isdigit():
            return int(text)
        w = [x for x in norm(text).replace("-", " ").split() if x != "and"]
        if w[:2] == ["two", "thousand"]:
            rest = parse_num(" ".join(w[2:]), self.lex) if w[2:] else 0
            return None if rest is None else 2000 + int(rest)
        if w[0] == "nineteen":
            tail = parse_num(" ".join(w[1:]), self.lex)
            return None if tail is None or tail < 10 else 1900 + int(tail)
        return None

    def r_year_words(self, g, s, e):
        y = self.year_number(g["w"])
        if y is None:
            return None
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    def r_fiscal(self, g, s, e):
        sem = self.date_sem(Ref("year", date(int(g["y"]), 1, 1)), "explicit", "")
        y, y2 = int(g["y"]), g["y2"]
        if y2:  # "fiscal 1998-99" runs into the second year: TIMEX3 names the first, the interval holds both
            y2 = int(y2) if len(y2) == 4 else year_ending(y, int(y2))
            if y2 == y + 1:
                sem.first, sem.last, sem.range, sem.precision = date(y, 1, 1), date(y2, 12, 31), f"{y}/{y2}", "decade"
        return sem

    def r_year_unit(self, g, s, e):
        y = int(g["y"])
        unit = norm(g["unit"])
        if unit in ("quarter", "period", "half") and self.anchor is not None and self.anchor.gran in ("quarter", "half"):
            a = self.anchor.start
            return self.date_sem(Ref(self.anchor.gran, date(y, a.month, 1)), "narrative", "")
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

    def r_the_year(self, g, s, e):
        if _NAMED_YEAR.match(self.text, s, e + 40):
            return None  # "the Year of Africa", "the Year of the Dragon": a name, not the year in focus
        if g["ended"]:
            return Sem("DURATION", "P1Y", None, "explicit", precision="unknown", dur=(1, "year"))
        ref, basis = self.base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved")
        return self.date_sem(Ref.of("year", ref.start), basis, "")

    def r_season_year(self, g, s, e):
        code = self.lex["seasons"][norm(g["s"] or g["s2"])]
        y = self.year_number(g["y"] or g["y2"])
        if y is None:
            return None
        return self.date_sem(season_ref(y, code), "explicit", "")

    def r_era_year(self, g, s, e):
        """"476 AD", "AD 476", "44 BC": TIMEX3 writes BC years as BC0044 (no calendar interval)."""
        y = int(g["y"] or g["y2"])
        era = (g["era"] or "AD").replace(".", "").upper()
        if y == 0:
            return None
        if era in ("BC", "BCE"):
            return Sem("DATE", f"BC{y:04d}", None, "explicit", precision="year")
        return self.date_sem(Ref("year", date(y, 1, 1)), "explicit", "")

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


def _feast_sem(f: Feast, basis: str) -> Sem:
    """A single-day feast is its estimated day (mod APPROX when the interval is wider); a longer one (Ramadan,
    a window) is the year it falls in, placed more closely by its interval."""
    days = (f.last - f.first).days + 1
    # not ranges.span_precision: a month here may run to 35 days, so that Ramadan widened by the calendar's margin
    # on both sides (33-34 days) still reads as the month it is
    precision = next(p for p, n in (("day", 1), ("week", 7), ("month", 35), ("quarter", 92), ("year", 366)) if days <= n)
    if f.estimate is not None:
        return Sem("DATE", Ref("day", f.estimate).value, None, basis, None if days == 1 else "APPROX",
                   first=f.first, last=f.last, precision=precision)
    # TIMEX3 has no value for "the month of Ramadan 2021": the year it begins in, with the days in first..last
    return Sem("DATE", str(f.first.year), None, basis, None, first=f.first, last=f.last, precision=precision)


def holiday_date(h: dict, y: int) -> date:
    """The date of a lexicon holiday (fixed day, n-th weekday of a month, or days from Easter) in year y."""
    if "easter" in h:
        return easter(y) + timedelta(days=h["easter"])
    if "day" in h:
        return date(y, h["month"], h["day"])
    first = date(y, h["month"], 1)
    if h["nth"] > 0:
        d = first + timedelta(days=(h["weekday"] - first.isoweekday()) % 7 + 7 * (h["nth"] - 1))
    else:
        last = add(first, 1, "month") - timedelta(days=1)
        d = last - timedelta(days=(last.isoweekday() - h["weekday"]) % 7)
    return d + timedelta(days=h.get("after_day", 0))


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
