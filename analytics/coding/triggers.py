"""Find event triggers in a sentence: verbs (with PETRARCH patterns) and nominal events.

A trigger is a token span with a CAMEO code. Verbs are recognised by their inflected forms; a
base or -s form counts as a verb only after a subject-like or auxiliary word, so that "talks" in
"holds talks" stays a noun. The words after the verb select the most specific PETRARCH pattern
("hosts a military conference" -> 0332 rather than the default 043).

>>> from analytics.coding.text import tokens
>>> [(t.lemma, t.code) for t in find_triggers(tokens("The Taliban seized Kabul."))]
[('SEIZE', '192')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analytics.abbreviations import abbreviations
from analytics.coding.lexicon import Lexicon, Pattern, VerbEntry, load
from analytics.coding.text import Token
from analytics.coding.words import (ARTICLES, BE, DETERMINERS, FUNCTION_WORDS, ING_ADJECTIVES,  # noqa: F401 (re-exported)
    OBJECT_OPENERS)
from analytics.coding.words import EFFORT_VERBS

SUBJECT_WORDS = {"i", "we", "you", "he", "she", "it", "they", "who", "which", "also", "not", "n't", "never",
                 "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does",
                 "did", "jointly", "then", "reportedly", "later", "again", "first", "repeatedly", "allegedly"}
# Verbs that only carry a nominal event ("held talks", "launched an airstrike", "began"): the noun decides.
LIGHT_VERBS = {"GO", "HOLD", "LAUNCH", "CONDUCT", "CARRY_OUT", "STAGE", "MOUNT", "BEGIN", "START", "ORGANIZE",
               "ORGANISE", "MAKE", "PAY", "HAVE", "TAKE", "RESUME", "CONTINUE", "OPEN", "ANNOUNCE", "END",
               "COMPLETE", "PERFORM", "UNDERTAKE", "ENGAGE", "ENGAGE_IN", "JOIN", "LEAD", "GIVE", "OPENING",
               "FILE", "LODGE"}
# Verbs of trying and failing: before "to" and a verb they mean "try" or "did not", no act of their own
# ("struggled to contain", "air strikes failed to stop the rockets"; the infinitive keeps the meaning)
# Verbs of saying: PETRARCH patterns on them assume a parse ("said ... attacked"); here they code nothing
# beyond their default, and their complement is coded on its own.
SPEECH_VERBS = {"SAY", "TELL", "STATE", "ADD", "CLAIM", "REPORT", "ANNOUNCE", "DECLARE", "NOTE", "STRESS",
                "EMPHASIZE", "EMPHASISE", "EXPLAIN", "INSIST", "ARGUE", "HIGHLIGHT", "COMMENT", "REMARK"}
PREPOSITIONS = {"into", "of", "for", "about", "over", "against", "with", "from", "on", "in", "by", "under", "near",
                "around", "across", "at", "along", "inside", "outside", "toward", "towards", "beyond", "between",
                "among", "within", "through", "to"}
PARTICLE_VERBS = {"back", "over", "down", "off"}
PHRASAL_PARTICLES = {"off", "out", "down", "up"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
                "thousands", "several", "many", "some", "few"}
CLAUSE_STOP = {".", ";", ":", "?", "!", "but", "while", "whereas", "although", "though", "because"}
NOMINAL_STOP = {"against", "on", "by"}
# Words a "." abbreviates inside a sentence: a middle initial ("John F. Kennedy"), a title or suffix ("Jr.",
# "Gen."), a month ("Sept. 11"). Such a dot ends no clause.
ABBREVIATIONS = abbreviations(lower=True)      # (analytics/lexicons/abbreviations.txt)


def abbreviation_dot(toks: list[Token], k: int) -> bool:
    """Is toks[k] the "." of an abbreviation or a middle initial, not the end of a clause?"""
    if toks[k].text != "." or k == 0 or k + 1 >= len(toks):
        return False
    before = toks[k - 1].text
    return (len(before) == 1 and before.isupper()) or before.lower() in ABBREVIATIONS
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "last", "this", "next"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
WHO_WORDS = {"MILITANTS", "MILITANT", "REBELS", "REBEL", "GUNMEN", "INSURGENTS", "POLICE", "TROOPS", "SOLDIERS",
             "FORCES", "GUERRILLAS", "FIGHTERS", "PROTESTERS", "&MILITARY", "&SECURITY", "&OPPOSITION"}
PATTERN_STOP = {"after", "before", "when", "until", "because", "since", "as", "while", "whereas"}

# (built once: the tests below run for most tokens)
_FUNCTION_OR_DETERMINER = frozenset(FUNCTION_WORDS | DETERMINERS)

@dataclass(frozen=True)
class Trigger:
    start: int          # token index, inclusive
    end: int            # token index, exclusive
    code: str
    lemma: str
    kind: str           # "verb" | "nominal"
    passive: bool = False
    light: bool = False  # a light verb whose object is a nominal event


def match_word(word: str, toks: list[Token], i: int, lex: Lexicon) -> int:
    """Length in tokens matched by one pattern word at toks[i], or 0."""
    if i >= len(toks):
        return 0
    if word.startswith("&"):
        by_first = _synset_index(word.rstrip("_"))
        w = toks[i].lower
        for key in {w, w[:-1], w[:-2], w[:-3]}:
            for member in by_first.get(key, ()):
                n = _match_seq(member, toks, i)
                if n:
                    return n
        return 0
    if "/" in word:
        # PETRARCH's alternatives, "TO/FOR PROTEST", "IN AIR ATTACK/BOMBING/RAID/STRIKE": any one of them; the
        # pattern names the word after "to" itself, so "to" + verb is no infinitive to refuse here
        return max(_match_seq(tuple(alt.lower().split("_")), toks, i, infinitive=False)
                   for alt in word.split("/") if alt)
    return _match_seq(tuple(word.lower().split("_")), toks, i)


def _match_seq(words: tuple[str, ...], toks: list[Token], i: int, infinitive: bool = True) -> int:
    if i + len(words) > len(toks):
        return 0
    for k, w in enumerate(words):
        tok = toks[i + k].lower
        nxt = i + k + 1
        while nxt < len(toks) - 1 and toks[nxt].lower.endswith("ly"):
            nxt += 1
        if infinitive and w == "to" and k == len(words) - 1 and nxt < len(toks) and _is_base_verb(toks[nxt].lower):
            return 0        # "to" + verb is an infinitive, not the preposition a pattern wants ("TO_LEAVE" names it)
        exact = w.endswith("_") or len(w) <= 3
        w = w.rstrip("_")
        if not w:
            return 0
        if tok == w or (not exact and _inflects(w, tok)):
            continue
        return 0
    return len(words)


def _is_modifier_slot(toks: list[Token], pos: int) -> bool:
    """Is toks[pos] a lowercase content word, so that the word before it was only its modifier?"""
    t = toks[pos]
    return t.text[:1].islower() and t.lower.isalpha() and t.lower not in FUNCTION_WORDS \
        and not t.lower.endswith("ly") and (not _is_verb_like(t.lower) or t.lower in PLURAL_HEADS
                                            or t.lower.endswith("ing"))     # "government building"


DOCUMENT_VERBS = {"SIGN", "RATIFY", "APPROVE", "ISSUE", "VOTE", "ADOPT", "ENACT", "PASS", "IMPOSE"}   # the object names the act


# Plural nouns that are also verb forms ("forces", "targets"): after a modifier they are its head.
PLURAL_HEADS = {"forces", "troops", "targets", "positions", "buildings", "offices", "leaders", "supporters",
                "ships", "vessels", "bases", "camps", "posts", "convoys", "patrols", "units", "guards", "monitors"}


def _is_verb_like(word: str) -> bool:
    return (word,) in load().forms and (word.endswith("ed") or word.endswith("ing") or word.endswith("s"))


def _inflects(stem: str, tok: str) -> bool:
    """Is `tok` an inflection of the pattern stem ("exercise" -> "exercises", "seize" -> "seized")? Not a
    derivation: "support" does not match "supporters", "president" not "presidential"."""
    if not tok.startswith(stem[:-1]) or len(tok) - len(stem) > 3:
        return False
    rest = tok[len(stem):] if tok.startswith(stem) else None
    if rest in {"s", "es", "ed", "d", "ing", "'s"}:
        return True
    if stem.endswith("e") and tok == stem[:-1] + "ing":
        return True
    return stem.endswith("y") and tok in {stem[:-1] + "ies", stem[:-1] + "ied"}


def _is_base_verb(word: str) -> bool:
    entries = load().forms.get((word,))
    return bool(entries) and any(e.lemma.lower() == word for e in entries)


def _pattern_score(p: Pattern, toks: list[Token], start: int, end: int, lex: Lexicon) -> int:
    """Number of pattern words found in order (after: within 8 tokens; before: within 4), else -1."""
    score = 0
    pos = end
    limit = min(len(toks), end + 8)
    passive = any(t.lower in BE for t in toks[max(0, start - 2):start])
    for n_word, word in enumerate(p.after):
        found = False
        while pos < limit:
            if toks[pos].lower in CLAUSE_STOP and not abbreviation_dot(toks, pos) \
                    or (pos > end and toks[pos].lower in PATTERN_STOP):
                return -1   # "captured the city after government troops fled": "troops" is another clause's
            if passive and toks[pos].lower == "by" and not word.upper().startswith("BY"):
                return -1   # "was attacked by suicide bombers": the agent is no object ("attack aircraft")
            n = match_word(word, toks, pos, lex)
            if n:
                pos += n
                score += 1
                found = True
                break
            pos += 1
        if not found:
            return -1
        if word.lower() in PREPOSITIONS and pos < len(toks) and (toks[pos].lower in TIME_WORDS or toks[pos].lower.isdigit()):
            return -1   # "phoned Zelensky on Wednesday" is no "call on", not a modifier: "struck Libyan government
        # forces" is no "strike (at the) government", "bombing the presidential palace" no "bomb president"
        if n_word == len(p.after) - 1 and word.lower() not in PREPOSITIONS \
                and pos < len(toks) and _is_modifier_slot(toks, pos) and toks[pos - n - 1].lower != "to":
            return -1   # (an infinitive, "to crush any attempt", takes an object, it modifies nothing)
    pos = start - 1
    for word in reversed(p.before):
        if word.lower() in {"will", "would", "not"}:
            return -1   # modality is handled separately, not through patterns
        found = False
        # words before the verb must be adjacent (subject head or auxiliary), not across a phrase
        while pos >= max(0, start - 2):
            if not toks[pos].text[:1].isalnum():
                return -1
            if word.startswith("&WEAPON") and match_word("&AIRCRAFT", toks, pos, lex) \
                    and not (pos > 0 and toks[pos - 1].lower == "suicide"):
                return -1   # "jets shot down a warplane": aircraft fire in the air, they are no bomb
            if match_word(word, toks, pos, lex):
                score += 1
                found = True
                pos -= 1
                break
            pos -= 1
        if not found:
            return -1
    return score


def _looks_verbal(toks: list[Token], i: int, form: str, is_base: bool, subject_ends: frozenset[int]) -> bool:
    """Decide from the left context whether toks[i] is used as a verb."""
    tok = toks[i]
    if i > 0 and tok.text[:1].isupper():
        return False        # inside a name ("Operation Desert Storm", "Strike Group")
    if tok.lower in ING_ADJECTIVES and i + 1 < len(toks) and toks[i + 1].text[:1].islower() \
            and toks[i + 1].lower.isalpha() and toks[i + 1].lower not in _FUNCTION_OR_DETERMINER:
        return False        # "surrounding hamlets", "the ruling party", "warring factions": an adjective
    j = i - 1
    while j >= 0 and (toks[j].lower.endswith("ly") and toks[j].lower not in {"italy", "july"}):
        j -= 1              # skip adverbs: "to officially recognize"
    prev = toks[j] if j >= 0 else None
    if prev is not None and (prev.lower in DETERMINERS or prev.lower.endswith("'s")):
        return False
    after = toks[i + 1].lower if i + 1 < len(toks) else "."
    if tok.lower.endswith("ing") and (after in PREPOSITIONS or not after[:1].isalnum()) and _after_article(toks, j):
        return False        # "made an emergency landing on", "a Berlin nightclub bombing.": a noun, without object
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and (prev.lower.replace(",", "").isdigit() or prev.lower in NUMBER_WORDS
                             or (prev.lower in PREPOSITIONS and tok.lower.endswith("ed"))) and nxt is not None \
            and nxt.text[:1].islower() and nxt.lower.isalpha() and nxt.lower not in _FUNCTION_OR_DETERMINER:
        return False        # "five suspected militants": a participle used as an adjective
    if nxt is not None and toks[i].lower in PARTICLE_VERBS and nxt.lower in {"to", "into", "from", "down", "off", "out",
                                                                           "away", "in", "on", "up"}:
        return False        # "handed Hong Kong back to China": a particle, not the verb "back"
    if not is_base:
        return True
    if prev is None:
        return False
    after_form = toks[i + form.count("_") + 1] if i + form.count("_") + 1 < len(toks) else None
    if "_" in form and form.split("_")[-1].lower() in PHRASAL_PARTICLES and prev.text[:1].isupper() \
            and prev.lower.isalpha() and after_form is not None \
            and after_form.lower not in FUNCTION_WORDS - ARTICLES - {"its", "their"}:
        return True         # "Gazprom cut off supplies": a base form with its particle after a name is the name's verb
    if j >= 1 and toks[j - 1].lower in ARTICLES and prev.text[:1].islower() and prev.lower.isalpha():
        return False        # "the first visit", "a new attack": a noun after its article and modifier
    if tok.lower in PLURAL_HEADS and prev.text[:1].isupper():
        return False        # "struck Hezbollah targets": a plural head after a name
    if prev.lower != "to" and nxt is not None and (nxt.lower in {"will", "would", "has", "have", "had", "were", "was", "are", "is"}
                            or (nxt.lower.endswith("ed") and (nxt.lower,) in load().forms)):
        return False        # "NATO allies agreed": a noun before its own verb
    after2 = toks[i + 2].lower if i + 2 < len(toks) else ""
    if prev.lower != "to" and nxt is not None and nxt.text[:1].islower() and nxt.lower.isalpha() \
            and nxt.lower not in _FUNCTION_OR_DETERMINER and after2 in BE | {"has", "had", "have", "will", "would"}:
        return False        # "a UN aid convoy was bombed": a noun modifying the subject's head
    # "missiles hit a shopping centre": a plural noun, then the base form, then the start of an object
    plural_subject = prev.text[:1].islower() and prev.lower.isalpha() and prev.lower.endswith("s") \
        and not prev.lower.endswith("ss") and prev.lower not in FUNCTION_WORDS and nxt is not None \
        and (prev.lower[:-1],) not in load().nominal and (prev.lower,) not in load().nominal \
        and (nxt.lower in OBJECT_OPENERS or nxt.text[:1].isupper() or nxt.lower.isdigit())
    if prev.lower in {"and", "or"} and j >= 2 and toks[j - 2].lower == "," and toks[j - 1].text[:1].islower() \
            and toks[j - 1].lower.isalpha() and (toks[j - 1].lower,) not in load().forms:
        return False        # "in need of food, water and shelter": the last noun of a list, no verb
    if j in subject_ends and _after_indefinite_name(toks, j):
        return False        # "rejected a United Nations plan to reunify": a name modifying a noun after "a"
    # "South Korea on Monday cut all trade": a day adverbial between the subject and its verb
    dated = j >= 1 and prev.lower in WEEKDAYS and toks[j - 1].lower == "on"
    return (prev.lower in SUBJECT_WORDS or j in subject_ends or prev.lower in BE
            or prev.lower in {"and", "or"} or plural_subject or dated)


def _after_indefinite_name(toks: list[Token], j: int) -> bool:
    """Does the capitalised name ending at toks[j] follow "a"/"an" ("a United Nations plan")? An indefinite
    article opens a noun phrase the name only modifies: no subject."""
    k = j
    while k >= 0 and toks[k].text[:1].isupper():
        k -= 1
    return k >= 0 and k < j and toks[k].lower in {"a", "an"}


def _after_article(toks: list[Token], j: int) -> bool:
    """Do up to three modifier words, ending at toks[j], follow an article ("an emergency", "a Berlin nightclub")?"""
    k = j
    while k >= 0 and j - k < 3 and toks[k].lower.isalpha() and toks[k].lower not in _FUNCTION_OR_DETERMINER:
        k -= 1
    return k < j and k >= 0 and toks[k].lower in ARTICLES


def find_triggers(toks: list[Token], subject_ends: frozenset[int] = frozenset(),
                  inside: frozenset[int] = frozenset()) -> list[Trigger]:
    """All verb and nominal triggers in a sentence's tokens, left to right, without overlaps.

    `subject_ends` holds the token indices where an actor mention ends: a base or -s verb form right
    after one is a verb ("Russia holds"), elsewhere it is more likely a noun ("the talks"). Tokens in
    `inside` belong to actor names ("the Chilean armed forces") and trigger nothing. The lexicon is the shipped
    one: the per-form and per-pattern caches are built from it.
    """
    lex = load()
    out: list[Trigger] = []
    i = 0
    n = len(toks)
    while i < n:
        if i in inside:
            i += 1
            continue
        hit = _verb_at(toks, i, lex, subject_ends)
        # (after_verb only matters for a verb found here: worked out then)
        after_verb = hit is not None and ((out and out[-1].kind == "verb" and out[-1].end == i) or (
            i >= 2 and toks[i - 2].lower == "to" and _is_base_verb(toks[i - 1].lower)))
        if hit is not None and after_verb and toks[i].lower.endswith("ed") \
                and i + 1 < len(toks) and toks[i + 1].text[:1].islower() and toks[i + 1].lower.isalpha() \
                and toks[i + 1].lower not in _FUNCTION_OR_DETERMINER:
            hit = None      # "release jailed journalists": a participle right after a verb modifies its object
        if hit is None:
            hit = _nominal_at(toks, i, lex)
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit.end
    return _attach_light_verbs(out, toks)


def _verb_at(toks: list[Token], i: int, lex: Lexicon, subject_ends: frozenset[int]) -> Trigger | None:
    sizes = _form_sizes().get(toks[i].lower)
    if sizes is None:
        return None
    for size in sizes:
        if size > len(toks) - i:
            continue
        key = tuple(t.lower for t in toks[i:i + size])
        entries = lex.forms.get(key)
        if not entries:
            continue
        form = entries[0].form
        low = key[0]
        is_base = _is_base_form(key)
        if not _looks_verbal(toks, i, form, is_base, subject_ends):
            return None
        code, lemma = _best_code(entries, toks, i, i + size, lex)
        # "was seized", and the reduced "a ceasefire brokered by Russia"
        passive = not is_base and not low.endswith("ing") and i > 0 and (
            any(t.lower in BE for t in toks[max(0, i - 3):i])
            or (i + size < len(toks) and toks[i + size].lower == "by" and toks[i - 1].lower not in SUBJECT_WORDS))
        if entries[0].lemma in EFFORT_VERBS and i + size + 1 < len(toks) and toks[i + size].lower == "to" \
                and _is_base_verb(toks[i + size + 1].lower):
            return None     # "Liberia struggled to contain the outbreak": an effort, as "tried to"; the act is hypothetical
        if code is None:
            lemma0 = entries[0].lemma
            if lemma0 in LIGHT_VERBS:
                return Trigger(i, i + size, "---", lemma0, "verb", passive, light=True)
            return None
        return Trigger(i, i + size, code, lemma, "verb", passive,
                       light=lemma in LIGHT_VERBS)
    return None


@lru_cache(maxsize=None)
def _is_base_form(key: tuple[str, ...]) -> bool:
    """Is this verb form (a key of the lexicon's forms) a base form, not a past, participle or -ing form?
    (A property of the form's entries alone, so worked out once per form.)"""
    entries = load().forms[key]
    low = key[0]
    # ("need", "feed", "proceed": a lemma ending in -ed is still the base form)
    lemma_form = any(low == e.lemma.split("_")[0].lower() for e in entries)
    return not ((low.endswith("ed") and not lemma_form) or low.endswith("ing") or
                any(e.form.split("_")[0] != e.lemma.split("_")[0] and not low.endswith("s")
                    and low != e.lemma.split("_")[0].lower() for e in entries))


@lru_cache(maxsize=None)
def _synset_index(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Synset members by their first word (without the exact-match "_")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for member in load().synsets.get(name, ()):
        out.setdefault(member[0].rstrip("_"), []).append(member)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _block_index(block: str, lemma: str) -> tuple[dict[str, list[tuple[int, Pattern, tuple]]], list[tuple[int, Pattern, tuple]]]:
    """A block's patterns (then the verb's project patterns) by the first words of their first word,
    plus the patterns without words; each as (number, pattern, its _needs)."""
    lex = load()
    pats = list(() if lemma in SPEECH_VERBS else lex.patterns.get(block, ()))
    index: dict[str, list[tuple[int, Pattern, tuple]]] = {}
    bare: list[tuple[int, Pattern, tuple]] = []
    for n, p in enumerate(pats):
        needs = _needs(p)
        if not needs:
            bare.append((n, p, needs))
        for key in (needs[0] if needs else ()):
            index.setdefault(key, []).append((n, p, needs))
    return index, bare


@lru_cache(maxsize=None)
def _lemma_patterns(lemma: str) -> tuple[tuple[Pattern, tuple], ...]:
    """The project patterns of a verb, each with its _needs."""
    return tuple((p, _needs(p)) for p in load().lemma_patterns.get(lemma, ()))


def _window_keys(toks: list[Token], start: int, end: int) -> set[str]:
    """Every token (and its stems, up to 3 letters shorter) near the verb: a pattern whose words are
    not all here cannot match, which spares the full matcher for almost all of them."""
    keys: set[str] = set()
    for t in toks[max(0, start - 2):min(len(toks), end + 8)]:
        keys.update(_stems(t.lower))
    return keys


@lru_cache(maxsize=None)
def _needs(p: Pattern) -> tuple[frozenset[str], ...]:
    """For each pattern word, the first words that can start it (synset members expanded)."""
    lex = load()
    out = []
    for word in p.after + p.before:
        if word.startswith("&"):
            firsts = {m[0] for m in lex.synsets.get(word.rstrip("_"), ())}
        else:
            firsts = {alt.split("_")[0].rstrip("_") for alt in word.lower().split("/")}
        out.append(frozenset(f.rstrip("_") for f in firsts if f))
    return tuple(out)


def _possible(p: Pattern, keys: set[str], needs: tuple | None = None) -> bool:
    return all(not need.isdisjoint(keys) for need in (_needs(p) if needs is None else needs))


@lru_cache(maxsize=1)
def _form_sizes() -> dict[str, tuple[int, ...]]:
    """First word of the verb forms -> the lengths of the forms it starts, longest first (only those lengths
    can match: most words start one-word forms only)."""
    out: dict[str, set[int]] = {}
    for key in load().forms:
        out.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(n, reverse=True)) for w, n in out.items()}


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """A word and its stems up to 3 letters shorter (none under 3 letters)."""
    return (word,) + tuple(word[:-cut] for cut in (1, 2, 3) if len(word) - cut >= 3)


@lru_cache(maxsize=None)
def _first_words(table: str) -> frozenset[str]:
    """First words of every verb form / nominal phrase (a cheap test before the full lookups)."""
    return frozenset(k[0] for k in getattr(load(), table))


def _best_code(entries: list[VerbEntry], toks, start, end, lex) -> tuple[str | None, str]:
    best: tuple[int, str | None, str] = (-1, None, entries[0].lemma)
    keys = _window_keys(toks, start, end)
    for e in entries:
        default = e.code if e.code and e.code != "---" else None
        if best[0] < 0 and default:
            best = (0, default, e.lemma)
        # the words after "said" are its complement clause, not its pattern (project patterns still apply)
        index, bare = _block_index(e.block, e.lemma)
        # (the patterns are taken in their own order below, so the smaller side can be walked here)
        if len(index) < len(keys):
            found = {item[0]: item for k, items in index.items() if k in keys for item in items}
        else:
            found = {item[0]: item for k in keys for item in index.get(k, ())}
        for n, p, needs in sorted(list(found.values()) + bare, key=lambda x: x[0]):
            if not _possible(p, keys, needs):
                continue
            s = _pattern_score(p, toks, start, end, lex)
            if s > 0 and not p.before and all(w.lower() in PREPOSITIONS for w in p.after):
                s -= 0.5    # a lone preposition ("bomb ... for") says less than a noun or a subject
            elif s > 0 and p.before and not p.after and all(w.upper().rstrip("_") in WHO_WORDS for w in p.before):
                s -= 0.25   # what is done to ("captured the city") says more than who does it ("militants captured");
                            # a means ("suicide bomber", "aircraft") still says how
            if s > best[0]:
                best = (s, None if p.code == "---" else p.code, e.lemma)
        for p, needs in _lemma_patterns(e.lemma):
            if not _possible(p, keys, needs):
                continue
            s = _pattern_score(p, toks, start, end, lex)
            # project patterns were written for this matcher: they beat a PETRARCH pattern one word longer
            if s >= 0 and s + 1.5 > best[0]:
                best = (s + 1.5, None if p.code == "---" else p.code, e.lemma)
    return best[1], best[2]


def _nominal_at(toks: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    w = toks[i].lower
    firsts = _first_words("nominal")
    if w not in firsts and w[:-1] not in firsts and w[:-2] not in firsts:
        return None
    for size in range(min(lex.max_nominal_len, len(toks) - i), 0, -1):
        words = [t.lower for t in toks[i:i + size]]
        code = lex.nominal.get(tuple(words))
        if code is None and words[-1].endswith("s"):
            stem = words[-1][:-2] if words[-1].endswith("es") and tuple(words[:-1] + [words[-1][:-2]]) in lex.nominal \
                else words[-1][:-1]
            code = lex.nominal.get(tuple(words[:-1] + [stem]))
        if code is None:
            continue
        if toks[i].text[:1].isupper() and i > 0 and toks[i - 1].text[:1].isupper():
            return None     # part of a name
        return Trigger(i, i + size, code, " ".join(words), "nominal")
    return None


AIM_PREPS = {"on", "at", "upon", "into"}
# Light verbs that end the act their noun names ("ended their occupation", "ended the blockade")
ENDING_VERBS = {"END"}
# Ending a conflict act is yielding (CAMEO 08): the codebook's 08 line for what is ended, by the ended act's
# code: 0872 "Ease military blockade" (191), 087 "De-escalate military engagement" (other force, 19/20, and
# 18), 085 "Ease economic sanctions, boycott, embargo" (16x sanctions), 0813 "Ease curfew", 0814 "Ease state
# of emergency or martial law", 081 "Ease administrative sanctions" (other 17), 080 "Yield" (a protest or
# strike called off, 14; a force posture, 15).
ENDED = {"191": "0872", "1723": "0813", "1724": "0814", "163": "085", "19": "087", "20": "087", "18": "087",
         "17": "081", "16": "080", "15": "080", "14": "080"}


def ended(code: str) -> str:
    """The yield (08) of ending an act coded `code`; a non-conflict act (talks, a visit) keeps its code."""
    return ENDED.get(code, ENDED.get(code[:3], ENDED.get(code[:2], code)))


def _attach_light_verbs(found: list[Trigger], toks: list[Token]) -> list[Trigger]:
    """A light verb followed (within 6 tokens, same clause) by a nominal event merges into it;
    a light verb without one is dropped. The nominal keeps its code and gets the verb's position
    as its anchor, so that the verb's subject becomes the source."""
    out: list[Trigger] = []
    skip: set[int] = set()
    for k, t in enumerate(found):
        if k in skip:
            continue
        if t.light:
            nxt = found[k + 1] if k + 1 < len(found) else None
            if nxt is not None and nxt.kind == "verb" and nxt.start == t.end:
                continue    # "began airlifting weapons": the verb after the light verb is the event
            if nxt is not None and nxt.kind == "nominal" and t.code not in ("---", None) \
                    and t.code[:2] in {"18", "19", "20"} and any(toks[j].lower in AIM_PREPS for j in range(t.end, nxt.start)):
                out.append(t)   # "opened fire on a student rally": the rally is what is fired on, no event of its own
                skip.add(k + 1)
                continue
            if nxt is not None and nxt.kind == "nominal" and nxt.start - t.end <= 6 and not any(
                    toks[j].lower in CLAUSE_STOP for j in range(t.end, nxt.start)):
                # (", ending a 44-day strike" after another verb is that event's consequence: no yield of its own)
                code = ended(nxt.code) if t.lemma in ENDING_VERBS and not toks[t.start].lower.endswith("ing") \
                    else nxt.code
                out.append(Trigger(t.start, nxt.end, code, nxt.lemma, "verb+nominal", t.passive))
                skip.add(k + 1)
                continue
            if t.code in ("---", None):
                continue
        elif t.kind == "verb":
            nxt = found[k + 1] if k + 1 < len(found) else None
            if nxt is not None and nxt.kind == "nominal" and nxt.start - t.end <= 3 and not any(
                    toks[j].lower in CLAUSE_STOP | {","} for j in range(t.end, nxt.start)):
                # the noun is the verb's object: one event, with the noun's code when it refines the verb's
                # ("hosts the talks"), except a mediation's ("mediated talks"); a document verb takes a
                # material noun's code ("approved a state of emergency")
                refines = nxt.code[:2] == t.code[:2] and not t.code.startswith("045")
                material = t.lemma in DOCUMENT_VERBS and nxt.code[:2] in {"15", "16", "17", "18", "19", "20"}
                code = nxt.code if refines or material else t.code
                out.append(Trigger(t.start, t.end, code, t.lemma, t.kind, t.passive))
                skip.add(k + 1)
                continue
        elif t.kind == "nominal" and t.code in SPEECH_NOUN_CODES:
            continue    # "watched the speech": a statement is coded from its verb ("gave a speech", "said")
        out.append(t)
    return out


SPEECH_NOUN_CODES = {"010"}
