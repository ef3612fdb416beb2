"""Abbreviations whose full stop ends no sentence ("Mr.", "Gen.", "Oct.", "Jr."): one list, data in
analytics/lexicons/abbreviations.txt, for every splitter (the coder's sentences in analytics/coding/text.py,
its clause ends in analytics/coding/triggers.py, the tagger's tense scopes in analytics/temporal/context.py).

>>> "Gen" in abbreviations() and "gen" in abbreviations(lower=True)
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FILE = Path(__file__).parent / "lexicons" / "abbreviations.txt"


@lru_cache(maxsize=2)
def abbreviations(lower: bool = False) -> frozenset[str]:
    """The abbreviations as written (`lower`: lower-cased, for callers that compare lower-cased words)."""
    words = (line.split("#")[0].strip() for line in FILE.read_text(encoding="utf-8").splitlines())
    return frozenset(w.lower() if lower else w for w in words if w)


def alternation() -> str:
    """The abbreviations as a regular-expression alternation, longest first ("Sept|Sep|...")."""
    return "|".join(sorted(abbreviations(), key=lambda w: (-len(w), w)))
