"""Plotly figure builders: a view (analytics.views) in, a `go.Figure` out. Used by the pages and by export.

Every piece of text that comes from documents or datasets (actor names, sentences, places) goes through
`esc()` before it reaches a figure: Plotly renders a subset of HTML in hover labels, tick labels and
annotations, so untrusted text is escaped to show as text.

Each figure carries `customdata` on its point-like traces so that a selection in the dashboard can be
mapped back to events, actors or countries:
    timeline markers  -> [event_id]
    network edge midpoints -> [source, target]; network nodes -> [actor]
    map countries / arc midpoints / places -> [iso3] / [from, to] / [country]

Example:
    >>> fig = timeline_figure(views.timeline(store, Filters()))     # doctest: +SKIP
"""

from __future__ import annotations

import html
import math
import textwrap
import zlib

import pandas as pd
import plotly.graph_objects as go

from analytics import schema
from analytics.views import visible

QUAD_COLOURS = {1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#d7301f"}
NO_QUAD_COLOUR = "#969696"
GOLDSTEIN_SCALE = "RdBu"
LABEL_CHARS = 80  # an actor, place or source name in a hover label is cut here
SENTENCE_CHARS = 400  # and an evidence sentence here: a label must fit on the screen
FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=12)
# A small white template: plotly's named templates are large and copied into every figure (slow, bigger payload).
TEMPLATE = dict(layout=dict(
    paper_bgcolor="white", plot_bgcolor="white", colorway=["#3f6fb5", "#d7301f", "#31a354", "#fd8d3c", "#756bb1"],
    xaxis=dict(gridcolor="#ebebeb", linecolor="#bbb", zerolinecolor="#ddd"),
    yaxis=dict(gridcolor="#ebebeb", linecolor="#bbb", zerolinecolor="#ddd"),
))


def esc(value, width: int | None = None, limit: int | None = None) -> str:
    """Untrusted text -> HTML-escaped text for Plotly labels; wrapped at `width` with <br> when given,
    cut to `limit` characters (with an ellipsis) before escaping when given."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = " ".join(visible(value).split())
    if limit:
        text = _short(text, limit)
    if width:
        return "<br>".join(html.escape(line, quote=True) for line in textwrap.wrap(text, width)) or ""
    return html.escape(text, quote=True)


def _base_layout(fig: go.Figure, title: str, note: str = "", height: int = 480) -> go.Figure:
    sub = f"<br><sup>{esc(note)}</sup>" if note else ""
    fig.update_layout(
        title=dict(text=esc(title) + sub, x=0.01, xanchor="left"),
        template=TEMPLATE,
        font=FONT,
        height=height,
        margin=dict(l=10, r=10, t=60 if note else 45, b=10),
        hoverlabel=dict(align="left"),
        clickmode="event+select",
        dragmode="zoom",
    )
    return fig


def empty_figure(message: str, title: str = "") -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=15))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, title, height=300)


def _short(text, limit: int) -> str:
    """Cut untrusted text before escaping it, so an entity is never cut in half."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quad_name(q) -> str:
    return schema.QUAD_CLASSES.get(int(q), "unknown") if pd.notna(q) else "no category"


def _jitter(key: str) -> float:
    """A stable offset in [-0.35, 0.35] so events in one lane do not all sit on one line."""
    return (zlib.crc32(key.encode("utf-8")) % 1000) / 1000 * 0.7 - 0.35


