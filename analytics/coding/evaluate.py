"""Score coded events against gold events (the development set format, tests/data/devset/README.md).

Alignment: within a passage, gold and predicted events are paired greedily by agreement (root counts
most, then source, target and date); a pair needs the same root or the same source to count as the same
event. Then, per field, precision = correct / predicted events, recall = correct / gold events.

Matching rules:
- actor: same ISO3 country when the gold actor has one; otherwise (NATO, Islamic State) the names match
  (one contains the other or half of the words are shared). A gold "no actor" matches only "no actor".
- root: the predicted root is one of the gold roots ("17|19").
- date (lenient): the predicted interval contains the gold interval and is at most max(7 days, 2x gold)
  wide; date (strict): same interval.
- whole event: root, source, target and lenient date all correct.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

FIELDS = ("root", "actor1", "actor2", "date", "date_strict", "quad", "modality", "location")


_ABBREVIATIONS = {"un": ("united", "nations"), "us": ("united", "states"), "eu": ("european", "union"),
                  "uk": ("united", "kingdom")}


def _norm(name: str | None) -> set[str]:
    words = re.findall(r"[a-z0-9]+", (name or "").lower())
    words = [part for w in words for part in _ABBREVIATIONS.get(w, (w,))]
    return {w for w in words if w not in {"the", "of", "and", "president", "leader", "prime", "minister"}}


def actor_match(gold_name, gold_country, pred_name, pred_country, pred_code=None) -> bool:
    if gold_name is None and gold_country is None:
        return pred_name is None
    if pred_name is None:
        return False
    if gold_country:
        if pred_country:
            return pred_country == gold_country
        return False
    g, p = _norm(gold_name), _norm(pred_name)
    if not g or not p:
        return False
    if g <= p or p <= g:
        return True
    return len(g & p) / len(g | p) >= 0.5 or (pred_code or "").lower() in {w for w in g}


def _d(x) -> date | None:
    if x is None:
        return None
    if isinstance(x, date):
        return x
    return date.fromisoformat(str(x)[:10])


def date_match(gs, ge, ps, pe, strict=False) -> bool:
    gs, ge, ps, pe = _d(gs), _d(ge), _d(ps), _d(pe)
    if gs is None:
        return ps is None
    if ps is None or pe is None:
        return False
    if strict:
        return (gs, ge) == (ps, pe)
    gw = (ge - gs).days + 1
    pw = (pe - ps).days + 1
    return ps <= gs and pe >= ge and pw <= max(7, 2 * gw)


def root_match(gold_root: str, pred_root: str | None) -> bool:
    return pred_root is not None and pred_root in gold_root.split("|")


def _quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def field_checks(g: dict, p: dict) -> dict[str, bool]:
    return {
        "root": root_match(g["root"], p.get("event_root")),
        "actor1": actor_match(g["actor1"], g["actor1_country"], p.get("actor1"), p.get("actor1_country"),
                              p.get("actor1_code")),
        "actor2": actor_match(g["actor2"], g["actor2_country"], p.get("actor2"), p.get("actor2_country"),
                              p.get("actor2_code")),
        "date": date_match(g["date_start"], g["date_end"], p.get("date_start"), p.get("date_end")),
        "date_strict": date_match(g["date_start"], g["date_end"], p.get("date_start"), p.get("date_end"), True),
        "quad": p.get("quad_class") in {_quad(r) for r in g["root"].split("|")},
        "modality": (g.get("modality") or "asserted") == p.get("modality"),
        "location": g.get("location_country") is None or g.get("location_country") == p.get("country"),
    }


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS + ("event",)})
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        for k, v in other.correct.items():
            self.correct[k] += v
        self.errors += other.errors

    def prf(self, key: str | None = None) -> tuple[float, float, float]:
        tp = self.matched if key is None else self.correct[key]
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def align(gold: list[dict], pred: list[dict]) -> list[tuple[int, int, dict[str, bool]]]:
    """The aligned (gold index, predicted index, field checks) pairs of one passage, best agreement first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            c = field_checks(g, p)
            if not (c["root"] or c["actor1"]):
                continue
            pairs.append((4 * c["root"] + 2 * c["actor1"] + c["actor2"] + 0.5 * c["date"], gi, pi, c))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi, c in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, c))
    return out


def score_passage(gold: list[dict], pred: list[dict], pid: str = "") -> Score:
    s = Score(gold=len(gold), pred=len(pred))
    used_g, used_p = set(), set()
    for gi, pi, c in align(gold, pred):
        used_g.add(gi)
        used_p.add(pi)
        s.matched += 1
        for k in FIELDS:
            s.correct[k] += c[k]
        whole = c["root"] and c["actor1"] and c["actor2"] and c["date"]
        s.correct["event"] += whole
        if not whole:
            bad = [k for k in ("root", "actor1", "actor2", "date") if not c[k]]
            p = pred[pi]
            s.errors.append(f"{pid}: gold {_brief(gold[gi])} | pred {_brief_pred(p)} | wrong {bad}")
    for gi, g in enumerate(gold):
        if gi not in used_g:
            s.errors.append(f"{pid}: MISSED {_brief(g)}")
    for pi, p in enumerate(pred):
        if pi not in used_p:
            s.errors.append(f"{pid}: EXTRA {_brief_pred(p)}")
    return s


def _brief(g: dict) -> str:
    return f"{g['actor1']}({g['actor1_country']}) -{g['root']}-> {g['actor2']}({g['actor2_country']}) {g['date_start']}..{g['date_end']}"


def _brief_pred(p: dict) -> str:
    return (f"{p.get('actor1')}({p.get('actor1_country')}) -{p.get('event_code')}-> {p.get('actor2')}"
            f"({p.get('actor2_country')}) {p.get('date_start')}..{p.get('date_end')} {p.get('modality')}")
