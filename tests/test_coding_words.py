"""The coder's word lists (analytics/lexicons/coding_words.yaml) load as sets of words of the right shape."""
import pytest

from analytics.coding import words
from analytics.coding.lexicon import coding_words


def test_every_list_is_words():
    words = coding_words()
    assert words, "coding_words.yaml is empty"
    for name, items in words.items():
        assert items and all(isinstance(w, str) and w.strip() == w and w for w in items), name


def test_verb_lists_hold_lemmas_and_noun_lists_lower_case_words():
    # verb lists are matched against Trigger.lemma (upper case, "_" between words); the rest against token.lower
    for name, items in coding_words().items():
        if name.endswith(("_verbs", "_lemmas", "_acts")) or name in {"addressed", "admissions", "questioning", "wmd_use", "directives", "advance_verbs", "executions",
                                                                      "legal_charges"}:
            assert all(w == w.upper() and " " not in w for w in items), name
        else:
            assert all(w == w.lower() for w in items), name


@pytest.mark.parametrize("name", ["SPEECH_LEMMAS", "PEOPLE_WORDS", "COUP_WORDS", "TRANSFER_VERBS"])
def test_coder_reads_its_lists_from_the_file(name):
    assert getattr(words, name) == coding_words()[name.lower()]


def test_a_boolean_entry_is_refused(tmp_path, monkeypatch):
    from analytics.coding import lexicon
    (tmp_path / "coding_words.yaml").write_text("people_words: [people, no]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICONS", tmp_path)
    lexicon.coding_words.cache_clear()
    try:
        with pytest.raises(ValueError, match="people_words"):
            lexicon.coding_words()
    finally:
        lexicon.coding_words.cache_clear()
