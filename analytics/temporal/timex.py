"""The Timex record returned by `analytics.temporal.tag`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TYPES = ("DATE", "TIME", "DURATION", "SET")
BASES = ("explicit", "relative", "narrative", "unresolved")


@dataclass(frozen=True)
class Timex:
    """One temporal expression.

    start, end: character offsets into the input (end exclusive); text == input[start:end].
    type: DATE | TIME | DURATION | SET.
    value: TIMEX3 value ("2021-08", "2021-W41", "P10Y", "PAST_REF", "XXXX-08", ...).
    first_day, last_day: inclusive interval the expression covers, None when it cannot be placed.
    precision: day|week|month|quarter|season|year|decade|unknown.
    basis: explicit (fully written out), relative (to the publication date), narrative (to a date
        mentioned earlier in the text) or unresolved.
    mod: TIMEX3 mod (START, END, MID, APPROX, MORE_THAN, ...).
    range: for one end of a written range ("from 1979 to 1989", "1914-18", "March 3-5", "12 to 18 months"),
        the two ends' values joined by "/" ("1979/1989", "P12M/P18M"). TimeML tags each end of a range of
        dates as a timex of its own, with its own value; here both ends also carry the whole range in
        first_day/last_day, because an event placed by either end happened somewhere in it.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    first_day: date | None
    last_day: date | None
    precision: str
    basis: str
    mod: str | None = None
    range: str | None = None

    def as_dict(self) -> dict:
        """JSON-ready dict; dates as YYYY-MM-DD or None.

        >>> Timex(0, 4, "1989", "DATE", "1989", date(1989, 1, 1), date(1989, 12, 31), "year", "explicit").as_dict()["first_day"]
        '1989-01-01'
        """
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "precision": self.precision,
            "basis": self.basis,
            "mod": self.mod,
            "range": self.range,
        }
