"""`python -m analytics bench --events N [--json]`: the query path at scale.

1. Builds a temporary store (never data/events.duckdb) of N events drawn from the real GDELT sample
   (`analytics.bench_data`) and, beside it, a Parquet copy of the columns the views read.
2. In one subprocess, the dashboard path: cold open (file evicted from the page cache first), then each
   interactive query (a filter, then the view a chart calls: `analytics.views` trend, timeline,
   network or map), then the export of a filtered 100,000-row CSV the way the dashboard's download
   builds it, then the Plotly figures of every answer (`analytics.charts`), to size the payload.
3. In another subprocess, the pandas path: the whole frame loaded, then the same queries done with a
   boolean mask and a groupby (`analytics.bench_pandas`).
4. Checks that both paths gave the same answers, and prints a table (or with --json one object).

Each path runs in its own process so that its peak memory (`rss_mb`, `pandas_rss_mb`) is its own. The
parent runs each query on one path and straight after on the other, so that the load of a shared
machine, which drifts, weighs on both alike. Medians are over several repetitions after one warm-up
call, so they time a warm dashboard process.

Example:
    $ python -m analytics bench --events 1000000
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.errors import UserError
from analytics.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
EXPORT_ROWS = 100_000
CHUNK_ROWS = 500_000
TARGET_MS = 150.0
MAX_RSS_MB = 2048
MAX_PAYLOAD = 2 * 1024 * 1024


def _speedup_target(n: int) -> float:
    return 5.0 if n >= 10_000_000 else 2.0


# -- building the store --------------------------------------------------------------------------
def build_store(path: Path, n: int, seed: int = 7) -> None:
    """A store of n generated events at `path`, loaded the way a bulk import is: one write transaction,
    then the events clustered by region, country and date (`store.cluster_events`)."""
    from analytics.bench_data import Generator, insert_sql
    from analytics.store import Store, cluster_events

    gen = Generator.from_sample(seed=seed)
    with Store(path).write() as con:
        for table in gen.chunks(n, chunk=CHUNK_ROWS):
            con.register("bench_chunk", table)
            con.execute(insert_sql("bench_chunk"))
            con.unregister("bench_chunk")
        cluster_events(con)  # the layout a bulk import leaves


def export_parquet(store_path: Path, out: Path) -> None:
    """The columns the views read, for the pandas path to load."""
    import duckdb

    from analytics.bench_pandas import COLUMNS

    # Dates as timestamps, so pandas reads them as datetime64 columns (the frame's dtype), not objects.
    cols = [f"CAST({c} AS TIMESTAMP) AS {c}" if c in ("date_start", "date_end") else c for c in COLUMNS]
    con = duckdb.connect(str(store_path), read_only=True)
    try:
        con.execute(f"COPY (SELECT {', '.join(cols)} FROM events) TO '{out}' (FORMAT parquet)")
    finally:
        con.close()


# -- the interactive queries ---------------------------------------------------------------------
# (filter, view): each filter type and combinations, each followed by what one chart needs.
QUERIES = (
    ("all", "trend"), ("all", "timeline"), ("all", "network"), ("all", "map"),
    ("actor", "trend"), ("actor", "network"),
    ("region", "map"), ("region", "timeline"),
    ("country", "trend"), ("country", "network"),
    ("category", "network"), ("quad", "map"),
    ("dates", "trend"), ("dates", "map"),
    ("actor+dates", "timeline"), ("actor+dates", "network"),
    ("region+category", "map"),
    ("country+quad+dates", "network"),
    ("actor+region+category+dates", "trend"),
)


def plan(store_path: Path) -> dict:
    """Filter values picked from the store (busy ones, so the answers are not trivially small) and the
    queries: each filter type and combinations, each followed by one view."""
    import duckdb

    con = duckdb.connect(str(store_path), read_only=True)
    try:
        def one(sql, params=()):
            return con.execute(sql, list(params)).fetchone()

        actor = one("""SELECT a FROM (SELECT actor1 AS a FROM events UNION ALL SELECT actor2 FROM events)
                       WHERE a IS NOT NULL GROUP BY a ORDER BY count(*) DESC, a LIMIT 1""")[0]
        regions = [r[0] for r in con.execute(
            "SELECT region FROM events WHERE region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2").fetchall()]
        region = regions[-1]  # the second busiest: the busiest is mostly one country
        country = one("SELECT country FROM events WHERE region = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1", [region])[0]
        root = one("""SELECT event_root FROM events WHERE quad_class IN (3, 4) AND event_root IS NOT NULL
                      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""")[0]
        first, last = one("SELECT min(date_start), max(date_start) FROM events WHERE date_precision = 'day'")
        export = _export_window(con, first, last)
    finally:
        con.close()
    since = first + (last - first) * 2 // 5
    dates = {"since": since.isoformat(), "until": (since + dt.timedelta(days=89)).isoformat()}
    f = {
        "all": {},
        "actor": {"actors": [actor]},
        "region": {"regions": [region]},
        "country": {"countries": [country]},
        "category": {"roots": [root]},
        "quad": {"quad_classes": [4]},
        "dates": dates,
        "actor+dates": {"actors": [actor], **dates},
        "region+category": {"regions": [region], "roots": [root]},
        "country+quad+dates": {"countries": [country], "quad_classes": [4], **dates},
        "actor+region+category+dates": {"actors": [actor], "regions": [region], "roots": [root], **dates},
    }
    return {
        "queries": [{"name": f"{fl} → {view}", "filters": f[fl], "view": view} for fl, view in QUERIES],
        "export": export,
    }


def _export_window(con, first, last) -> dict:
    """A date window holding at least EXPORT_ROWS events (or everything in a small store)."""
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if total <= EXPORT_ROWS or first is None:
        return {}
    days = con.execute(
        "SELECT date_start, count(*) FROM events WHERE date_precision = 'day' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    mid = len(days) // 2
    lo = hi = mid
    n = days[mid][1]
    while n < EXPORT_ROWS * 1.05 and (lo > 0 or hi < len(days) - 1):
        if hi < len(days) - 1:
            hi += 1
            n += days[hi][1]
        if lo > 0 and n < EXPORT_ROWS * 1.05:
            lo -= 1
            n += days[lo][1]
    return {"since": days[lo][0].isoformat(), "until": days[hi][0].isoformat()}


def _filters(spec: dict) -> Filters:
    return Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in spec.items()})


# -- answers, for checking the two paths against each other --------------------------------------
def answer(view: str, result) -> dict:
    """The part of a view's result that both paths must agree on (sampled rows and tie-broken modes left out)."""
    if view == "trend":
        bins = result.bins[["bin", "events", "goldstein"]].assign(bin=lambda b: pd.to_datetime(b["bin"]))
        return {"bin": result.bin, "bins": bins}
    if view == "timeline":  # which events a sample draws differs by design; how many it draws need not
        drawn = len(result.events) if result.total <= len(result.events) else "a sample"
        return {"total": result.total, "undated": result.undated, "drawn": drawn}
    if view == "network":
        return {"total_actors": result.total_actors, "total_edges": result.total_edges,
                "nodes": result.nodes[["actor", "events"]],
                "edges": result.edges[["source", "target", "events", "goldstein"]]}
    if view == "map":
        from analytics import views

        # A place's name is one of those given at its coordinates (either path may pick another), and
        # rows tied with the last one kept may differ: compare coordinates and counts above the cut.
        places = result.places[["lat", "lon", "events"]]
        if len(places) >= views.MAP_MAX_PLACES:
            places = places[places["events"] > places["events"].iloc[-1]]
        places = places.sort_values(["events", "lat", "lon"], ascending=[False, True, True])
        return {"arcs": result.arcs[["from", "to", "events", "goldstein"]], "places": places,
                "countries": result.countries[["country", "events"]].sort_values("country"), "no_country": result.no_country}
    raise ValueError(view)


