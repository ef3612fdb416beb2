"""Filtered store -> what one chart needs: small DataFrames computed inside DuckDB.

Every function takes a `Store` and a `Filters`, runs its filtering and aggregation as SQL over the
`events` table, and returns only what a chart draws: at most a few thousand rows whatever the size of
the store. When a view drops rows for display (a sample of events, the busiest actors only) it says so
in its `note`, which the chart shows.

Example:
    >>> from analytics.store import Store
    >>> from analytics.filters import Filters
    >>> tl = timeline(Store("data/events.duckdb"), Filters(actors=("Taliban",)))   # doctest: +SKIP
    >>> tl.events.columns[:3].tolist()                                            # doctest: +SKIP
    ['event_id', 'date_start', 'date_end']
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analytics import schema
from analytics.filters import Filters

# Bidi embeddings, overrides and isolates in untrusted text can reorder what is shown around them (an
# actor pair drawn reversed, a date read backwards); control characters have no glyph. Neither is shown.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(value) -> str:
    """Untrusted text as it may be shown: bidi overrides and control characters dropped (not escaped)."""
    return _INVISIBLE.sub("", str(value))

LEXICONS = Path(__file__).resolve().parent / "lexicons"

# Display budgets: what a chart may send to the browser, whatever the number of events.
TIMELINE_MAX_EVENTS = 1500
TIMELINE_MAX_LANES = 12
NETWORK_MAX_NODES = 40
NETWORK_MAX_EDGES = 150
MAP_MAX_ARCS = 300
MAP_MAX_PLACES = 1500
TABLE_PAGE_SIZE = 100
EXPORT_MAX_ROWS = 500_000  # a download is built in memory; the stamp says when it was cut
HOVER_SENTENCE_CHARS = 240
TABLE_TEXT_CHARS = 1000  # a table cell holds this much of a sentence or name; the evidence panel has it whole

LANE_KINDS = ("actor", "root", "quad")
BINS = ("day", "week", "month", "year")
_SAFE_URL = re.compile(r"^https?://", re.I)

CITATIONS = {
    "gdelt": "The GDELT Project, https://www.gdeltproject.org/",
    "icews": "Boschee et al., ICEWS Coded Event Data, Harvard Dataverse, doi:10.7910/DVN/28075",
    "acled": "Armed Conflict Location & Event Data (ACLED), https://acleddata.com",
    "text": "events coded from the ingested news articles (see each event's source)",
}


@lru_cache(maxsize=1)
def root_labels() -> dict[str, str]:
    """CAMEO root code -> its label, e.g. "14" -> "Protest"."""
    out = {}
    with open(LEXICONS / "cameo_eventcodes.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, _, label = line.rstrip("\n").partition("\t")
            if len(code) == 2 and code.isdigit():
                out[code] = label.strip().capitalize()
    return out


def _where(filters: Filters, extra: str | None = None) -> tuple[str, list]:
    sql, params = filters.where()
    if extra:
        sql = f"({sql}) AND {extra}"
    return sql, list(params)


def _rollups(store, filters: Filters) -> bool:
    """True when nothing is filtered and the store holds the write-time rollups (`store.ROLLUPS`), which
    then answer the network, map and trend views without scanning every event."""
    if not filters.is_empty():
        return False
    with store.read() as cur:
        have = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('rollup_pairs', "
                           "'rollup_arcs', 'rollup_places', 'rollup_countries', 'rollup_days')").fetchall()[0][0]
    return have == 5


def _one(store, sql: str, params) -> tuple:
    with store.read() as cur:
        return cur.execute(sql, params).fetchall()[0]


# -- summary and filter choices -----------------------------------------------------------------
@dataclass
class Summary:
    events: int
    first: dt.date | None
    last: dt.date | None
    origins: dict = field(default_factory=dict)
    no_country_actor: int = 0  # events whose actors have no known country (drawn nowhere on the map)


def summary(store, filters: Filters) -> Summary:
    """How many events the filters keep, their date span and origins."""
    where, params = _where(filters)
    n, first, last, no_country = _one(
        store,
        f"""SELECT count(*), min(date_start), max(coalesce(date_end, date_start)),
                   count(*) FILTER (WHERE actor1_country IS NULL AND actor2_country IS NULL AND country IS NULL)
            FROM events WHERE {where}""",
        params,
    )
    origins = store.query(f"SELECT origin, count(*) AS n FROM events WHERE {where} GROUP BY origin ORDER BY n DESC", params)
    return Summary(int(n), _date(first), _date(last), dict(zip(origins["origin"], origins["n"].astype(int))), int(no_country))


def not_stored(store, filters: Filters) -> list[str]:
    """Why filters may match nothing: each actor, region, country or source asked for that the store does
    not hold as written, with the stored spelling when only the case differs. For the no-events message.

    >>> not_stored(store, Filters(actors=("taliban",)))       # doctest: +SKIP
    ["no actor 'taliban' is stored; did you mean 'Taliban'?"]
    """
    checks = (("actor", filters.actors, ("actor1", "actor2")), ("region", filters.regions, ("region",)),
              ("country", filters.countries, ("country",)), ("source", filters.sources, ("source",)),
              ("origin", filters.origins, ("origin",)))
    out = []
    for label, values, cols in checks:
        for value in values:
            union = " UNION ALL ".join(f"SELECT {c} AS v FROM events WHERE lower({c}) = lower(?)" for c in cols)
            found = store.query(f"SELECT DISTINCT v FROM ({union}) ORDER BY v LIMIT 3", [value] * len(cols))["v"].tolist()
            if value in found:
                continue
            hint = f"; did you mean {' or '.join(repr(f) for f in found)}?" if found else ""
            out.append(f"no {label} {value!r} is stored{hint}")
    return out


def _date(v) -> dt.date | None:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    return pd.Timestamp(v).date()


@dataclass
class Choices:
    """What the sidebar offers: the values present in the store (busiest first, bounded)."""

    actors: list
    regions: list
    countries: list
    roots: list
    sources: list
    origins: list
    first: dt.date | None
    last: dt.date | None


def choices(store, max_actors: int = 1000, max_sources: int = 300) -> Choices:
    def top(col_sql: str, limit: int) -> list:
        df = store.query(
            f"SELECT v, count(*) AS n FROM (SELECT {col_sql} AS v FROM events) WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT {int(limit)}"
        )
        return df["v"].tolist()

    actors = store.query(
        f"""SELECT a, count(*) AS n FROM (SELECT actor1 AS a FROM events UNION ALL SELECT actor2 FROM events)
            WHERE a IS NOT NULL GROUP BY a ORDER BY n DESC, a LIMIT {int(max_actors)}"""
    )["a"].tolist()
    first, last = _one(store, "SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events", [])
    return Choices(
        actors=actors,
        regions=sorted(top("region", 100)),
        countries=sorted(top("country", 300)),
        roots=sorted(top("event_root", 30)),
        sources=top("source", max_sources),
        origins=sorted(top("origin", 10)),
        first=_date(first),
        last=_date(last),
    )


# -- timeline ------------------------------------------------------------------------------------
@dataclass
class Timeline:
    events: pd.DataFrame  # one row per drawn event: its interval, lane and hover fields
    total: int  # events the filters keep (with a date)
    undated: int  # events the filters keep that have no date (not drawn)
    lanes: list
    note: str = ""
    window: tuple = (None, None)  # the filters' since/until: the axis shows that period when given


def _lane_expr(lane: str) -> str:
    if lane == "actor":
        return "coalesce(actor1, actor2, '(no actor)')"
    if lane == "root":
        return "coalesce(event_root, '(no category)')"
    if lane == "quad":
        return "coalesce(CAST(quad_class AS VARCHAR), '(no category)')"
    raise ValueError(f"lane must be one of {', '.join(LANE_KINDS)}")


def timeline(store, filters: Filters, lane: str = "actor", limit: int = TIMELINE_MAX_EVENTS) -> Timeline:
    """Events to draw over their whole date interval, in lanes (busiest lanes first, the rest in "Other").

    When more events match than `limit`, a deterministic sample (by hashed event id) is drawn.
    """
    lane_sql = _lane_expr(lane)
    where, params = _where(filters)
    total, undated = _one(
        store,
        f"SELECT count(*) FILTER (WHERE date_start IS NOT NULL), count(*) FILTER (WHERE date_start IS NULL) FROM events WHERE {where}",
        params,
    )
    cols = f"""event_id, date_start, coalesce(date_end, date_start) AS date_end, date_precision, date_expr, date_basis,
               actor1, actor2, event_code, event_label, quad_class, goldstein, location, source, origin,
               left(sentence, {HOVER_SENTENCE_CHARS}) AS sentence, {lane_sql} AS lane"""
    sampled = total > limit
    if total > 4 * limit:
        # Large: keep ~1.5x `limit` rows by a cheap hash of the row number (one scan, no sort of the
        # whole set), then the same deterministic order as below on that small set.
        step = max(1, int(total // (limit * 1.5)))
        extra = f"hash(rowid) % {step} = 0"
    else:
        extra = "TRUE"
    df = store.query(
        f"""SELECT {cols} FROM events WHERE ({where}) AND date_start IS NOT NULL AND {extra}
            ORDER BY hash(event_id), event_id LIMIT ?""",
        params + [int(limit)],
    )
    # Lanes: the busiest first (counted over the drawn events when they are a sample), the rest in "Other".
    counts = df["lane"].value_counts()
    top = sorted(counts.index, key=lambda k: (-counts[k], str(k)))[:TIMELINE_MAX_LANES]
    df["lane"] = df["lane"].where(df["lane"].isin(top), "Other")
    if lane == "root":
        labels = root_labels()
        df["lane"] = df["lane"].map(lambda k: f"{k} {labels.get(k, '')}".strip() if k in labels else k)
    elif lane == "quad":
        df["lane"] = df["lane"].map(lambda k: schema.QUAD_CLASSES.get(int(k), k) if str(k).isdigit() else k)
    counts = df["lane"].value_counts()
    named = sorted((x for x in counts.index if x != "Other"), key=lambda k: (-counts[k], str(k)))
    lanes = named + (["Other"] if "Other" in counts.index else [])
    note = ""
    if sampled:
        note = f"showing a sample of {len(df):,} of {int(total):,} events (lanes: busiest in the sample)"
    return Timeline(df, int(total), int(undated), lanes, note, (filters.since, filters.until))


@dataclass
class Trend:
    # bin (start date), events, goldstein (mean), coarse (those of `events` whose possible dates run past
    # their bin: a year-precision event in a week bin; counted at their first possible day)
    bins: pd.DataFrame
    bin: str
    note: str = ""
    window: tuple = (None, None)  # the filters' since/until: the axis shows that period when given


def auto_bin(first: dt.date | None, last: dt.date | None) -> str:
    """The bin width that suits a date range: a few dozen to a few hundred bins."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    if days <= 120:
        return "day"
    if days <= 3 * 365:
        return "week"
    if days <= 30 * 365:
        return "month"
    return "year"


