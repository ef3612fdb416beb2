"""Learned event detection: which of a sentence's candidate events the coder keeps.

The rules propose candidate rows (assemble.sentence_events marks each "_rule": kept, or dropped as a
landing, a rescue or a speech act beside another event). A logistic model over generic features of each
candidate (its CAMEO root and code, trigger lemma and kind, modality, speech act or not, which actors were
found, the date's basis, the other candidates of its sentence, the closed-class word before its trigger, the
rules' own decision) scores it; a candidate is kept when its score reaches the model's threshold.
Weights: analytics/coding/models/detect.json (trained by `python -m analytics.coding.train_detect`, on every
gold split; see the README beside it). Inference is a sum of weights, no scikit-learn.

>>> features({"event_code": "010", "event_root": "01", "_speech": True, "_rule": "speech", "_lemma": "SAY",
...           "_kind": "verb", "_passive": False, "_how": "text", "_t": 1, "_t_end": 2, "modality": "asserted",
...           "actor1": "Russia", "actor1_type": None, "actor2": None, "actor2_type": None,
...           "actor1_country": "RUS", "actor2_country": None, "date_basis": "publication", "location": None},
...          [], [])[:4]
['rule=speech', 'root=01', 'code=010', 'lemma=SAY']
"""
from __future__ import annotations

import copy
import json
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from analytics.coding.grammar import SUBORDINATORS

MODEL = Path(__file__).resolve().parent / "models" / "detect.json"

# the closed-class words before a trigger that tell its clause ("to" an infinitive, "after" a background clause,
# "which" a relative, "had" a pluperfect); any other word is "other"
BEFORE_WORDS = frozenset({"to", "and", ",", "which", "who", "that", "had", "has", "have", "was", "were", "been",
                          "be", "is", "are", "by", "not", "would", "will", "could", "may", "also", "then", "later",
                          "of", "the", "a", "its", "their", "in", "on", "for", "with", "said", "--", "(", "\""}
                         | SUBORDINATORS)


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _role(kind: str | None) -> str:
    return (kind or "")[-3:] or "none"


def features(e: dict, sentence: list[dict], toks) -> list[str]:
    """The feature strings of candidate `e`, among its sentence's candidates `sentence` (tokens `toks`)."""
    root = e["event_root"]
    f = [f"rule={e['_rule']}", f"root={root}", f"code={e['event_code'][:3]}", f"lemma={e['_lemma']}",
         f"kind={e['_kind']}", f"modality={e['modality']}", f"how={e['_how']}", f"basis={e.get('date_basis')}",
         f"actor1={'yes' if e['actor1'] else 'none'}", f"actor2={'yes' if e['actor2'] else 'none'}",
         f"role1={_role(e.get('actor1_type'))}", f"role2={_role(e.get('actor2_type'))}",
         f"place={'yes' if e.get('location') else 'none'}"]
    if e["_speech"]:
        f.append("speech")
        f.append(f"speech&rule={e['_rule']}")
    if e["_passive"]:
        f.append("passive")
    if e["actor1_country"] and e["actor1_country"] == e.get("actor2_country"):
        f.append("same_country")
    f.append(f"rule&root={e['_rule']}&{root}")
    if e["_rule"].startswith("dropped"):
        f.append("dropped")
        f.append(f"dropped&root={root}")
    # the other candidates of the sentence: how many triggers, this one's rank, their roots
    starts = sorted({c["_t"] for c in sentence})
    f.append(f"triggers={_bucket(len(starts), 4)}")
    if len(starts) > 1:
        rank = starts.index(e["_t"]) if e["_t"] in starts else 0
        f.append("rank=first" if rank == 0 else "rank=last" if rank == len(starts) - 1 else "rank=middle")
    others = {c["event_root"] for c in sentence if c["_t"] != e["_t"] and c["_rule"] == "kept"}
    f.extend(f"other_root={r}" for r in sorted(others))
    if any(c["_speech"] for c in sentence if c["_t"] != e["_t"]):
        f.append("other_speech")
    rows_here = sum(c["_t"] == e["_t"] for c in sentence)
    f.append(f"rows={_bucket(rows_here, 3)}")
    # the clause: the word before the trigger, a subordinator before it in the sentence
    k = e["_t"] - 1
    before = toks[k].lower if 0 <= k < len(toks) else "^"
    f.append(f"before={before if before in BEFORE_WORDS or before == '^' else 'other'}")
    if any(t.lower in SUBORDINATORS for t in toks[:max(0, e["_t"])]):
        f.append("subordinate")
    if e["_t"] <= 3:
        f.append("early")
    return f


FIXED = {"text", "dct", "settings", "actors", "places", "timexes"}


STAGES = ("filter", "dependent", "modifier", "skipped")    # the rule steps that set a trigger aside, in order


def set_aside(triggers, stages, coded) -> list[tuple]:
    """(trigger, the step that set it aside) for each trigger not coded: not kept by modality.filter_triggers
    (infinitive complements, purposes), drop_dependents (participle consequences, settings), drop_subject_modifiers,
    or skipped by the coder's loop (a toll told again, a reduced relative). `stages`: the three steps' outputs."""
    out = []
    for t in triggers:
        if t in coded:
            continue
        stage = next((name for name, kept in zip(STAGES, stages) if all(t != k for k, _ in kept)), "skipped")
        out.append((t, stage))
    return out


def dry_run(ctx, aside, code_one) -> list[dict]:
    """The rows `code_one` gives each set-aside trigger, marked "_rule": "dropped:<step>", with the document's
    discourse state (what later sentences read) restored afterwards, as if they had not been coded."""
    if not aside:
        return []
    saved = {f.name: copy.copy(getattr(ctx, f.name)) for f in fields(ctx) if f.name not in FIXED}
    out = []
    for t, stage in aside:
        for r in code_one(t):
            r["_rule"] = f"dropped:{stage}"
            out.append(r)
    for name, value in saved.items():
        setattr(ctx, name, value)
    return out


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL) -> dict:
    """The model file: {"weights": {feature: weight}, "intercept": b, "threshold": t, ...}."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def score(feats: list[str], model: dict) -> float:
    """The model's logit for one candidate (a sum of the weights of its features, plus the intercept)."""
    w = model["weights"]
    return model["intercept"] + sum(w.get(x, 0.0) for x in feats)


def select(events: list[dict], toks, detection: str = "model", model: dict | None = None) -> list[dict]:
    """The candidates the coder keeps, in order. "rules": those the rules kept; "model": those `model` (default:
    the shipped one) scores at or above its threshold; "candidates": all, each with "detect_rule" and
    "detect_features" (for training)."""
    if detection == "rules":
        return [e for e in events if e["_rule"] == "kept"]
    if detection == "candidates":
        for e in events:
            e["detect_rule"] = e["_rule"]
            e["detect_features"] = features(e, events, toks)
        return list(events)
    model = model or load_model()
    return [e for e in events if score(features(e, events, toks), model) >= model["threshold"]]
