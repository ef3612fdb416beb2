"""Import benchmark: GDELT 2.0 import throughput and peak memory against a bare pandas.read_csv.

Builds a GDELT 2.0 file of at least --rows rows by repeating the real sample (tests/data/gdelt/) with
new GLOBALEVENTIDs, then, each in its own fresh process so peak memory is its own:
  * import      `analytics.importers.import_files("gdelt", [file], Store(tmp))`: read, map, validate, store
  * read_csv    `pandas.read_csv` of the same file, the same columns, into the same dtypes (C engine)
and, to show that memory is bounded by the chunk size rather than the file size, the import again on a
file a quarter of the size. Prints a JSON object; docs/BENCHMARKS.md records the results.

    .venv/bin/python benchmarks/import_bench.py --rows 1000000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "gdelt" / "20180326044500.export.CSV"
sys.path.insert(0, str(ROOT))


def build(path: Path, rows: int) -> int:
    """Write the sample repeated with fresh GLOBALEVENTIDs; returns the number of rows written."""
    lines = [line.split(b"\t", 1)[1] for line in SAMPLE.read_bytes().splitlines(keepends=True)]
    reps = -(-rows // len(lines))
    next_id = 1_000_000_000
    with open(path, "wb") as out:
        for _ in range(reps):
            out.write(b"".join(b"%d\t%s" % (next_id + i, rest) for i, rest in enumerate(lines)))
            next_id += len(lines)
    return reps * len(lines)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child_import(path: str, store_path: str) -> dict:
    from analytics.importers import import_files
    from analytics.store import Store

    base = _peak_mb()
    t = time.perf_counter()
    report = import_files("gdelt", [path], Store(store_path))
    seconds = time.perf_counter() - t
    assert report.ok and report.malformed == 0, report.summary()
    return {"rows": report.rows, "added": report.added, "seconds": seconds, "peak_mb": _peak_mb(), "baseline_mb": base}


def child_read_csv(path: str) -> dict:
    import pandas as pd

    from analytics.importers.gdelt import COLUMNS_V2, LAYOUTS

    use = list(LAYOUTS[61].use)
    # The frame's dtypes for these fields: codes, names, ids and dates as strings (leading zeros kept).
    ints = {"QuadClass", "NumSources"}
    floats = {"GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long"}
    dtype = {c: ("Int64" if c in ints else "Float64" if c in floats else "string") for c in use}
    base = _peak_mb()
    t = time.perf_counter()
    df = pd.read_csv(path, sep="\t", header=None, names=list(COLUMNS_V2), usecols=use, dtype=dtype, quoting=3, keep_default_na=False, na_values=[""])
    seconds = time.perf_counter() - t
    return {"rows": len(df), "seconds": seconds, "peak_mb": _peak_mb(), "baseline_mb": base}


def _run_child(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        result = child_import(*rest) if kind == "import" else child_read_csv(*rest)
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory(prefix="import_bench.") as tmp:
        tmp = Path(tmp)
        big, small = tmp / "big.export.CSV", tmp / "small.export.CSV"
        rows = build(big, args.rows)
        small_rows = build(small, args.rows // 4)
        result = {"rows": rows, "file_mb": round(big.stat().st_size / 2**20, 1)}
        result["read_csv"] = _run_child("read_csv", str(big))
        result["import"] = _run_child("import", str(big), str(tmp / "big.duckdb"))
        result["import_quarter_file"] = {"rows": small_rows, **_run_child("import", str(small), str(tmp / "small.duckdb"))}
    for k in ("read_csv", "import", "import_quarter_file"):
        r = result[k]
        r["rows_per_s"] = round(r["rows"] / r["seconds"])
    result["import_vs_read_csv_speed"] = round(result["import"]["rows_per_s"] / result["read_csv"]["rows_per_s"], 2)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
