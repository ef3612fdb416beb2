"""Event-coding benchmark: development set scores, the seed check, and speed.

    .venv/bin/python benchmarks/coding_bench.py            # all three
    .venv/bin/python benchmarks/coding_bench.py --errors   # also list every disagreement

Scores: precision / recall / F1 per field and for whole events, on the 25 dev passages and the six sets
of 15 held-out passages separately (tests/data/devset/, rules in analytics/coding/evaluate.py), then on
tests/data/devset/dev2.jsonl when present: 126 further development passages in the same format and under
the same gold conventions (splits dev2, dev2b ... dev2g, written 2026-11-28, each before any coder output on
it was seen, then used for development), and an "all" row over every split scored.
Seed: the three design-card events of seeds/000_9008637334b72796.txt must come out exactly right.
Speed: articles per second on one core, end to end (text -> validated event frame through
analytics.pipeline.extract), on ~600-word articles assembled from the development passages.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.coding import Settings, code_text  # noqa: E402
from analytics.coding.evaluate import FIELDS, Score, score_passage  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset" / "passages.jsonl"
DEV2 = ROOT / "tests" / "data" / "devset" / "dev2.jsonl"     # optional: more development passages
SEED = ROOT / "seeds" / "000_9008637334b72796.txt"
SEED_DCT = date(2021, 10, 20)


def load_devset(paths=(DEVSET, DEV2)) -> list[dict]:
    out = []
    for path in paths:
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                out += [json.loads(line) for line in fh if line.strip()]
    return out


def score_split(passages: list[dict], settings=None) -> Score:
    total = Score()
    for p in passages:
        pred = code_text(p["text"], date.fromisoformat(p["dct"]) if p.get("dct") else None, settings)
        total.add(score_passage(p["events"], pred, p["id"]))
    return total


def report(name: str, s: Score) -> list[str]:
    lines = [f"{name}: {s.gold} gold events, {s.pred} predicted, {s.matched} aligned",
             f"  {'field':<12} {'P':>6} {'R':>6} {'F1':>6}"]
    p, r, f = s.prf()
    lines.append(f"  {'detection':<12} {p:6.1%} {r:6.1%} {f:6.1%}")
    for key in FIELDS + ("event",):
        p, r, f = s.prf(key)
        lines.append(f"  {key:<12} {p:6.1%} {r:6.1%} {f:6.1%}")
    if s.matched:
        acc = {k: s.correct[k] / s.matched for k in ("root", "actor1", "actor2", "date")}
        lines.append("  accuracy on aligned events: " + ", ".join(f"{k} {v:.1%}" for k, v in acc.items()))
    return lines


def seed_check() -> tuple[bool, list[str]]:
    """The three design-card events of the seed article, exactly."""
    text = SEED.read_text(encoding="utf-8")
    rows = code_text(text, SEED_DCT)
    checks = {
        "withdrawal 1989 (Soviet Union -> Afghanistan, year)": lambda r: (
            r["event_root"] == "08" and r["actor1_country"] == "SUN" and r["actor2_country"] == "AFG"
            and r["date_start"] == date(1989, 1, 1) and r["date_end"] == date(1989, 12, 31)
            and r["date_precision"] == "year"),
        "takeover 2021-08 (Taliban -> Afghanistan/Kabul, month)": lambda r: (
            r["actor1"] is not None and "taliban" in r["actor1"].lower() and r["actor2_country"] == "AFG"
            and r["event_root"] in ("17", "19") and r["date_start"] == date(2021, 8, 1)
            and r["date_end"] == date(2021, 8, 31) and r["date_precision"] == "month"),
        "Tajikistan exercise 2021-W42 (week)": lambda r: (
            r["event_root"] in ("06", "15") and r["country"] == "TJK" and r["date_precision"] == "week"
            and r["date_start"] >= date(2021, 10, 18) and r["date_end"] <= date(2021, 10, 24)
            and "this week" in (r["date_expr"] or "")),
    }
    lines, ok = [], True
    for name, test in checks.items():
        hit = [r for r in rows if test(r)]
        ok &= bool(hit)
        lines.append(f"  {'PASS' if hit else 'FAIL'} {name}")
    lines.append(f"  ({len(rows)} event mentions in the seed)")
    return ok, lines


def speed(seconds: float = 20.0) -> tuple[float, int, list[str]]:
    from analytics.documents import Document
    from analytics.pipeline import extract

    passages = load_devset()
    seed = SEED.read_text(encoding="utf-8")
    articles, buf = [], []
    pool = [p["text"] for p in passages] + [seed]
    k = 0
    while len(articles) < 40:
        buf.append(pool[k % len(pool)])
        k += 1
        if sum(len(t.split()) for t in buf) >= 600:
            articles.append(Document(doc_id=f"a{len(articles)}", text="\n\n".join(buf), published=SEED_DCT))
            buf = []
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    # warm every lazily loaded table (lexicons, the country alias table, the timex fallback rules, models):
    # one full pass, so that no first-use cost lands in the timed passes (two articles left some out)
    extract(articles)
    # CPU time of this (single-threaded) process = time on one core; wall time is also shown, since the
    # machine is shared and wall time then includes waiting for a core.
    n, start, cpu0 = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        extract(articles)
        n += len(articles)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    rate = n / cpu
    return rate, int(words), [f"  {rate:.1f} articles/s per core (CPU time; {n / wall:.1f}/s wall clock on a shared "
                              f"machine), {int(words)} words/article avg, {n} articles, pipeline.extract end to end"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="event-coding benchmark")
    ap.add_argument("--errors", action="store_true", help="list every disagreement with the gold events")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--split", action="append", help="score only this split (repeatable), e.g. heldout5")
    ap.add_argument("--file", action="append", type=Path,
                    help="score the records of this JSONL file instead of the devset (repeatable), e.g. a sealed set")
    ap.add_argument("--detection", choices=("rules", "model"),
                    help="which candidate events the coder keeps (default: the coder's default setting)")
    args = ap.parse_args(argv)
    settings = Settings(detection=args.detection) if args.detection else None
    passages = load_devset(args.file) if args.file else load_devset()
    splits = args.split or list(dict.fromkeys(p["split"] for p in passages))
    total = Score()
    for split in splits:
        if not any(p["split"] == split for p in passages):
            continue
        s = score_split([p for p in passages if p["split"] == split], settings)
        total.add(s)
        print("\n".join(report(f"{split} ({sum(p['split'] == split for p in passages)} passages)", s)))
        if args.errors:
            print("\n".join("    " + e for e in s.errors))
    if len(splits) > 1:
        n = sum(p["split"] in splits for p in passages)
        print("\n".join(report(f"all ({n} passages)", total)))
    ok, lines = seed_check()
    print("seed:", "PASS" if ok else "FAIL")
    print("\n".join(lines))
    if not args.no_speed:
        print("speed:")
        print("\n".join(speed()[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