# -- timeline ------------------------------------------------------------------------------------
def timeline_figure(tl, title: str = "Events over time") -> go.Figure:
    """Each event over its whole date interval: a point when dated to the day, a bar spanning the
    interval otherwise (a year-precision event is a year-long bar), in lanes, coloured by quad class."""
    ev = tl.events
    if ev.empty:
        return empty_figure("No dated events match the filters.", title)
    ev = ev.copy()
    lane_index = {lane: i for i, lane in enumerate(tl.lanes)}
    ev["y"] = [lane_index.get(l, len(lane_index)) + _jitter(str(e)) for l, e in zip(ev["lane"], ev["event_id"])]
    start = pd.to_datetime(ev["date_start"])
    end = pd.to_datetime(ev["date_end"]).fillna(start)
    # The interval covers whole days: draw to the end of the last day.
    ev["x0"], ev["x1"] = start, end + pd.Timedelta(days=1)
    ev["xm"] = start + (ev["x1"] - start) / 2
    ev["span"] = (end - start).dt.days >= 1
    ev["hover"] = [_event_hover(r) for r in ev.itertuples(index=False)]
    fig = go.Figure()
    for q in [1, 2, 3, 4, None]:
        part = ev[ev["quad_class"].isna()] if q is None else ev[ev["quad_class"] == q]
        if part.empty:
            continue
        colour = QUAD_COLOURS.get(q, NO_QUAD_COLOUR)
        name = _quad_name(q)
        spans = part[part["span"]]
        if not spans.empty:
            xs, ys = [], []
            for r in spans.itertuples(index=False):
                xs += [r.x0, r.x1, None]
                ys += [r.y, r.y, None]
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=colour, width=5), opacity=0.45,
                                     hoverinfo="skip", legendgroup=name, showlegend=False, name=name))
        # A legend-only entry, so the legend shows the colour whatever symbol the first event has.
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=name,
                                 marker=dict(color=colour, size=10, symbol="square"), hoverinfo="skip"))
        fig.add_trace(go.Scatter(
            x=part["xm"], y=part["y"], mode="markers", name=name, legendgroup=name, showlegend=False,
            marker=dict(color=colour, size=[5 if s else 8 for s in part["span"]],
                        symbol=["line-ns-open" if s else "circle" for s in part["span"]], line=dict(width=1.5, color=colour)),
            customdata=part[["event_id"]].to_numpy(), hovertext=part["hover"], hovertemplate="%{hovertext}<extra></extra>",
        ))
    n_lanes = len(tl.lanes)
    fig.update_yaxes(tickmode="array", tickvals=list(range(n_lanes)), ticktext=[esc(l, limit=40) for l in tl.lanes],
                     range=[n_lanes - 0.5, -0.5], showgrid=False, zeroline=False)
    # Pad the axis so a single event or a single day still shows on a readable span of dates. With a
    # date filter the axis is that period: an imprecise event that may fall in it runs off the edge.
    lo, hi = _window(ev["x0"].min(), ev["x1"].max(), tl.window)
    pad = max(pd.Timedelta(days=7), (hi - lo) * 0.03)
    fig.update_xaxes(type="date", showgrid=True, range=[lo - pad, hi + pad])
    note = tl.note or f"{tl.total:,} events"
    if tl.undated:
        note += f"; {tl.undated:,} without a date not drawn"
    note += " · bars span each event's possible dates, points are dated to the day"
    _base_layout(fig, title, note, height=max(360, 40 * n_lanes + 140))
    fig.update_layout(legend=dict(orientation="h", y=-0.12))
    return fig


def date_words(event) -> str:
    """When an event happened, as sure as its date is (plain text, unescaped): a month-precision event
    reads "August 2021", not a day. `event` is a mapping or a row with date_start, date_end,
    date_precision, date_expr and date_basis.

    >>> date_words({"date_start": "2021-08-01", "date_end": "2021-08-31", "date_precision": "month"})
    'August 2021, month precision'
    """
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k, None)
    start, end = get("date_start"), get("date_end")
    if start is None or pd.isna(start):
        return "date unknown"
    start = pd.Timestamp(start)
    end = start if end is None or pd.isna(end) else pd.Timestamp(end)
    precision = get("date_precision") if isinstance(get("date_precision"), str) else "unknown"
    whole_month = start.day == 1 and end == start + pd.offsets.MonthEnd(0)
    whole_years = start.month == start.day == 1 and end.month == 12 and end.day == 31
    if start == end:
        text = start.strftime("%Y-%m-%d")
    elif precision == "month" and whole_month:
        text = start.strftime("%B %Y")
    elif precision == "year" and whole_years and start.year == end.year:
        text = str(start.year)
    elif precision == "decade" and whole_years and start.year % 10 == 0 and end.year == start.year + 9:
        text = f"the {start.year}s"
    else:
        text = f"{start:%Y-%m-%d} … {end:%Y-%m-%d}"
    text += f", {precision} precision"
    expr = get("date_expr")
    if isinstance(expr, str) and expr:
        text += f" (“{expr}”)"
    if get("date_basis") == "publication":
        text += "; no date in the text, so the days up to publication"
    return text


