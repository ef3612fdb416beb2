"""The generated verb lexicon matches its generator and source, and the hand-written lexicons are sound."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from analytics.coding import cameo
from analytics.coding.inflect import inflect
from analytics.coding.lexicon import LEXICONS, _rows, load

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _generator():
    spec = importlib.util.spec_from_file_location("build_verbs", ROOT / "scripts" / "build_verbs.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_verbs"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (SHARED / "reference" / "phoenix" / "CAMEO.2.0.txt").exists(),
                    reason="../shared/reference (the PETRARCH2 source) is not beside this checkout")
def test_generated_verb_files_match_their_source():
    files = _generator().build()
    for name, text in files.items():
        assert (LEXICONS / name).read_text(encoding="utf-8") == text, f"{name} is stale: run scripts/build_verbs.py"


@pytest.mark.parametrize("verb, forms", [
    ("HOST", ["HOST", "HOSTS", "HOSTED", "HOSTING"]),
    ("SEIZE", ["SEIZE", "SEIZES", "SEIZED", "SEIZING"]),
    ("OCCUPY", ["OCCUPY", "OCCUPIES", "OCCUPIED", "OCCUPYING"]),
    ("ATTACH", ["ATTACH", "ATTACHES", "ATTACHED", "ATTACHING"]),
    ("STOP", ["STOP", "STOPS", "STOPPED", "STOPPING", "STOPED", "STOPING"]),
])
def test_inflect(verb, forms):
    assert sorted(inflect(verb)) == sorted(forms)


@pytest.mark.parametrize("name", ["verbs_cameo.tsv", "verbs_patterns.tsv", "verbs_extra.tsv",
                                  "verbs_extra_patterns.tsv", "verbs_nominal.tsv"])
def test_every_code_in_the_lexicons_is_a_cameo_code(name):
    known = set(cameo.codes()) | {"---", ""}
    bad = [row for row in _rows(name) if row[-1].rstrip("!") not in known]     # "!": own patterns only
    assert bad == []


def test_lexicon_indexes_forms_and_phrases():
    lex = load()
    assert ("pulled", "out") in lex.forms
    assert lex.nominal[("takeover",)] == "192"
    assert all(k and k[0][:1].isalpha() for k in lex.forms)
