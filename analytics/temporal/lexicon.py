"""The English lexicon (data/en.yaml), loaded once, with regex alternations built from it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def alternation(words) -> str:
    """Longest-first regex alternation of literal words; spaces match any whitespace run."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


@lru_cache(maxsize=None)
def load(lang: str = "en") -> dict:
    with open(DATA / f"{lang}.yaml", encoding="utf-8") as f:
        lex = yaml.safe_load(f)
    for key in ("ambiguous_months", "weekday_abbrev_need_dot", "vague_numbers", "set_blockers",
                "future_cues", "past_cues", "present_cues", "not_past"):
        lex[key] = frozenset(lex[key])
    return lex


def norm(s: str) -> str:
    """Lower-case with whitespace runs collapsed: the lexicon's key form."""
    return " ".join(s.lower().split())