def trend(store, filters: Filters, bin: str = "auto") -> Trend:
    """Counts and mean Goldstein value per day/week/month/year, each event counted at its first possible day."""
    where, params = _where(filters, "date_start IS NOT NULL")
    daily = _rollups(store, filters)  # unfiltered: the per-day counts computed at write time
    if bin == "auto":
        first, last = _one(store, "SELECT min(day), max(day) FROM rollup_days" if daily else
                           f"SELECT min(date_start), max(date_start) FROM events WHERE {where}", params if not daily else [])
        bin = auto_bin(_date(first), _date(last))
    if bin not in BINS:
        raise ValueError(f"bin must be auto or one of {', '.join(BINS)}")
    # An event whose possible dates run past its bin is not dated within it: counted apart, so that a
    # pile of year-precision events on 1 January does not read as a burst of activity that week.
    coarse = f"date_trunc('{bin}', date_start) <> date_trunc('{bin}', coalesce(date_end, date_start))"
    if daily:
        df = store.query(
            f"""SELECT CAST(date_trunc('{bin}', day) AS DATE) AS bin, sum(events) AS events,
                       sum(g_sum) / nullif(sum(g_n), 0) AS goldstein
                FROM rollup_days GROUP BY 1 ORDER BY 1"""
        )
        df["events"] = df["events"].astype("int64")
        # the rollups keep no precision; the few coarse events are counted from the events table
        wide = store.query(
            f"""SELECT CAST(date_trunc('{bin}', date_start) AS DATE) AS bin, count(*) AS coarse FROM events
                WHERE date_start IS NOT NULL AND date_precision <> 'day' AND {coarse} GROUP BY 1"""
        )
        df = df.merge(wide, on="bin", how="left")
        df["coarse"] = df["coarse"].fillna(0).astype("int64")
    else:
        df = store.query(
            f"""SELECT CAST(date_trunc('{bin}', date_start) AS DATE) AS bin, count(*) AS events, avg(goldstein) AS goldstein,
                       count(*) FILTER (WHERE {coarse}) AS coarse
                FROM events WHERE {where} GROUP BY 1 ORDER BY 1""",
            params,
        )
        df[["events", "coarse"]] = df[["events", "coarse"]].astype("int64")
    note = f"binned by {bin}"
    if df["coarse"].any():
        note += f"; {int(df['coarse'].sum()):,} events dated less precisely than a {bin} are shown apart, at their first possible day"
    return Trend(df, bin, note, (filters.since, filters.until))


