"""Error analysis of the temporal normaliser on TBAQ (development set only), grouped by class.

    .venv/bin/python benchmarks/timex_errors.py                   # counts per class
    .venv/bin/python benchmarks/timex_errors.py --show 15         # plus up to 15 examples per class
    .venv/bin/python benchmarks/timex_errors.py --only extent:     # classes whose name starts with this

Classes: `missed:<gold type>`, `spurious:<system type>`, `extent:<side>:<what differs>` (e.g.
`extent:left-gold-longer:the`), `type:<gold>-><system>`, `value:<gold type>:<kind>` (kind: anchor - same
granularity, other date; gran - other granularity; ref - PAST/PRESENT/FUTURE_REF involved; other).
Never run it on TE3 platinum: that set is evaluated only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from timex_bench import load, run  # noqa: E402
from analytics.temporal.score import match_doc  # noqa: E402


def _words(s: str) -> str:
    s = s.strip().lower()
    w = re.findall(r"[\w'-]+|[^\w\s]", s)
    return " ".join(w[:2]) if w else "?"


def extent_class(text: str, g: dict, s) -> str:
    parts = []
    gs, ge, ss, se = g["start"], g["end"], s.start, s.end
    if gs < ss:
        parts.append("left-gold-longer:" + _words(text[gs:ss]))
    elif ss < gs:
        parts.append("left-sys-longer:" + _words(text[ss:gs]))
    if ge > se:
        parts.append("right-gold-longer:" + _words(text[se:ge][::-1])[::-1])
    elif se > ge:
        parts.append("right-sys-longer:" + _words(text[ge:se][::-1])[::-1])
    return "extent:" + "|".join(parts)


def _gran(v: str) -> str:
    if v.startswith("P"):
        return "dur"
    if "REF" in v:
        return "ref"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", v):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return "month"
    if re.fullmatch(r"\d{4}", v):
        return "year"
    return re.sub(r"\d", "9", v)[:10]


def value_class(g: dict, s) -> str:
    gv, sv = g["value"], s.value
    gg, sg = _gran(gv), _gran(sv)
    if "ref" in (gg, sg):
        kind = f"ref:{gg}->{sg}"
    elif gg == sg:
        kind = "anchor" if gg not in ("dur",) else "amount"
    else:
        kind = f"gran:{gg}->{sg}"
    return f"value:{g['type']}:{kind}"


def classify(docs, results):
    groups = defaultdict(list)
    for d, (gold, system) in zip(docs, results):
        text = d["text"]
        res = match_doc(gold, system)
        for g in res.missed:
            groups[f"missed:{g['type']}"].append(f"{g['text']!r} {g['value']}  [{d['dct']}]  ..{_ctx(text, g['start'], g['end'])}..")
        for s in res.spurious:
            groups[f"spurious:{s.type}"].append(f"{s.text!r} {s.value}  ..{_ctx(text, s.start, s.end)}..")
        for p in res.pairs:
            g, s = p.gold, p.system
            if (g["start"], g["end"]) != (s.start, s.end):
                groups[extent_class(text, g, s)].append(f"gold {g['text']!r} sys {s.text!r}")
            if g["type"] != s.type:
                groups[f"type:{g['type']}->{s.type}"].append(f"{g['text']!r} sys {s.text!r} {s.value}")
            if g["value"] != s.value:
                groups[value_class(g, s)].append(
                    f"{g['text']!r} gold {g['value']} sys {s.value} [{d['dct']}] ..{_ctx(text, g['start'], g['end'])}..")
    return groups


def _ctx(text: str, a: int, b: int, w: int = 60) -> str:
    return (text[max(0, a - w):a] + "[" + text[a:b] + "]" + text[b:b + w]).replace("\n", " ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "timex")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    ap.add_argument("--only", default="", help="only classes starting with this prefix")
    ap.add_argument("--min", type=int, default=1, help="hide classes with fewer errors")
    ap.add_argument("--subcorpus", choices=["TimeBank", "AQUAINT"], help="only one half of TBAQ")
    ap.add_argument("--file", type=Path, help="another development set in the same JSONL schema (e.g. "
                    "tests/data/timex/news_history2.jsonl) instead of TBAQ; never the platinum file")
    args = ap.parse_args(argv)
    path = args.file or args.data / "tbaq_train.jsonl"
    if "platinum" in path.name:
        print("timex_errors: TE3 platinum is evaluated only, never analysed", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"timex_errors: {path} not found (use --data DIR)", file=sys.stderr)
        return 2
    docs = [d for d in load(path) if not args.subcorpus or d.get("subcorpus") == args.subcorpus]
    groups = classify(docs, run(docs))
    tops = Counter()
    for k, v in groups.items():
        tops[k.split(":")[0]] += len(v)
    print("totals:", dict(tops))
    for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if not k.startswith(args.only) or len(v) < args.min:
            continue
        print(f"{len(v):4d}  {k}")
        for ex in v[:args.show]:
            print("        " + ex)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
