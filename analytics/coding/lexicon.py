"""The verb and nominal event lexicons, loaded once from analytics/lexicons/ (data, not code).

- verbs_cameo.tsv / verbs_patterns.tsv / verbs_synsets.tsv: generated from PETRARCH2's CAMEO.2.0.txt
  by scripts/build_verbs.py;
- verbs_extra.tsv: this project's overrides (default codes that a parser-free matcher needs; a code ending
  in "!" also drops the generated block patterns of that verb);
- verbs_extra_patterns.tsv: this project's verb patterns ("declare martial law", "cut ties");
- verbs_nominal.tsv: noun phrases that report events ("takeover", "talks", "airstrike").
- coding_words.yaml: the coder's own word lists (speech verbs, people nouns, coup words, ...).

>>> lex = load()
>>> [e.code for e in lex.forms[("hosted",)]][:1]
['043']
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


@dataclass(frozen=True)
class VerbEntry:
    block: str
    lemma: str
    code: str | None        # None / "---": no event unless a pattern says so
    form: str               # the surface form, upper case, "_" between words


@dataclass(frozen=True)
class Pattern:
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str


@dataclass
class Lexicon:
    forms: dict[tuple[str, ...], list[VerbEntry]] = field(default_factory=dict)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    nominal: dict[tuple[str, ...], str] = field(default_factory=dict)
    lemma_patterns: dict[str, list[Pattern]] = field(default_factory=dict)   # project patterns, by verb
    max_form_len: int = 1
    max_nominal_len: int = 1


def _rows(name: str):
    with open(LEXICONS / name, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t")
    next(reader)
    for row in reader:
        if row:
            yield [c.strip() for c in row]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Load and index all lexicon files (cached)."""
    from analytics.coding.inflect import inflect

    lex = Lexicon()
    for block, lemma, forms, code in _rows("verbs_cameo.tsv"):
        for form in forms.split():
            key = tuple(form.lower().split("_"))
            lex.forms.setdefault(key, []).append(VerbEntry(block, lemma, code or None, form))
    for block, before, after, code in _rows("verbs_patterns.tsv"):
        lex.patterns.setdefault(block, []).append(Pattern(tuple(before.split()), tuple(after.split()), code))
    for name, members in _rows("verbs_synsets.tsv"):
        lex.synsets[name] = tuple(tuple(m.lower().rstrip("_").split("_")) for m in members.split())
    # Overrides: the project's code replaces the generated default for every block holding the verb.
    for row in _rows("verbs_extra.tsv"):
        lemma, irregular, code = (row + ["", ""])[:3]
        forms = set(inflect(lemma.split("_")[0]))
        if "_" in lemma:
            rest = lemma.split("_", 1)[1]
            forms = {f + "_" + rest for f in forms}
        forms |= set(irregular.split()) | {lemma}
        # a code ending in "!" also leaves the PETRARCH block's patterns ("storm" is never "attack congress",
        # which PETRARCH reads as criticism): only the project's own patterns apply to the verb
        own_block = code.endswith("!")
        code = code.rstrip("!")
        for form in forms:
            key = tuple(form.lower().split("_"))
            entries = lex.forms.get(key, [])
            replaced = [VerbEntry(lemma if own_block else e.block, e.lemma, code, e.form) for e in entries
                        if e.lemma == lemma]
            others = [e for e in entries if e.lemma != lemma]
            if not replaced:
                replaced = [VerbEntry(lemma, lemma, code, form)]
            lex.forms[key] = replaced + others
    for verb, after, code in _rows("verbs_extra_patterns.tsv"):
        lex.lemma_patterns.setdefault(verb, []).append(Pattern((), tuple(after.split()), code))
    for phrase, code in _rows("verbs_nominal.tsv"):
        lex.nominal[tuple(phrase.lower().split())] = code
    lex.max_form_len = max(len(k) for k in lex.forms)
    lex.max_nominal_len = max(len(k) for k in lex.nominal)
    return lex


@lru_cache(maxsize=1)
def coding_words() -> dict[str, frozenset[str]]:
    """The coder's word lists (coding_words.yaml): verb lemma sets and noun lists, by lower-case name."""
    import yaml
    data = yaml.safe_load((LEXICONS / "coding_words.yaml").read_text(encoding="utf-8"))
    words = {}
    for name, items in data.items():
        # an unquoted yes/no/on/off would load as a boolean: every entry must stay a word
        if not all(isinstance(w, str) for w in items):
            raise ValueError(f"coding_words.yaml: {name} holds a non-word entry; quote it")
        words[name] = frozenset(items)
    return words
