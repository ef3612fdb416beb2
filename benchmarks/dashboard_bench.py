"""Dashboard speed in a real browser: first load of each chart page and a filter-change redraw.

    .venv/bin/python benchmarks/dashboard_bench.py [--events 1000000] [--repeat 3] [--json]

Builds temporary stores (never data/events.duckdb): the default data (seed articles + the GDELT sample,
as on first start) and, with --events N, a store of N events made by repeating the real GDELT sample
with shifted dates and fresh ids (so actor, code and place distributions are GDELT's). For each store
it starts `streamlit run dashboard/app.py`, then in Debian chromium (playwright):

  first load   open a page in a new browser session until every chart on it is drawn
               (cold = first visit after the server starts, caches empty; warm = a later new session)
  filter       in that session, pick the busiest actor in the sidebar until the chart is redrawn

It also reports the largest figure sent to the browser (JSON bytes) and the server's peak RSS.
Targets (issue 6): first load <= 3 s, filter change <= 1 s. Timings are medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from analytics import charts, schema, views  # noqa: E402
from analytics.filters import Filters  # noqa: E402
from analytics.store import Store  # noqa: E402

PAGES = {"timeline": ("/", 2), "network": ("/network", 1), "map": ("/map", 1)}
SIGNATURE = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
    (gd.data || []).map(t => (t.customdata || []).length + ':' + String((t.customdata || [])[0] || '')).join('|')).join('#')"""


def build_default(path: Path) -> Store:
    from analytics.default_data import build

    store = Store(path)
    for note in build(store):
        print(f"  default data: {note}", file=sys.stderr)
    return store


def build_scaled(path: Path, events: int) -> Store:
    """N events: the GDELT sample repeated with dates shifted by whole days and new ids."""
    store = build_default(path)
    (total,) = store.query("SELECT count(*) AS n FROM events")["n"]
    (base,) = store.query("SELECT count(*) AS n FROM events WHERE origin = 'gdelt'")["n"]
    copies = max(2, -(-events // int(base)) + 1)
    shifted = {
        "event_id": "e.event_id || '~' || CAST(t.i AS VARCHAR)",
        "date_start": "e.date_start - CAST(t.i * 3 AS INTEGER)",
        "date_end": "e.date_end - CAST(t.i * 3 AS INTEGER)",
    }
    cols = ", ".join(f"{shifted.get(c, 'e.' + c)} AS {c}" for c in schema.COLUMNS)
    with store.write() as con:
        con.execute(
            f"""INSERT INTO events BY NAME
                SELECT {cols} FROM (SELECT * FROM events WHERE origin = 'gdelt') e, range(1, {copies}) t(i)
                LIMIT {max(0, int(events) - int(total))}"""
        )
    return store


def payload_bytes(store: Store) -> dict:
    """Size of the JSON of each figure the pages send, unfiltered (the largest case)."""
    f = Filters()
    figs = {
        "timeline": charts.timeline_figure(views.timeline(store, f)),
        "trend": charts.trend_figure(views.trend(store, f)),
        "network": charts.network_figure(views.network(store, f)),
        "map": charts.map_figure(views.interaction_map(store, f)),
    }
    return {k: len(v.to_json()) for k, v in figs.items()}


VIEW_FILTERS = {
    "none": Filters(),
    "actor": None,  # the busiest actor, filled in per store
    "region+since": Filters(regions=("Western Asia",), since="2015-01-01"),
}


def time_views(store: Store, repeat: int = 3) -> dict:
    """Median milliseconds of each view function (what one chart needs) per filter, in-process."""
    busiest = views.choices(store).actors
    filters = dict(VIEW_FILTERS, actor=Filters(actors=(busiest[0],)))
    calls = {
        "summary": lambda f: views.summary(store, f),
        "timeline": lambda f: views.timeline(store, f),
        "trend": lambda f: views.trend(store, f),
        "network": lambda f: views.network(store, f),
        "ego (2 hops)": lambda f: views.network(store, f, ego=busiest[1], hops=2),
        "map": lambda f: views.interaction_map(store, f),
        "table page": lambda f: views.events_page(store, f),
    }
    out = {}
    for fname, f in filters.items():
        for cname, call in calls.items():
            call(f)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                call(f)
                times.append(time.perf_counter() - t)
            out.setdefault(cname, {})[fname] = round(statistics.median(times) * 1000, 1)
    return out


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _wait_drawn(page, charts_expected: int, timeout_ms: int = 120000):
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts_expected}"
        " && !document.querySelector('[data-testid=stStatusWidget]')",
        timeout=timeout_ms,
    )


