"""Calendar references: a granularity plus its first day, with TIMEX3 values and arithmetic.

A `Ref` is one calendar unit (a day, an ISO week, a month, a quarter, a season, a year, a decade ...).
Everything the tagger resolves goes through `Ref.shift` / `Ref.value` / `Ref.interval`, so the
arithmetic lives in one place.

>>> Ref.of("month", date(2021, 8, 1)).value
'2021-08'
>>> Ref.of("week", date(2021, 10, 20)).shift(-1, "week").value
'2021-W41'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# granularity -> precision word of the event frame
PRECISION = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "half": "quarter",
    "season": "season",
    "year": "year",
    "decade": "decade",
    "century": "unknown",
    "millennium": "unknown",
}

# coarse-to-fine order, used to decide which of two granularities is finer
ORDER = ["millennium", "century", "decade", "year", "half", "season", "quarter", "month", "week", "weekend", "day"]
RANK = {g: i for i, g in enumerate(ORDER)}

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI", 1: "WI", 2: "WI"}

MIN_YEAR, MAX_YEAR = 1, 9998


def add_months(d: date, n: int) -> date:
    """First-of-month arithmetic is all we need: day is clamped to the month's length."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    y = min(max(y, MIN_YEAR), MAX_YEAR)
    last = (date(y + 1, 1, 1) - timedelta(days=1)).day if m == 12 else (date(y, m + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def _floor(gran: str, d: date) -> date:
    """First day of the unit of granularity `gran` that contains d."""
    if gran == "day":
        return d
    if gran == "week":
        return d - timedelta(days=d.weekday())
    if gran == "weekend":
        return d - timedelta(days=d.weekday()) + timedelta(days=5)
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "season":
        if d.month in (1, 2):
            return date(d.year - 1, 12, 1) if d.year > MIN_YEAR else date(d.year, 1, 1)
        return date(d.year, 3 * (d.month // 3), 1)
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(max(MIN_YEAR, d.year - d.year % 10), 1, 1)
    if gran == "century":
        return date(max(MIN_YEAR, d.year - d.year % 100), 1, 1)
    if gran == "millennium":
        return date(max(MIN_YEAR, d.year - d.year % 1000), 1, 1)
    raise ValueError(gran)


# unit -> (months, days) per step
STEP = {
    "day": (0, 1),
    "night": (0, 1),  # "three nights later": a night is counted as a day
    "week": (0, 7),
    "weekend": (0, 7),
    "fortnight": (0, 14),
    "month": (1, 0),
    "quarter": (3, 0),
    "half": (6, 0),
    "season": (3, 0),
    "year": (12, 0),
    "decade": (120, 0),
    "century": (1200, 0),
    "millennium": (12000, 0),
}


def add(d: date, n: float, unit: str) -> date:
    """d moved by n units (fractions of months/years are rounded to whole months)."""
    months, days = STEP[unit]
    try:
        if months:
            return add_months(d, int(round(n * months)))
        return d + timedelta(days=int(round(n * days)))
    except (OverflowError, ValueError):
        return date(MAX_YEAR, 12, 31) if n > 0 else date(MIN_YEAR, 1, 1)


@dataclass(frozen=True)
class Ref:
    gran: str
    start: date
    tod: str | None = None  # part of day (MO, AF, EV, NI) or clock time "14:30"

    @classmethod
    def of(cls, gran: str, d: date, tod: str | None = None) -> "Ref":
        return cls(gran, _floor(gran, d), tod)

    def shift(self, n: float, unit: str | None = None) -> "Ref":
        """Move by n units (default: own granularity), keeping the granularity."""
        unit = unit or self.gran
        return Ref.of(self.gran, add(self.start, n, unit))

    def coarsen(self, gran: str) -> "Ref":
        return Ref.of(gran, self.start)

    @property
    def end(self) -> date:
        """Last day (inclusive)."""
        if self.gran == "day":
            return self.start
        if self.gran == "weekend":
            return self.start + timedelta(days=1)
        try:
            return add(self.start, 1, self.gran) - timedelta(days=1)
        except OverflowError:
            return date(MAX_YEAR, 12, 31)

    @property
    def precision(self) -> str:
        return PRECISION[self.gran]

    @property
    def value(self) -> str:
        s, g = self.start, self.gran
        if g == "day":
            v = f"{s.year:04d}-{s.month:02d}-{s.day:02d}"
            if self.tod:
                v += "T" + self.tod
            return v
        if g in ("week", "weekend"):
            y, w, _ = s.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if g == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if g == "half":
            return f"{s.year:04d}-H{1 if s.month <= 6 else 2}"
        if g == "season":
            return f"{s.year:04d}-{SEASON_OF_MONTH[s.month]}"
        if g == "year":
            return f"{s.year:04d}"
        if g == "decade":
            return f"{s.year // 10:03d}"
        if g == "century":
            return f"{s.year // 100:02d}"
        if g == "millennium":
            return f"{s.year // 1000:01d}"
        raise ValueError(g)


def season_ref(year: int, code: str) -> Ref:
    return Ref("season", date(year, SEASON_START[code], 1))


def finer(a: str, b: str) -> bool:
    """True when granularity a is finer than b."""
    return RANK.get(a, 0) > RANK.get(b, 0)


def year_ending(after: int, yy: int) -> int:
    """The first year after `after` whose last two digits are `yy`: the second year of "1914-18", "fiscal 1999-00".

    >>> year_ending(1914, 18), year_ending(1999, 0)
    (1918, 2000)
    """
    y = after - after % 100 + yy
    return y + 100 if y <= after else y
