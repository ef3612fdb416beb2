"""Rules for amounts of time and vague or recurring times: durations, rates and frequencies (SET),
PAST_REF / PRESENT_REF / FUTURE_REF."""

from __future__ import annotations

import re
from datetime import timedelta

from .dates import Ref, add
from .lexicon import norm
from .ranges import span_precision
from .semantics import Sem, duration_value, parse_num, prec, unit_of

_OF_DAY = re.compile(r"\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[a-z]+day\b|today|yesterday|tomorrow|[0-9]|(?-i:[A-Z])[a-z]{2})",
                     re.IGNORECASE)
_AROUND = re.compile(r"\s+(?:before|after|since|following|leading\s+up|that\s+followed|that\s+preceded)\b", re.IGNORECASE)


class AmountRules:
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
        if _is_name(self.text, s, e):
            return None
        if unit == "quarter" and n is not None and (after.startswith(" of") or re.match(r"\s*(?:[,.;]|$)", after) and "-" in self.text[s:e]):
            return None  # "three-quarters of the vote", "about three-quarters." are fractions ("several quarters of
            # losses" is no fraction: a vague count is always one of time)
        if re.match(r"(?:\s+|-)old\b", after) or g["adj"] == "old":
            return None  # ages are not time expressions in TimeBank
        if raw[0].isdigit() and n is not None and n >= 1000 and float(n).is_integer() and "," not in raw:
            return None  # "the 1988 quarter"
        # "$40 a year", "twice a day": a rate, i.e. a SET
        if raw in ("a", "an") and _is_rate(self.text[max(0, s - 30):s].lower()) and not _OFFSET_AFTER.match(self.text, e):
            # ("comes a day after the vote", "arrived an hour before dawn": an offset from an event, no rate)
            before = re.findall(r"[a-z]+", self.text[max(0, s - 30):s].lower())
            if before and before[-1] in lex["measure_per"]:
                return None  # "155 miles an hour": a speed, not a recurring time
            return Sem("SET", duration_value(1, unit, lex), None, "explicit")
        if raw == "one" and unit == "day" and not g["adj"]:
            after = self.text[e:e + 2]
            if self.tense(s, e) == "future" and not after.startswith(" o"):
                return Sem("DATE", "FUTURE_REF", None, "relative")
        sem = Sem("DURATION", duration_value(n, unit, lex), None, "explicit", precision="unknown", dur=(n, unit), trim=trim)
        return _amount_range(sem, n, g["n2"] or g["n3"] or g["n4"], g["join"] or ("to" if g["n3"] else "or"), unit, lex)

    def r_dur_rel(self, g, s, e):
        verb = _LAST_VERB.match(self.text, s, e)
        if verb and _VERB_SLOT.search(self.text, max(0, s - 12), s):
            # "talks can last two years", "expected to last several weeks": "last" is the verb, the amount the timex
            unit = unit_of(g["unit"], self.lex)
            n = parse_num(g["n"], self.lex)
            return Sem("DURATION", duration_value(n, unit, self.lex), None, "explicit", precision="unknown",
                       dur=(n, unit), trim=verb.end() - s)
        sem = self._dur_rel(g, s, e)
        if sem is None or sem.type != "DURATION" or not g["n2"]:
            return sem
        unit = unit_of(g["unit"], self.lex)
        sem = _amount_range(sem, parse_num(g["n"], self.lex), g["n2"], g["join"], unit, self.lex)
        n2 = parse_num(g["n2"], self.lex)
        if sem.range and sem.first is not None and sem.last is not None:
            # "the next 12 to 18 months": the interval reaches as far as the larger amount does
            step = unit if unit != "weekend" else "week"
            if norm(g["rel"]) in ("past", "last"):
                sem.first = add(sem.last, -n2, step) + timedelta(days=1)
            else:
                sem.last = add(sem.first - timedelta(days=1), n2, step)
        return sem

    def _dur_rel(self, g, s, e):
        lex = self.lex
        unit = unit_of(g["unit"], lex)
        if unit not in lex["units"]:
            return None
        n = parse_num(g["n"], lex)
        rel = norm(g["rel"])
        value = duration_value(n, unit, lex)
        step = unit if unit != "weekend" else "week"
        if self.narrative and self.anchor is not None and n is not None and rel in ("next", "following", "ensuing") \
                and not lex["units"][unit].get("clock"):
            # history told in order: "Over the next two years" runs from the date just mentioned
            a = self.anchor
            return Sem("DURATION", value, None, "narrative", first=a.end + timedelta(days=1), last=add(a.end, n, step),
                       precision=prec(lex["units"][unit].get("gran", "day")), dur=(n, unit))
        upper = lex["vague_upper"].get(norm(g["n"] or "")) if n is None else None
        if self.dct is not None and upper and rel in ("past", "last", "next", "coming") and not self.narrative \
                and not lex["units"][unit].get("clock"):
            # "the past few years": from at most `upper` units back to the publication date ("the next few days": ahead)
            if rel in ("past", "last"):
                first, last = add(self.dct, -upper, step) + timedelta(days=1), self.dct
            else:
                first, last = self.dct + timedelta(days=1), add(self.dct, upper, step)
            return Sem("DURATION", value, None, "relative", first=first, last=last,
                       precision=span_precision((last - first).days + 1), dur=(n, unit))
        if self.dct is not None and n is not None and rel in ("past", "last", "next", "coming") and unit in lex["units"] \
                and not lex["units"][unit].get("clock") and not self.narrative:
            gran = lex["units"][unit].get("gran", "day")
            if rel in ("past", "last"):
                first = add(self.dct, -n, unit if unit != "weekend" else "week") + timedelta(days=1)
                return Sem("DURATION", value, None, "relative", first=first, last=self.dct, precision=prec(gran), dur=(n, unit))
            last = add(self.dct, n, unit if unit != "weekend" else "week")
            return Sem("DURATION", value, None, "relative", first=self.dct + timedelta(days=1), last=last,
                       precision=prec(gran), dur=(n, unit))
        return Sem("DURATION", value, None, "explicit", precision="unknown", dur=(n, unit))

    def r_dur_the(self, g, s, e):
        lex = self.lex
        unit = unit_of(g["unit"], lex)
        n = parse_num(g["n"], lex)
        if unit not in lex["units"] or norm(g["n"]) in ("a", "an") or (n is not None and n >= 1000):
            return None
        if _is_name(self.text, s, e):
            return None
        sem = Sem("DURATION", duration_value(n, unit, lex), None, "explicit", precision="unknown", dur=(n, unit))
        if norm(g["unit"]) == unit and (n or 0) > 1 and re.match(r"\s+[a-z]", self.text[e:e + 2]):
            sem.trim = re.match(r"the\s+", self.text[s:e], re.IGNORECASE).end()  # "the two day rally": "the" is the rally's
        return sem

    def r_unit_long(self, g, s, e):
        """"weeklong", "day-long" (one unit); "months-long" (a vague number of them)."""
        unit = unit_of(g["unit"], self.lex)
        n = None if g["plural"] else 1
        return Sem("DURATION", duration_value(n, unit, self.lex), None, "explicit", precision="unknown", dur=(n, unit))

    def r_vague_plural(self, g, s, e):
        rel = norm(g["rel"])
        if rel == "last" and _VERB_SLOT.search(self.text, max(0, s - 12), s):
            # "the war could last months": "last" is the verb, the bare plural the amount
            unit = unit_of(g["unit"], self.lex)
            return Sem("DURATION", duration_value(None, unit, self.lex), None, "explicit", precision="unknown",
                       dur=(None, unit), trim=_LAST_VERB.match(self.text, s).end() - s)
        if rel in _AHEAD:
            return self._stretch_ahead(unit_of(g["unit"], self.lex), rel)
        future = rel in ("later", "future")
        return Sem("DATE", "FUTURE_REF" if future else "PAST_REF", None, "relative", precision="unknown")

    def _stretch_ahead(self, unit: str, rel: str) -> Sem:
        """"the coming weeks", "the weeks ahead", "over the following weeks": an unmeasured stretch of those units
        (TimeML DURATION PXW; both TBAQ halves, 3 of 4) from the day after the publication date, or after the date
        in the story for "following"; it reaches as far as "a few" of them do ("the next few weeks")."""
        value = duration_value(None, unit, self.lex)
        if rel in ("following", "ensuing", "subsequent"):
            ref, _ = self.anaphoric_base()
            start = ref.end if ref is not None else None
        else:
            start = self.dct
        info = self.lex["units"].get(unit, {})
        if start is None or info.get("clock") or unit not in self.lex["units"]:
            return Sem("DURATION", value, None, "explicit", precision="unknown", dur=(None, unit))
        step = unit if unit != "weekend" else "week"
        first, last = start + timedelta(days=1), add(start, self.lex["vague_upper"]["few"], step)
        return Sem("DURATION", value, None, "relative", first=first, last=last,
                   precision=span_precision((last - first).days + 1), dur=(None, unit))

    def r_the_years(self, g, s, e):
        unit = unit_of(g["unit"], self.lex)
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "explicit", precision="unknown", dur=(None, unit))

    def r_phase_plural(self, g, s, e):
        if norm(g["unit"]) == "hours" and _OF_DAY.match(self.text, e):
            return None  # "in the early hours of Thursday morning": the day is the timex, the hours only place it
        return self.r_the_years(g, s, e)

    def r_vague_dur(self, g, s, e):
        return Sem("DURATION", "PXX", None, "explicit", precision="unknown")

    def r_recent_units(self, g, s, e):
        # TimeBank: "recent months" is a vague duration (PXM); "recent years" stays PAST_REF (lexicon)
        unit = unit_of(g["unit"], self.lex)
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "relative", precision="unknown", dur=(None, unit),
                   mod="APPROX" if norm(g["conj"] or "") == "or" else None)

    def r_bare_plural(self, g, s, e):
        if norm(g["unit"]) == "hours" and _OF_DAY.match(self.text, e):
            return None  # "in the early morning hours of Saturday": the day places the event, as in r_phase_plural
        before = self.text[max(0, s - 16):s].lower().split()
        of_follows = re.match(r"\s+of\s+(?!the\b|this\b|that\b|his\b|her\b|its\b|their\b)", self.text[e:e + 12])
        # "in the weeks before the shooting", "the years that followed": TimeBank marks the plural alone
        around = before[-1:] == ["the"] and _AROUND.match(self.text, e)
        later = re.match(r"\s+(?:later|earlier)\b", self.text[e:e + 10], re.IGNORECASE)  # "Hours later, ..."
        if not of_follows and not around and not later and (not before or before[-1] not in self.lex["bare_plural_cues"]):
            return None  # "decades of war" and "for years" are amounts of time; "years" alone need not be
        unit = unit_of(g["unit"], self.lex)
        if around and unit in ("day", "week") and re.match(r"\s+(?:before|after|leading)", self.text[e:e + 12], re.IGNORECASE):
            # "in the days before the shooting" places the event (a DATE, 6 of 6 in TBAQ), in the month of the
            # date the story last named; the exact stretch is left vague, and with no date named so is the month
            ref = self.anchor
            if ref is None or ref.gran not in ("day", "week", "weekend", "month"):
                return Sem("DATE", "XXXX-XX", None, "unresolved")
            return self.date_sem(Ref.of("month", ref.start), "narrative", "")
        return Sem("DURATION", duration_value(None, unit, self.lex), None, "explicit", precision="unknown", dur=(None, unit),
                   mod="APPROX" if norm(g["conj"] or "") == "or" else None)  # "weeks or months"

    # -- recurring and vague ---------------------------------------------------------------------
    def r_set(self, g, s, e):
        lex = self.lex
        if g["word"]:
            w = norm(g["word"])
            after = self.text[e:e + 30].lower().split()
            if after and after[0].strip(".,;:") in lex["set_blockers"]:
                return None
            if len(after) > 1 and after[0].isalpha() and after[1].strip(".,;:") in lex["set_blockers"]:
                return None  # "a quarterly cash dividend": the blocker after one more modifier
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
        if g["mon"]:  # "each July"; "every Oct. 2" is the day (an anniversary kept every year)
            day = f"-{int(re.match(r'[0-9]+', g['md']).group(0)):02d}" if g.get("md") else ""
            return Sem("SET", f"XXXX-{self.month_num(g['mon']):02d}{day}", None, "explicit")
        if g["pod4"]:
            return Sem("SET", f"XXXX-XX-XXT{self.lex['parts_of_day'][norm(g['pod4'])]}", None, "explicit")
        if g["s"]:
            return Sem("SET", f"XXXX-{lex['seasons'][norm(g['s'])]}", None, "explicit")
        if g["unit3"]:
            before = re.findall(r"[a-z]+", self.text[max(0, s - 30):s].lower())
            if before and before[-1] in lex["measure_per"]:
                return None  # "155 miles per hour": a speed, not a recurring time
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
        m = _AHEAD_PHRASE.fullmatch(w)
        if m:  # "the weeks ahead", "the coming years": see _stretch_ahead
            return self._stretch_ahead(unit_of(m.group("unit") or m.group("unit2"), self.lex), "coming")
        if w == "soon" and (re.search(r"\bas\s+$", self.text[max(0, s - 4):s], re.IGNORECASE)
                            or re.match(r"\s+(?:after|as|thereafter)\b", self.text[e:e + 12], re.IGNORECASE)):
            return None  # "as soon as", "soon after": conjunctions, not a time
        if w == "soon" and self.tense(s, e) == "past":
            return None  # "he was soon released", "blocks soon followed": shortly after the story's time, no FUTURE_REF
            # (neither TBAQ half nor the news sets tag a past-tense "soon"; TimeBank tags the future ones)
        return Sem("DATE", value, None, "relative", precision="unknown")


