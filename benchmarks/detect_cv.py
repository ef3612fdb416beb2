"""Leave-one-annotator-out cross-validation of the learned event detection (analytics/coding/learned_detect.py).

    /work/main/.venv/bin/python benchmarks/detect_cv.py [--c C] [--errors F6]

Folds (one independent annotator each): F1 heldout7+sentences1, F2 heldout8+sentences2, F3 dev3+dev3s,
F4 heldout9+sentences3, F5 heldout10+sentences4, F6 heldout11+sentences5; every other split is always
training data. For fold k the model (weights and threshold, analytics.coding.train_detect.train) is trained on
the candidates of every passage outside fold k, then fold k is scored with the coding bench's scorer
(evaluate.score_passage), rules-only (the candidates the rules keep) against rules+model (those the model
keeps). The coder's rules are fixed and were fitted on all folds, so the comparison favours the rules.
`--root`: the second experiment, a root re-ranker: a multinomial logistic model over the aligned rows'
features (the rules' root and code, trigger lemma, lemma x rules' root, roles, modality, clause words) predicts
the gold root; a row takes the model's root when it beats the rules' root by a margin chosen on the training
folds' own leave-one-annotator-out decisions. Needs scikit-learn.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.coding import train_detect as td  # noqa: E402
from analytics.coding.evaluate import Score, score_passage  # noqa: E402
from analytics.coding.gold import FOLDS, load_gold  # noqa: E402

SHOWN = ("detection", "root", "actor1", "actor2", "date", "modality", "event")


def f1(s: Score, key: str) -> float:
    return s.prf(None if key == "detection" else key)[2]


def run(data: list[dict], c: float | None, errors: str | None = None) -> dict[str, tuple[Score, Score, dict]]:
    out = {}
    for fold in FOLDS:
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


ROOT_KEYS = ("root", "code", "lemma", "kind", "modality", "role1", "role2", "actor2", "speech", "passive",
             "same_country", "other_root", "before", "subordinate", "how")
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def root_features(r: dict) -> list[str]:
    f = [x for x in r["detect_features"] if x.split("=")[0] in ROOT_KEYS]
    lemma = next(x for x in r["detect_features"] if x.startswith("lemma="))
    return f + [f"{lemma}&root={r['event_root']}"]


def root_samples(data: list[dict]) -> list[tuple[str, dict, list[str]]]:
    """(fold, row, gold roots) of each kept row the bench aligns with a gold event."""
    from analytics.coding.evaluate import align

    out = []
    for d in data:
        kept = [r for r in d["rows"] if r["detect_rule"] == "kept"]
        out += [(d["fold"], kept[pi], d["gold"][gi]["root"].split("|")) for gi, pi, _ in align(d["gold"], kept)]
    return out


def _matrix(feats, index):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, f in enumerate(feats):
        for x in set(f):
            if x in index:
                rows.append(i)
                cols.append(index[x])
    return csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(feats), len(index)))


def fit_root(samples, c: float):
    from sklearn.linear_model import LogisticRegression

    feats = [root_features(r) for _, r, _ in samples]
    # the label: the rules' root when the gold allows it, else the gold's first root
    y = [r["event_root"] if r["event_root"] in gold else gold[0] for _, r, gold in samples]
    index = {x: i for i, x in enumerate(sorted({x for f in feats for x in f}))}
    return LogisticRegression(C=c, max_iter=3000).fit(_matrix(feats, index), y), index


def root_choices(model, rows: list[dict]) -> list[tuple[str, float]]:
    """(the model's best root, its probability minus that of the rules' root) per row."""
    lr, index = model
    if not rows:
        return []
    classes = list(lr.classes_)
    out = []
    for r, p in zip(rows, lr.predict_proba(_matrix([root_features(r) for r in rows], index))):
        k = int(p.argmax())
        own = p[classes.index(r["event_root"])] if r["event_root"] in classes else 0.0
        out.append((classes[k], float(p[k] - own)))
    return out


def run_root(data: list[dict], c: float) -> None:
    print(f"root re-ranker, leave-one-annotator-out CV, C={c}: root F1 per fold, rules-only -> rules+model")
    means = []
    for fold in FOLDS:
        train = [d for d in data if d["fold"] != fold]
        samples = root_samples(train)
        oof = []    # the training folds' own out-of-fold decisions choose the margin
        for g in sorted({s[0] for s in samples}):
            held = [s for s in samples if s[0] == g]
            for (best, gap), (_, r, gold) in zip(root_choices(fit_root([s for s in samples if s[0] != g], c),
                                                              [r for _, r, _ in held]), held):
                if best != r["event_root"]:
                    oof.append((gap, (best in gold) - (r["event_root"] in gold)))
        gains = {m: sum(g for gap, g in oof if gap > m) for m in MARGINS}
        margin = max(MARGINS, key=lambda m: (gains[m], m))
        margin = margin if gains[margin] > 0 else 1.0
        model = fit_root(samples, c)
        rules, learned, changed = Score(), Score(), 0
        for d in (d for d in data if d["fold"] == fold):
            kept = [r for r in d["rows"] if r["detect_rule"] == "kept"]
            new = []
            for r, (best, gap) in zip(kept, root_choices(model, kept)):
                r2 = dict(r)
                if best != r["event_root"] and gap > margin:
                    q = int(best)
                    r2.update(event_root=best, quad_class=1 if q <= 5 else 2 if q <= 8 else 3 if q <= 13 else 4)
                    changed += 1
                new.append(r2)
            rules.add(score_passage(d["gold"], kept, d["id"]))
            learned.add(score_passage(d["gold"], new, d["id"]))
        a, b = f1(rules, "root"), f1(learned, "root")
        means.append((a, b))
        print(f"  {fold}: margin {margin}, {changed} roots changed, root F1 {a:.1%} -> {b:.1%}, "
              f"quad {f1(rules, 'quad'):.1%} -> {f1(learned, 'quad'):.1%}")
    print(f"  mean root F1 {sum(a for a, _ in means) / 6:.2%} -> {sum(b for _, b in means) / 6:.2%}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, help="L2 inverse strength (default: chosen per fold by inner CV, as shipped)")
    ap.add_argument("--errors", metavar="FOLD", help="list the rows the model changes in this fold, e.g. F6")
    ap.add_argument("--root", action="store_true", help="run the root re-ranker experiment instead")
    args = ap.parse_args(argv)
    data = td.candidates(load_gold())
    if args.root:
        run_root(data, args.c or 1.0)
        return 0
    res = run(data, args.c, args.errors)
    print(f"leave-one-annotator-out CV, C={args.c or 'inner CV'}: F1 per fold, rules-only -> rules+model")
    print(f"  {'field':<10}" + "".join(f"{k:>14}" for k in FOLDS) + f"{'mean':>14}{'delta':>8}")
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
