"""Holidays whose Gregorian date moves from year to year and is computed offline: the Islamic calendar's
(tabular approximation, widened to cover its error), Orthodox Easter (Julian computus), and holidays known
only to fall within a window of the Gregorian year (lunisolar calendars: Lunar New Year, Passover, Diwali).

A `Feast` is one occurrence: the days it may cover (first..last, always wide enough to hold the real date)
and, when a single day is meant, the best estimate of it.

>>> [f.estimate.isoformat() for f in feasts({"islamic": [10, 1]}, 2021)]
['2021-05-13']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# R.D. (= date.toordinal) of 1 Muharram AH 1: 16 July 622 Julian, 19 July 622 Gregorian.
ISLAMIC_EPOCH = 227015
# The tabular (arithmetic) Islamic calendar is within a day or two of the dates announced from moon sightings
# or the Umm al-Qura calendar; the interval of an Islamic holiday is widened by this many days on each side.
ISLAMIC_MARGIN = 2


@dataclass(frozen=True)
class Feast:
    first: date  # first day it may fall on
    last: date  # last day it may cover
    estimate: date | None = None  # the single day meant, when there is one (Eid al-Fitr), else None


def islamic_to_date(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle)."""
    return date.fromordinal(ISLAMIC_EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year) // 30
                            + 29 * (month - 1) + month // 2 + day)


def orthodox_easter(year: int) -> date:
    """Easter Sunday of the Julian computus, as a Gregorian date (years 1583-4099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=year // 100 - year // 400 - 2)


def feasts(h: dict, year: int) -> list[Feast]:
    """The occurrences of holiday `h` (a lexicon entry) that begin in Gregorian `year`."""
    if "islamic" in h:
        return _islamic(h, year)
    if "window" in h:
        m1, d1, m2, d2 = h["window"]
        first = date(year, m1, d1)
        last = date(year + (1 if (m2, d2) < (m1, d1) else 0), m2, d2)
        return [Feast(first, last)]
    if "orthodox_easter" in h:
        d = orthodox_easter(year) + timedelta(days=h["orthodox_easter"])
        return [Feast(d, d, d)]
    raise KeyError("not a movable holiday")


def _islamic(h: dict, year: int) -> list[Feast]:
    spec = h["islamic"]
    days = [spec] if isinstance(spec[0], int) else spec  # bare "Eid": either of the two feasts
    hijri = int((year - 622) * 33 / 32)  # the Islamic year that begins in or near this Gregorian year
    out = []
    for hy in range(hijri - 1, hijri + 3):
        for month, day in days:
            start = islamic_to_date(hy, month, day)
            if start.year != year:
                continue
            if h.get("whole_month"):  # Ramadan: the month, to the eve of the next month's first day
                end = islamic_to_date(hy + month // 12, month % 12 + 1, 1) - timedelta(days=1)
                out.append(Feast(start - timedelta(days=ISLAMIC_MARGIN), end + timedelta(days=ISLAMIC_MARGIN)))
            else:
                out.append(Feast(start - timedelta(days=ISLAMIC_MARGIN), start + timedelta(days=ISLAMIC_MARGIN), start))
    return sorted(out, key=lambda f: f.first)


def is_movable(h: dict) -> bool:
    return "islamic" in h or "window" in h or "orthodox_easter" in h