def differences(a: dict, b: dict) -> list[str]:
    """Where two answers disagree (numbers within 1e-6 relative count as equal)."""
    out = []
    for key in a:
        x, y = a[key], b.get(key)
        if isinstance(x, pd.DataFrame):
            if not isinstance(y, pd.DataFrame) or len(x) != len(y):
                out.append(f"{key}: {len(x)} rows vs {len(y) if isinstance(y, pd.DataFrame) else y}")
                continue
            for col in x.columns:
                u, v = x[col].reset_index(drop=True), y[col].reset_index(drop=True)
                if pd.api.types.is_numeric_dtype(u) and pd.api.types.is_numeric_dtype(v):
                    same = np.allclose(u.astype(float), v.astype(float), rtol=1e-6, atol=1e-9, equal_nan=True)
                else:
                    same = [None if pd.isna(p) else str(p) for p in u] == [None if pd.isna(q) else str(q) for q in v]
                if not same:
                    out.append(f"{key}.{col} differs")
        elif x != y:
            out.append(f"{key}: {x} vs {y}")
    return out


# -- the workers (each in its own process) -------------------------------------------------------
def _evict(path: Path) -> None:
    """Drop the file from the page cache, so the cold open reads it from disk (best effort)."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        pass


def _time(fn, reps: int) -> tuple[float, object]:
    result = fn()  # warm-up, and the answer to check
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the process's own address space; getrusage's
    ru_maxrss survives exec on Linux, so a worker would report its parent's peak (the store build)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class DashboardPath:
    """The dashboard's way: a Store, the views over DuckDB, the charts, the CSV download."""

    def __init__(self, spec: dict):
        from analytics import views
        from analytics.store import Store

        self.spec = spec
        self.calls = {"trend": views.trend, "timeline": views.timeline, "network": views.network, "map": views.interaction_map}
        self.results = {}
        path = Path(spec["store"])
        _evict(path)
        t0 = time.perf_counter()
        self.store = Store(path)
        views.trend(self.store, Filters())  # the first chart of the first page
        self.ready = {"cold_open_ms": (time.perf_counter() - t0) * 1000}

    def query(self, q: dict) -> tuple[float, dict]:
        f = _filters(q["filters"])
        ms, result = _time(lambda: self.calls[q["view"]](self.store, f), self.spec["reps"])
        self.results[q["name"]] = (q["view"], result)
        return ms, answer(q["view"], result)

    def finish(self) -> dict:
        from analytics import charts, export, views

        f = _filters(self.spec["export"])
        t0 = time.perf_counter()
        frame = views.filtered_frame(self.store, f, limit=EXPORT_ROWS)  # what the dashboard's CSV download sends
        data = export.data_bytes(frame, "csv", f.describe(), views.citation(self.store, f))
        out = {"export_ms": (time.perf_counter() - t0) * 1000, "export_rows": len(frame), "export_bytes": len(data)}
        del frame, data
        figures = {"trend": charts.trend_figure, "timeline": charts.timeline_figure,
                   "network": charts.network_figure, "map": charts.map_figure}
        sizes = {name: len(figures[view](result).to_json()) for name, (view, result) in self.results.items()}
        out["payload_bytes"] = max(sizes.values())
        out["payload_query"] = max(sizes, key=sizes.get)
        out["rss_mb"] = _peak_rss_mb()
        self.store.close()
        return out


