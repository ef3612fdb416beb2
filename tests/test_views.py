"""analytics.views, analytics.charts and analytics.export over a small synthetic store."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analytics import charts, export, schema, views
from analytics.filters import Filters
from dashboard_data import XSS, build_store, synthetic_events


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("views") / "events.duckdb")


@pytest.fixture(scope="session")
def frame():
    return synthetic_events()


def _text_event_id(store) -> str:
    return store.query("SELECT event_id FROM events WHERE origin = 'text'")["event_id"][0]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(actors=("Taliban",)),
        Filters(regions=("Central Asia",)),
        Filters(countries=("RUS", "CHN")),
        Filters(quad_classes=(4,)),
        Filters(roots=("05",)),
        Filters(since="2021-06-01", until="2021-09-30"),
        Filters(min_precision="day"),
        Filters(origins=("text",)),
    ],
)
def test_summary_counts_what_the_filters_keep(store, filters):
    where, params = filters.where()
    expected = store.query(f"SELECT count(*) AS n FROM events WHERE {where}", params)["n"][0]
    assert views.summary(store, filters).events == expected


def test_timeline_draws_each_event_over_its_interval(store, frame):
    tl = views.timeline(store, Filters(origins=("gdelt",)), lane="actor")
    assert tl.total == len(frame) and len(tl.events) == len(frame) and not tl.note
    by_id = tl.events.set_index("event_id")
    for precision, days in (("day", 0), ("week", 6), ("month", 29), ("year", 364)):
        rows = by_id[by_id["date_precision"] == precision]
        assert len(rows), precision
        assert ((pd.to_datetime(rows["date_end"]) - pd.to_datetime(rows["date_start"])).dt.days == days).all()
    year = by_id[by_id["date_precision"] == "year"]
    assert (pd.to_datetime(year["date_start"]).dt.dayofyear == 1).all()


@pytest.mark.parametrize("lane", views.LANE_KINDS)
def test_timeline_lanes_are_bounded_and_busiest_first(store, lane):
    tl = views.timeline(store, Filters(), lane=lane)
    assert set(tl.events["lane"]) == set(tl.lanes)
    assert len(tl.lanes) <= views.TIMELINE_MAX_LANES + 1
    counts = tl.events["lane"].value_counts()
    named = [l for l in tl.lanes if l != "Other"]
    assert [counts[l] for l in named] == sorted((counts[l] for l in named), reverse=True)


def test_timeline_samples_deterministically_and_says_so(store):
    a = views.timeline(store, Filters(), limit=50)
    b = views.timeline(store, Filters(), limit=50)
    assert len(a.events) == 50 and a.total == 301
    assert "sample of 50 of 301" in a.note
    assert a.events["event_id"].tolist() == b.events["event_id"].tolist()


@pytest.mark.parametrize(
    "first,last,expected",
    [
        (dt.date(2021, 1, 1), dt.date(2021, 2, 1), "day"),
        (dt.date(2021, 1, 1), dt.date(2022, 6, 1), "week"),
        (dt.date(2001, 1, 1), dt.date(2021, 1, 1), "month"),
        (dt.date(1950, 1, 1), dt.date(2021, 1, 1), "year"),
        (None, None, "month"),
    ],
)
def test_auto_bin_suits_the_range(first, last, expected):
    assert views.auto_bin(first, last) == expected


@pytest.mark.parametrize("bin_", ["auto", "day", "week", "month", "year"])
def test_trend_bins_add_up_to_the_dated_events(store, bin_):
    f = Filters(actors=("Russia",))
    tr = views.trend(store, f, bin=bin_)
    assert tr.bin in views.BINS
    assert tr.bins["events"].sum() == views.timeline(store, f).total
    assert tr.bins["goldstein"].between(-10, 10).all()


def test_network_edges_count_directed_interactions(store, frame):
    net = views.network(store, Filters(origins=("gdelt",)), max_nodes=50, max_edges=500)
    pairs = frame.groupby(["actor1", "actor2"]).size()
    got = net.edges.set_index(["source", "target"])["events"]
    assert got.sort_index().to_dict() == pairs.sort_index().to_dict()
    sizes = net.nodes.set_index("actor")["events"]
    assert sizes["Taliban"] == ((frame["actor1"] == "Taliban") | (frame["actor2"] == "Taliban")).sum()
    assert net.nodes[["x", "y"]].abs().max().max() <= 1.0 + 1e-9
    assert (net.edges["xm"] == (net.edges["x0"] + net.edges["x1"]) / 2).all()


def test_network_is_bounded_and_says_so(store):
    net = views.network(store, Filters(), max_nodes=4, max_edges=5)
    assert len(net.nodes) == 4 and len(net.edges) <= 5
    assert "4 busiest" in net.note and "5 heaviest" in net.note


@pytest.mark.parametrize("hops", [1, 2])
def test_ego_network_keeps_actors_within_hops(store, hops):
    f = Filters(quad_classes=(4,), since="2021-01-01", until="2021-03-31")
    net = views.network(store, f, ego="Pakistan", hops=hops, max_nodes=50)
    where, params = f.where()
    direct = store.query(
        f"SELECT DISTINCT CASE WHEN actor1 = 'Pakistan' THEN actor2 ELSE actor1 END AS a FROM events "
        f"WHERE {where} AND 'Pakistan' IN (actor1, actor2) AND actor1 <> actor2",
        params,
    )["a"].tolist()
    hop = net.nodes.set_index("actor")["hop"]
    assert hop["Pakistan"] == 0
    assert {a for a, h in hop.items() if h == 1} == set(direct)
    if hops == 1:
        assert set(hop.index) == set(direct) | {"Pakistan"}
    assert (net.nodes.set_index("actor").loc["Pakistan", ["x", "y"]] == 0).all()


def test_map_arcs_join_distinct_countries_and_region_zooms(store):
    md = views.interaction_map(store, Filters(regions=("Central Asia",)))
    assert (md.arcs["from"] != md.arcs["to"]).all()
    assert md.arcs[["lat0", "lon0", "lat1", "lon1"]].notna().all().all()
    assert md.bounds and md.bounds["lat"][0] < 41 < md.bounds["lat"][1] and md.bounds["lon"][0] < 69 < md.bounds["lon"][1]
    assert set(md.countries["country"]) <= {"KAZ", "UZB"}
    assert views.interaction_map(store, Filters()).bounds is None


def test_map_counts_events_with_no_country(store):
    md = views.interaction_map(store, Filters(actors=("European Union",)))
    where, params = Filters(actors=("European Union",)).where()
    expected = store.query(
        f"SELECT count(*) AS n FROM events WHERE {where} AND actor1_country IS NULL AND actor2_country IS NULL "
        "AND country IS NULL AND lat IS NULL",
        params,
    )["n"][0]
    assert md.no_country == expected


def test_events_page_pages_and_drops_unsafe_links(store):
    first = views.events_page(store, Filters(), page=1, page_size=40)
    last = views.events_page(store, Filters(), page=99, page_size=40)
    assert first.total == 301 and first.pages == 8 and last.page == 8 and len(last.rows) == 301 - 7 * 40
    text = views.events_page(store, Filters(origins=("text",)))
    assert text.rows["url"].isna().all()  # javascript: link dropped
    assert first.rows["url"].str.startswith("https://").all()


def test_evidence_cuts_the_document_around_its_sentence(store):
    ev = views.evidence(store, _text_event_id(store))
    m = ev.mentions.iloc[0]
    assert m["sentence"].startswith("A reader comment said") and XSS in m["sentence"]
    assert m["before"].startswith("KABUL") and m["after"].startswith(" Officials")
    assert ev.event["url"] is None and m["url"] is None
    assert views.evidence(store, "no-such-event") is None


def test_citation_names_each_origin(store):
    assert "GDELT" in views.citation(store, Filters()) and "news articles" in views.citation(store, Filters())
    assert "GDELT" not in views.citation(store, Filters(origins=("text",)))


def test_filtered_frame_keeps_the_schema(store):
    df = views.filtered_frame(store, Filters(actors=("Iran",)))
    schema.validate(df)
    assert len(df) == views.summary(store, Filters(actors=("Iran",))).events


# -- charts ----------------------------------------------------------------------------------------
def _figures(store, f=Filters()):
    return {
        "timeline": charts.timeline_figure(views.timeline(store, f)),
        "trend": charts.trend_figure(views.trend(store, f)),
        "network": charts.network_figure(views.network(store, f)),
        "network_goldstein": charts.network_figure(views.network(store, f, ego="Russia"), colour="goldstein"),
        "map": charts.map_figure(views.interaction_map(store, f)),
    }


@pytest.mark.parametrize("name", ["timeline", "network", "network_goldstein", "map"])
def test_untrusted_text_is_escaped_in_figures(store, name):
    fig = _figures(store)[name]
    shown = []  # every string Plotly renders as (pseudo-)HTML; customdata is never rendered
    for t in fig.data:
        for attr in ("hovertext", "text"):
            v = getattr(t, attr, None)
            shown += [v] if isinstance(v, str) else list(v) if v is not None else []
    shown += [a.text for a in fig.layout.annotations if a.text]
    for axis in (fig.layout.yaxis, fig.layout.xaxis):
        shown += list(axis.ticktext or [])
    shown = " ".join(str(s) for s in shown)
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown
    assert XSS not in fig.to_html(include_plotlyjs=False)


def test_timeline_hover_shows_actors_action_expression_and_sentence(store):
    fig = charts.timeline_figure(views.timeline(store, Filters(origins=("text",))))
    hover = [h for t in fig.data if t.hovertext is not None for h in t.hovertext]
    assert len(hover) == 1
    h = hover[0]
    assert "Russia" in h and "Express intent to meet" in h and "“Wednesday”" in h and "A reader comment" in h


def test_timeline_marks_every_event_with_its_id(store):
    fig = charts.timeline_figure(views.timeline(store, Filters()))
    ids = [c[0] for t in fig.data if t.customdata is not None for c in t.customdata]
    assert len(ids) == 301 == len(set(ids))


def test_network_edges_have_selectable_midpoints(store):
    net = views.network(store, Filters())
    fig = charts.network_figure(net)
    mids = [tuple(c) for t in fig.data if t.customdata is not None and t.name != "actors" for c in t.customdata]
    assert sorted(mids) == sorted(zip(net.edges["source"], net.edges["target"]))
    heads = [s for t in fig.data if t.marker.symbol == "arrow" for s in t.marker.size if s]
    assert len(heads) == len(net.edges)  # one arrowhead per directed edge


@pytest.mark.parametrize("view", ["timeline", "network", "map"])
def test_empty_result_gives_a_message_not_an_error(store, view):
    f = Filters(since="2030-01-01")
    fig = _figures(store, f)[view]
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


def test_single_event_draws(store):
    f = Filters(origins=("text",))
    for name, fig in _figures(store, f).items():
        assert fig.data, name


def test_payload_stays_bounded_whatever_the_size(tmp_path):
    big = build_store(tmp_path / "big.duckdb", n=6000)
    figs = _figures(big)
    tl = figs["timeline"]
    assert sum(len(t.customdata) for t in tl.data if t.customdata is not None) == views.TIMELINE_MAX_EVENTS
    assert "sample of 1,500 of 6,001" in tl.layout.title.text
    assert max(len(f.to_json()) for f in figs.values()) < 2_000_000


# -- exports ---------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def map_fig(store):
    return charts.map_figure(views.interaction_map(store, Filters(regions=("Central Asia",))))


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg")])
def test_image_export_is_valid_and_stamped(map_fig, fmt, magic):
    data = export.image_bytes(map_fig, fmt, "regions: Central Asia", "Data: The GDELT Project")
    assert data.startswith(magic) and len(data) > 5000
    if fmt == "svg":
        assert b"regions: Central Asia" in data and b"The GDELT Project" in data
        assert b"countries" in data or b"path" in data


def test_html_export_is_self_contained(map_fig):
    page = export.html_bytes(map_fig, f"actors: {XSS}", "Data: The GDELT Project", title="map").decode()
    assert "window.PlotlyGeoAssets" in page and '"world_50m"' in page
    assert "<script src=" not in page
    assert XSS not in page and "&lt;script&gt;" in page
    assert "The GDELT Project" in page


def test_csv_export_is_stamped_and_neutralises_formulas(store):
    df = views.filtered_frame(store, Filters(origins=("gdelt",)))
    df.loc[0, "sentence"] = "=HYPERLINK(\"http://evil\")"
    data = export.data_bytes(df, "csv", "origins: gdelt", "Data: The GDELT Project").decode()
    lines = data.splitlines()
    assert lines[0] == "# Filters: origins: gdelt" and lines[1] == "# Data: The GDELT Project"
    back = pd.read_csv(io.StringIO(data), skiprows=2)
    assert len(back) == len(df)
    assert back.loc[0, "sentence"].startswith("'=")
    assert pd.api.types.is_numeric_dtype(back["goldstein"])


def test_parquet_export_carries_the_stamp(store):
    df = views.filtered_frame(store, Filters())
    data = export.data_bytes(df, "parquet", "no filters", "Data: x")
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == len(df)
    assert table.schema.metadata[b"filters"] == b"no filters" and table.schema.metadata[b"citation"] == b"Data: x"


def test_export_uses_the_bundled_topojson():
    assert export.TOPOJSON_DIR.joinpath("world_110m.json").is_file()
    topo = json.loads(export.TOPOJSON_DIR.joinpath("world_110m.json").read_text())
    assert {"countries", "land", "coastlines"} <= set(topo["objects"])


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=5, max_value=100)))
def test_esc_never_lets_markup_through(text, width):
    out = charts.esc(text, width)
    assert "<" not in out.replace("<br>", "") and ">" not in out.replace("<br>", "") and '"' not in out
    import html as _html

    assert "".join(_html.unescape(out.replace("<br>", " ")).split()) == "".join(charts.visible(text).split())
    assert not views._INVISIBLE.search(_html.unescape(out))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_short_never_cuts_an_entity(text):
    out = charts.esc(charts._short(text, 20))
    assert not __import__("re").search(r"&[a-z#0-9]*$", out)


def _answers(store):
    net = views.network(store, Filters(), max_nodes=50, max_edges=500)
    md = views.interaction_map(store, Filters())
    trends = [views.trend(store, Filters(), bin=b) for b in ("auto",) + views.BINS]
    return (
        [(t.bin, t.bins["bin"].tolist(), t.bins["events"].tolist(), t.bins["goldstein"].round(6).tolist()) for t in trends],
        net.total_actors, net.total_edges,
        net.nodes[["actor", "events"]].to_dict("list"),
        net.edges[["source", "target", "events", "goldstein", "quad"]].round(9).to_dict("list"),
        md.arcs[["from", "to", "events"]].to_dict("list"), md.arcs["goldstein"].round(9).tolist(),
        sorted(zip(md.places["lat"], md.places["lon"], md.places["events"])),
        md.countries[["country", "events"]].to_dict("list"), md.no_country,
    )


def test_unfiltered_views_read_the_rollups_and_answer_as_a_scan_does(store, monkeypatch):
    assert views._rollups(store, Filters()) and not views._rollups(store, Filters(quad_classes=(4,)))
    from_rollups = _answers(store)
    monkeypatch.setattr(views, "_rollups", lambda *a: False)
    assert _answers(store) == from_rollups
    assert len(from_rollups[5]["from"]) and len(from_rollups[7]) and len(from_rollups[8]["country"])
    assert sum(from_rollups[0][0][2]) == store.query("SELECT count(date_start) AS n FROM events")["n"][0]


def test_rollups_follow_every_write_and_an_old_store_gets_them(tmp_path, monkeypatch):
    import duckdb

    from analytics import store as store_mod

    s = build_store(tmp_path / "events.duckdb", n=60)
    before = views.network(s, Filters()).total_actors
    nowhere = dict(actor1_country=None, actor2_country=None, country=None, region=None, lat=None, lon=None)
    s.add_events(synthetic_events(60).assign(actor1="Someone New", event_id=lambda f: f["event_id"] + "-new", **nowhere))
    after = _answers(s)
    assert after[1] == before + 1 and after[-1] == 60  # the write refreshed the rollups
    monkeypatch.setattr(views, "_rollups", lambda *a: False)
    assert _answers(s) == after
    monkeypatch.undo()
    # A store written before the rollups existed (schema 2) is brought up to date by the next writer;
    # until then the views scan the events.
    s.close()
    con = duckdb.connect(str(s.path))
    for name in store_mod.ROLLUPS:
        con.execute(f"DROP TABLE {name}")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")  # any older version
    con.close()
    assert not views._rollups(s, Filters())
    assert _answers(s) == after
    s.ensure()
    assert views._rollups(s, Filters()) and _answers(s) == after


@pytest.mark.parametrize("actors", [("Taliban",), ("Taliban", "Pakistan"), ("Nobody At All",)])
def test_actor_filtered_network_from_the_pair_rollup_matches_a_scan(store, monkeypatch, actors):
    def net():
        n = views.network(store, Filters(actors=actors), max_nodes=50, max_edges=500)
        return (n.total_actors, n.total_edges, n.nodes[["actor", "events"]].to_dict("list"),
                n.edges[["source", "target", "events", "goldstein", "quad"]].round(9).to_dict("list"))

    assert views._rollups(store, Filters())  # so `fast` came from the rollup
    fast = net()
    monkeypatch.setattr(views, "_rollups", lambda *a: False)
    assert net() == fast
    assert (fast[0] > 0) == (actors != ("Nobody At All",))


@pytest.mark.parametrize(
    "start, end, precision, expr, basis, expected",
    [
        ("2021-10-20", "2021-10-20", "day", "Wednesday", "relative", "2021-10-20, day precision (“Wednesday”)"),
        ("2021-08-01", "2021-08-31", "month", "in August", "relative", "August 2021, month precision (“in August”)"),
        ("2024-02-01", "2024-02-29", "month", None, "explicit", "February 2024, month precision"),
        ("1989-01-01", "1989-12-31", "year", "in 1989", "explicit", "1989, year precision (“in 1989”)"),
        ("1980-01-01", "1989-12-31", "decade", "the 1980s", "explicit", "the 1980s, decade precision (“the 1980s”)"),
        ("2021-10-18", "2021-10-24", "week", "this week", "relative", "2021-10-18 … 2021-10-24, week precision (“this week”)"),
        ("2021-08-15", "2021-09-14", "month", "a month ago", "relative", "2021-08-15 … 2021-09-14, month precision (“a month ago”)"),
        ("2021-10-14", "2021-10-20", "week", None, "publication",
         "2021-10-14 … 2021-10-20, week precision; no date in the text, so the days up to publication"),
        (None, None, "unknown", "some day", None, "date unknown"),
    ],
)
def test_date_words_say_the_date_as_precisely_as_it_is_known(start, end, precision, expr, basis, expected):
    event = {"date_start": start and pd.Timestamp(start), "date_end": end and pd.Timestamp(end), "date_precision": precision,
             "date_expr": expr, "date_basis": basis}
    assert charts.date_words(event) == expected


def test_a_month_precision_event_is_drawn_and_labelled_as_a_month(store):
    tl = views.timeline(store, Filters(min_precision="month", actors=("Russia",)))
    month = tl.events[tl.events["date_precision"] == "month"].iloc[0]
    fig = charts.timeline_figure(tl)
    bars = [(pd.Timestamp(t.x[i]), pd.Timestamp(t.x[i + 1])) for t in fig.data if t.mode == "lines" for i in range(0, len(t.x), 3)]
    assert (pd.Timestamp(month["date_start"]), pd.Timestamp(month["date_end"]) + pd.Timedelta(days=1)) in bars
    hover = next(h for t in fig.data if t.hovertext is not None for h, c in zip(t.hovertext, t.customdata)
                 if c[0] == month["event_id"])
    assert "month precision" in hover and "…" in hover  # the synthetic months are 30-day spans, not calendar months


@pytest.mark.parametrize("filters", [Filters(), Filters(origins=("gdelt",))])  # from the rollups, and from a scan
@pytest.mark.parametrize("bin_", ["day", "week", "month", "year"])
def test_trend_counts_events_less_precise_than_the_bin_apart(store, filters, bin_):
    tr = views.trend(store, filters, bin=bin_)
    ev = views.filtered_frame(store, filters.with_(), limit=10_000).dropna(subset=["date_start"])
    start, end = ev["date_start"].dt.to_period(bin_[0].upper()), ev["date_end"].fillna(ev["date_start"]).dt.to_period(bin_[0].upper())
    assert int(tr.bins["coarse"].sum()) == int((start != end).sum())
    assert (tr.bins["coarse"] <= tr.bins["events"]).all()
    if bin_ == "day":  # every event wider than a day is apart: a week, month or year is never one day's count
        assert int(tr.bins["coarse"].sum()) == int((ev["date_precision"] != "day").sum())


def test_trend_chart_stacks_the_imprecise_events_apart(store):
    tr = views.trend(store, Filters(), bin="week")
    fig = charts.trend_figure(tr, metric="events")
    within, apart = fig.data
    assert fig.layout.barmode == "stack" and "less precise than a week" in apart.name
    assert list(within.y + apart.y) == tr.bins["events"].tolist()
    assert "shown apart" in fig.layout.title.text


def test_a_date_filter_sets_the_period_shown_even_when_imprecise_events_run_past_it(store):
    f = Filters(since="2021-03-01", until="2021-07-31", origins=("gdelt",))
    tl = views.timeline(store, f)
    assert (tl.events["date_start"] < pd.Timestamp("2021-03-01")).any()  # a year-precision event may fall in the period
    for fig in (charts.timeline_figure(tl), charts.trend_figure(views.trend(store, f, bin="week"))):
        lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
        assert pd.Timestamp("2021-02-20") <= lo <= pd.Timestamp("2021-03-01")
        assert pd.Timestamp("2021-08-01") <= hi <= pd.Timestamp("2021-08-10")
    unfiltered = charts.timeline_figure(views.timeline(store, Filters(origins=("gdelt",))))
    assert pd.Timestamp(unfiltered.layout.xaxis.range[0]) < pd.Timestamp("2021-01-01")


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(actors=("taliban",)), ["no actor 'taliban' is stored; did you mean 'Taliban'?"]),
        (Filters(actors=("Taliban", "Atlantis")), ["no actor 'Atlantis' is stored"]),
        (Filters(regions=("central asia",), sources=("EXAMPLE.ORG",)),
         ["no region 'central asia' is stored; did you mean 'Central Asia'?", "no source 'EXAMPLE.ORG' is stored; did you mean 'example.org'?"]),
        (Filters(origins=("GDELT", "web")), ["no origin 'GDELT' is stored; did you mean 'gdelt'?", "no origin 'web' is stored"]),
        (Filters(actors=("Taliban",), since="2030-01-01"), []),  # nothing misspelt: the dates leave nothing
    ],
)
def test_filters_that_match_nothing_say_which_value_is_not_stored(store, filters, expected):
    assert views.not_stored(store, filters) == expected


def test_country_codes_in_a_link_are_upper_cased():
    assert Filters(countries=("rus", " Afg ")).countries == ("RUS", "AFG")


def test_trend_scale_follows_the_bars_in_view_and_export_legend_clears_the_dates(store):
    f = Filters(since="2021-03-01", until="2021-07-31", origins=("gdelt",))
    tr = views.trend(store, f, bin="week")
    fig = charts.trend_figure(tr)
    in_view = tr.bins[(pd.to_datetime(tr.bins["bin"]) >= pd.Timestamp("2021-02-22"))]
    assert fig.layout.yaxis.range[1] == pytest.approx(in_view["events"].max() * 1.08)
    # the exported legend goes below the date labels (36 px) whatever the chart's height
    for chart in (fig, charts.timeline_figure(views.timeline(store, f))):
        out = charts.stamped(chart, "x", "y")
        plot_h = out.layout.height - out.layout.margin.t - out.layout.margin.b
        assert out.layout.legend.y * plot_h == pytest.approx(-36)


def test_events_table_puts_the_precision_beside_the_dates(store):
    rows = views.events_page(store, Filters()).rows
    assert list(rows.columns[:3]) == ["date_start", "date_end", "date_precision"] and "date_basis" in rows.columns
