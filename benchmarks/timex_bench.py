"""TempEval-3 benchmark of the temporal normaliser (analytics.temporal), with a speed comparison.

    .venv/bin/python benchmarks/timex_bench.py                 # both sets + speed
    .venv/bin/python benchmarks/timex_bench.py --set tbaq --errors 40   # development: show errors
    .venv/bin/python benchmarks/timex_bench.py --file tests/data/timex/news_history.jsonl --no-speed   # that file only

`--file` alone scores only the files named: the standard sets run only when `--set` names them, so scoring the
project's own set never scores TE3 platinum by accident (platinum is the test set, run once at the end).

Data: ../shared/benchmarks/timex/{tbaq_train,te3_platinum}.jsonl (override with --data DIR).
Scores follow the TempEval-3 rules (analytics/temporal/score.py). Speed: characters per second of
`tag()` and of `dateparser.search_dates(text, languages=['en'])` over the TBAQ texts, in this process,
after a warm-up (import and first-call costs left out); best of --repeat runs for each.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.temporal import tag  # noqa: E402
from analytics.temporal.score import match_doc, score  # noqa: E402

SETS = {"tbaq": "tbaq_train.jsonl", "platinum": "te3_platinum.jsonl"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class _Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.n = 0

    def emit(self, record):
        self.n += 1


def run(docs: list[dict]) -> list[tuple[list, list]]:
    """Tag every document; rule failures (logged and skipped by tag()) are reported, as they are bugs."""
    counter = _Count()
    logger = logging.getLogger("analytics.temporal.tagger")
    logger.addHandler(counter)
    try:
        out = [(d["timexes"], tag(d["text"], date.fromisoformat(d["dct"]))) for d in docs]
    finally:
        logger.removeHandler(counter)
    if counter.n:
        print(f"WARNING: {counter.n} rule failures were logged and skipped", file=sys.stderr)
    return out


def show_errors(docs, results, limit: int) -> None:
    kinds = Counter()
    rows = []
    for d, (gold, system) in zip(docs, results):
        res = match_doc(gold, system)
        for g in res.missed:
            kinds["missed"] += 1
            rows.append(("MISS", g["text"], g["type"], g["value"], "", "", d["dct"]))
        for s in res.spurious:
            kinds["spurious"] += 1
            rows.append(("SPUR", s.text, "", "", s.type, s.value, d["dct"]))
        for p in res.pairs:
            g, s = p.gold, p.system
            if (g["start"], g["end"]) != (s.start, s.end):
                kinds["extent"] += 1
                rows.append(("EXT", g["text"], g["type"], g["value"], s.text, s.value, d["dct"]))
            elif g["value"] != s.value or g["type"] != s.type:
                kinds["value"] += 1
                rows.append(("VAL", g["text"], g["type"], g["value"], s.type, s.value, d["dct"]))
    print("error kinds:", dict(kinds))
    for r in rows[:limit]:
        print(" | ".join(str(x).replace("\n", " ") for x in r))


def speed(docs: list[dict], repeat: int) -> dict:
    from dateparser.search import search_dates

    texts = [(d["text"], date.fromisoformat(d["dct"])) for d in docs]
    n_chars = sum(len(t) for t, _ in texts)
    tag("warm up on Friday, 12 March 2001", date(2001, 3, 14))
    search_dates("warm up on Friday, 12 March 2001", languages=["en"])

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for text, dct in texts:
                fn(text, dct)
            times.append(time.perf_counter() - t0)
        return min(times)

    ours = best(lambda text, dct: tag(text, dct))
    theirs = best(lambda text, dct: search_dates(text, languages=["en"]))
    return {"chars": n_chars, "ours_s": ours, "dateparser_s": theirs,
            "ours_cps": n_chars / ours, "dateparser_cps": n_chars / theirs, "ratio": theirs / ours}


def fmt(name: str, s: dict) -> str:
    c = s["counts"]
    return (f"{name:9s} gold={c['gold']:5d} sys={c['system']:5d}  "
            f"strict P/R/F1 {s['strict']['p']:.3f}/{s['strict']['r']:.3f}/{s['strict']['f1']:.3f}  "
            f"relaxed {s['relaxed']['p']:.3f}/{s['relaxed']['r']:.3f}/{s['relaxed']['f1']:.3f}  "
            f"value F1 {s['value']['f1']:.3f} (acc {s['value']['accuracy']:.3f})  type F1 {s['type']['f1']:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "timex",
                    help="directory with tbaq_train.jsonl and te3_platinum.jsonl")
    ap.add_argument("--set", choices=["tbaq", "platinum", "both"], default=None,
                    help="standard set(s) to score (default: both, or none when --file is given)")
    ap.add_argument("--file", type=Path, action="append", default=[],
                    help="also score this JSONL file in the same schema (repeatable), e.g. the project's own "
                         "news and history set tests/data/timex/news_history.jsonl")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors (use on TBAQ only)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--subcorpus", choices=["TimeBank", "AQUAINT"], help="TBAQ only: score one half (a rule learnt on "
                    "one half should hold on the other)")
    args = ap.parse_args(argv)
    if not args.data.is_dir() and not args.file:
        print(f"timex_bench: data directory {args.data} not found (use --data DIR)", file=sys.stderr)
        return 2
    out = {}
    chosen = args.set or ("both" if not args.file else None)
    names = [] if chosen is None or not args.data.is_dir() else ["tbaq", "platinum"] if chosen == "both" else [chosen]
    for name in names + [str(f) for f in args.file]:
        docs = load(args.data / SETS[name]) if name in SETS else load(Path(name))
        if args.subcorpus:
            docs = [d for d in docs if d.get("subcorpus") == args.subcorpus]
        results = run(docs)
        out[name] = score(results)
        print(fmt(name, out[name]))
        if args.errors:
            show_errors(docs, results, args.errors)
    if not args.no_speed and args.data.is_dir() and chosen is not None:
        sp = speed(load(args.data / SETS["tbaq"]), args.repeat)
        out["speed"] = sp
        print(f"speed on TBAQ ({sp['chars']} chars): tag {sp['ours_cps']:,.0f} chars/s ({sp['ours_s']:.3f} s), "
              f"dateparser.search_dates {sp['dateparser_cps']:,.0f} chars/s ({sp['dateparser_s']:.3f} s): "
              f"{sp['ratio']:.1f}x")
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
