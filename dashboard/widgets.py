"""Layout pieces every page uses: a chart with its export buttons, the evidence panel, messages."""

from __future__ import annotations

import html
import re

import streamlit as st

from analytics.charts import date_words, visible
from analytics.filters import Filters
from dashboard import data

# Map outlines come from the app itself (dashboard/static/topojson -> data/topojson), never a CDN.
# Relative, so the address works behind a proxy path too.
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "app/static/topojson/", "toImageButtonOptions": {"scale": 2}}


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "chart"


def chart(fig, key: str, filters: Filters, title: str, on_select=None) -> None:
    """Show a figure (selectable when `on_select` is given) with PNG/SVG/HTML and data downloads."""
    kw = dict(on_select=on_select, selection_mode=("points", "box", "lasso")) if on_select else {}
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch", **kw)
    name = _slug(title)
    cols = st.columns([1, 1, 1, 1, 1, 3])
    for col, fmt, mime in ((cols[0], "png", "image/png"), (cols[1], "svg", "image/svg+xml"), (cols[2], "html", "text/html")):
        col.download_button(fmt.upper(), data=lambda fmt=fmt: data.chart_file(fig, fmt, filters, title),
                            file_name=f"{name}.{fmt}", mime=mime, key=f"{key}-{fmt}", on_click="ignore",
                            help=f"Download this chart as {fmt.upper()}, stamped with the filters and the data citation")
    data_downloads(filters, key, cols[3], cols[4])


def data_downloads(filters: Filters, key: str, csv_col=None, parquet_col=None) -> None:
    csv_col = csv_col or st
    parquet_col = parquet_col or st
    csv_col.download_button("CSV", data=lambda: data.data_file(filters, "csv"), file_name="events.csv", mime="text/csv",
                            key=f"{key}-csv", on_click="ignore", help="The filtered events as CSV (two # lines state filters and citation)")
    parquet_col.download_button("Parquet", data=lambda: data.data_file(filters, "parquet"), file_name="events.parquet",
                                mime="application/vnd.apache.parquet", key=f"{key}-parquet", on_click="ignore",
                                help="The filtered events as Parquet (filters and citation in the file metadata)")


def caption(summary, filters: Filters) -> None:
    """What the page shows: how many events, which filters, and whose data (the citation the sources ask for)."""
    span = f" from {summary.first} to {summary.last}" if summary.first and summary.last else ""
    st.caption(plain(f"{summary.events:,} events{span} · {filters.describe()} · {data.citation(filters)}"))


def plain(text: str) -> str:
    """Untrusted text for a Markdown element: every Markdown/HTML special character backslash-escaped,
    bidi overrides and control characters dropped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~:$&])", r"\\\1", visible(text))


def _h(text) -> str:
    """Untrusted text for an HTML element: escaped, bidi overrides and control characters dropped
    (line breaks and tabs kept, for pre-wrap text)."""
    return html.escape(visible(text))


def page_start(title: str, filters: Filters):
    """How every chart page opens: its title, then either a clear message when nothing matches (and
    the page stops there) or the caption saying what is shown. Returns the filters' summary."""
    st.title(title)
    summary = data.summary(filters)
    if no_events(summary, filters):
        st.stop()
    caption(summary, filters)
    return summary


def no_events(summary, filters: Filters) -> bool:
    """Say so clearly (and return True) when the filters leave nothing to draw."""
    if summary.events == 0:
        if filters.is_empty():
            st.info("The store holds no events yet. Add articles or dataset files on the **Add data** page.")
        else:
            st.warning("No events match these filters. Widen them in the sidebar, or use **Clear all filters**.")
            for hint in data.not_stored(filters):
                st.caption(plain(hint))  # the asked-for values are untrusted (they may come from a link)
        return True
    if summary.events == 1:
        st.info("Only one event matches these filters.")
    return False


def evidence_panel(event_id: str) -> None:
    """The event and each document behind it, its evidence sentence highlighted. All text is escaped."""
    ev = data.evidence(event_id)
    if ev is None:
        st.warning("That event is no longer in the store.")
        return
    e = ev.event
    who = " → ".join(a for a in (e.get("actor1"), e.get("actor2")) if isinstance(a, str)) or "(no actor)"
    st.html(f"<b>{_h(who)}</b> · {_h(e.get('event_label') or e.get('event_code') or '')}<br>{_h(date_words(e))}")
    if ev.mentions.empty:
        body = _h(e.get("sentence") or "No evidence sentence stored for this event.")
        st.html(f"<blockquote style='white-space:pre-wrap'>{body}</blockquote>")
        if e.get("url"):
            st.link_button("Open source", e["url"])
        return
    for m in ev.mentions.itertuples(index=False):
        title = _h(m.title or m.source or m.doc_id)
        link = f" · <a href=\"{html.escape(m.url, quote=True)}\" target=\"_blank\" rel=\"noopener noreferrer\">source</a>" if m.url else ""
        st.html(
            f"<div style='font-weight:600'>{title}{link}</div>"
            "<div style='white-space:pre-wrap;max-height:22em;overflow:auto;border:1px solid #ddd;padding:.6em;"
            "font:14px/1.5 sans-serif'>"
            f"{_h(m.before)}<mark>{_h(m.sentence)}</mark>{_h(m.after)}</div>"
        )