# -- actor network ------------------------------------------------------------------------------
@dataclass
class Network:
    nodes: pd.DataFrame  # actor, events, country, x, y, hop
    edges: pd.DataFrame  # source, target, events, goldstein, quad (dominant), x0, y0, x1, y1, xm, ym
    total_actors: int
    total_edges: int
    note: str = ""
    ego: str | None = None


def _ego_actors(store, where: str, params: list, ego: str, hops: int) -> dict[str, int]:
    """Actors within `hops` (1 or 2) interactions of `ego` in the filtered events -> their hop distance.

    One scan: the distinct interacting pairs (only those touching `ego` when one hop is asked for),
    then the neighbourhood is walked inside DuckDB on that small pair table.
    """
    near = "" if hops >= 2 else "AND (actor1 = ? OR actor2 = ?)"
    rows = store.query(
        f"""WITH u AS MATERIALIZED (
                SELECT DISTINCT actor1 AS a, actor2 AS b FROM events
                WHERE ({where}) AND actor1 IS NOT NULL AND actor2 IS NOT NULL AND actor1 <> actor2 {near}),
            e AS (SELECT a, b FROM u UNION SELECT b, a FROM u),
            h1 AS (SELECT DISTINCT b AS x FROM e WHERE a = ?),
            h2 AS (SELECT DISTINCT e.b AS x FROM e JOIN h1 ON e.a = h1.x
                   WHERE e.b <> ? AND e.b NOT IN (SELECT x FROM h1))
        SELECT x, 1 AS hop FROM h1 UNION ALL SELECT x, 2 FROM h2 WHERE {int(hops)} >= 2""",
        params + ([] if hops >= 2 else [ego, ego]) + [ego, ego],
    )
    found = {ego: 0}
    for x, hop in zip(rows["x"], rows["hop"]):
        found.setdefault(x, int(hop))
    return found


