"""Sentence bounds and grammatical tense around a span: what decides "last August" vs "next Monday"."""

from __future__ import annotations

import re
from bisect import bisect_right

from analytics.abbreviations import alternation

from .lexicon import load

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“'‘(]?[A-Z0-9])|\n\s*\n")
# a verb after the expression only counts inside the same clause ("on Saturday and were planning ...")
_CLAUSE_END = re.compile(r"[,;:()\"“”]|\b(?:and|but|or|which|who|while|when|because|whereas|that)\b", re.IGNORECASE)
_ADVERBS = {"still", "also", "not", "never", "now", "then", "soon", "just", "only", "already", "probably", "definitely"}
# verbs after which an -ed word is an adjective ("remain closed", "stay locked", "seems settled")
_COPULAS = {"remain", "remains", "remaining", "stay", "stays", "staying", "become", "becomes", "seem", "seems", "get",
            "gets", "keep", "keeps", "look", "looks"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")


# a full stop that ends an abbreviation, not a sentence: "Oct. 23", "Mr. Bush", "U.S. officials", "2 p.m. ET"
_ABBREV_END = re.compile(r"(?:(?<![A-Za-z])(?:" + alternation() + r"|[A-Z])\.|(?<![A-Za-z])[A-Z]\.[A-Z]\.)\Z")
_ZONE_AFTER = re.compile(r"[ap]\.m\.\Z", re.IGNORECASE)
_ZONE = re.compile(r"(?:[A-Z]{1,3}T|GMT|UTC|local)\b")


class Sentences:
    """Sentence start offsets of a text, for cheap `bounds(pos)` look-ups."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _SENT_END.finditer(text) if not self._abbreviation(m.start(), m.end())]

    def _abbreviation(self, stop: int, nxt: int) -> bool:
        """The full stop at `stop` closes an abbreviation and the next word continues the sentence."""
        head = self.text[max(0, stop - 6):stop]
        if _ABBREV_END.search(head):
            return True
        return bool(_ZONE_AFTER.search(head) and _ZONE.match(self.text, nxt))

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end


def _cue(word: str, lex: dict) -> str | None:
    w = word.lower()
    if word == "may":  # the modal, as "might" (lexicon future_cues); the capitalised month is no cue
        return "future"
    if w in lex["future_cues"]:
        return "future"
    if w in lex["past_cues"]:
        return "past"
    if w in lex["present_cues"]:
        return "present"
    if len(w) > 4 and w.endswith("ed") and w not in lex["not_past"]:
        return "past"
    return None


def _participle(before: list[str], lex: dict) -> str | None:
    """'will be named', 'to be completed' -> future; 'has been named' -> None (keep past)."""
    prev = before[-1].lower()
    if prev in ("is", "are", "am"):
        return "present"  # "when the case is heard in May": a present passive, not a past event
    if prev not in lex["participle_aux"]:
        return None
    if prev == "to":
        return "future"
    if prev == "be":
        # "will be held", "would still be held": the modal may stand a few adverbs back
        for w in reversed(before[-4:-1]):
            w = w.lower()
            if w in lex["modal_future"]:
                return "future"
            if not (w in _ADVERBS or w.endswith("ly")):
                break
    if prev == "being":
        return "present"
    return None


def _is_weekday(text: str, start: int, lex: dict) -> bool:
    m = _WORD.match(text, start)
    return m is not None and m.group(0).lower() in lex["weekdays"]


def tense(text: str, start: int, end: int, sentences: Sentences, lang: str = "en") -> str | None:
    """'past' | 'future' | 'present' | None: the nearest tense cue in the span's sentence.

    Left context wins ties because English puts the auxiliary before the time adverbial
    ("will take effect on Monday").

    >>> t = "The ceasefire will take effect on Monday."
    >>> tense(t, 34, 40, Sentences(t))
    'future'
    """
    lex = load(lang)
    s0, s1 = sentences.bounds(start)
    left = _WORD.findall(text[max(s0, start - 160):start])[-16:]
    right_text = _CLAUSE_END.split(text[end:min(s1, end + 80)], maxsplit=1)[0]
    right = _WORD.findall(right_text)[:8]
    best, best_d = None, 99
    n = len(left)
    lower = [w.lower() for w in left]
    tail = " ".join(lower[-3:])
    if any(tail.endswith(f) for f in lex["future_frames"]):
        return "future"  # "as soon as Tuesday" names a time still to come, whatever the main verb
    for d, w in enumerate(reversed(left)):
        i = n - d - 1  # index of w in left
        if d > 1 and lower[i] in lex["reporting_verbs"]:
            continue  # "said ... will pay on Dec. 7": the reporting verb is not the event's tense
        if lower[i] == "to" and d >= 1 and i > 0 and (lower[i - 1] in lex["infinitive_future"] or (
                lower[i - 1] in lex["decision_infinitive"] and not _is_weekday(text, start, lex))):
            # "set to resume Monday", "is to meet Friday"; but "had been due to expire Friday": a plan the past
            # perfect reports as overtaken, so its date is behind us
            best, best_d = ("past" if "had" in lower[max(0, i - 4):i - 1] else "future"), d
            break
        if i > 0 and lower[i - 1] in lex["adjective_before"] and lower[i].endswith("ed") \
                and lower[i] not in lex["past_cues"]:
            continue  # "a still unspecified date", "the planned merger": an adjective, not a past verb
        c = _cue(w, lex)
        if c == "past" and i > 0 and lower[i - 1] in _COPULAS and lower[i] not in lex["past_cues"]:
            continue  # "will remain closed until Tuesday": an adjective after a copula; the copula's tense counts
        if c == "future" and "had" in lower[max(0, i - 3):i]:
            c = "past"  # "had been scheduled for Friday", "had planned"
        if c == "present" and lower[i] in ("has", "have") and d >= 1 and \
                (lower[i + 1] == "been" or _cue(lower[i + 1], lex) == "past"):
            c = "past"  # a present perfect reports a past event ("have been searching since the Oct. 23 killing")
        if c == "past" and n - d - 2 >= 0:
            c = _participle(left[: n - d - 1], lex) or c
        if c:
            best, best_d = c, d
            break
    for d, w in enumerate(right):
        if d >= best_d:
            break
        if d > 1 and w.lower() in lex["reporting_verbs"]:
            continue
        c = _cue(w, lex)
        if c == "past" and best == "future" and w.lower() not in lex["past_cues"]:
            continue  # "will double its flights by August in search of markets untouched by the crisis": after a
            # future auxiliary, an -ed word further on is a participle on a noun, not the clause's verb
        if c:
            best = c
            break
    return best
