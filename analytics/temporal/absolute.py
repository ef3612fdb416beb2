"""Absolute dates in written forms our own rules do not take apart: resolved by dateparser.

dateparser is the product's resolver for fully written dates; it is only called on a candidate
span (never on the whole text) and its answers are cached, so it costs little. It is imported
lazily because importing it takes a noticeable part of a second.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache


@lru_cache(maxsize=4096)
def parse_numeric(s: str, lang: str = "en", day_first: bool = False) -> date | None:
    """'10/20/2021' -> date(2021, 10, 20) (month first in English); '20.10.2021' with day_first.
    None when not a real date."""
    import dateparser

    order = "DMY" if day_first or lang != "en" else "MDY"
    try:
        dt = dateparser.parse(s, languages=[lang], settings={
            "STRICT_PARSING": True, "DATE_ORDER": order, "PREFER_LOCALE_DATE_ORDER": False,
            "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on odd input; a non-date is just None
        return None
    return dt.date() if dt else None
