"""The query-path benchmark on a small store: its JSON shape, the generator's data, and that the
dashboard path (analytics.views over DuckDB) and the pandas path give the same answers. No timings
are asserted: the figures go in docs/BENCHMARKS.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from analytics import bench, bench_data, bench_pandas, schema, views
from analytics.errors import UserError
from analytics.store import DEFAULT_STORE, Store

N = 2000


@pytest.fixture(scope="session")
def sample():
    try:
        return bench_data.find_sample()
    except UserError:
        pytest.skip("no GDELT 2.0 sample (tests/data/gdelt, data/gdelt or ../shared)")


@pytest.fixture(scope="session")
def small(tmp_path_factory, sample):
    """A store of N generated events, its Parquet copy for the pandas path and the query plan."""
    work = tmp_path_factory.mktemp("bench")
    path = work / "bench.duckdb"
    bench.build_store(path, N)
    bench.export_parquet(path, work / "frame.parquet")
    return {"store": Store(path), "frame": bench_pandas.load_frame(work / "frame.parquet"), "plan": bench.plan(path)}


def test_generated_events_fit_the_frame(small):
    frame = small["store"].query(f"SELECT {', '.join(schema.COLUMNS)} FROM events")
    assert len(frame) == N
    schema.validate(schema.conform(frame))  # raises on any broken contract
    assert set(frame["origin"]) == {"gdelt", "text"}
    # Text rows carry coarser dates over their whole interval; unknown ones have none.
    precisions = set(frame["date_precision"])
    assert {"day", "month", "year"} <= precisions
    coarse = frame[frame["date_precision"].isin(["month", "year"])]
    assert (coarse["date_end"] > coarse["date_start"]).all()
    assert frame.loc[frame["date_precision"] == "unknown", "date_start"].isna().all()


def test_distributions_come_from_the_sample(small, sample):
    seed = bench_data.sample_frame(sample)
    frame = small["store"].query("SELECT actor1, actor2, event_root, quad_class, country FROM events")
    # The sample's busiest actor and CAMEO root lead the generated data too (not uniform noise).
    seed_actors = pd.concat([seed["actor1"], seed["actor2"]]).value_counts()
    gen_actors = pd.concat([frame["actor1"], frame["actor2"]]).value_counts()
    assert gen_actors.index[0] == seed_actors.index[0]
    assert frame["event_root"].value_counts().index[0] == seed["event_root"].value_counts().index[0]
    share = frame["quad_class"].value_counts(normalize=True)
    seed_share = seed["quad_class"].value_counts(normalize=True)
    assert abs(share[1] - seed_share[1]) < 0.08
    assert set(frame["country"].dropna()) <= set(seed["country"].dropna())


def test_generation_is_deterministic(sample):
    gen = bench_data.Generator.from_sample(sample)
    a = next(gen.chunks(500))
    b = next(bench_data.Generator.from_sample(sample).chunks(500))
    assert a.equals(b)
    days = a.column("event_day").to_pandas()
    assert days.is_monotonic_increasing  # rows arrive in date order, like a chronological import


@pytest.mark.parametrize("name", [f"{fl} → {view}" for fl, view in bench.QUERIES])
def test_both_paths_give_the_same_answers(small, name):
    q = next(q for q in small["plan"]["queries"] if q["name"] == name)
    f = bench._filters(q["filters"])
    calls = {"trend": views.trend, "timeline": views.timeline, "network": views.network, "map": views.interaction_map}
    ours = bench.answer(q["view"], calls[q["view"]](small["store"], f))
    theirs = bench.answer(q["view"], bench_pandas.VIEWS[q["view"]](small["frame"], f))
    assert bench.differences(ours, theirs) == [], q["name"]


def test_plan_covers_each_filter_type_and_view(small):
    names = [q["name"] for q in small["plan"]["queries"]]
    for kind in ("actor", "region", "country", "category", "quad", "dates"):
        assert any(n.startswith(kind + " ") for n in names), kind
    assert any("+" in n for n in names)
    assert {q["view"] for q in small["plan"]["queries"]} == {"trend", "timeline", "network", "map"}


def test_differences_notices_a_wrong_answer(small):
    q = next(q for q in small["plan"]["queries"] if q["view"] == "network")
    f = bench._filters(q["filters"])
    good = bench.answer("network", bench_pandas.network(small["frame"], f))
    bad = dict(good, edges=good["edges"].assign(events=good["edges"]["events"] + 1))
    assert bench.differences(good, bad) == ["edges.events differs"]
    assert bench.differences(good, dict(good, total_actors=good["total_actors"] + 1))


def test_missing_sample_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_data, "SAMPLE_PLACES", (tmp_path / "nowhere",))
    with pytest.raises(UserError, match="no GDELT 2.0 sample"):
        bench_data.find_sample()


def test_cli_json_shape(sample, root):
    before = DEFAULT_STORE.stat().st_mtime_ns if DEFAULT_STORE.exists() else None
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-m", "analytics", "bench", "--events", str(N), "--json"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)  # standard output holds only the JSON object
    assert set(out) == {"events", "queries", "cold_open_ms", "export_ms", "payload_bytes", "rss_mb", "pandas_rss_mb"}
    assert out["events"] == N
    assert len(out["queries"]) >= 10
    for name, q in out["queries"].items():
        assert set(q) == {"median_ms", "pandas_median_ms"}, name
        assert q["median_ms"] >= 0 and q["pandas_median_ms"] >= 0
    for key in ("cold_open_ms", "export_ms", "rss_mb", "pandas_rss_mb"):
        assert isinstance(out[key], (int, float)) and out[key] > 0, key
    assert isinstance(out["payload_bytes"], int) and out["payload_bytes"] > 0
    assert "disagree" not in proc.stderr
    # The benchmark's store is temporary: the default store is neither created nor touched.
    after = DEFAULT_STORE.stat().st_mtime_ns if DEFAULT_STORE.exists() else None
    assert after == before


def test_cli_refuses_a_non_positive_count(root):
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-m", "analytics", "bench", "--events", "0"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["error: --events: 0 is not a positive number of events"]
