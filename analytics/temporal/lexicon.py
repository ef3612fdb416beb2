"""The English lexicon (data/en.yaml), loaded once, with regex alternations built from it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def alternation(words) -> str:
    """Longest-first regex alternation of literal words; spaces match any whitespace run, an apostrophe
    matches a straight, curly or missing one ("New Year's", "New Year’s", "New Years")."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in parts)


def trie_alternation(words) -> str:
    """Regex alternation factored by common prefixes ("jan|june|july" -> "j(?:an|u(?:ne|ly))").

    Python's regex engine tries alternatives one by one; a trie makes a failed look-up cost
    the length of the word instead of the number of words.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return emit(trie)


@lru_cache(maxsize=None)
def load(lang: str = "en") -> dict:
    with open(DATA / f"{lang}.yaml", encoding="utf-8") as f:
        lex = yaml.safe_load(f)
    for key in ("ambiguous_months", "weekday_abbrev_need_dot", "vague_numbers", "set_blockers",
                "future_cues", "past_cues", "present_cues", "not_past", "reporting_verbs", "participle_aux", "modal_future", "bare_plural_cues",
                "infinitive_future", "decision_infinitive", "adjective_before", "deadline_verbs", "lowercase_time_words"):
        lex[key] = frozenset(lex[key])
    return lex


def norm(s: str) -> str:
    """Lower-case with whitespace runs collapsed: the lexicon's key form."""
    return " ".join(s.lower().replace("’", "'").split())


def lookup(table: dict, text: str):
    """table[norm(text)], forgiving a missing apostrophe ("new years day")."""
    key = norm(text)
    if key in table:
        return table[key]
    bare = {k.replace("'", ""): v for k, v in table.items()}
    return bare[key.replace("'", "")]