def network(store, filters: Filters, ego: str | None = None, hops: int = 1, max_nodes: int = NETWORK_MAX_NODES,
            max_edges: int = NETWORK_MAX_EDGES) -> Network:
    """Actors as nodes (sized by events) and directed actor1 -> actor2 edges weighted by count.

    With `ego`, only actors within `hops` (1 or 2) interactions of it. Positions come from a small
    deterministic force layout, so the chart needs no further computation.
    """
    where, params = _where(filters)
    hop_of: dict[str, int] = {}
    if ego:
        hop_of = _ego_actors(store, where, params, ego, max(1, min(2, int(hops))))
        marks = ", ".join("?" for _ in hop_of)
        where = f"({where}) AND actor1 IN ({marks}) AND actor2 IN ({marks})"
        params = params + list(hop_of) + list(hop_of)
    # The dominant quad class per edge comes from four filtered counts: mode() over every actor pair was
    # the slowest step of this view on large stores (~40% of it at 1M events; `python -m analytics bench`).
    # Ties go to the lower class.
    # One scan: events grouped by (actor1, actor2); actors (nodes) and the edges among the busiest of
    # them are both derived from that small pair table inside DuckDB, and come back as one result.
    ego_first = "CASE WHEN a = ? THEN 0 ELSE 1 END, " if ego else ""
    # Unfiltered, the pair table was computed at write time (`store.ROLLUPS`, the same GROUP BY). An actor
    # filter only keeps or drops whole pairs, so it is answered from that table too: its rows whose either
    # side is one of the actors are exactly the groups of the filtered events.
    pair_params: list = []
    if not ego and _rollups(store, filters.with_(actors=())):
        pairs = "SELECT * FROM rollup_pairs"
        if filters.actors:
            marks = ", ".join("?" for _ in filters.actors)
            pairs += f" WHERE s IN ({marks}) OR t IN ({marks})"
            pair_params = list(filters.actors) * 2
    else:
        pair_params = params
        pairs = f"""SELECT actor1 AS s, actor2 AS t, count(*) AS n, avg(goldstein) AS g,
                       any_value(actor1_country) AS c1, any_value(actor2_country) AS c2,
                       count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
                       count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
                FROM events WHERE ({where}) AND (actor1 IS NOT NULL OR actor2 IS NOT NULL) GROUP BY 1, 2"""
    rows = store.query(
        f"""WITH pairs AS MATERIALIZED ({pairs}),
            ends AS (SELECT s AS a, n, c1 AS c FROM pairs WHERE s IS NOT NULL
                     UNION ALL SELECT t, n, c2 FROM pairs WHERE t IS NOT NULL),
            actors AS (SELECT a, sum(n) AS events, arg_max(c, n) AS country FROM ends GROUP BY a),
            top AS (SELECT * FROM actors ORDER BY {ego_first}events DESC, a LIMIT {int(max_nodes)}),
            links AS (SELECT * FROM pairs WHERE s <> t AND s IS NOT NULL AND t IS NOT NULL)
        SELECT 'node' AS kind, a AS source, NULL AS target, events, NULL AS goldstein, country,
               NULL AS q1, NULL AS q2, NULL AS q3, NULL AS q4,
               (SELECT count(*) FROM actors) AS total_actors, (SELECT count(*) FROM links) AS total_edges
        FROM top
        UNION ALL
        SELECT 'edge', s, t, n, g, NULL, q1, q2, q3, q4, NULL, NULL FROM (
            SELECT * FROM links WHERE s IN (SELECT a FROM top) AND t IN (SELECT a FROM top)
            ORDER BY n DESC, s, t LIMIT {int(max_edges)})""",
        pair_params + ([ego] if ego else []),
    )
    node_rows = rows[rows["kind"] == "node"]
    total_actors = int(node_rows["total_actors"].iloc[0]) if len(node_rows) else 0
    total_edges = int(node_rows["total_edges"].iloc[0]) if len(node_rows) else 0
    nodes = (node_rows.rename(columns={"source": "actor"})[["actor", "events", "country"]]
             .sort_values(["events", "actor"], ascending=[False, True]).reset_index(drop=True))
    nodes["events"] = nodes["events"].astype(int)
    edges = rows[rows["kind"] == "edge"][["source", "target", "events", "goldstein", "q1", "q2", "q3", "q4"]]
    quads = edges[["q1", "q2", "q3", "q4"]].astype(float)
    edges = edges.assign(
        events=edges["events"].astype(int),
        goldstein=pd.to_numeric(edges["goldstein"], errors="coerce"),
        # the most frequent quad class of the pair (None when no event of the pair has one)
        quad=[int(i[1]) if m > 0 else None for i, m in zip(quads.idxmax(axis=1).fillna("q0"), quads.max(axis=1).fillna(0))],
    ).drop(columns=["q1", "q2", "q3", "q4"])
    edges = edges.sort_values(["events", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)
    nodes["hop"] = nodes["actor"].map(hop_of).astype("Int64") if ego else pd.array([pd.NA] * len(nodes), dtype="Int64")
    pos = _layout(nodes["actor"].tolist(), edges, center=ego, rings=hop_of)
    place_on_layout(nodes, edges, pos)
    notes = []
    if total_actors > len(nodes):
        notes.append(f"showing the {len(nodes)} busiest of {total_actors:,} actors")
    if total_edges > len(edges):
        notes.append(f"the {len(edges)} heaviest of {total_edges:,} interactions")
    return Network(nodes, edges, total_actors, total_edges, "; ".join(notes), ego)


def place_on_layout(nodes: pd.DataFrame, edges: pd.DataFrame, pos: dict) -> None:
    """Write layout positions into nodes (x, y) and edges (ends x0/y0, x1/y1 and clickable midpoint xm/ym)."""
    nodes["x"] = [pos[a][0] for a in nodes["actor"]]
    nodes["y"] = [pos[a][1] for a in nodes["actor"]]
    for end, col in (("0", "source"), ("1", "target")):
        edges["x" + end] = edges[col].map(lambda a: pos[a][0])
        edges["y" + end] = edges[col].map(lambda a: pos[a][1])
    edges["xm"] = (edges["x0"] + edges["x1"]) / 2
    edges["ym"] = (edges["y0"] + edges["y1"]) / 2


def _layout(actors: list, edges: pd.DataFrame, center: str | None = None, rings: dict | None = None,
            iterations: int = 120) -> dict:
    """Fruchterman-Reingold positions in [-1, 1]^2; deterministic (fixed seed), O(n^2) on <= a few dozen nodes."""
    n = len(actors)
    if n == 0:
        return {}
    if n == 1:
        return {actors[0]: (0.0, 0.0)}
    index = {a: i for i, a in enumerate(actors)}
    rng = np.random.default_rng(7)
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    p = np.c_[np.cos(angle), np.sin(angle)] + rng.normal(0, 0.05, (n, 2))
    w = np.zeros((n, n))
    for s, t, c in zip(edges["source"], edges["target"], edges["events"]):
        i, j = index[s], index[t]
        w[i, j] += math.log1p(c)
        w[j, i] += math.log1p(c)
    w /= w.max() or 1.0
    k = 1.5 / math.sqrt(n)
    temp = 0.3
    for _ in range(iterations):
        d = p[:, None, :] - p[None, :, :]
        dist = np.linalg.norm(d, axis=2) + 1e-9
        force = (k * k / dist**2)[:, :, None] * d  # repulsion ~ k^2 / dist
        force -= ((0.2 + w) * dist / k)[:, :, None] * d * (w > 0)[:, :, None]  # attraction along edges ~ dist^2 / k
        move = force.sum(axis=1) - 0.3 * p  # gravity keeps unconnected actors near the middle
        length = np.linalg.norm(move, axis=1)[:, None] + 1e-9
        p += move / length * np.minimum(length, temp)
        temp *= 0.97
    p -= p.mean(axis=0)
    # Keep each actor's direction but spread distances evenly by rank: a dense core and a far-off
    # pair would otherwise squeeze the core into a blot once scaled to the plot.
    r = np.linalg.norm(p, axis=1)
    theta = np.arctan2(p[:, 1], p[:, 0])
    spread = np.empty(n)
    spread[np.argsort(r, kind="stable")] = np.linspace(0.25, 1.0, n)
    if rings and center in index:
        # Ego view: the centre actor in the middle, each hop on its own ring, in layout order.
        spread[index[center]] = 0.0
        for hop in sorted(set(rings.values()) - {0}):
            members = sorted((theta[index[a]], index[a]) for a, h in rings.items() if h == hop and a in index)
            for k, (_, i) in enumerate(members):
                theta[i] = 2 * np.pi * k / len(members) + hop * 0.3
                spread[i] = hop / max(rings.values())
    p = np.c_[spread * np.cos(theta), spread * np.sin(theta)]
    return {a: (float(p[i, 0]), float(p[i, 1])) for a, i in index.items()}


# -- interaction map ----------------------------------------------------------------------------
@dataclass
class MapData:
    arcs: pd.DataFrame  # from, to (ISO3), events, goldstein, lat0, lon0, lat1, lon1, from_name, to_name
    places: pd.DataFrame  # location, country, lat, lon, events
    countries: pd.DataFrame  # country (ISO3), name, events (where it happened)
    bounds: dict | None  # lat/lon ranges to zoom to (from the region filter), or None for the world
    no_country: int  # events with neither actor country nor location (drawn nowhere)
    note: str = ""


def _country_table() -> pd.DataFrame:
    from analytics.geo import all_countries

    return pd.DataFrame(
        [{"iso3": c.iso3, "name": c.name, "region": c.region, "lat": c.lat, "lon": c.lon} for c in all_countries()]
    )


@lru_cache(maxsize=1)
def _countries() -> pd.DataFrame:
    return _country_table().set_index("iso3")


def region_bounds(regions) -> dict | None:
    """A lat/lon box around the capitals of the countries in `regions`, padded, or None."""
    if not regions:
        return None
    c = _countries()
    inside = c[c["region"].isin(list(regions))].dropna(subset=["lat", "lon"])
    if inside.empty:
        return None
    pad = 6.0
    lat = [max(-89.0, inside["lat"].min() - pad), min(89.0, inside["lat"].max() + pad)]
    lon = [max(-180.0, inside["lon"].min() - pad), min(180.0, inside["lon"].max() + pad)]
    return {"lat": [float(x) for x in lat], "lon": [float(x) for x in lon]}


def interaction_map(store, filters: Filters, max_arcs: int = MAP_MAX_ARCS, max_places: int = MAP_MAX_PLACES) -> MapData:
    """Arcs between actor countries (weighted by events), event locations and per-country counts."""
    if _rollups(store, filters):
        arcs, places, per_country, no_country = _map_from_rollups(store, max_arcs, max_places)
    else:
        arcs, places, per_country, no_country = _map_from_events(store, filters, max_arcs, max_places)
    notes = []
    if len(arcs) > max_arcs:
        arcs = arcs.head(max_arcs)
        notes.append(f"the {max_arcs} busiest country pairs")
    if len(places) > max_places:
        places = places.head(max_places)
        notes.append(f"the {max_places} busiest places")
    arcs, per_country = name_countries(arcs, per_country)
    return MapData(arcs, places, per_country, region_bounds(filters.regions), int(no_country), "; ".join(notes))


def name_countries(arcs: pd.DataFrame, per_country: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Country-pair arcs with both ends' coordinates and names (arcs without both ends placed are dropped),
    and per-country counts with the country's name; shared by the map view and the pandas benchmark path."""
    c = _countries()
    for end, col in (("0", "from"), ("1", "to")):
        arcs["lat" + end] = arcs[col].map(c["lat"])
        arcs["lon" + end] = arcs[col].map(c["lon"])
        arcs[col + "_name"] = arcs[col].map(c["name"]).fillna(arcs[col])
    arcs = arcs.dropna(subset=["lat0", "lon0", "lat1", "lon1"]).reset_index(drop=True)
    per_country["name"] = per_country["country"].map(c["name"]).fillna(per_country["country"])
    return arcs, per_country


def _map_from_rollups(store, max_arcs: int, max_places: int):
    """The unfiltered map's four answers from the write-time rollups (the same groupings as below)."""
    arcs = store.query(f"""SELECT * FROM rollup_arcs ORDER BY events DESC, 1, 2 LIMIT {int(max_arcs) + 1}""")
    places = store.query(
        f"""SELECT location, country, la / 100.0 AS lat, lo / 100.0 AS lon, events FROM rollup_places
            ORDER BY events DESC, location LIMIT {int(max_places) + 1}"""
    )
    per_country = store.query(
        "SELECT country, events FROM rollup_countries WHERE country IS NOT NULL ORDER BY events DESC, country"
    )
    (no_country,) = _one(store, "SELECT coalesce(sum(unplaced), 0) FROM rollup_countries WHERE country IS NULL", [])
    return arcs, places, per_country, no_country


def _map_from_events(store, filters: Filters, max_arcs: int, max_places: int):
    where, params = _where(filters)
    arcs = store.query(
        f"""SELECT actor1_country AS "from", actor2_country AS "to", count(*) AS events, avg(goldstein) AS goldstein
            FROM events WHERE ({where}) AND actor1_country IS NOT NULL AND actor2_country IS NOT NULL
              AND actor1_country <> actor2_country
            GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT {int(max_arcs) + 1}""",
        params,
    )
    # Places are grouped on coordinates rounded to 0.01 degree as integers (grouping on the name strings
    # costs three times as much); each place takes one of the names given at those coordinates.
    places = store.query(
        f"""SELECT location, country, la / 100.0 AS lat, lo / 100.0 AS lon, events FROM (
                SELECT CAST(round(lat * 100) AS INTEGER) AS la, CAST(round(lon * 100) AS INTEGER) AS lo, count(*) AS events,
                       any_value(coalesce(location, country)) AS location, any_value(country) AS country
                FROM events WHERE ({where}) AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2)
            ORDER BY events DESC, location LIMIT {int(max_places) + 1}""",
        params,
    )
    per_country = store.query(
        f"""SELECT country, count(*) AS events FROM events WHERE ({where}) AND country IS NOT NULL
            GROUP BY 1 ORDER BY events DESC, country""",
        params,
    )
    (no_country,) = _one(
        store,
        f"""SELECT count(*) FROM events WHERE ({where}) AND actor1_country IS NULL AND actor2_country IS NULL
              AND country IS NULL AND (lat IS NULL OR lon IS NULL)""",
        params,
    )
    return arcs, places, per_country, no_country


# -- events table and evidence -------------------------------------------------------------------
TABLE_COLUMNS = (  # what an analyst reads first comes first: when (and how sure), who did what to whom, the evidence
    "date_start", "date_end", "date_precision", "actor1", "event_label", "actor2", "sentence", "url", "date_expr",
    "date_basis", "location", "country", "quad_class", "goldstein", "source", "origin", "num_sources", "event_id",
)


@dataclass
class Page:
    rows: pd.DataFrame
    total: int
    page: int
    pages: int


def _table_column(name: str) -> str:
    """A table column as selected: long text cut in the query, so a page of 100-kB sentences stays small."""
    if name in ("event_id", "url") or schema.SPEC[name].kind != "str":
        return name
    return f"CASE WHEN length({name}) > {TABLE_TEXT_CHARS} THEN left({name}, {TABLE_TEXT_CHARS - 1}) || '…' ELSE {name} END AS {name}"


def events_page(store, filters: Filters, page: int = 1, page_size: int = TABLE_PAGE_SIZE) -> Page:
    """One page of the filtered events, newest first; links other than http(s) are dropped."""
    where, params = _where(filters)
    (total,) = _one(store, f"SELECT count(*) FROM events WHERE {where}", params)
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, int(page)), pages)
    rows = store.query(
        f"""SELECT {", ".join(_table_column(c) for c in TABLE_COLUMNS)} FROM events WHERE {where}
            ORDER BY date_start DESC NULLS LAST, event_id LIMIT {int(page_size)} OFFSET {int((page - 1) * page_size)}""",
        params,
    )
    rows["url"] = rows["url"].map(lambda u: u if isinstance(u, str) and _SAFE_URL.match(u) else None)
    for name in rows.columns:  # shown as they are stored, but never reordered by a bidi override
        if rows[name].dtype == object or isinstance(rows[name].dtype, pd.StringDtype):
            rows[name] = rows[name].map(lambda v: visible(v) if isinstance(v, str) else v)
    return Page(rows, int(total), page, pages)


