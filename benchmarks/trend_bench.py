"""Trend view cost with the split of events dated less precisely than the bin (views.trend's `coarse`).

Builds (or reuses) a synthetic store of N events (analytics.bench.build_store) and times views.trend
unfiltered (answered from the rollups plus one scan for the coarse events) and filtered (one scan),
for every bin, best of --repeat runs.

    .venv/bin/python benchmarks/trend_bench.py --events 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import bench, views  # noqa: E402
from analytics.filters import Filters  # noqa: E402
from analytics.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", help="reuse this store file (built when absent)")
    args = ap.parse_args()
    path = Path(args.store) if args.store else Path(tempfile.mkdtemp()) / "trend.duckdb"
    if not path.exists():
        bench.build_store(path, args.events)
    store = Store(path)
    for label, filters in (("unfiltered (rollups)", Filters()), ("filtered (scan)", Filters(quad_classes=(1, 2, 3, 4)))):
        for b in views.BINS:
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                tr = views.trend(store, filters, bin=b)
                times.append(time.perf_counter() - t)
            print(f"{label:22s} {b:6s} {min(times) * 1000:7.1f} ms  {int(tr.bins['events'].sum()):,} events, "
                  f"{int(tr.bins['coarse'].sum()):,} less precise than the bin")


if __name__ == "__main__":
    main()