def measure(base: str, browser, actor: str, repeat: int) -> dict:
    results = {}
    for name, (path, n) in PAGES.items():
        loads, filters = [], []
        cold = None
        for r in range(repeat + 1):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            t0 = time.perf_counter()
            page.goto(base + path)
            _wait_drawn(page, n)
            elapsed = time.perf_counter() - t0
            if r == 0:
                cold = elapsed
            else:
                loads.append(elapsed)
            before = page.evaluate(SIGNATURE)
            box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
            box.click()
            page.keyboard.type(actor)
            page.wait_for_selector("[role=option]", timeout=20000)
            t0 = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function(f"(b) => ({SIGNATURE})() !== b && !document.querySelector('[data-testid=stStatusWidget]')",
                                   arg=before, timeout=120000)
            _wait_drawn(page, n)
            if r > 0 or repeat == 0:
                filters.append(time.perf_counter() - t0)
            context.close()
        results[name] = {
            "first_load_cold_s": round(cold, 3),
            "first_load_s": round(statistics.median(loads), 3) if loads else None,
            "filter_change_s": round(statistics.median(filters), 3),
        }
    return results


FLOOR_APP = 'import streamlit as st\nst.sidebar.multiselect("Actors", ["a", "b"])\nst.write("hello")\n'


def streamlit_floor(repeat: int, tmp: Path) -> float:
    """First load of a one-widget Streamlit page on this machine now: the floor under every page."""
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from test_browser import _free_port, launch

    app = tmp / "floor_app.py"
    app.write_text(FLOOR_APP)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
                             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                            cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        times = []
        with sync_playwright() as p:
            browser = launch(p)
            for _ in range(repeat + 1):
                context = browser.new_context()
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(base)
                page.wait_for_selector("[data-testid=stSidebar] [data-testid=stMultiSelect]")
                times.append(time.perf_counter() - t0)
                context.close()
            browser.close()
        return round(statistics.median(times[1:] or times), 3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run_store(label: str, store: Store, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    from test_browser import launch, start_app

    (n,) = store.query("SELECT count(*) AS n FROM events")["n"]
    actor = views.choices(store).actors[0]
    print(f"{label}: {int(n):,} events; filter actor {actor!r}", file=sys.stderr)
    proc, base = start_app(store.path)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            try:
                pages = measure(base, browser, actor, repeat)
            finally:
                browser.close()
        rss = _peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"events": int(n), "pages": pages, "payload_bytes": payload_bytes(store), "server_peak_rss_mb": round(rss, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=0, help="also measure a store of N events (e.g. 1000000)")
    ap.add_argument("--repeat", type=int, default=3, help="warm runs per page (median reported)")
    ap.add_argument("--json", action="store_true", help="print only a JSON object")
    ap.add_argument("--views-only", action="store_true",
                    help="no browser: time the view functions in-process on a store of --events N events")
    args = ap.parse_args(argv)
    out = {}
    if args.views_only:
        with tempfile.TemporaryDirectory(prefix="dash-bench-") as tmp:
            store = build_scaled(Path(tmp) / "big.duckdb", args.events or 1_000_000)
            res = time_views(store, args.repeat)
        if args.json:
            print(json.dumps(res, indent=2))
        else:
            cols = list(VIEW_FILTERS)
            print(f"{'view':>13} " + " ".join(f"{c + ' ms':>16}" for c in cols))
            for view, row in res.items():
                print(f"{view:>13} " + " ".join(f"{row[c]:>16}" for c in cols))
        return 0
    with tempfile.TemporaryDirectory(prefix="dash-bench-") as tmp:
        out["streamlit_floor_s"] = streamlit_floor(args.repeat, Path(tmp))
        out["load_average"] = round(os.getloadavg()[0], 2)
        out["default"] = run_store("default data", build_default(Path(tmp) / "default.duckdb"), args.repeat)
        if args.events:
            t = time.perf_counter()
            big = build_scaled(Path(tmp) / "big.duckdb", args.events)
            print(f"built {args.events:,}-event store in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            out[f"{args.events}"] = run_store(f"{args.events:,} events", big, args.repeat)
        out["load_average_end"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"bare Streamlit page (one widget) first load: {out.pop('streamlit_floor_s')} s; "
          f"load average (1 min) at start {out.pop('load_average')}, at end {out.pop('load_average_end', '?')}")
    print(f"{'store':>12} {'page':>9} {'cold load s':>12} {'warm load s':>12} {'filter s':>9}")
    for label, res in out.items():
        for page, r in res["pages"].items():
            print(f"{label:>12} {page:>9} {r['first_load_cold_s']:>12} {r['first_load_s']:>12} {r['filter_change_s']:>9}")
        print(f"{'':>12} largest figure {max(res['payload_bytes'].values()):,} bytes; server peak RSS {res['server_peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
