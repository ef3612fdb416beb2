"""Where a timex begins and ends: the TIMEX3 extent rules the tagger follows, and the two extent steps that run
after resolution (signals left out, "a three-year period" taken whole).

The rules come from the TimeML annotation guidelines (version 1.2.1, Sauri et al. 2006, the rules TempEval-3's
annotation used for TIMEX3), which take the extent conventions of the TIDES TIMEX2 guidelines (Ferro et al.) and
change them where TimeML gives a word a tag of its own (a SIGNAL). Where TBAQ's two halves annotate a construction
differently, the guideline decides; the counts are gold timexes in TBAQ-cleaned, "in" = the word is inside the
extent, "out" = it stands right outside it (TimeBank half / AQUAINT half).

| Construction | Extent | Guideline | TBAQ in/out (TimeBank; AQUAINT) |
|---|---|---|---|
| preposition before a date: "in 1989", "on Monday", "since 2001" | left out | a preposition is a SIGNAL, never part of a TIMEX3 | (always out) |
| "before"/"after" + event: "the day before the vote" | "the day" | "before"/"after" are SIGNALs | out 3/10; 8/10 |
| "ago", "earlier" after an amount: "two years ago", "a year earlier" | inside, one DATE | the amount and "ago" make one date-denoting phrase (ADVP) | ago 40/0, 11/0; earlier 25/2 |
| "later" after an amount: "three days later" | as "earlier" (inside, a DATE) | same phrase shape; TBAQ's 4 "out" of 5 are too few to override the guideline and the date is what a timeline needs | 1/3; 0/1 |
| determiner "the", "a": "the past three years", "a year" | inside | the TIMEX3 is the whole noun phrase, determiner included (TIDES) | the 224/38; 10/45 (halves disagree) |
| "the" before a premodifying year: "the 1996 Olympic bombing" | "1996" only | the determiner belongs to the noun it heads, not to the year | |
| premodifiers "early", "late", "mid", "earlier", "later": "early March", "earlier this week", "late Tuesday" | inside, mod START/END/MID | modifiers of the temporal head are in the extent and set `mod` | early 12/0, 5/6; earlier 13/4, 2/7 (disagree) |
| "the end / beginning / middle of" X | inside, mod END/START/MID | same (the phrase names a part of X) | |
| quantity modifiers "more than", "less than", "at least", "nearly", "almost", "up to", "some" before an amount | inside, mod MORE_THAN ... | the guidelines' `mod` examples ("more than a decade", "less than a year") are tagged whole; "almost" is "nearly" (TIDES: both inside, MOD LESS_THAN) | more than 2/0, 1/0; at least 3/1, 1/1; nearly 6/0, 0/1; almost 2/1, 1/1 (news and history sets 4/0) |
| "about", "over" before an amount | left out (kept before "N units ago") | TIDES puts "about" inside with MOD=APPROX, but both halves of TBAQ (cleaned by the TempEval-3 organisers) leave it out, so the halves' agreement wins; "over" is mostly the preposition ("over the past year") | about 2/4, 0/5; over 1/24, 1/4 |
| part of day after a day: "Wednesday night", "Monday morning" | inside, one TIME (value 2021-10-20TNI) | the guidelines' TIME class covers parts of day ("late last night", "this morning") | night 3/0, 12/5 |
| appositive date: "Thursday, Jan. 6" | one DATE | one date written two ways is one expression (TIDES) | 4 of 5 one timex |
| "N-unit" adjective: "the two-day rally" | "two-day" only | an adjectival duration (ADJP) is the timex; the noun it modifies is an event | |
| "N-unit" + temporal noun: "a three-year period", "a one-year term" | the whole noun phrase | the head noun ("period", "term") is itself temporal, so the NP is the duration | 2/0; 0/1 |
| post-modifier naming a date: "the summer of 1941", "the first week of March", "the year 2000" | inside | the "of"-phrase or apposition completes the date (TIDES: the whole phrase names one time) | |
| post-modifier naming an event: "the week of the election", "the year that followed" | not inside | prepositional phrases and relative clauses about events are outside a TIMEX3 (TimeML tags the event separately) | |
| "that time", "at the same time" | not tagged | anaphoric or sequencing, not a temporal expression | 1 tagged of 18 |
| a date inside a name: "the Good Friday Agreement", "Orion 1980" | not tagged | temporal expressions inside proper names are not markable | |
| a lower-case time word capitalised in mid-sentence after an acronym or a possessive, before a capitalised word, or quoted after a word: "USA Today", "VOA Today", ABC's "This Week", "the Daily Telegraph" (a Title-Case headline keeps its timex) | not tagged | the same rule: it is part of a name (a newspaper, a programme) | 3 tagged by the system in TBAQ (all TimeBank), none in the gold |
| a generic "today's"/"of tomorrow": "today's world", "the people of tomorrow"; "High Noon", "high noon" | not tagged | not a reference to a particular time (the guidelines' non-markable generic uses); neither half tags them | 0 of 4; 0 of 2 |
"""

