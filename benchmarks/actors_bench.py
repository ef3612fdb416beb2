"""Actor and place recognition benchmark: speed, development-set recall, dataset-actor resolution.

    .venv/bin/python benchmarks/actors_bench.py

Speed: articles per CPU-second (process time, so other jobs on the machine do not count) on one core for find_actors + find_places together, on ~600-word articles assembled
from the development passages and the seed (after a warm-up that loads the lexicons; the load time is reported
separately). Recall: for every gold actor of tests/data/devset/passages.jsonl, whether find_actors finds a
mention of it in the passage (the same canonical name, or for a gold actor with a country, a country, capital, demonym or state-agent
mention of that country; a gold "Syria government" is found by "Syrian government" -> SYRGOV).
Resolution: the share of ICEWS sample actors (Source/Target Name with their country) and GDELT sample actors
(Actor1/2Code) that canonical_actor resolves, when ../shared/reference is present.
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.actors import canonical_actor, find_actors  # noqa: E402
from analytics.geo import find_places  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset" / "passages.jsonl"
SEED = ROOT / "seeds" / "000_9008637334b72796.txt"
REFERENCE = ROOT.parent / "shared" / "reference"


def articles(n: int = 200, words: int = 600) -> list[str]:
    passages = [json.loads(line)["text"] for line in DEVSET.open(encoding="utf-8")]
    passages.append(SEED.read_text(encoding="utf-8"))
    rng = random.Random(7)
    out = []
    for _ in range(n):
        parts, count = [], 0
        while count < words:
            p = rng.choice(passages)
            parts.append(p)
            count += len(p.split())
        out.append("\n\n".join(parts))
    return out


def speed() -> dict:
    t0 = time.process_time()
    find_actors("Russia")
    find_places("Kabul")
    load = time.process_time() - t0
    docs = articles()
    n_words = sum(len(d.split()) for d in docs)
    best = None
    for _ in range(2):
        t = time.process_time()
        for d in docs:
            find_actors(d, "2021-10-20")
            find_places(d)
        el = time.process_time() - t
        best = el if best is None else min(best, el)
    return {"articles": len(docs), "mean_words": n_words / len(docs), "load_s": load,
            "articles_per_s": len(docs) / best, "words_per_s": n_words / best}


def recall() -> dict:
    total = found = 0
    misses = []
    for line in DEVSET.open(encoding="utf-8"):
        d = json.loads(line)
        mentions = find_actors(d["text"], d.get("dct"))
        gold = set()
        for e in d["events"]:
            for side in ("actor1", "actor2"):
                if e.get(side):
                    gold.add((e[side], e.get(side + "_country")))
        for name, country in sorted(gold, key=str):
            total += 1
            ok = any(m.name == name or (country and m.country == country and m.kind in
                                        ("country", "capital", "former_state", "agent", "demonym"))
                     for m in mentions)
            found += ok
            if not ok:
                misses.append(f"{d['id']}: {name} ({country})")
    return {"gold_actors": total, "found": found, "recall": found / total if total else 0.0, "misses": misses}


FRESH = ROOT / "tests" / "data" / "actors" / "fresh_sentences.tsv"
FRESH2 = ROOT / "tests" / "data" / "actors" / "fresh_sentences2.tsv"
FRESH3 = ROOT / "tests" / "data" / "actors" / "fresh_sentences3.tsv"


def fresh(path: Path = FRESH) -> dict:
    """Expected actor mentions in sentences written after the rules were tuned."""
    total = found = 0
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("dct\t") or not line.strip():
            continue
        dct, text, expected = line.split("\t")
        mentions = find_actors(text, dct) + [m for m in find_places(text)]
        for pair in expected.split(" | "):
            surface, code = pair.rsplit("=", 1)
            total += 1
            ok = any(surface in m.text and getattr(m, "code", None) == code for m in mentions[:-0 or None]
                     if hasattr(m, "code"))
            if not ok and len(code) == 3:  # a country-level expectation may be met by a place
                ok = any(surface in m.text and m.country == code for m in mentions)
            found += ok
            if not ok:
                got = [(m.text, getattr(m, "code", m.country)) for m in mentions]
                misses.append(f"{surface}={code} in {text!r}: {got}")
    return {"expected": total, "found": found, "misses": misses}


def resolution() -> dict | None:
    icews = REFERENCE / "icews" / "events.2018.sample.tab"
    gdelt = REFERENCE / "gdelt" / "20180326044500.export.CSV"
    if not icews.exists() or not gdelt.exists():
        return None
    n = ok = 0
    with icews.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            for name, country in ((r["Source Name"], r["Source Country"]), (r["Target Name"], r["Target Country"])):
                n += 1
                ok += canonical_actor(name, country=None if country == "NA" else country) is not None
    g_n = g_ok = 0
    with gdelt.open(encoding="utf-8") as fh:
        for r in csv.reader(fh, delimiter="\t"):
            for code in (r[5], r[15]):
                if code:
                    g_n += 1
                    g_ok += canonical_actor(code) is not None
    return {"icews_actors": n, "icews_resolved": ok / n, "gdelt_actors": g_n, "gdelt_resolved": g_ok / g_n}


def main() -> int:
    s = speed()
    print(f"speed: {s['articles_per_s']:.0f} articles/s ({s['mean_words']:.0f} words each, "
          f"{s['words_per_s']:,.0f} words/s) for find_actors + find_places per CPU-second (one core); lexicon load {s['load_s']:.2f} s")
    r = recall()
    print(f"devset actor recall: {r['found']}/{r['gold_actors']} = {r['recall']:.3f}")
    for m in r["misses"]:
        print("  missed:", m)
    for label, path in (("fresh sentences", FRESH), ("fresh sentences 2", FRESH2), ("fresh sentences 3", FRESH3)):
        f = fresh(path)
        print(f"{label}: {f['found']}/{f['expected']} expected mentions = {f['found'] / f['expected']:.3f}")
        for m in f["misses"]:
            print("  missed:", m)
    res = resolution()
    if res is None:
        print("resolution: ../shared/reference absent, skipped")
    else:
        print(f"resolution: ICEWS {res['icews_resolved']:.3f} of {res['icews_actors']} actor fields, "
              f"GDELT {res['gdelt_resolved']:.3f} of {res['gdelt_actors']} actor codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
