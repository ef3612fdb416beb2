"""Sentences and tokens with character offsets; no model, only regular expressions.

>>> [s.text for s in sentences("Russia hosted talks. Lavrov spoke.")]
['Russia hosted talks.', 'Lavrov spoke.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analytics.abbreviations import alternation

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")
# A sentence ends at . ! ? (optionally followed by quotes/brackets) before whitespace and a capital,
# digit or quote, or at a blank line. Abbreviations such as "U.S." or "Jan." do not end a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:" + alternation() + r")\.)$")


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets index into `text`. Lines (headlines) are kept apart."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        pstart = para.start()
        chunk = para.group()
        pos = 0
        for m in _BOUNDARY.finditer(chunk):
            if _ABBREV.search(chunk[pos:m.start()]):
                continue
            _add(out, text, pstart + pos, pstart + m.start())
            pos = m.end()
        _add(out, text, pstart + pos, pstart + len(chunk))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens; `offset` is added to every position."""
    return [Token(g, g.lower().replace("’", "'"), m.start() + offset, m.end() + offset)
            for m in _TOKEN.finditer(text) for g in (m.group(),)]