@dataclass
class Evidence:
    event: dict  # the event row
    mentions: pd.DataFrame  # title, source, url, published, before, sentence, after (plain text, unescaped)


def evidence(store, event_id: str, context_chars: int = 1500) -> Evidence | None:
    """An event and the documents behind it, each cut around its evidence sentence.

    Text is returned as plain, untrusted strings: whoever shows it must escape it.
    """
    ev = store.query(f"SELECT {', '.join(schema.COLUMNS)} FROM events WHERE event_id = ?", [event_id])
    if ev.empty:
        return None
    mentions = store.mentions_of(event_id)
    rows = []
    for m in mentions.itertuples(index=False):
        text = m.doc_text if isinstance(m.doc_text, str) else ""
        s, e = m.char_start, m.char_end
        if text and pd.notna(s) and pd.notna(e) and 0 <= int(s) <= int(e) <= len(text):
            s, e = int(s), int(e)
            before, sentence, after = text[max(0, s - context_chars):s], text[s:e], text[e:e + context_chars]
            before = ("…" if s > context_chars else "") + before
            after = after + ("…" if e + context_chars < len(text) else "")
        else:
            before, sentence, after = "", (m.sentence if isinstance(m.sentence, str) else ""), ""
        url = m.url if isinstance(m.url, str) and _SAFE_URL.match(m.url) else None
        rows.append({"doc_id": m.doc_id, "title": m.title, "source": m.source, "url": url, "published": m.published,
                     "before": before, "sentence": sentence, "after": after})
    frame = pd.DataFrame(rows, columns=["doc_id", "title", "source", "url", "published", "before", "sentence", "after"])
    event = ev.iloc[0].to_dict()
    if not (isinstance(event.get("url"), str) and _SAFE_URL.match(event["url"])):
        event["url"] = None
    return Evidence(event, frame)


# -- exports -------------------------------------------------------------------------------------
def citation(store, filters: Filters) -> str:
    """The data citation for the filtered events: one entry per origin present."""
    where, params = _where(filters)
    df = store.query(f"SELECT DISTINCT origin FROM events WHERE {where} ORDER BY origin", params)
    present = [o for o in df["origin"].tolist() if o in CITATIONS] or ["text"]
    return "Data: " + "; ".join(CITATIONS[o] for o in present)


def filtered_frame(store, filters: Filters, limit: int = EXPORT_MAX_ROWS) -> pd.DataFrame:
    """The filtered events in every frame column (for CSV/Parquet download), at most `limit` rows."""
    where, params = _where(filters)
    df = store.query(
        f"SELECT {', '.join(schema.COLUMNS)} FROM events WHERE {where} ORDER BY date_start NULLS LAST, event_id LIMIT {int(limit)}",
        params,
    )
    return schema.conform(df)
