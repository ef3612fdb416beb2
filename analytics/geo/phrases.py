"""Tokenisation and longest-match phrase lookup shared by the actor and place finders.

A `PhraseIndex` maps token-key tuples to payloads. Matching walks the tokens once; at each position it looks
only at phrases whose first token is the current token (a dict lookup), longest first, so the cost is
O(tokens x longest phrase) dict lookups, whatever the size of the lexicon.

Case rules protect proper names from common words: a payload's `case` is
  "upper": the text must be written in capitals (acronyms of 1-3 letters: "UN", "US", "EU");
  "cap":   every word but particles must start with a capital ("Chad", "al-Qaeda", "Islamic State");
  "any":   any case (agent nouns: "troops", "police").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations with dots ("U.S.", "U.N."), words with inner apostrophes ("O'Brien", but not the possessive "'s",
# which is its own token), then any other single non-space character. Hyphens are tokens of their own, so
# "Russia-Ukraine" holds two names and "al-Qaeda" matches the alias "al-Qaeda" token by token.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['’‘`](?!s\b)\w+)*|['’]s\b|\S")
PARTICLES = frozenset(
    "al el ad ash as an at bin ibn bint de del der den van von da du la le of the and for in on wa y di des ul ud "
    "e-".split()
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token spans of a text: raw strings, lookup keys and character offsets (parallel tuples)."""

    text: str
    raws: tuple[str, ...]
    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.raws)


@lru_cache(maxsize=200_000)
def token_key(tok: str) -> str:
    """Case-folded, accent-free, dot-free form of one token ("U.S." -> "us", "Erdoğan" -> "erdogan")."""
    if "`" in tok:
        tok = tok.replace("`", "'")
    if not tok.isascii():
        tok = "".join(ch for ch in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(ch))
        tok = tok.replace("’", "'").replace("‘", "'").replace("`", "'")
    if len(tok) > 1:
        tok = tok.replace(".", "")
    return tok.casefold()


@lru_cache(maxsize=8)
def tokenize(text: str) -> Tokens:
    """Tokens of a text (cached: the actor and place finders usually tokenise the same document in turn)."""
    ms = list(TOKEN_RE.finditer(text))
    raws = tuple(m.group() for m in ms)
    return Tokens(
        text, raws, tuple(map(token_key, raws)), tuple(m.start() for m in ms), tuple(m.end() for m in ms)
    )


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Token keys of a lexicon phrase, tokenised exactly as text is."""
    return tuple(token_key(m.group()) for m in TOKEN_RE.finditer(phrase))


def case_rule(alias: str) -> str:
    """The case rule for an alias as written in a lexicon: short all-capital acronyms must match in capitals;
    short mixed-case acronyms ("LeT", "JeM") only exactly as written ("=" + the alias)."""
    letters = [ch for ch in alias if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) <= 3:
        return "upper"
    if 2 <= len(letters) <= 4 and " " not in alias and sum(ch.isupper() for ch in letters[1:]) >= 1 \
            and any(ch.islower() for ch in letters):
        return "=" + "".join(m.group() for m in TOKEN_RE.finditer(alias))
    raws = [m.group() for m in TOKEN_RE.finditer(alias)]
    mask = "".join("x" if r[:1].isalpha() and not _capitalised(r) and i > 0 and r.casefold() not in PARTICLES
                   and raws[i - 1] != "-" else "C" for i, r in enumerate(raws))
    if "x" in mask and mask[0] == "C":
        # a name followed by common nouns ("Gulf states", "UN nuclear watchdog"): the name must be capitalised,
        # the nouns may be written either way
        return "mask:" + mask
    return "cap"


def _capitalised(raw: str) -> bool:
    if len(raw) > 2 and raw[1] in "'’":
        raw = raw[2:]  # "d'Ivoire", "l'Aquila"
    return raw[:1].isupper() or raw[:1].isdigit()


def case_ok(rule: str, raws: tuple[str, ...]) -> bool:
    if rule == "any":
        return True
    if rule[:1] == "=":
        return "".join(raws) == rule[1:]
    if rule == "upper":
        return all(not ch.isalpha() or ch.isupper() for r in raws for ch in r)
    mask = rule[5:] if rule[:5] == "mask:" else ""
    for i, r in enumerate(raws):
        if not r[:1].isalpha() or (mask and mask[i] == "x"):
            continue
        if i > 0 and (r.casefold() in PARTICLES or raws[i - 1] == "-"):
            continue  # "Kim Jong-un", "Ban Ki-moon", "Osama bin Laden"
        if not _capitalised(r):
            # a leading particle may be lower case if the word after the hyphen is capitalised ("al-Qaeda")
            if i == 0 and r.casefold() in PARTICLES and len(raws) > 1:
                continue  # the next word decides ("al Qaeda" yes, "al qaeda" no)
            return False
    return True


class PhraseIndex:
    """Longest-match lookup of token-key phrases. Payloads are (case rule, value) pairs."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[tuple[str, object]]] = {}
        self._maxlen: dict[str, int] = {}

    def add(self, keys: tuple[str, ...], case: str, value: object) -> None:
        if not keys:
            return
        self._phrases.setdefault(keys, []).append((case, value))
        if len(keys) > self._maxlen.get(keys[0], 0):
            self._maxlen[keys[0]] = len(keys)

    def add_phrase(self, phrase: str, value: object, case: str | None = None) -> None:
        self.add(phrase_keys(phrase), case or case_rule(phrase), value)

    def get(self, keys: tuple[str, ...]) -> list[tuple[str, object]]:
        return self._phrases.get(keys, [])

    def __len__(self) -> int:
        return len(self._phrases)

    def starts_with(self, key: str) -> bool:
        """True if some phrase starts with this token key (a cheap pre-check before `longest`)."""
        return key in self._maxlen

    def longest(self, toks: Tokens, i: int, stop: int | None = None) -> tuple[int, list[object]]:
        """(end token index, values) of the longest phrase starting at token i whose case rule holds, or (i, [])."""
        keys = toks.keys
        n = len(keys) if stop is None else stop
        maxlen = self._maxlen.get(keys[i])
        if not maxlen:
            return i, []
        for length in range(min(maxlen, n - i), 0, -1):
            cands = self._phrases.get(keys[i : i + length])
            if not cands:
                continue
            raws = toks.raws[i : i + length]
            ok = [v for rule, v in cands if case_ok(rule, raws)]
            if ok:
                return i + length, ok
        return i, []
