"""Leave-one-annotator-out cross-validation of the learned event detection (analytics/coding/learned_detect.py).

    /work/main/.venv/bin/python benchmarks/detect_cv.py [--c C] [--errors F6]

Folds (one independent annotator each): F1 heldout7+sentences1, F2 heldout8+sentences2, F3 dev3+dev3s,
F4 heldout9+sentences3, F5 heldout10+sentences4, F6 heldout11+sentences5; every other split is always
training data. For fold k the model (weights and threshold, analytics.coding.train_detect.train) is trained on
the candidates of every passage outside fold k, then fold k is scored with the coding bench's scorer
(evaluate.score_passage), rules-only (the candidates the rules keep) against rules+model (those the model
keeps). The coder's rules are fixed and were fitted on all folds, so the comparison favours the rules.
Needs scikit-learn.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.coding import train_detect as td  # noqa: E402
from analytics.coding.evaluate import Score, score_passage  # noqa: E402

SHOWN = ("detection", "root", "actor1", "actor2", "date", "modality", "event")


def f1(s: Score, key: str) -> float:
    return s.prf(None if key == "detection" else key)[2]


def run(data: list[dict], c: float | None, errors: str | None = None) -> dict[str, tuple[Score, Score, dict]]:
    out = {}
    for fold in td.FOLDS:
        model = td.train([d for d in data if d["fold"] != fold], c)
        rules, learned = Score(), Score()
        for d in (d for d in data if d["fold"] == fold):
            kept = [r for r in d["rows"] if r["detect_rule"] == "kept"]
            chosen = [r for r in d["rows"] if td._score(model, r["detect_features"]) >= model["threshold"]]
            rules.add(score_passage(d["gold"], kept, d["id"]))
            learned.add(score_passage(d["gold"], chosen, d["id"]))
            if errors == fold:
                for r in d["rows"]:
                    s = td._score(model, r["detect_features"])
                    if (r["detect_rule"] == "kept") != (s >= model["threshold"]):
                        print(f"  {d['id']}: {'DROPS' if r['detect_rule'] == 'kept' else 'ADDS'} {r['event_code']} "
                              f"{r['actor1']} -> {r['actor2']} ({s - model['threshold']:+.2f}) | {r['sentence'][:90]}")
        out[fold] = (rules, learned, model)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, help="L2 inverse strength (default: chosen per fold by inner CV, as shipped)")
    ap.add_argument("--errors", metavar="FOLD", help="list the rows the model changes in this fold, e.g. F6")
    args = ap.parse_args(argv)
    data = td.candidates(td.load_gold())
    res = run(data, args.c, args.errors)
    print(f"leave-one-annotator-out CV, C={args.c or 'inner CV'}: F1 per fold, rules-only -> rules+model")
    print(f"  {'field':<10}" + "".join(f"{k:>14}" for k in td.FOLDS) + f"{'mean':>14}{'delta':>8}")
    for key in SHOWN:
        a = [f1(r, key) for r, _, _ in res.values()]
        b = [f1(m, key) for _, m, _ in res.values()]
        cells = "".join(f"{x:6.1%}->{y:6.1%}" for x, y in zip(a, b))
        ma, mb = sum(a) / len(a), sum(b) / len(b)
        print(f"  {key:<10}{cells}{ma:6.1%}->{mb:6.1%}{(mb - ma) * 100:+8.2f}")
    print("  predicted events per fold (rules -> model): " + ", ".join(
        f"{k} {r.pred}->{m.pred} (gold {r.gold})" for k, (r, m, _) in res.items()))
    print("  thresholds (C): " + ", ".join(f"{k} {m['threshold']:.2f} ({m['C']})" for k, (_, _, m) in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
