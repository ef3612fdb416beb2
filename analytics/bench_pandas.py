"""The straightforward way, for the benchmark to compare against: the whole frame in pandas, a boolean
filter, then a groupby. Each function answers what its namesake in `analytics.views` answers, from a
DataFrame holding every event, so the two paths can be timed and checked against each other.

Sampling and display work that does not depend on the path (the network layout, the country table
lookups) is done the same way as the views do it, so the comparison times the filtering and
aggregation only where the paths differ.

Example:
    >>> frame = load_frame("events.parquet")                    # doctest: +SKIP
    >>> trend(frame, Filters(actors=("Russia",))).bins.head()   # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import schema, views
from analytics.filters import Filters

# Every column a view reads: the pandas path holds these for all events.
COLUMNS = (
    "event_id", "date_start", "date_end", "date_precision", "date_expr", "actor1", "actor1_country",
    "actor2", "actor2_country", "event_code", "event_root", "event_label", "quad_class", "goldstein",
    "location", "country", "region", "lat", "lon", "source", "origin", "sentence",
)


def load_frame(path) -> pd.DataFrame:
    """The events, as a dashboard that keeps them in memory would hold them (Parquet -> pandas)."""
    return pd.read_parquet(path, columns=list(COLUMNS))


def mask(df: pd.DataFrame, f: Filters) -> pd.Series:
    """The rows `f` keeps: the same conditions as `Filters.where()`, as a boolean Series."""
    m = pd.Series(True, index=df.index)
    if f.actors:
        m &= df["actor1"].isin(f.actors) | df["actor2"].isin(f.actors)
    for values, col in ((f.regions, "region"), (f.countries, "country"), (f.roots, "event_root"),
                        (f.quad_classes, "quad_class"), (f.sources, "source"), (f.origins, "origin"),
                        (f.event_ids, "event_id")):
        if values:
            m &= df[col].isin(values)
    if f.since:
        m &= df["date_end"] >= pd.Timestamp(f.since)
    if f.until:
        m &= df["date_start"] <= pd.Timestamp(f.until)
    if f.min_precision:
        m &= df["date_precision"].isin(schema.PRECISIONS[: schema.PRECISION_RANK[f.min_precision] + 1])
    return m


def _mode(df: pd.DataFrame, keys: list, col: str) -> pd.Series:
    """Most frequent non-missing `col` per group of `keys` (pandas has no fast grouped mode)."""
    counts = df.dropna(subset=[col]).groupby(keys + [col], observed=True).size().reset_index(name="_n")
    counts = counts.sort_values("_n", ascending=False, kind="stable").drop_duplicates(keys)
    return counts.set_index(keys)[col]


def _round0(s: pd.Series) -> pd.Series:
    """Round to a whole number as DuckDB's round() does (C's round: half away from zero; pandas and
    numpy round half to even)."""
    y = s.to_numpy(dtype=float)
    whole = np.trunc(y)
    return pd.Series(whole + np.where(np.abs(y - whole) >= 0.5, np.sign(y), 0.0), index=s.index)


def trend(df: pd.DataFrame, f: Filters, bin: str = "auto") -> views.Trend:
    sub = df[mask(df, f) & df["date_start"].notna()]
    if bin == "auto":
        first, last = sub["date_start"].min(), sub["date_start"].max()
        bin = views.auto_bin(None if pd.isna(first) else first.date(), None if pd.isna(last) else last.date())
    period = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y"}[bin]
    key = sub["date_start"].dt.to_period(period).dt.start_time.rename("bin")
    bins = sub.groupby(key).agg(events=("goldstein", "size"), goldstein=("goldstein", "mean")).reset_index()
    bins["bin"] = bins["bin"].dt.date
    return views.Trend(bins, bin, f"binned by {bin}, each event at its first possible day")


def timeline(df: pd.DataFrame, f: Filters, limit: int = views.TIMELINE_MAX_EVENTS) -> views.Timeline:
    sub = df[mask(df, f)]
    dated = sub[sub["date_start"].notna()]
    total, undated = len(dated), len(sub) - len(dated)
    picked = dated.sample(n=min(limit, total), random_state=0) if total else dated
    events = picked[["event_id", "date_start", "date_end", "date_precision", "date_expr", "actor1", "actor2",
                     "event_code", "event_label", "quad_class", "goldstein", "location", "source", "origin"]].copy()
    events["date_end"] = events["date_end"].fillna(events["date_start"])
    events["sentence"] = picked["sentence"].str.slice(0, views.HOVER_SENTENCE_CHARS)
    # Lanes as the view draws them: the busiest among the drawn events, the rest in "Other".
    lane = picked["actor1"].fillna(picked["actor2"]).fillna("(no actor)")
    counts = lane.value_counts()
    top = sorted(counts.index, key=lambda k: (-counts[k], str(k)))[: views.TIMELINE_MAX_LANES]
    events["lane"] = lane.where(lane.isin(top), "Other")
    drawn = events["lane"].value_counts()
    named = sorted((x for x in drawn.index if x != "Other"), key=lambda k: (-drawn[k], str(k)))
    lanes = named + (["Other"] if "Other" in drawn.index else [])
    note = f"showing a sample of {len(events):,} of {total:,} events" if total > len(events) else ""
    return views.Timeline(events.reset_index(drop=True), total, undated, lanes, note)


def network(df: pd.DataFrame, f: Filters, max_nodes: int = views.NETWORK_MAX_NODES,
            max_edges: int = views.NETWORK_MAX_EDGES) -> views.Network:
    sub = df[mask(df, f)]
    pairs = sub[sub["actor1"].notna() & sub["actor2"].notna() & (sub["actor1"] != sub["actor2"])]
    edges = pairs.groupby(["actor1", "actor2"], observed=True).agg(
        events=("goldstein", "size"), goldstein=("goldstein", "mean")).reset_index()
    edges = edges.rename(columns={"actor1": "source", "actor2": "target"})
    quad = _mode(pairs, ["actor1", "actor2"], "quad_class")
    quad.index = quad.index.set_names(["source", "target"])
    edges = edges.join(quad.rename("quad"), on=["source", "target"])
    sides = pd.concat([
        sub[["actor1", "actor1_country"]].set_axis(["actor", "country"], axis=1),
        sub[["actor2", "actor2_country"]].set_axis(["actor", "country"], axis=1),
    ], ignore_index=True)
    sides = sides[sides["actor"].notna()]
    nodes = sides.groupby("actor").size().rename("events").reset_index()
    nodes = nodes.join(_mode(sides, ["actor"], "country").rename("country"), on="actor")
    nodes = nodes.sort_values(["events", "actor"], ascending=[False, True]).reset_index(drop=True)
    total_actors, total_edges = len(nodes), len(edges)
    keep = nodes["actor"].head(max_nodes).tolist()
    nodes = nodes[nodes["actor"].isin(keep)].reset_index(drop=True)
    edges = edges[edges["source"].isin(keep) & edges["target"].isin(keep)]
    edges = edges.sort_values(["events", "source", "target"], ascending=[False, True, True]).head(max_edges).reset_index(drop=True)
    nodes["hop"] = pd.array([pd.NA] * len(nodes), dtype="Int64")
    pos = views._layout(nodes["actor"].tolist(), edges)  # the same layout the view runs
    views.place_on_layout(nodes, edges, pos)
    return views.Network(nodes, edges, total_actors, total_edges)


def interaction_map(df: pd.DataFrame, f: Filters, max_arcs: int = views.MAP_MAX_ARCS,
                    max_places: int = views.MAP_MAX_PLACES) -> views.MapData:
    sub = df[mask(df, f)]
    both = sub[sub["actor1_country"].notna() & sub["actor2_country"].notna() & (sub["actor1_country"] != sub["actor2_country"])]
    arcs = both.groupby(["actor1_country", "actor2_country"], observed=True).agg(
        events=("goldstein", "size"), goldstein=("goldstein", "mean")).reset_index()
    arcs.columns = ["from", "to", "events", "goldstein"]
    arcs = arcs.sort_values(["events", "from", "to"], ascending=[False, True, True]).head(max_arcs).reset_index(drop=True)
    located = sub[sub["lat"].notna() & sub["lon"].notna()]
    # Places on coordinates rounded to 0.01 degree, as the view groups them, with one of their names.
    places = pd.DataFrame({
        "la": _round0(located["lat"] * 100), "lo": _round0(located["lon"] * 100),
        "location": located["location"].fillna(located["country"]), "country": located["country"],
    })
    places = places.groupby(["la", "lo"]).agg(events=("la", "size"), location=("location", "first"),
                                              country=("country", "first")).reset_index()
    places = places.assign(lat=places["la"] / 100.0, lon=places["lo"] / 100.0)[["location", "country", "lat", "lon", "events"]]
    places = places.sort_values(["events", "location"], ascending=[False, True]).head(max_places).reset_index(drop=True)
    per_country = sub["country"].value_counts().rename_axis("country").rename("events").reset_index()
    no_country = int((sub["actor1_country"].isna() & sub["actor2_country"].isna() & sub["country"].isna()
                      & (sub["lat"].isna() | sub["lon"].isna())).sum())
    arcs, per_country = views.name_countries(arcs, per_country)
    return views.MapData(arcs, places, per_country, views.region_bounds(f.regions), no_country)


VIEWS = {"trend": trend, "timeline": timeline, "network": network, "map": interaction_map}
