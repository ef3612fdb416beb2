"""The learned target chooser (analytics/coding/learned_target.py): its candidates and features, its
inference, the shipped model on sentences written for this test, and the shipped weights against a retrain."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from analytics.coding import code_text, learned_target
from analytics.coding.context import Settings, SettingsError
from analytics.coding.learned_target import MODEL_PATH, TargetModel

ROOT = Path(__file__).resolve().parents[1]
DCT = date(2019, 3, 14)


class _Recorder(TargetModel):
    """Keeps the rules' choice; remembers each group's event code and candidates."""

    def __init__(self):
        super().__init__({})
        self.seen = []

    def best(self, candidates):
        return next(k for k, f in enumerate(candidates) if "rule" in f)

    def record(self, rows, cands):
        self.seen.append((rows[0]["event_code"], cands))


def _candidates(text: str, code_prefix: str):
    rec = _Recorder()
    code_text(text, DCT, Settings(target_model=rec))
    return next(c for code, c in rec.seen if code.startswith(code_prefix))


def _named(cands, name_part: str):
    return next(c for c in cands if c.actor is not None and name_part in c.actor.name)


# (sentence, event code prefix, candidate name part, features it must have, features it must not have)
FEATURES = [
    # the object right after the verb, the rules' own choice
    ("French troops attacked the rebels in northern Mali.", "19", "rebels",
     {"rule", "side=after", "after|dist=1", "rank_after=0", "actor"}, {"not_written", "after|clause_break"}),
    # a partner after "with"
    ("Japan signed a trade agreement with Vietnam on Monday.", "05", "Vietnam",
     {"prep=with", "after|prep=with", "side=after"}, {"side=before"}),
    # the object of the next verb: another trigger and a conjunction lie between
    ("Canada praised the truce and urged Ethiopian leaders to hold talks.", "05", "Ethiop",
     {"after|trigger_between", "after|and", "side=after"}, {"rule"}),
    # before the verb, with the source between: the subject's side
    ("Kenyan officials said Somalia had attacked the border post.", "19", "Kenya",
     {"side=before", "before|source_between"}, {"side=after"}),
]


@pytest.mark.parametrize("text, code, name, has, has_not", FEATURES)
def test_candidate_features(text, code, name, has, has_not):
    feats = set(_named(_candidates(text, code), name).features)
    assert has <= feats, has - feats
    assert not has_not & feats, has_not & feats


def test_no_target_is_always_a_candidate_and_the_rules_choice_is_marked():
    cands = _candidates("French troops attacked the rebels in northern Mali.", "19")
    none = [c for c in cands if c.actor is None]
    assert len(none) == 1 and "none" in none[0].features and "none|rules_some" in none[0].features
    assert sum(c.rule for c in cands) == 1 and cands[0].rule and cands[0].actor is not None


def test_a_source_is_never_its_own_target_candidate():
    cands = _candidates("Japan signed a trade agreement with Vietnam on Monday.", "05")
    assert not any(c.actor is not None and c.actor.country == "JPN" and c.actor.kind == "country" for c in cands)


def test_an_agent_without_a_country_comes_again_with_the_other_countries():
    # "the soldiers" has no country of its own: the rules give it one, the variants the others the text offers
    cands = _candidates("Niger accused Mali of harbouring militants after the soldiers were attacked near Tillaberi.",
                        "19")
    variants = [c for c in cands if "variant" in c.features]
    assert all(c.actor.kind in ("agent", "person") and c.actor.country for c in variants)
    assert variants
    assert len({(c.actor.name, c.actor.country) for c in variants}) == len(variants)


# hand-written weights: (weights, margin, candidates' features, index chosen)
BEST = [
    ({"rule": 1.0, "actor": 0.5}, 0.0, [["rule", "actor"], ["none"], ["actor"]], 0),
    ({"none": 2.0}, 0.0, [["rule", "actor"], ["none"]], 1),
    ({"none": 2.0}, 2.5, [["rule", "actor"], ["none"]], 0),      # not enough over the rules' choice
    ({"object": 1.0}, 0.0, [["none", "rule"], ["object"], ["object"]], 1),   # a tie goes to the earlier
    ({}, 0.0, [["none"], ["rule"]], 1),                         # nothing known: the rules' choice
]


@pytest.mark.parametrize("weights, margin, cands, expected", BEST)
def test_best(weights, margin, cands, expected):
    assert TargetModel(weights, margin).best(cands) == expected


@pytest.mark.parametrize("text", [
    "French troops attacked the rebels in northern Mali.",
    "Japan signed a trade agreement with Vietnam on Monday.",
])
def test_a_model_preferring_no_target_removes_the_targets(text):
    rows = code_text(text, DCT, Settings(target_model=TargetModel({"none": 10.0})))
    assert rows and all(r["actor2"] is None and r["actor2_country"] is None for r in rows)
    assert [r["event_code"] for r in rows] == [r["event_code"] for r in code_text(text, DCT, Settings(target_model=None))]


def test_rules_only_setting_and_bad_setting():
    assert Settings().target_model is None     # opt-in: see docs/BENCHMARKS.md, "Learned target chooser"
    with pytest.raises(SettingsError, match="target_model"):
        Settings(target_model="bigger")


# The shipped model on sentences written for this test: (sentence, rules-only target country, model's)
SHIPPED = [
    # a state's forces acting at home on people the text names without a country: the country's own
    ("Sudanese police arrested dozens of students in Khartoum on Sunday.", None, "SDN"),
    ("Moroccan police broke up a demonstration in Rabat on Sunday.", None, "MAR"),
    # the rules' written target stays
    ("French troops attacked the rebels in northern Mali.", "MLI", "MLI"),
    ("Japan signed a trade agreement with Vietnam on Monday.", "VNM", "VNM"),
    # no one acted on: no target is invented
    ("Chinese warships held exercises in the South China Sea on Monday.", None, None),
    ("Thousands of Kenyans marched through Nairobi on Saturday.", None, None),
]


@pytest.mark.parametrize("text, rules, model", SHIPPED)
def test_shipped_model(text, rules, model):
    assert code_text(text, DCT, Settings(target_model=None))[0]["actor2_country"] == rules
    assert code_text(text, DCT, Settings(target_model="shipped"))[0]["actor2_country"] == model


def test_shipped_weights_are_those_of_the_shipped_gold():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import target_model

    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["gold_sha256"] == target_model.gold_hash(), \
        "the gold changed: retrain with benchmarks/target_model.py --train"
    retrained = target_model.train(target_model.load(), shipped["C"], shipped["margin"])
    assert set(retrained["weights"]) == set(shipped["weights"])
    assert all(abs(retrained["weights"][f] - w) < 1e-3 for f, w in shipped["weights"].items())
    assert learned_target.shipped_model().margin == shipped["margin"]