_AHEAD = ("coming", "next", "following", "upcoming", "ensuing", "subsequent")
_AHEAD_PHRASE = re.compile(r"the\s+(?:coming\s+(?P<unit>days|weeks|months|years)|(?P<unit2>days|weeks|months|years)\s+ahead)")


def _amount_range(sem: Sem, n, other: str | None, join: str | None, unit: str, lex: dict) -> Sem:
    """"12 to 18 months" (at least the first amount, EQUAL_OR_MORE), "two or three years" and "a year or so"
    (about the first, APPROX): the value is the first amount's, `range` holds both ("P12M/P18M")."""
    if not other:
        return sem
    if norm(other) == "so":
        sem.mod = "APPROX"
        return sem
    n2 = parse_num(other, lex)
    if n is None or n2 is None or n2 <= n:
        return sem
    sem.mod = "EQUAL_OR_MORE" if norm(join or "") == "to" else "APPROX"
    sem.range = f"{duration_value(n, unit, lex)}/{duration_value(n2, unit, lex)}"
    return sem


_NAMED = re.compile(r"['’]?\s+(?-i:War|Crisis|Revolution|Campaign|Offensive|Siege|Strike)\b")


def _is_name(text: str, s: int, e: int) -> bool:
    """"the Thirty Years' War", "the Six-Day War": capitalised names of events, not durations."""
    words = re.findall(r"[A-Za-z]+", text[s:e])
    return bool(words) and words[-1][0].isupper() and bool(_NAMED.match(text, e))


_LAST_VERB = re.compile(r"last\s+", re.IGNORECASE)
_VERB_SLOT = re.compile(r"(?<![\w-])(?:to|will|would|could|can|may|might|should|must|shall|did|does|do|not|'ll|n't)\s+\Z",
                        re.IGNORECASE)
_OFFSET_AFTER = re.compile(r"\s+(?:after|before|earlier|later|ago)\b", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:[0-9%]|percent|cents?|dollars?|once|twice|times|million|billion|trillion|thousand|hundred|dozen"
                          r"|people|children|men|women|(?P<plural>[a-z]{3,}s))\s*$")
_NOT_RATE = frozenset("""lasts takes needs requires spends gets remains has was is does its this his hers ours yours theirs
us as plus less across towards afterwards always perhaps besides thus whereas news""".split())


def _is_rate(before: str) -> bool:
    """"$40 a year", "twice a day", "10 hours a day", "two meals a day": 'a <unit>' as a rate (a SET)."""
    m = _RATE_BEFORE.search(before)
    if not m:
        return False
    word = m.group("plural")
    return word is None or (word not in _NOT_RATE and not word.endswith("ss"))