def _window(lo: pd.Timestamp, hi: pd.Timestamp, window) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of dates to show: the data's, narrowed to the filters' since/until (`window`) when given."""
    since, until = window if window else (None, None)
    if since is not None:
        lo = max(lo, pd.Timestamp(since))
    if until is not None:
        hi = min(hi, pd.Timestamp(until) + pd.Timedelta(days=1))
    return (lo, hi) if lo < hi else (hi, lo)


def _event_hover(r) -> str:
    actors = " → ".join(esc(a, limit=LABEL_CHARS) for a in (r.actor1, r.actor2) if isinstance(a, str)) or "(no actor)"
    action = esc(r.event_label, limit=LABEL_CHARS) or esc(r.event_code, limit=LABEL_CHARS) or "(no action)"
    expr = r.date_expr if isinstance(r.date_expr, str) else None
    when = date_words({"date_start": r.date_start, "date_end": r.x1 - pd.Timedelta(days=1), "date_precision": r.date_precision,
                       "date_expr": _short(expr, LABEL_CHARS) if expr else None, "date_basis": getattr(r, "date_basis", None)})
    lines = [f"<b>{actors}</b>", action, esc(when)]
    if isinstance(r.location, str):
        lines.append("at " + esc(r.location, limit=LABEL_CHARS))
    if isinstance(r.sentence, str):
        lines.append("<i>" + esc(r.sentence, 80, limit=SENTENCE_CHARS) + "</i>")
    lines.append(esc(r.source or r.origin, limit=LABEL_CHARS))
    return "<br>".join(lines)


def trend_figure(tr, metric: str = "events", title: str = "Trend") -> go.Figure:
    """Counts (bars) or mean Goldstein value (line) per bin."""
    df = tr.bins
    if df.empty:
        return empty_figure("No dated events match the filters.", title)
    if metric == "goldstein":
        fig = go.Figure(go.Scatter(x=df["bin"], y=df["goldstein"], mode="lines+markers", name="mean Goldstein",
                                   customdata=df[["events"]].to_numpy(),
                                   hovertemplate="%{x|%Y-%m-%d}: mean Goldstein %{y:.2f} over %{customdata[0]} events<extra></extra>"))
        fig.update_yaxes(title="mean Goldstein", range=[-10, 10], zeroline=True)
    else:
        coarse = df["coarse"] if "coarse" in df else pd.Series(0, index=df.index)
        fig = go.Figure(go.Bar(x=df["bin"], y=df["events"] - coarse, name=f"dated within the {tr.bin}", marker_color="#3f6fb5",
                               hovertemplate=f"%{{x|%Y-%m-%d}}: %{{y}} events dated within the {tr.bin}<extra></extra>"))
        if coarse.any():
            # Stacked and hatched: events that may have happened in a later bin too, not a burst in this one.
            fig.add_trace(go.Bar(x=df["bin"], y=coarse, name=f"less precise than a {tr.bin} (at first possible day)",
                                 marker=dict(color="rgba(63,111,181,0.25)", pattern=dict(shape="/", fgcolor="#3f6fb5")),
                                 hovertemplate=f"%{{x|%Y-%m-%d}}: %{{y}} events dated less precisely than a {tr.bin}<extra></extra>"))
            fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.2))
        fig.update_yaxes(title="events")
    fig.update_xaxes(type="date")
    window = getattr(tr, "window", None)
    if window and any(w is not None for w in window):
        # the filters' period; a bin that starts before it (an imprecise event's first day) still shows in part
        step = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7), "month": pd.offsets.MonthBegin(1),
                "year": pd.offsets.YearBegin(1)}.get(tr.bin, pd.Timedelta(days=1))
        lo, hi = _window(pd.Timestamp(df["bin"].min()), pd.Timestamp(df["bin"].max()) + step, window)
        pad = max(pd.Timedelta(days=1), (hi - lo) * 0.02)
        fig.update_xaxes(range=[lo - pad, hi + pad])
        shown = df[(pd.to_datetime(df["bin"]) + step > lo) & (pd.to_datetime(df["bin"]) < hi)]
        if metric != "goldstein" and not shown.empty:  # the bars in view set the scale, not one off-screen
            fig.update_yaxes(range=[0, float(shown["events"].max()) * 1.08])
    return _base_layout(fig, title, tr.note, height=300)


# -- network -------------------------------------------------------------------------------------
def network_figure(net, colour: str = "quad", title: str = "Actor network") -> go.Figure:
    """Nodes sized by events; directed edges drawn as arrows weighted by count, with a marker at each
    edge's midpoint (hover, selection) coloured by dominant quad class or mean Goldstein value."""
    nodes, edges = net.nodes, net.edges
    if nodes.empty:
        return empty_figure("No actors match the filters.", title)
    fig = go.Figure()
    top = max(1, int(edges["events"].max())) if not edges.empty else 1
    size = {a: 12 + 28 * math.sqrt(n / max(1, nodes["events"].max())) for a, n in zip(nodes["actor"], nodes["events"])}
    # Edges as a few line traces (grouped by colour and width), each ending in an arrowhead marker that
    # plotly turns along the line (angleref="previous"); far cheaper than one annotation per edge.
    if not edges.empty:
        e = edges.assign(colour=[_edge_colour(r, colour) for r in edges.itertuples(index=False)],
                         width=[1 + round(3 * math.log1p(n) / math.log1p(top)) for n in edges["events"]])
        for (c, w), part in e.groupby(["colour", "width"], sort=True):
            xs, ys, sizes = [], [], []
            for r in part.itertuples(index=False):
                # stop the arrow at the target node's rim (node size is in pixels; the plot is ~2.5 units wide)
                gap = min(0.45, (size[r.target] / 2 + 2) / 330 / max(1e-6, math.hypot(r.x1 - r.x0, r.y1 - r.y0)))
                xs += [r.x0, r.x1 - (r.x1 - r.x0) * gap, None]
                ys += [r.y0, r.y1 - (r.y1 - r.y0) * gap, None]
                sizes += [0, 7 + 2 * w, 0]
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", line=dict(color=c, width=w), opacity=0.6,
                                     marker=dict(symbol="arrow", angleref="previous", size=sizes, color=c),
                                     hoverinfo="skip", showlegend=False))
    if not edges.empty:
        hover = [f"<b>{esc(s, limit=LABEL_CHARS)} → {esc(t, limit=LABEL_CHARS)}</b><br>{n} events<br>mean Goldstein {_fmt(g)}<br>mostly {esc(_quad_name(q))}"
                 for s, t, n, g, q in zip(edges["source"], edges["target"], edges["events"], edges["goldstein"], edges["quad"])]
        if colour == "goldstein":
            marker = dict(size=9, color=edges["goldstein"].astype(float).fillna(0), colorscale=GOLDSTEIN_SCALE, cmin=-10, cmax=10,
                          colorbar=dict(title="mean<br>Goldstein", thickness=12), line=dict(width=1, color="white"))
            fig.add_trace(go.Scatter(x=edges["xm"], y=edges["ym"], mode="markers", marker=marker, name="interactions",
                                     customdata=edges[["source", "target"]].to_numpy(), hovertext=hover,
                                     hovertemplate="%{hovertext}<extra></extra>"))
        else:
            for q in [1, 2, 3, 4, None]:
                part_idx = edges["quad"].isna() if q is None else edges["quad"] == q
                part = edges[part_idx]
                if part.empty:
                    continue
                fig.add_trace(go.Scatter(x=part["xm"], y=part["ym"], mode="markers", name=_quad_name(q),
                                         marker=dict(size=9, color=QUAD_COLOURS.get(q, NO_QUAD_COLOUR), symbol="diamond",
                                                     line=dict(width=1, color="white")),
                                         customdata=part[["source", "target"]].to_numpy(),
                                         hovertext=[h for h, keep in zip(hover, part_idx) if keep],
                                         hovertemplate="%{hovertext}<extra></extra>"))
    hop = nodes["hop"] if "hop" in nodes else pd.Series([pd.NA] * len(nodes))
    node_hover = [f"<b>{esc(a, limit=LABEL_CHARS)}</b><br>{n} events" + (f"<br>country {esc(c)}" if isinstance(c, str) else "<br>no known country")
                  + (f"<br>{int(h)} hop(s) from {esc(net.ego, limit=LABEL_CHARS)}" if net.ego and pd.notna(h) else "")
                  for a, n, c, h in zip(nodes["actor"], nodes["events"], nodes["country"], hop)]
    fig.add_trace(go.Scatter(
        x=nodes["x"], y=nodes["y"], mode="markers+text", name="actors", text=[esc(a, limit=30) for a in nodes["actor"]],
        textposition="top center", textfont=dict(size=11),
        marker=dict(size=[size[a] for a in nodes["actor"]], color=["#ffd92f" if a == net.ego else "#d9e6f5" for a in nodes["actor"]],
                    line=dict(width=1.5, color="#3f6fb5")),
        customdata=nodes[["actor"]].to_numpy(), hovertext=node_hover, hovertemplate="%{hovertext}<extra></extra>",
    ))
    fig.update_xaxes(visible=False, range=[-1.25, 1.25])
    fig.update_yaxes(visible=False, range=[-1.2, 1.25])
    note = net.note or f"{len(nodes)} actors, {len(edges)} directed interactions"
    note += " · arrows point from source to target actor; click a diamond to filter by that pair"
    _base_layout(fig, title, note, height=620)
    fig.update_layout(legend=dict(orientation="h", y=-0.05))
    return fig


