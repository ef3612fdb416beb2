"""The Streamlit app under AppTest: every page runs, filters change what is drawn, links carry filters."""

from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard_data import XSS, build_store  # noqa: E402

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
ROOT_SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PAGES = {  # page file -> number of Plotly charts it shows
    "app_pages/timeline.py": 2,
    "app_pages/network.py": 1,
    "app_pages/map.py": 1,
    "app_pages/events.py": 0,
    "app_pages/add_data.py": 0,
}
CHART_PAGES = ["app_pages/timeline.py", "app_pages/network.py", "app_pages/map.py"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("dash") / "events.duckdb"
    build_store(path)
    return path


@pytest.fixture
def app(store_path, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", str(store_path))

    def make(page: str | None = None, **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=90)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def _figures(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _url(at) -> dict:
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def _multiselect(at, label):
    return next(m for m in at.sidebar.multiselect if m.label == label)


@pytest.mark.parametrize("page,charts", PAGES.items())
def test_every_page_runs_and_shows_its_charts(app, page, charts):
    at = app(page)
    assert len(at.get("plotly_chart")) == charts
    assert not at.error
    if page == "app_pages/events.py":
        assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 100


@pytest.mark.parametrize("page", CHART_PAGES)
def test_changing_a_filter_changes_the_figure(app, page):
    at = app(page)
    before = _figures(at)
    _multiselect(at, "Actors").set_value(["Kazakhstan"]).run()
    assert not at.exception
    after = _figures(at)
    assert len(after) == len(before)
    assert after[0]["data"] != before[0]["data"]
    assert _url(at)["actor"] == ["Kazakhstan"]


def test_changing_a_filter_changes_the_table(app):
    at = app("app_pages/events.py")
    assert len(at.dataframe[0].value) == 100
    _multiselect(at, "Origin").set_value(["text"]).run()
    assert len(at.dataframe[0].value) == 1


def test_link_with_filters_reopens_the_same_view(app):
    at = app(actor=["Taliban", "Russia"], region="Central Asia", since="2021-01-01", until="2021-12-31", quad=["1", "4"])
    assert _multiselect(at, "Actors").value == ["Taliban", "Russia"]
    assert _multiselect(at, "Regions").value == ["Central Asia"]
    assert str(at.sidebar.date_input[0].value) == "2021-01-01" and str(at.sidebar.date_input[1].value) == "2021-12-31"
    assert _url(at) == {
        "actor": ["Taliban", "Russia"], "region": ["Central Asia"], "quad": ["1", "4"],
        "since": ["2021-01-01"], "until": ["2021-12-31"],
    }
    plain = _figures(app())[0]["data"]
    assert _figures(at)[0]["data"] != plain


@pytest.mark.parametrize("since", ["1850-01-01", "2999-12-31"])
def test_far_dates_in_a_link_are_accepted(app, since):
    at = app(since=since)
    assert str(at.sidebar.date_input[0].value) == since
    assert not at.sidebar.warning


@pytest.mark.parametrize("param,value", [("quad", "9"), ("since", "yesterday"), ("precision", "fortnight")])
def test_bad_link_parameter_is_reported_not_raised(app, param, value):
    at = app(**{param: value})
    assert any(param in w.value for w in at.sidebar.warning)
    assert len(at.get("plotly_chart")) == 2


@pytest.mark.parametrize("page", list(PAGES)[:4])
def test_no_events_after_filtering_gives_a_clear_message(app, page):
    at = app(page, since="2035-01-01")
    assert any("No events match" in w.value for w in at.warning)
    assert not at.get("plotly_chart")


def test_single_event_is_drawn_with_a_note(app):
    at = app(origin="text")
    assert any("Only one event" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 2


def test_selected_event_shows_escaped_evidence(app, store_path):
    from analytics.store import Store

    event_id = Store(store_path).query("SELECT event_id FROM events WHERE origin = 'text'")["event_id"][0]
    at = app(event=event_id)
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark>A reader comment said &lt;script&gt;" in html
    assert XSS not in html and "javascript:" not in html
    assert "2021-10-20, day precision (“Wednesday”)" in html  # when, and how sure, beside the evidence


def test_evidence_of_a_month_and_of_an_override_reads_honestly(tmp_path, monkeypatch):
    """A month-precision event reads as the month; a bidi override in the article does not reorder it."""
    import datetime as dt

    from analytics import schema
    from analytics.documents import Document
    from analytics.store import Store

    text = "The Taliban took over Kabul in August. \u202eA comment\u202c ends here."
    doc = Document(doc_id="m1", text=text, published=dt.date(2021, 10, 20), source="Example")
    row = {"event_id": "m:month", "date_start": dt.date(2021, 8, 1), "date_end": dt.date(2021, 8, 31),
           "date_precision": "month", "date_expr": "in August", "date_basis": "relative", "actor1": "Taliban\u202e",
           "actor2": "Afghanistan", "event_code": "0874", "event_root": "08", "doc_id": "m1", "origin": "text",
           "sentence": text, "char_start": 0, "char_end": len(text), "num_sources": 1}
    path = tmp_path / "events.duckdb"
    store = Store(path)
    store.ingest([doc], schema.validate(schema.conform([row])))
    monkeypatch.setenv("EVENTS_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["event"] = store.query("SELECT event_id FROM events")["event_id"][0]
    at.run()
    assert not at.exception
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "August 2021, month precision (“in August”)" in html
    assert "\u202e" not in html and "\u202c" not in html and "A comment ends here." in html


def _fake_streamlit(chart_key, points):
    state = {chart_key: {"selection": {"points": points}}}
    return types.SimpleNamespace(session_state=state), state


@pytest.mark.parametrize(
    "func,points,field,expected",
    [
        ("select_events", [{"customdata": ["e1"]}, {"customdata": ["e2"]}], "f_event_ids", ["e1", "e2"]),
        ("select_actors", [{"customdata": ["Russia", "Taliban"]}], "f_actors", ["Russia", "Taliban"]),
        ("select_actors", [{"customdata": ["Iran"]}], "f_actors", ["Iran"]),
        ("select_countries", [{"customdata": ["RUS", "AFG"]}, {"location": "KAZ"}], "f_countries", ["RUS", "AFG", "KAZ"]),
        ("select_countries", [], "f_countries", None),
    ],
)
def test_chart_selections_become_filters(monkeypatch, func, points, field, expected):
    from dashboard import state

    fake, session = _fake_streamlit("chart", points)
    monkeypatch.setattr(state, "st", fake)
    getattr(state, func)("chart")
    assert session.get(field) == expected


class _Upload:
    """What st.file_uploader hands the page: a name and the bytes."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    path = tmp_path / "events.duckdb"
    build_store(path, n=20)
    monkeypatch.setenv("EVENTS_STORE", str(path))
    from analytics.store import Store

    return Store(path)


def test_uploaded_articles_are_added_and_bad_files_reported(fresh_store):
    from dashboard import data

    before = fresh_store.counts()
    text = (ROOT_SEEDS / "000_9008637334b72796.txt").read_bytes()
    steps = []
    result = data.add_articles(
        [_Upload("moscow.txt", text), _Upload("broken.json", b"{not json"), _Upload("empty.txt", b"")],
        published="2021-10-20", source="Upload test", progress=lambda f, t: steps.append(f),
    )
    assert result["documents"] == 1 and steps and steps[-1] == 1.0
    assert any(p.startswith("broken.json: ") and "not valid JSON" in p for p in result["problems"])
    assert any(p.startswith("empty.txt: ") for p in result["problems"])
    assert all("/tmp" not in p for p in result["problems"])  # the user's file name, not a temporary path
    after = fresh_store.counts()
    assert after["documents"] == before["documents"] + 1
    assert after["events"] >= before["events"]


BAD_UPLOADS = {
    "scan.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n",
    "letter.html": b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
    "nul.txt": b"Russia hosted talks\x00 with the Taliban.",
    "latin1.txt": "Caf\u00e9 owners protested in S\u00e3o Paulo.".encode("latin-1"),
    "empty.json": b"",
    "lines.jsonl": b"{broken\n" * 30,
}


def test_every_bad_upload_gets_one_line_and_the_good_one_is_added(fresh_store):
    from dashboard import data

    before = fresh_store.counts()
    good = "Russia hosted talks with the Taliban in Moscow on Wednesday.".encode("utf-16-le")  # no BOM
    uploads = [_Upload(n, b) for n, b in BAD_UPLOADS.items()] + [_Upload("good.txt", good)]
    result = data.add_articles(uploads, "2021-10-20", None, progress=lambda f, t: None)
    assert result["documents"] == 1
    for name in BAD_UPLOADS:
        assert len([p for p in result["problems"] if p.startswith(name + ":")]) == 1, name
    (lines,) = [p for p in result["problems"] if p.startswith("lines.jsonl:")]  # one message for a file's 30 bad lines
    assert lines.startswith("lines.jsonl: 30 problems: line 1: not valid JSON") and lines.endswith("; and 27 more")
    assert not any("/tmp" in p or "upload-" in p for p in result["problems"] + result["warnings"])
    assert fresh_store.counts()["documents"] == before["documents"] + 1


def test_only_bad_uploads_leave_the_store_unchanged(fresh_store):
    from dashboard import data

    before = fresh_store.counts()
    result = data.add_articles([_Upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00")], None, None, progress=lambda f, t: None)
    assert result["documents"] == 0 and len(result["problems"]) == 1 and "photo.txt" in result["problems"][0]
    ds = data.add_datasets([_Upload("notes.csv", b"hello,world\n1,2\n")], "auto", progress=lambda f, t: None)
    assert ds["problems"] and "notes.csv" in ds["problems"][0]
    assert fresh_store.counts() == before


def test_uploaded_dataset_is_imported(fresh_store):
    from dashboard import data

    sample = Path(__file__).resolve().parent / "data" / "gdelt" / "20180326044500.export.CSV"
    ds = data.add_datasets([_Upload(sample.name, sample.read_bytes())], "gdelt", progress=lambda f, t: None)
    assert not ds["problems"] and "1,540 events added" in ds["summary"]
    assert fresh_store.counts()["events"] >= 1540


def test_link_values_are_shown_as_text_not_markdown(app):
    at = app(precision="[click](javascript:alert(1))<img src=x onerror=alert(2)>")
    shown = " ".join(w.value for w in at.sidebar.warning)
    assert "precision" in shown
    assert not re.search(r"(?<!\\)[\[\]()<>]", shown)  # every bracket escaped: no link, no tag
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in shown


@pytest.mark.parametrize("text", ["plain words", "**bold** _it_ `code` [a](b) <b>x</b> # h", "a\\b 1.5 - 2 + 3 | ~ ! $x$ &amp;"])
def test_plain_escapes_every_markdown_character(text):
    from dashboard.widgets import plain

    out = plain(text)
    assert out.replace("\\", "") == text.replace("\\", "")
    for ch in "*_`[]()<>#+-.!|~$&:":
        assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c == ch)


def test_data_download_says_when_it_was_cut(fresh_store, monkeypatch):
    from analytics import views
    from dashboard import data

    monkeypatch.setattr(views, "EXPORT_MAX_ROWS", 5)
    monkeypatch.setattr(views.filtered_frame, "__defaults__", (5,))
    text = data.data_file(data.Filters(), "csv").decode()
    head = text.splitlines()[0]
    assert head.startswith("# Filters: no filters; cut to the first 5 events")
    assert len(text.splitlines()) == 2 + 1 + 5


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["a.txt: file is empty"], ["a.txt: file is empty"]),
        (["a.jsonl: line 2: bad", "b.txt: empty", "a.jsonl: line 5: worse"], ["a.jsonl: 2 problems: line 2: bad; line 5: worse", "b.txt: empty"]),
        (["a.json:2: has an impossible date", "a.json:4: has an impossible date"],
         ["a.json: 2 problems: record 2: has an impossible date; record 4: has an impossible date"]),
        ([f"f.jsonl: line {i}: bad" for i in range(1, 11)] + ["f.jsonl: 20 more record(s) with problems not listed"],
         ["f.jsonl: 30 problems: line 1: bad; line 2: bad; line 3: bad; and 27 more"]),
    ],
)
def test_upload_problems_are_one_message_per_file(lines, expected):
    from dashboard.data import per_file

    assert per_file(lines) == expected


def test_a_link_with_a_misspelt_actor_says_how_it_is_stored(app):
    at = app(actor="taliban")
    assert any("No events match" in w.value for w in at.warning)
    shown = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "no actor 'taliban' is stored; did you mean 'Taliban'?" in shown


@pytest.mark.parametrize("kind", ["folder", "not a store"])
def test_a_store_path_that_cannot_be_one_is_one_message(tmp_path, monkeypatch, kind):
    path = tmp_path if kind == "folder" else tmp_path / "notes.duckdb"
    if kind != "folder":
        path.write_text("my notes")
    monkeypatch.setenv("EVENTS_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception
    (error,) = at.error
    assert ("is a folder" if kind == "folder" else "is not an events store") in error.value.replace("\\", "")
    if kind != "folder":
        assert path.read_text() == "my notes"
