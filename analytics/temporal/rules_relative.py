"""Rules resolved against the DCT or the narrative anchor: today, weekdays, bare months, last/next/this X,
the following year, two years ago."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import Ref, add, finer, season_ref
from .lexicon import norm
from .rules_absolute import _OF_LONGER
from .semantics import Sem, duration_value, parse_num, prec, unit_of


# words before a month name that make it a month rather than a name ("in May", not "May Bell")
# "today's world", "today's youth": a generic present, not the day (neither TBAQ half tags these)
_GENERIC_NOW = re.compile(r"['’]s\s+(?:world|society|youth|young|generation|children|kids|culture|economy|standards|dollars|"
                          r"technology|media|politics|personal\s+computers|computers|consumers?|families|women|men)\b", re.IGNORECASE)
_HOURS_OF_DAY = re.compile(r"\s+hours\s+of\s+(?:(?-i:[A-Z])[a-z]+day\b|today|yesterday|tomorrow)")
_OF_TOMORROW = re.compile(r"\s*(?:[,.;:!?)\"”]|$)")
# a lower-case word after "the <Month>" that is no verb or preposition: the month premodifies a noun
_NOUN_AFTER = re.compile(r"\s+(?!(?:was|is|were|will|would|has|had|have|of|and|or|to|in|on|at|for|by|with)\b)[a-z]{3}")
_MONTH_CUES = frozenset(("in", "since", "by", "until", "till", "through", "during", "early", "late", "mid", "mid-",
                         "last", "next", "this", "of", "from", "before", "after", "around", "that", "each", "every",
                         "end", "beginning", "between"))


class RelativeRules:
    def r_deictic(self, g, s, e):
        w = norm(g["w"])
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        tod = "NI" if w == "tonight" else (self.lex["parts_of_day"][norm(g["pod"])] if g["pod"] else None)
        if w in ("today", "tomorrow") and not g["pod"] and (_GENERIC_NOW.match(self.text, e) or _OF_TOMORROW.match(self.text, e)
                                                             and self.text[max(0, s - 3):s].lower() == "of "):
            return None  # "today's world", "the people of tomorrow": the present or future age, not a day
        ref, basis = self.deictic_day(n)
        if ref is None:
            return Sem("TIME" if tod else "DATE", "XXXX-XX-XX" + (f"T{tod}" if tod else ""), None, "unresolved")
        return self.date_sem(Ref("day", ref.start, tod), basis, "")

    def r_this_pod(self, g, s, e):
        rel = norm(g["rel"])
        tod = self.lex["parts_of_day"][norm(g["pod"])]
        if rel in ("that", "the same", "the next", "the following", "the previous"):
            ref, basis = self.anaphoric_base()
            if ref is None or ref.gran != "day":
                return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
            shift = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
            r = Ref("day", ref.start + timedelta(days=shift), tod)
            return Sem("TIME", r.value, r, basis)
        n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        if rel == "last" and tod != "NI":
            return None
        ref, basis = self.deictic_day(n)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_the_pod(self, g, s, e):
        """"in the morning": that part of the day in focus (the day just mentioned, else the DCT)."""
        tod = self.lex["parts_of_day"][norm(g["pod"])]
        ref, basis = self._day_word(None, s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        return Sem("TIME", r.value, r, basis)

    def r_pod_mod(self, g, s, e):
        """"early morning", "mid-afternoon yesterday": a part of a day, the one named or the day in focus."""
        if not g["wd"] and _HOURS_OF_DAY.match(self.text, e):
            return None  # "in the early morning hours of Saturday": the day is the timex, as "the early hours of"
        tod = self.lex["parts_of_day"][norm(g["pod"])]
        ref, basis = self._day_word(g["wd"], s, e)
        if ref is None:
            return Sem("TIME", f"XXXX-XX-XXT{tod}", None, "unresolved")
        r = Ref("day", ref.start, tod)
        mod = {"early": "START", "late": "END", "mid": "MID"}[norm(g["pm"])]
        return Sem("TIME", r.value, r, basis, mod)

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
        # a capitalised word after it, not a weekday: "Jan Kavan", "March Madness", "April Ryan" are names
        name_after = re.match(r"\s+(?-i:[A-Z])[a-z]", self.text[e:e + 3]) \
            and not re.match(r"\s+[A-Z][a-z]+day\b", self.text[e:e + 12])
        if key in self.lex["ambiguous_months"] or (len(key) <= 4 and not mon.endswith(".") and key not in ("june", "july")):
            before = self.text[max(0, s - 24):s].lower().split()
            cue = before[-1].rsplit("-", 1)[-1] if before else ""  # "mid-to-late March": the cue is "late"
            if cue in ("and", "or", "to", "through", "until") and len(before) > 1:
                # "May and June", "from March to May": a list of months, not "Jan Kavan"
                prev = before[-2].strip(".,")
                cue = "in" if prev in self.lex["months"] or prev.isdigit() else cue
            if cue not in _MONTH_CUES and not (cue == "the" and _NOUN_AFTER.match(self.text, e)):
                # ("the March accession", "the May elections": a month premodifying a noun is a date)
                if not self.text[s - 4:s].lower().endswith("mid-"):
                    return None
            if name_after:
                return None  # "Jan Kavan", "March Madness": a name
        elif name_after:
            before = self.text[max(0, s - 16):s].lower().split()
            if not before or before[-1] not in _MONTH_CUES:
                return None  # "April Ryan asked": a first name, unless a preposition makes it a month
        month = self.month_num(mon)
        ref, basis = self.in_month(month, s, e)
        return self.date_sem(ref, basis, f"XXXX-{month:02d}")

    def r_month_of_rel(self, g, s, e):
        """"captured Kandahar in November of that year": the month in the year the story is at (that, the same),
        the one after or before it (the following, the previous), or the publication year's (this, last, next)."""
        rel = norm(g["rel"])
        shift = {"the following": 1, "the next": 1, "next": 1, "the previous": -1, "the preceding": -1, "last": -1}.get(rel, 0)
        ref, basis = self.anaphoric_base() if rel not in ("this", "last", "next") else self.base(narrative_ok=False)
        month = self.month_num(g["mon"])
        if ref is None:
            return self.date_sem(None, "unresolved", f"XXXX-{month:02d}")
        return self.date_sem(Ref("month", date(ref.start.year + shift, month, 1)), basis, "")

    def r_season(self, g, s, e):
        code = self.lex["seasons"][norm(g["s"] or g["s2"])]
        if g["s"]:
            # a bare season name is a time only after a temporal preposition ("in spring", "until the fall")
            before = self.text[max(0, s - 12):s].lower().split()
            if not before or before[-1] not in ("in", "by", "until", "till", "since", "through", "during", "before",
                                                "after", "this", "last", "next", "early", "late", "mid", "from", "until"):
                return None
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
        if rel in ("following", "previous", "preceding", "prior") and ref.gran != "day":
            # after a year or a month in the story ("exiled in 1814; the following spring"): the first such season
            # to begin after all of it, or the last to begin before it ("failed in 1846; the previous winter": 1845-46)
            r = this_year.shift(-8) if rel == "following" else this_year.shift(8)
            for _ in range(12):
                if (rel == "following" and r.start > ref.end) or (rel != "following" and r.start < ref.start):
                    return self.date_sem(r, basis, "")
                r = r.shift(4 if rel == "following" else -4)
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
            t = self.tense(s, e) if basis == "relative" else None
            if t == "past" and r.start > ref.start:
                r = r.shift(-1)
            elif t is None and basis == "relative" and (r.start - ref.start).days > 2:
                r = r.shift(-1)  # "Over the weekend, ..." read early in the week is the one just past
            return self.date_sem(r, basis, "")
        if u == "decade":
            # "before the decade was out", "over the decade": the decade the story is in (the DCT's in news)
            ref, basis = self.base()
            if ref is None:
                return Sem("DATE", "XXX", None, "unresolved")
            return self.date_sem(Ref.of("decade", ref.start), basis, "")
        if u in ("quarter", "week", "month"):
            if g["ly"]:
                return self._rel("year-earlier", u, s, e)
            # "for the week, the index fell": the period the report is about
            r = self.latest(u)
            unknown = {"quarter": "XXXX-QX", "week": "XXXX-WXX", "month": "XXXX-XX"}[u]
            return self.date_sem(r, "narrative" if r is self.anchor else "relative", unknown)
        return None

    def r_nth_day(self, g, s, e):
        """"It's the second day of an offensive": the day the text is about (the last day named, else the DCT)."""
        ref, basis = self.anaphoric_base()
        if ref is None or ref.gran != "day":
            return Sem("DATE", "XXXX-XX-XX", None, "unresolved")
        return self.date_sem(Ref("day", ref.start), basis, "")

    def r_in_the_unit(self, g, s, e):
        """"later in the day", "earlier in the week": the day (week...) of the date last mentioned, else the DCT's."""
        unit = norm(g["unit"])
        ref, basis = self.anaphoric_base()
        if ref is None or finer(unit, ref.gran):
            return Sem("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"),
                       None, "unresolved")
        return self.date_sem(Ref.of(unit, ref.start), basis, "")

    def r_rel_unit(self, g, s, e):
        rel = norm(g["rel"])
        has_the = norm(self.text[s:e]).startswith("the ")
        unit = norm(g["unit"])
        if rel == "this past":
            rel = "last"
        if rel == "this coming":
            rel = "next"
        if has_the and rel in ("last", "past"):
            rel = "past_the"
        if g["ly"]:
            rel = "year-earlier"
        if unit in ("half", "quarter") and rel in ("last", "past_the") and _OF_LONGER.match(self.text, e):
            return None  # "the last half of the '80s": a part of the decade, not the half-year before the DCT
        rel = rel.replace("comparable ", "").replace("corresponding ", "").replace("that same", "same").replace("this same", "same")
        return self._rel(rel, unit, s, e, original=g["unit"])

    def _rel(self, rel: str, unit: str, s: int, e: int, original: str = "") -> Sem | None:
        lex = self.lex
        key = unit.rstrip(".")
        if key in lex["weekdays"] and (original[:1].isupper() or not original):
            wd = lex["weekdays"][key]
            if rel == "following":
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
            if rel in ("following", "previous", "preceding", "prior", "that", "same") or (
                    rel == "next" and norm(self.text[s:e]).startswith("the ")):  # "took effect the next January"
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
        if key == "season" and rel in ("this", "current", "last", "next", "coming", "past_the", "previous"):
            key = "season_of_dct"
        gran = {"season": None, "period": None, "season_of_dct": "season"}.get(key, key)
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
        if finer(gran, ref.gran) and gran != "week" and rel not in (
                "latest", "most recent", "recent", "year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
            # "the next day" after "in 1990": the text never said which day
            return Sem("DATE", {"day": "XXXX-XX-XX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(gran, "XXXX"),
                       None, "unresolved")
        here = ref.coarsen(gran) if finer(ref.gran, gran) or ref.gran == gran else Ref.of(gran, ref.start)
        if rel in ("this", "current", "same", "that"):
            r = here
        elif rel in ("last", "past_the", "previous", "preceding", "prior"):
            r = here.shift(-1)
        elif rel in ("next", "coming", "following"):
            r = here.shift(1)
        elif rel in ("latest", "most recent", "recent"):
            r = self.latest(gran)
            basis = "narrative" if r is not None and r is self.anchor else ("relative" if self.dct else "unresolved")
        elif rel in ("year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
            r = self.latest(gran)
            if r is None:
                return None
            basis = "narrative" if r is self.anchor else "relative"
            sem = self.date_sem(r.shift(-1, "year"), basis, "")
            sem.anchors = False
            return sem
        else:
            return None
        if r is None:
            return None
        if gran == "day" and rel in ("this",):
            return None
        if rel == "past_the" and gran == "day":
            # "over the past day" is the last 24 hours, not yesterday. "The past year", "the last decade" are
            # dates: TimeBank marks them as the previous calendar unit (4 of the 5 in TBAQ), so they fall through
            first = add(self.dct, -1, gran) + timedelta(days=1) if self.dct else None
            return Sem("DURATION", duration_value(1, gran, self.lex), None, "relative" if self.dct else "unresolved",
                       first=first, last=self.dct if self.dct else None, precision=prec(gran) if self.dct else "unknown",
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
        """"year-end", "the year's end": the unit in focus, with mod END."""
        unit = norm(g["unit"])
        ref, basis = self.base()
        if ref is None:
            return Sem("DATE", "XXXX", None, "unresolved", "END")
        return self.date_sem(Ref.of(unit, ref.start), basis, "", mod="END")

    def r_day_before(self, g, s, e):
        unit = norm(g["unit"])
        unit = "day" if unit == "night" else unit
        n = -1 if norm(g["dir"]) in ("before", "earlier") else 1
        ref, basis = self.anaphoric_base()
        unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit]
        if ref is None or finer(unit, ref.gran):
            # "the day before" a year or a month names no particular day
            return Sem("DATE", unknown, None, "unresolved")
        r = Ref.of(unit, ref.start).shift(n)
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
            if direction in ("later", "earlier"):
                return None  # "a few days later": TimeBank tags the amount (a duration) and leaves "later" out
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
                    and self.anchor.gran in ("quarter", "half") and self.anchor_pos is not None and s - self.anchor_pos < 300:
                # "profit fell from a year ago" right after "the third quarter": that quarter last year
                ref, basis = self.anchor, "narrative"
        if ref is not None and basis == "narrative" and n == 1 and finer(ref.gran, gran):
            gran = ref.gran  # "a year earlier" than a quarter is that quarter a year before
        if g.get("on") and ref is not None and sign < 0 and direction == "ago":
            # "20 years ago today", "50 years ago this month": the same day (week, month) that many units back
            on = {"today": "day", "this week": "week", "this month": "month"}[norm(g["on"])]
            if finer(on, gran) and unit in ("year", "decade", "century", "month", "week"):
                gran = on
        if ref is None:
            return Sem("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(gran, "XXXX"),
                       None, "unresolved")
        years_back = n * {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 0)
        if sign < 0 and years_back >= ref.start.year:
            # "5,000 years ago" lies before the Common Era: TIMEX3 writes the year BC (no year 0); the calendar here has
            # no such days, so the expression gets no interval rather than the clamped year 1
            return Sem("DATE", f"BC{int(round(years_back)) - ref.start.year + 1:04d}", None, basis, precision="year")
        if info.get("clock"):
            per_day = {"second": 86400, "minute": 1440, "hour": 24}[unit]
            r = Ref.of("day", ref.start + timedelta(days=int(sign * n // per_day)))
        elif gran in ("decade", "century", "millennium"):
            r = Ref.of("year", add(ref.start, sign * n, unit))
        else:
            r = Ref.of(gran, add(ref.start, sign * n, unit)) if ref.gran != gran else ref.shift(sign * n, unit)
        if unit == "night" and r.gran == "day":
            r = Ref("day", r.start, lex["parts_of_day"]["night"])  # "two nights later": that night, a TIME
        sem = self.date_sem(r, basis, "")
        sem.anchors = sign > 0
        return sem

    # -- durations -------------------------------------------------------------------------------
