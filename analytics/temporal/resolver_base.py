"""The per-document state every rule resolves against: DCT, narrative anchor, tense look-ups."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Sentences, tense
from .dates import Ref
from .lexicon import load, norm
from .semantics import Sem

# "until June", and after a verb that sets or moves a date: "adjourned the case to Friday", "called a strike for Monday"
_UNTIL = re.compile(r"\b(?:until|till|through|to|for)\s+(?:(?:early|mid|late)[-\s]+)?\Z", re.IGNORECASE)
_DAY_WORDS = {"today", "yesterday", "tomorrow", "tonight"}
_ON_DAY = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s+(?:on\s+)?((?-i:[A-Z])[a-z]+day|today|yesterday|tomorrow)\b", re.IGNORECASE)


class ResolverBase:
    """Helpers shared by the rule mixins; `Resolver` (resolve.py) adds one method per rule."""

    def __init__(self, text: str, dct: date | None, lang: str = "en"):
        self.text = text
        self.dct = dct
        self.lex = load(lang)
        self.lang = lang
        self.sentences = Sentences(text)
        self.anchor: Ref | None = None  # last date mentioned (set by the tagger as it reads)
        self.anchor_pos: int | None = None  # where it was mentioned
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
            before = self.text[max(0, s - 6):s].lower()
            if before.endswith(("last ", "next ")):  # "shot to death last Oct. 23", "next March 5"
                pick = max(o for o in options if o < here) if before.endswith("last ") else min(o for o in options if o > here)
            elif same_month:
                pick = options[1]
            elif day and abs((closest - here).days) <= 45 and not (closest > here and self._past_verb_before(s)):
                pick = closest  # a day within weeks of the DCT is that one, whatever a distant verb says
            elif t == "past" and _UNTIL.search(self.text, max(0, s - 10), s) and self._deadline(s):
                pick = closest  # "gave them until mid-November": a past verb, but the deadline may lie ahead
            elif t == "past":
                pick = max(o for o in options if o <= here)
            elif t == "future":
                pick = min(o for o in options if o >= here)
            elif day is None and t is None:
                # news reports what happened: a month named with no tense cue is the last one
                pick = max(o for o in options if o <= here)
            else:
                pick = closest
            return Ref(gran, pick), basis
        try:
            if basis_ref.gran in ("month", "week", "day") and (month, day or 0) < (basis_ref.start.month, basis_ref.start.day if day else 0):
                # a story told in order: "in November 1923 ... in January" is January 1924; but a date just before the
                # one in focus is that year's ("Dec. 25, 1991 ... a coup in August", "April 30, 1975 ... On April 29"):
                # whichever is nearer the story's date, later on a tie
                back, ahead = Ref(gran, date(y, month, day or 1)), Ref(gran, date(y + 1, month, day or 1))
                a0, a1 = basis_ref.start, basis_ref.end
                return (back if (a0 - back.end).days < (ahead.start - a1).days else ahead), basis
            return Ref(gran, date(y, month, day or 1)), basis
        except ValueError:
            return None, "unresolved"

    def _past_verb_before(self, s: int) -> bool:
        """"was killed on Oct. 23", "died March 5": a past verb right before the date (only "on" between)."""
        words = re.findall(r"[A-Za-z]+", self.text[max(0, s - 30):s])
        if words and words[-1].lower() == "on":
            words = words[:-1]
        if not words:
            return False
        w = words[-1].lower()
        return w in self.lex["past_cues"] or (len(w) > 4 and w.endswith("ed") and w not in self.lex["not_past"])

    def _deadline(self, s: int) -> bool:
        """A verb that sets or moves a deadline ("gave", "extended", "postponed") earlier in the clause."""
        s0, _ = self.sentences.bounds(s)
        words = re.findall(r"[a-z]+", self.text[max(s0, s - 120):s].lower())[-12:]
        return any(w in self.lex["deadline_verbs"] for w in words)

    def on_weekday(self, wd: int, s: int, e: int, rel: str | None = None) -> tuple[Ref | None, str]:
        basis_ref, basis = self.base()
        if basis_ref is None or (basis == "narrative" and basis_ref.gran not in ("day", "week", "weekend")):
            return None, "unresolved"
        d = basis_ref.start
        delta = wd - d.isoweekday()
        if rel is None:
            t = "future" if basis == "narrative" else self.tense(s, e)
            if t == "past" and _UNTIL.search(self.text, max(0, s - 10), s) and self._deadline(s):
                t = "future"  # "postponed until Tuesday morning", "gave them until Friday": a deadline still ahead
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
        """The day a clock time belongs to: its own day word, one just after ("3:30 p.m. on Monday"), the day
        just mentioned, or the DCT."""
        if not w:
            m = _ON_DAY.match(self.text, e)  # the following day word stays a timex of its own
            w = m.group(1) if m and (norm(m.group(1)) in self.lex["weekdays"] or norm(m.group(1)) in _DAY_WORDS) else None
        if not w:
            # a bare clock time belongs to the day just mentioned ("On Friday ... at 10:35 a.m."), else the DCT's
            if self.anchor is not None and self.anchor.gran == "day" and self.anchor_pos is not None \
                    and s - self.anchor_pos < 250:
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