class PandasPath:
    """The straightforward way: the whole frame in memory, a boolean mask, a groupby."""

    def __init__(self, spec: dict):
        from analytics import bench_pandas

        self.spec, self.views = spec, bench_pandas.VIEWS
        t0 = time.perf_counter()
        self.frame = bench_pandas.load_frame(spec["parquet"])
        self.ready = {"load_ms": (time.perf_counter() - t0) * 1000}

    def query(self, q: dict) -> tuple[float, dict]:
        f = _filters(q["filters"])
        fn = self.views[q["view"]]
        ms, result = _time(lambda: fn(self.frame, f), self.spec["pandas_reps"])
        return ms, answer(q["view"], result)

    def finish(self) -> dict:
        return {"rss_mb": _peak_rss_mb()}


PATHS = {"dashboard": DashboardPath, "pandas": PandasPath}


class _Worker:
    """A path in its own process (its peak memory is its own), run one query at a time on request, so
    that the parent can interleave the two paths and a change in the machine's load hits both alike."""

    def __init__(self, kind: str, spec_path: Path, work: Path):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        self.kind, self.out = kind, work / f"{kind}.pickle"
        self.err = open(work / f"{kind}.stderr", "w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "analytics.bench", kind, str(spec_path), str(self.out)],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err, text=True)

    def ask(self, line: str):
        """Send one request and return the worker's reply (a pickled object it wrote to its out file)."""
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._reply()

    def _reply(self):
        if self.proc.stdout.readline().strip() != "ok":
            self.proc.wait()
            self.err.seek(0)
            tail = self.err.read().strip().splitlines()[-15:]
            raise RuntimeError(f"the {self.kind} worker failed:\n" + "\n".join(tail))
        with open(self.out, "rb") as fh:
            return pickle.load(fh)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.err.close()


def _worker_main(argv: list[str]) -> int:
    """Worker protocol on stdin/stdout: after start-up it writes its `ready` figures and says "ok"; then
    each line "query I" runs query I of the spec, "finish" ends; every reply is pickled to the out file."""
    kind, spec_path, out_path = argv
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    # The protocol keeps the original standard output; anything else written there (DuckDB's progress
    # bar on a long query writes straight to file descriptor 1) goes to standard error instead.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)

    def reply(obj) -> None:
        with open(out_path, "wb") as fh:
            pickle.dump(obj, fh)
        channel.write("ok\n")
        channel.flush()

    path = PATHS[kind](spec)
    reply(path.ready)
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "query":
            reply(path.query(spec["queries"][int(arg)]))
        elif cmd == "finish":
            reply(path.finish())
            return 0
    return 0


# -- the run -------------------------------------------------------------------------------------
def _interleave(spec: dict, spec_path: Path, work: Path) -> tuple[dict, dict]:
    """Both paths, each in its own process: the dashboard opens cold first (before the pandas process
    loads its frame), then each query runs on one path and straight after on the other."""
    dash = {"queries": {}, "answers": {}}
    pand = {"queries": {}, "answers": {}}
    workers = []
    try:
        d = _Worker("dashboard", spec_path, work)
        workers.append(d)
        dash.update(d._reply())
        p = _Worker("pandas", spec_path, work)
        workers.append(p)
        pand.update(p._reply())
        for i, q in enumerate(spec["queries"]):
            for w, out in ((d, dash), (p, pand)):
                ms, ans = w.ask(f"query {i}")
                out["queries"][q["name"]], out["answers"][q["name"]] = ms, ans
        pand.update(p.ask("finish"))
        dash.update(d.ask("finish"))
    finally:
        for w in workers:
            w.close()
    return dash, pand


def run(n: int, workdir: Path | None = None, reps: int | None = None, pandas_reps: int | None = None,
        progress=None) -> dict:
    """The whole benchmark on n events; returns the result object plus details (see `report`)."""
    say = progress or (lambda _msg: None)
    t_start = time.perf_counter()
    version = code_version()  # before the run: the workers import the modules as they are now
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="analytics-bench-")) if own else Path(workdir)
    try:
        store_path = work / "bench.duckdb"
        say(f"building a store of {n:,} events in {work}")
        t0 = time.perf_counter()
        build_store(store_path, n)
        build_s = time.perf_counter() - t0
        parquet = work / "frame.parquet"
        export_parquet(store_path, parquet)
        spec = plan(store_path)
        spec.update(store=str(store_path), parquet=str(parquet),
                    reps=reps or (7 if n >= 5_000_000 else 9),
                    pandas_reps=pandas_reps or (3 if n >= 5_000_000 else 5))
        spec_path = work / "spec.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        say(f"store built in {build_s:.1f} s ({store_path.stat().st_size / 1e6:.0f} MB); timing both paths, query by query")
        dash, pand = _interleave(spec, spec_path, work)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    mismatches = {}
    for name, a in dash["answers"].items():
        diff = differences(a, pand["answers"][name])
        if diff:
            mismatches[name] = diff
    result = {
        "events": n,
        "queries": {name: {"median_ms": round(ms, 1), "pandas_median_ms": round(pand["queries"][name], 1)}
                    for name, ms in dash["queries"].items()},
        "cold_open_ms": round(dash["cold_open_ms"], 1),
        "export_ms": round(dash["export_ms"], 1),
        "payload_bytes": int(dash["payload_bytes"]),
        "rss_mb": round(dash["rss_mb"], 1),
        "pandas_rss_mb": round(pand["rss_mb"], 1),
    }
    details = {
        "build_s": build_s, "total_s": time.perf_counter() - t_start, "mismatches": mismatches,
        "export_rows": dash["export_rows"], "export_bytes": dash["export_bytes"], "payload_query": dash["payload_query"],
        "pandas_load_ms": pand["load_ms"], "filters": {q["name"]: q["filters"] for q in spec["queries"]},
        "export_filters": spec["export"], "code": version,
    }
    return {"result": result, "details": details}


