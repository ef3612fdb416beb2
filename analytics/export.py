"""Charts and data out as files: PNG/SVG (kaleido + the system chromium), self-contained HTML, CSV, Parquet.

Every export states the filters applied and the data's citation: images and HTML carry them under the
plot, CSV in two leading `# ...` lines, each one cell (read it back with `pd.read_csv(path, skiprows=2)`), Parquet in the
file's key/value metadata (`filters`, `citation`).

Nothing is fetched from the network: kaleido renders with the plotly.js bundled in plotly.py and the
map outlines shipped in data/topojson/; the HTML file embeds plotly.js and, for maps, the outlines.

Example:
    >>> png = image_bytes(fig, "png", "no filters", "Data: ...")     # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import threading
from functools import lru_cache
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from analytics.charts import stamped, visible

TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "data" / "topojson"
IMAGE_FORMATS = ("png", "svg")
EXPORT_WIDTH = 1200
_server_lock = threading.Lock()
_server_started = False

TOPOJSON_URI = TOPOJSON_DIR.resolve().as_uri() + "/"  # kaleido reads map outlines here, never from the CDN


def _start_kaleido() -> None:
    """Start kaleido's browser once per process (it is reused by every later export)."""
    global _server_started
    with _server_lock:
        if _server_started:
            return
        import kaleido

        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        # plotly's own fig.write_image / to_image then also use the bundled outlines.
        pio.defaults.topojson = TOPOJSON_URI
        _server_started = True


def image_bytes(fig: go.Figure, fmt: str, filters_text: str, citation: str, width: int = EXPORT_WIDTH) -> bytes:
    """The figure, stamped, as PNG or SVG bytes."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"format must be one of {', '.join(IMAGE_FORMATS)}")
    import kaleido

    _start_kaleido()
    out = stamped(fig, filters_text, citation)
    height = int(out.layout.height or 500)
    opts = {"format": fmt, "width": width, "height": height, "scale": 2 if fmt == "png" else 1}
    return kaleido.calc_fig_sync(out, opts=opts, topojson=TOPOJSON_URI)


@lru_cache(maxsize=4)
def _topojson_text(name: str) -> str:
    return (TOPOJSON_DIR / f"{name}.json").read_text(encoding="utf-8")


def _geo_assets(fig: go.Figure) -> list[str]:
    """Names of the topojson files a figure's maps need, e.g. ["world_110m"]."""
    names = set()
    for key in fig.layout.to_plotly_json():
        if key.startswith("geo"):
            geo = fig.layout[key]
            scope = (geo.scope or "world").replace(" ", "-")
            names.add(f"{scope}_{int(geo.resolution or 110)}m")
    if not names and any(t.type in ("scattergeo", "choropleth") for t in fig.data):
        names.add("world_110m")
    return sorted(n for n in names if (TOPOJSON_DIR / f"{n}.json").exists())


def html_bytes(fig: go.Figure, filters_text: str, citation: str, title: str = "chart") -> bytes:
    """A self-contained interactive HTML page: plotly.js and any map outlines embedded, stamp below."""
    out = stamped(fig, filters_text, citation)
    body = out.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False, "topojsonURL": "./"})
    assets = {n: json.loads(_topojson_text(n)) for n in _geo_assets(out)}
    # plotly.js looks in window.PlotlyGeoAssets before fetching, so embedded outlines are never downloaded.
    preload = ""
    if assets:
        blob = json.dumps(assets, separators=(",", ":")).replace("</", "<\\/")
        preload = f"<script>window.PlotlyGeoAssets = {{topojson: {blob}}};</script>\n"
    page = (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(visible(title))}</title></head><body>\n{preload}{body}\n"
        f"<p style=\"font:12px sans-serif;color:#555\">Filters: {html.escape(visible(filters_text))}<br>{html.escape(visible(citation))}</p>\n"
        "</body></html>\n"
    )
    return page.encode("utf-8")


def data_bytes(frame, fmt: str, filters_text: str, citation: str) -> bytes:
    """The filtered events as CSV (two `#` stamp lines first) or Parquet (stamp in the metadata)."""
    from analytics.output import arrow_table, csv_line, to_bytes

    if fmt == "csv":
        # Filter values are untrusted (actor names from documents): each stamp line is one CSV cell.
        head = csv_line(f"# Filters: {filters_text}") + csv_line(f"# {citation}")
        return head.encode("utf-8") + to_bytes(frame, "csv")
    if fmt == "parquet":
        import io

        import pyarrow.parquet as pq

        table = arrow_table(frame)
        meta = dict(table.schema.metadata or {})
        meta.update({b"filters": filters_text.encode("utf-8"), b"citation": citation.encode("utf-8")})
        buf = io.BytesIO()
        pq.write_table(table.replace_schema_metadata(meta), buf)
        return buf.getvalue()
    raise ValueError("format must be csv or parquet")