def _fmt(v) -> str:
    return f"{float(v):.1f}" if v is not None and pd.notna(v) else "n/a"


def _edge_colour(r, colour: str) -> str:
    if colour == "goldstein":
        g = float(r.goldstein) if pd.notna(r.goldstein) else 0.0
        # red (conflict) .. grey .. blue (cooperation), like the RdBu colour bar
        t = max(-1.0, min(1.0, g / 10))
        if t >= 0:
            return f"rgb({int(200 - 170 * t)},{int(200 - 100 * t)},{int(200 + 30 * t)})"
        return f"rgb({int(200 + 30 * -t)},{int(200 - 170 * -t)},{int(200 - 170 * -t)})"
    return QUAD_COLOURS.get(int(r.quad), NO_QUAD_COLOUR) if pd.notna(r.quad) else NO_QUAD_COLOUR


# -- map -----------------------------------------------------------------------------------------
def map_figure(md, title: str = "Interactions between countries") -> go.Figure:
    """Countries shaded by events located there, arcs between actor countries (width by count,
    midpoint markers for hover and selection) and event locations."""
    if md.arcs.empty and md.places.empty and md.countries.empty:
        return empty_figure("No events with a known country or place match the filters.", title)
    fig = go.Figure()
    if not md.countries.empty:
        fig.add_trace(go.Choropleth(
            locations=md.countries["country"], z=md.countries["events"], locationmode="ISO-3",
            colorscale="Blues", marker_line_width=0.4, name="events located here",
            colorbar=dict(title="events<br>located", thickness=12, x=1.0),
            customdata=md.countries[["country"]].to_numpy(), text=[esc(n, limit=LABEL_CHARS) for n in md.countries["name"]],
            hovertemplate="<b>%{text}</b><br>%{z} events located here<extra></extra>",
        ))
    if not md.arcs.empty:
        top = max(1, int(md.arcs["events"].max()))
        arcs = md.arcs.assign(width=[1 + int(3 * math.log1p(n) / math.log1p(top)) for n in md.arcs["events"]])
        for w, part in arcs.groupby("width"):
            lats, lons = [], []
            for r in part.itertuples(index=False):
                lats += [r.lat0, r.lat1, None]
                lons += [r.lon0, r.lon1, None]
            fig.add_trace(go.Scattergeo(lat=lats, lon=lons, mode="lines", line=dict(width=float(w), color="#d7301f"),
                                        opacity=0.6, hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scattergeo(
            lat=(arcs["lat0"] + arcs["lat1"]) / 2, lon=(arcs["lon0"] + arcs["lon1"]) / 2, mode="markers",
            name="interactions (arc midpoints)", marker=dict(size=6, color="#d7301f", symbol="diamond"),
            customdata=arcs[["from", "to"]].to_numpy(),
            hovertext=[f"<b>{esc(a, limit=LABEL_CHARS)} → {esc(b, limit=LABEL_CHARS)}</b><br>{n} events<br>mean Goldstein {_fmt(g)}"
                       for a, b, n, g in zip(arcs["from_name"], arcs["to_name"], arcs["events"], arcs["goldstein"])],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    if not md.places.empty:
        top = max(1, int(md.places["events"].max()))
        fig.add_trace(go.Scattergeo(
            lat=md.places["lat"], lon=md.places["lon"], mode="markers", name="event locations",
            marker=dict(size=[4 + 14 * math.sqrt(n / top) for n in md.places["events"]], color="#54278f", opacity=0.7,
                        line=dict(width=0.5, color="white")),
            customdata=md.places[["country"]].to_numpy(),
            hovertext=[f"<b>{esc(p, limit=LABEL_CHARS)}</b><br>{n} events" for p, n in zip(md.places["location"], md.places["events"])],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    geo = dict(showcountries=True, countrycolor="#999", showland=True, landcolor="#f3f3f3", showocean=True,
               oceancolor="#eaf2fb", showframe=False, resolution=110, projection_type="natural earth")
    if md.bounds:
        geo.update(projection_type="mercator", lataxis_range=md.bounds["lat"], lonaxis_range=md.bounds["lon"], resolution=50)
    fig.update_geos(**geo)
    note = md.note or "all countries and places"
    if md.no_country:
        note += f"; {md.no_country:,} events have no known country or place and are not drawn"
    _base_layout(fig, title, note, height=560)
    fig.update_layout(legend=dict(orientation="h", y=-0.02))
    return fig


# -- export stamps -------------------------------------------------------------------------------
def stamped(fig: go.Figure, filters_text: str, citation: str) -> go.Figure:
    """A copy of `fig` with the filters and the data citation written under the plot (for exports)."""
    out = go.Figure(fig)
    # The legend sits under the plot's tick labels (about 36 px, given in paper units of the plot's own
    # height, so a short trend chart does not get its dates covered) and the stamp at the very bottom.
    bottom = (out.layout.margin.b or 10) + 110
    plot_h = max(100, (out.layout.height or 500) - (out.layout.margin.t or 45) - bottom)
    out.update_layout(margin=dict(b=bottom), legend=dict(orientation="h", y=-36 / plot_h, yanchor="top", x=0, xanchor="left"))
    out.add_annotation(
        text=esc("Filters: " + filters_text, 160, limit=800) + "<br>" + esc(citation, 160, limit=800),
        xref="paper", yref="paper", x=0, y=0, yshift=-bottom + 8, xanchor="left", yanchor="bottom",
        showarrow=False, align="left", font=dict(size=10, color="#555"),
    )
    return out