def misses(result: dict) -> list[str]:
    """The targets this run misses, each with by how much."""
    n = result["events"]
    need = _speedup_target(n)
    out = []
    for name, q in result["queries"].items():
        if q["median_ms"] > TARGET_MS:
            out.append(f"{name}: {q['median_ms']:.0f} ms > {TARGET_MS:.0f} ms (+{q['median_ms'] / TARGET_MS - 1:.0%})")
        speedup = q["pandas_median_ms"] / q["median_ms"] if q["median_ms"] else math.inf
        if speedup < need:
            out.append(f"{name}: {speedup:.1f}x faster than pandas < {need:.0f}x")
    if result["rss_mb"] > MAX_RSS_MB:
        out.append(f"dashboard path peak memory {result['rss_mb']:.0f} MB > {MAX_RSS_MB} MB")
    if result["payload_bytes"] > MAX_PAYLOAD:
        out.append(f"largest figure {result['payload_bytes'] / 1e6:.2f} MB > 2 MB")
    return out


# The modules whose code the benchmark times.
MEASURED = tuple(f"analytics/{m}.py" for m in ("views", "charts", "store", "filters", "export", "output", "schema",
                                                "bench", "bench_pandas", "bench_data"))


def code_version() -> str:
    """The commit the benchmark ran on, and which measured modules had uncommitted changes ("" without git)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *MEASURED], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    if head.returncode != 0:
        return ""
    changed = [line[3:] for line in dirty.stdout.splitlines() if line[:2].strip() in ("M", "A", "MM", "AM")]
    return head.stdout.strip() + (f" (uncommitted changes in {', '.join(changed)})" if changed else "")


def report(run_out: dict) -> str:
    r, d = run_out["result"], run_out["details"]
    need = _speedup_target(r["events"])
    width = max(len(n) for n in r["queries"]) + 2
    lines = [f"query path at {r['events']:,} events (targets: median <= {TARGET_MS:.0f} ms, >= {need:.0f}x pandas)", "",
             f"{'query':<{width}}{'DuckDB ms':>10}{'pandas ms':>11}{'speed-up':>10}  ok"]
    for name, q in r["queries"].items():
        speedup = q["pandas_median_ms"] / q["median_ms"] if q["median_ms"] else math.inf
        ok = q["median_ms"] <= TARGET_MS and speedup >= need
        lines.append(f"{name:<{width}}{q['median_ms']:>10.1f}{q['pandas_median_ms']:>11.1f}{speedup:>9.1f}x  {'yes' if ok else 'NO'}")
    lines += [
        "",
        f"cold open (first chart, file evicted from cache): {r['cold_open_ms']:.0f} ms",
        f"export of a filtered CSV ({d['export_rows']:,} rows, {d['export_bytes'] / 1e6:.1f} MB): {r['export_ms']:.0f} ms",
        f"largest figure JSON: {r['payload_bytes'] / 1e6:.2f} MB ({d['payload_query']})",
        f"peak memory: dashboard path {r['rss_mb']:.0f} MB, pandas path {r['pandas_rss_mb']:.0f} MB "
        f"(pandas load {d['pandas_load_ms'] / 1000:.1f} s)",
        f"store built in {d['build_s']:.1f} s; whole benchmark {d['total_s']:.0f} s; code at {d['code'] or 'unknown commit'}",
        "answers: " + ("both paths agree on every query" if not d["mismatches"] else
                       "DIFFER on " + "; ".join(f"{k} ({', '.join(v)})" for k, v in d["mismatches"].items())),
    ]
    missed = misses(r)
    lines.append("targets: all met" if not missed else "targets missed:\n  " + "\n  ".join(missed))
    return "\n".join(lines)


def run_cli(args) -> int:
    n = int(args.events)
    if n < 1:
        raise UserError(f"--events: {n} is not a positive number of events")
    progress = None if args.json else (lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True))
    out = run(n, progress=progress)
    if out["details"]["mismatches"]:
        for name, diff in out["details"]["mismatches"].items():
            print(f"warning: the two paths disagree on {name}: {', '.join(diff)}", file=sys.stderr)
    if args.json:
        print(json.dumps(out["result"]))
    else:
        print(report(out))
    return 0


if __name__ == "__main__":
    sys.exit(_worker_main(sys.argv[1:]))
