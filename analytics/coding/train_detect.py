"""Train the learned event-detection model (learned_detect) on the project's gold events.

    python -m analytics.coding.train_detect            # train on every gold split, write models/detect.json

Samples: every candidate row the coder proposes (Settings(detection="candidates")) on the gold passages of
tests/data/devset/. Label: a candidate the rules kept is positive when the benchmark's alignment
(evaluate.align) pairs it with a gold event; a candidate the rules dropped is positive when it aligns with a
gold event that the kept rows left unmatched. Model: L2 logistic regression (scikit-learn, lbfgs, deterministic)
over binary feature strings; the threshold maximises detection F1 on scores each annotator's fold gets from a
model trained without it (the training data's own leave-one-annotator-out), so it is not fitted to memorised
samples. Needs scikit-learn (training only; the coder reads the JSON).
"""
from __future__ import annotations

import json
import sys
from datetime import date

from analytics.coding.context import Settings
from analytics.coding.evaluate import align
from analytics.coding.gold import FOLD_OF, gold_hash, load_gold
from analytics.coding.learned_detect import MODEL

GRID = (0.1, 0.3, 1.0, 3.0)     # L2 strengths (inverse) tried; the inner leave-one-annotator-out F1 picks one


def candidates(passages: list[dict]) -> list[dict]:
    """Per passage: its fold ("base" for always-training splits), gold events, candidate rows and their labels."""
    from analytics.coding import code_text

    settings = Settings(detection="candidates")
    out = []
    for p in passages:
        rows = code_text(p["text"], date.fromisoformat(p["dct"]) if p.get("dct") else None, settings)
        out.append({"id": p["id"], "split": p["split"], "fold": FOLD_OF.get(p["split"], "base"),
                    "gold": p["events"], "rows": rows, "labels": labels(p["events"], rows)})
    return out


def labels(gold: list[dict], rows: list[dict]) -> list[int]:
    kept = [i for i, r in enumerate(rows) if r["detect_rule"] == "kept"]
    dropped = [i for i, r in enumerate(rows) if r["detect_rule"] != "kept"]
    y = [0] * len(rows)
    pairs = align(gold, [rows[i] for i in kept])
    for _, pi, _ in pairs:
        y[kept[pi]] = 1
    left = [g for gi, g in enumerate(gold) if gi not in {gi for gi, _, _ in pairs}]
    for _, pi, _ in align(left, [rows[i] for i in dropped]):
        y[dropped[pi]] = 1
    return y


def fit(feats: list[list[str]], y: list[int], c: float) -> dict:
    """Weights {feature: weight} and intercept of an L2 logistic regression on binary features."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = sorted({x for f in feats for x in f})
    index = {x: i for i, x in enumerate(vocab)}
    rows, cols = [], []
    for r, f in enumerate(feats):
        for x in set(f):
            rows.append(r)
            cols.append(index[x])
    X = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(feats), len(vocab)))
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=2000).fit(X, y)
    weights = {x: round(float(w), 6) for x, w in zip(vocab, lr.coef_[0]) if abs(w) >= 1e-6}
    return {"weights": weights, "intercept": round(float(lr.intercept_[0]), 6)}


def _score(model: dict, f: list[str]) -> float:
    w = model["weights"]
    return model["intercept"] + sum(w.get(x, 0.0) for x in f)


def best_threshold(scored: list[tuple[float, int]], n_gold: int) -> float:
    """The threshold maximising detection F1 = 2 TP / (kept + gold) over (score, label) pairs."""
    scored = sorted(scored, reverse=True)
    best, best_f, tp = scored[0][0] + 1.0, 0.0, 0
    for k, (s, y) in enumerate(scored):
        tp += y
        f = 2 * tp / (k + 1 + n_gold)
        nxt = scored[k + 1][0] if k + 1 < len(scored) else s - 1.0
        if f > best_f and nxt < s:
            best, best_f = (s + nxt) / 2, f
    return round(best, 6)


def train(data: list[dict], c: float | None = None) -> dict:
    """The model of the passages `data` (candidates() output): weights on all of them; the threshold, and the L2
    strength when `c` is None (from GRID), chosen by detection F1 on their own leave-one-group-out scores
    (group = annotator fold, "base" one group), so neither is fitted to the samples a model memorised."""
    samples = [(d["fold"], r["detect_features"], y) for d in data for r, y in zip(d["rows"], d["labels"])]
    n_gold = sum(len(d["gold"]) for d in data)
    best = None
    for cc in (GRID if c is None else (c,)):
        scored = []
        for g in sorted({s[0] for s in samples}):
            inner = fit([f for fold, f, _ in samples if fold != g], [y for fold, _, y in samples if fold != g], cc)
            scored += [(_score(inner, f), y) for fold, f, y in samples if fold == g]
        t = best_threshold(scored, n_gold)
        tp, kept = sum(y for s, y in scored if s >= t), sum(s >= t for s, _ in scored)
        f1 = 2 * tp / (kept + n_gold)
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, cc, t)
    model = fit([f for _, f, _ in samples], [y for _, _, y in samples], best[1])
    model.update(threshold=best[2], C=best[1], inner_f1=round(best[0], 6))
    return model


def main() -> int:
    import sklearn

    data = candidates(load_gold())
    model = train(data)
    model.update(samples=sum(len(d["rows"]) for d in data), gold_events=sum(len(d["gold"]) for d in data),
                 gold_sha256=gold_hash(), sklearn=sklearn.__version__)
    MODEL.parent.mkdir(exist_ok=True)
    with open(MODEL, "w", encoding="utf-8") as fh:
        json.dump(model, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print(f"wrote {MODEL}: {len(model['weights'])} weights, threshold {model['threshold']}, "
          f"{model['samples']} candidates, {model['gold_events']} gold events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
