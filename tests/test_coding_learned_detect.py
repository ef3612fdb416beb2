"""Learned event detection (analytics/coding/learned_detect.py): the candidates the coder exposes, their
features, the inference, and the shipped model's link to the gold it was trained on. Sentences are our own."""
from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from analytics.coding import Settings, SettingsError, code_text
from analytics.coding import learned_detect as ld
from analytics.coding.text import tokens

DCT = dt.date(2020, 5, 5)


def candidates(text: str) -> list[dict]:
    return code_text(text, DCT, Settings(detection="candidates"))


def row(**over) -> dict:
    base = {"event_code": "190", "event_root": "19", "_speech": False, "_rule": "kept", "_lemma": "ATTACK",
            "_kind": "verb", "_passive": False, "_how": "text", "_t": 2, "_t_end": 3, "modality": "asserted",
            "actor1": "Russia", "actor1_type": "RUS", "actor2": "Ukraine", "actor2_type": "UKR",
            "actor1_country": "RUS", "actor2_country": "UKR", "date_basis": "explicit", "location": None}
    return {**base, **over}


TOKS = tokens("Russian troops attacked Ukrainian positions after talks to end the war collapsed", 0)


@pytest.mark.parametrize("e, others, present, absent", [
    (row(), [], ["rule=kept", "root=19", "code=190", "lemma=ATTACK", "kind=verb", "actor2=yes", "triggers=1",
                 "rows=1", "before=other", "early", "rule&root=kept&19"],
     ["speech", "dropped", "subordinate", "same_country", "rank=first"]),
    # a speech act the rules dropped beside an attack: its rule, its rank, the other candidate's root
    (row(event_code="010", event_root="01", _speech=True, _rule="speech", _lemma="SAY", _t=8, actor2=None,
         actor2_type=None, actor2_country=None),
     [row()], ["rule=speech", "speech", "speech&rule=speech", "actor2=none", "role2=none", "triggers=2",
               "rank=last", "other_root=19", "subordinate", "before=to"], ["early", "other_speech"]),
    # an infinitive the modality step set aside: "dropped" and its root
    (row(event_code="0871", event_root="08", _rule="dropped:filter", _t=8, actor2_country="RUS"),
     [row()], ["dropped", "dropped&root=08", "rule=dropped:filter", "same_country", "before=to"], ["rule=kept"]),
])
def test_features(e, others, present, absent):
    f = ld.features(e, [e] + others, TOKS)
    assert set(present) <= set(f), sorted(set(present) - set(f))
    assert not set(absent) & set(f), sorted(set(absent) & set(f))


def test_inference_is_intercept_plus_weights_and_threshold_selects():
    model = {"intercept": -0.5, "threshold": 0.0, "weights": {"rule=kept": 1.0, "speech": -2.0, "root=19": 0.25}}
    assert ld.score(["rule=kept", "root=19", "unknown"], model) == pytest.approx(0.75)
    attack, speech = row(), row(event_code="010", event_root="01", _speech=True, _t=8)
    assert ld.select([attack, speech], TOKS, "model", model) == [attack]      # 0.75 kept, -1.25 dropped
    assert ld.select([attack, speech], TOKS, "rules") == [attack, speech]      # both marked "kept"


@pytest.mark.parametrize("text, rule, code", [
    # "invaded Panama to depose Noriega": the governed infinitive is set aside by the rules, a candidate now
    ("The army invaded Panama to depose Manuel Noriega.", "dropped:filter", "17"),
    # a speech act beside another action is dropped by the rules (sentence_events), a candidate now
    ("Russia condemned the attack and said it would respond.", "speech", "01"),
])
def test_the_rules_set_aside_candidates(text, rule, code):
    rows = candidates(text)
    assert any(r["detect_rule"] == rule and r["event_code"].startswith(code) for r in rows), \
        [(r["detect_rule"], r["event_code"]) for r in rows]
    assert all(r["detect_features"][0] == f"rule={r['detect_rule']}" for r in rows)


STORIES = [
    # the set-aside infinitive "stop shelling" is a material act: coded for real, it would become the story's last
    # material action, and the reaction would target the governor's troops instead of the militants
    "Militants attacked a police station in Peshawar on Monday. The governor urged troops to stop shelling "
    "villages. India condemned the attack.",
    "Kenyan police arrested two men in Nairobi on Tuesday. The minister had urged officers to stop beating "
    "protesters. Amnesty International condemned the arrests.",
]
STORY = STORIES[0]


@pytest.mark.parametrize("text", STORIES)
def test_rules_mode_equals_the_kept_candidates(text):
    """The dry run of set-aside triggers restores the discourse: what the rules keep is unchanged, also in
    later sentences (a reaction's target is the doer of the story's last material action)."""
    rules = code_text(text, DCT, Settings(detection="rules"))
    kept = [{k: v for k, v in r.items() if not k.startswith("detect_")}
            for r in candidates(text) if r["detect_rule"] == "kept"]
    assert rules == kept
    assert not any(k.startswith(("_", "detect_")) for r in rules for k in r)
    assert any(r["detect_rule"].startswith("dropped") for r in candidates(text))


def test_detection_setting_is_validated():
    with pytest.raises(SettingsError, match="detection"):
        Settings(detection="learned")


def test_model_mode_runs_on_the_shipped_model():
    rows = code_text(STORY, DCT, Settings(detection="model"))
    assert rows and not any(k.startswith(("_", "detect_")) for r in rows for k in r)


def test_shipped_model_is_trained_on_the_current_gold():
    """Fails when the gold changes without retraining (python -m analytics.coding.train_detect)."""
    from analytics.coding.gold import gold_hash

    with open(ld.MODEL, encoding="utf-8") as fh:
        model = json.load(fh)
    assert model["gold_sha256"] == gold_hash()
    assert all(math.isfinite(w) for w in model["weights"].values())
    assert {"intercept", "threshold", "C", "sklearn"} <= set(model)


def test_retraining_reproduces_the_shipped_decisions():
    """The shipped weights drift from what the gold and today's candidates give: retrain with the shipped C
    and compare keep/drop decisions (tolerant of float noise, not of a real change)."""
    pytest.importorskip("sklearn")
    from analytics.coding import train_detect as td

    shipped = ld.load_model()
    data = td.candidates(td.load_gold())
    retrained = td.train(data, shipped["C"])
    assert retrained["threshold"] == pytest.approx(shipped["threshold"], abs=0.05)
    feats = [r["detect_features"] for d in data for r in d["rows"]]
    agree = sum((ld.score(f, shipped) >= shipped["threshold"]) == (ld.score(f, retrained) >= retrained["threshold"])
                for f in feats)
    assert agree >= 0.99 * len(feats)
