"""TempEval-3 Task A scorer for temporal expressions (extraction + normalisation).

Definitions (UzZaman et al. 2013; ../shared/benchmarks/timex/README.md):
- strict match: identical extents; relaxed match: extents overlap by at least one character;
- P = matched system timexes / system timexes, R = matched gold timexes / gold timexes;
- attribute accuracy (value, type) over relaxed-matched pairs; attribute F1 = accuracy x relaxed F1.

Timexes are anything with start, end, type and value (dicts or objects).

>>> g = [{"start": 0, "end": 4, "type": "DATE", "value": "1989"}]
>>> s = [{"start": 0, "end": 4, "type": "DATE", "value": "1989"}]
>>> score([(g, s)])["value"]["f1"]
1.0
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _get(t, key):
    return t[key] if isinstance(t, dict) else getattr(t, key)


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> dict:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f}


@dataclass
class Pair:
    """One relaxed-matched (gold, system) pair, kept for error analysis."""
    gold: object
    system: object


@dataclass
class DocResult:
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    pairs: list = field(default_factory=list)
    missed: list = field(default_factory=list)   # gold with no overlapping system timex
    spurious: list = field(default_factory=list)  # system with no overlapping gold timex


def match_doc(gold: list, system: list) -> DocResult:
    """Match one document's timexes. Both lists may be in any order."""
    res = DocResult()
    gspans = [(_get(g, "start"), _get(g, "end")) for g in gold]
    sspans = [(_get(s, "start"), _get(s, "end")) for s in system]
    gset, sset = set(gspans), set(sspans)
    res.strict_sys = sum(1 for sp in sspans if sp in gset)
    res.strict_gold = sum(1 for gp in gspans if gp in sset)
    used = set()
    for si, (ss, se) in enumerate(sspans):
        best, best_ov = None, 0
        for gi, (gs, ge) in enumerate(gspans):
            ov = min(se, ge) - max(ss, gs)
            if ov > best_ov or (ov > 0 and ov == best_ov and gi not in used and best in used):
                best, best_ov = gi, ov
        if best is None:
            res.spurious.append(system[si])
            continue
        res.relaxed_sys += 1
        if best not in used:
            used.add(best)
            res.pairs.append(Pair(gold[best], system[si]))
    for gi, (gs, ge) in enumerate(gspans):
        if any(min(se, ge) - max(ss, gs) > 0 for ss, se in sspans):
            res.relaxed_gold += 1
        else:
            res.missed.append(gold[gi])
    return res


def score(docs) -> dict:
    """Score an iterable of (gold timexes, system timexes) per document.

    Returns {"strict": {p,r,f1}, "relaxed": {...}, "value": {...,"accuracy"}, "type": {...}, "counts": {...}}.
    """
    n_gold = n_sys = ss = sg = rs = rg = 0
    pairs = 0
    ok = {"value": 0, "type": 0}
    for gold, system in docs:
        res = match_doc(list(gold), list(system))
        n_gold += len(gold)
        n_sys += len(system)
        ss += res.strict_sys
        sg += res.strict_gold
        rs += res.relaxed_sys
        rg += res.relaxed_gold
        pairs += len(res.pairs)
        for p in res.pairs:
            for attr in ok:
                if _get(p.gold, attr) == _get(p.system, attr):
                    ok[attr] += 1
    out = {"strict": _prf(ss, n_sys, sg, n_gold), "relaxed": _prf(rs, n_sys, rg, n_gold)}
    for attr, n_ok in ok.items():
        acc = n_ok / pairs if pairs else 0.0
        rel = out["relaxed"]
        out[attr] = {"accuracy": acc, "p": acc * rel["p"], "r": acc * rel["r"], "f1": acc * rel["f1"]}
    out["counts"] = {"gold": n_gold, "system": n_sys, "relaxed_pairs": pairs}
    return out
