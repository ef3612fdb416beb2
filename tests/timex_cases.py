"""Shared checks of the temporal tagger's table and property tests: tag a text with every invariant checked,
and find the expression with a given extent."""
from __future__ import annotations

import logging

from analytics.temporal import Timex, tag


class _Failures(logging.Handler):
    """Collects the tagger's logged rule failures: tag() skips a failing rule, the tests must not."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def checked(text: str, dct) -> list[Timex]:
    """tag(), failing the test when a rule raised (tag() itself only logs it) or when the output breaks an
    invariant: spans inside the text and equal to their `text`, in order without overlap, a known type,
    first_day <= last_day (both or neither), serialisable."""
    handler = _Failures()
    logger = logging.getLogger("analytics.temporal.tagger")
    logger.addHandler(handler)
    try:
        found = tag(text, dct)
    finally:
        logger.removeHandler(handler)
    assert not handler.records, [r.getMessage() for r in handler.records]
    prev_end = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]
        assert t.start >= prev_end, "overlapping timexes"
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.first_day is not None or t.last_day is not None:
            assert t.first_day is not None and t.last_day is not None and t.first_day <= t.last_day
        t.as_dict()
    return found


def timex_at(text: str, dct, extent: str) -> Timex:
    """The first expression of `text` whose extent is `extent`, failing the test (with what was found) if none."""
    found = checked(text, dct)
    hits = [t for t in found if t.text == extent]
    assert hits, f"{extent!r} not found in {[(t.text, t.value) for t in found]}"
    return hits[0]