from __future__ import annotations

import re

# "the day before the vote": before/after followed by an event (a word that is not itself a date) is a SIGNAL
_SIGNAL_TAIL = re.compile(r"(?i)(the\s+(?:day|night|week|month|year))\s+(?:before|after)")
_WORD_FOLLOWS = re.compile(r"\s+[A-Za-z]")  # a word, not a full stop or comma: the signal introduces something
_APPOSITION = re.compile(r"\s*,\s*")
# "a three-year period": an adjectival amount before a temporal noun
_TEMPORAL_NOUN = re.compile(r"\s+(?:period|term|span|stretch|spell|window)(?![\w-])", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:(?P<art>a|an|the)|its|his|her|their|our|my|your)\s+$", re.IGNORECASE)


# the capitalised word before: an acronym ("USA Today", "VOA Today") or a possessive ("NBC's Today show"), so a
# Title-Case headline ("Israel Talks Resume Today") keeps its timex
_CAP_WORD_BEFORE = re.compile(r"(?<![.!?:;\n])(?<![.!?:;]\s)(?<![.!?:;]\s\s)\b(?-i:[A-Z]{2,}|[A-Z][\w.&-]*(?:'s|’s))\s+\Z")
_CAP_WORD_AFTER = re.compile(r"\s+(?-i:[A-Z])[a-z]")
_QUOTE_OPEN = re.compile(r"[A-Za-z,']\s+[\"“]\Z")
_QUOTE_CLOSE = re.compile(r"[,.]?[\"”]")


def in_name(text: str, s: int, e: int, lowercase_words) -> bool:
    """"told USA Today", "on ABC's \"This Week\"", "the Daily Telegraph": a time word that running text writes in
    lower case, capitalised in mid-sentence beside a capitalised word or quoted after a word, is part of a name."""
    first = text[s:e].split(None, 1)[0]
    if not first[:1].isupper() or first.lower().rstrip(".,") not in lowercase_words:
        return False
    if _QUOTE_OPEN.search(text, max(0, s - 4), s):  # a quoted title after a word: ABC's "This Week With ..."
        return bool(_QUOTE_CLOSE.match(text, e) or _CAP_WORD_AFTER.match(text, e))
    before = text[max(0, s - 40):s]
    if before.strip() == "" or re.search(r"(?:[.!?:;\"“'‘(\n_]|--)\s*\Z", before):
        return False  # sentence-initial "Today, ..." is the time word itself
    return bool(_CAP_WORD_BEFORE.search(before)) or bool(_CAP_WORD_AFTER.match(text, e))


def trim_signals(text: str, found: list) -> list:
    """"the day before authorities issued a warrant" -> "the day" (the signal and the event it introduces stay
    out; beside a date, "Oct. 12, the day before the plunge", it restates that date); "the day before." and "the day
    before yesterday" keep their extent."""
    out = []
    for i, (s, e, sem) in enumerate(found):
        m = _SIGNAL_TAIL.fullmatch(text, s, e)
        nxt = found[i + 1][0] if i + 1 < len(found) else len(text)
        follows = _WORD_FOLLOWS.match(text, e)
        if m and follows and follows.end() - 1 != nxt:  # "the day before yesterday" / "before Tuesday": a date follows
            e = s + len(m.group(1))
            prev = out[-1][2] if out else None
            if prev is not None and prev.type == "DATE" and prev.ref is not None and prev.ref.gran == "day" \
                    and _APPOSITION.fullmatch(text, out[-1][1], s):
                # "on Oct. 12, the day before the plunge": the phrase restates the date it stands beside
                sem.ref, sem.value, sem.basis = prev.ref, prev.value, prev.basis
        out.append((s, e, sem))
    return out


def temporal_noun_phrases(text: str, found: list) -> list:
    """"over a three-year period" -> "a three-year period": an adjectival duration right after its determiner,
    whose head noun is temporal, takes the noun phrase (an article included, a possessive not)."""
    out = []
    for s, e, sem in found:
        if sem.type == "DURATION" and "-" in text[s:e] and not text[s:e].lower().startswith(("a ", "an ", "the ")):
            m = _TEMPORAL_NOUN.match(text, e)
            det = _DETERMINER_BEFORE.search(text, max(out[-1][1] if out else 0, s - 6), s) if m else None
            if det:  # "a three-year period", "its one-year term" (a possessive is no part of a timex);
                e = m.end()  # "the extra seven-day period": another adjective, the amount stays the timex
                if det.group("art"):
                    s = det.start()
        out.append((s, e, sem))
    return out
