"""The dashboard in a real browser: Debian's chromium driven by playwright, against `streamlit run`.

Skips when chromium or playwright is missing (CI installs chromium from Debian; never `playwright
install`). Screenshots of each page go to test-output/ (git-ignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard_data import build_store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PAGES = {"": 2, "network": 1, "map": 1, "events": 0, "add": 0}  # "" is the timeline, the default page
PLOT = ".js-plotly-plot"

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian chromium is not installed at /usr/bin/chromium", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(store_path: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run dashboard/app.py` on `store_path`; returns the process and its base URL once healthy."""
    port = port or _free_port()
    env = dict(os.environ, EVENTS_STORE=str(store_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("streamlit did not start: " + proc.stderr.read().decode()[-2000:])


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("browser") / "events.duckdb")
    proc, base = start_app(store.path)
    yield base, store
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    base, _ = server
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.outside = []  # requests that leave the app: must stay empty (offline, no CDN)
    pg.on("request", lambda r: pg.outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def wait_for_page(pg, charts: int):
    """Wait until the page has drawn its charts (or its table / uploader)."""
    if charts:
        pg.wait_for_function(
            f"document.querySelectorAll('{PLOT} .main-svg').length >= {charts}"
            " && !document.querySelector('[data-testid=stStatusWidget]')",
            timeout=60000,
        )
    else:
        pg.wait_for_selector("[data-testid=stDataFrame], [data-testid=stFileUploader]", timeout=60000)
    pg.wait_for_timeout(500)


def figure_data(pg, index: int = 0):
    """The names/ids Plotly actually drew in chart `index` (from the live graph div)."""
    return pg.evaluate(
        """(i) => { const gd = document.querySelectorAll('.js-plotly-plot')[i];
                   return gd.data.map(t => [t.name, (t.customdata || []).map(c => String(c))]); }""",
        index,
    )


@pytest.mark.parametrize("name,charts", PAGES.items())
def test_every_page_renders_its_charts(server, page, name, charts):
    base, _ = server
    page.goto(f"{base}/{name}")
    wait_for_page(page, charts)
    assert page.locator(f"{PLOT} .main-svg").count() >= charts
    if name == "map":
        # Country outlines drawn means the topojson came from the app's own static files.
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .choroplethlocation, .js-plotly-plot .countries path').length > 0",
                               timeout=30000)
    if name == "events":
        assert page.locator("[data-testid=stDataFrame]").count() == 1
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / f"page-{name or 'timeline'}.png"))
    assert page.outside == []


def test_link_with_filters_reopens_the_same_view(server, page):
    base, _ = server
    page.goto(f"{base}/network")
    wait_for_page(page, 1)
    everything = figure_data(page)
    link = f"{base}/network?actor=Taliban&region=Central+Asia&since=2021-01-01&until=2021-12-31"
    page.goto(link)
    wait_for_page(page, 1)
    first = figure_data(page)
    assert first != everything
    assert parse_qs(urlparse(page.url).query) == {
        "actor": ["Taliban"], "region": ["Central Asia"], "since": ["2021-01-01"], "until": ["2021-12-31"]}
    assert page.get_by_text("Central Asia").first.is_visible()
    # the copied address, opened in a fresh page, draws the same figure
    again = page.context.new_page()
    again.goto(page.url)
    wait_for_page(again, 1)
    assert figure_data(again) == first
    again.close()


def test_png_export_downloads_a_valid_png(server, page):
    base, _ = server
    page.goto(f"{base}/map")
    wait_for_page(page, 1)
    with page.expect_download(timeout=120000) as info:
        page.get_by_role("button", name="PNG").first.click()
    path = info.value.path()
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10000
    OUT.mkdir(exist_ok=True)
    (OUT / "export-map.png").write_bytes(data)


def test_clicking_a_timeline_point_filters_the_other_views(server, page):
    base, _ = server
    page.goto(f"{base}/?origin=text")
    wait_for_page(page, 2)
    point = page.locator(f"{PLOT} .scatterlayer .points path").first
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 20, y)
    page.mouse.move(x, y, steps=5)  # Plotly picks the clicked point from the hover that precedes the click
    page.wait_for_timeout(500)
    page.mouse.click(x, y)
    page.wait_for_function("location.search.includes('event=')", timeout=30000)
    page.wait_for_selector("mark", timeout=30000)  # the selected event's evidence, highlighted
    assert page.get_by_text("precision", exact=False).count() >= 1  # with its date, as sure as it is known
    page.get_by_role("link", name="Events table").click()
    page.wait_for_selector("[data-testid=stDataFrame]", timeout=60000)
    assert "event=" in page.url


def test_script_payload_in_an_article_runs_nothing(server, page):
    base, store = server
    event_id = store.query("SELECT event_id FROM events WHERE origin = 'text'")["event_id"][0]
    visits = [(f"?event={event_id}", 2), ("network?origin=text", 1), ("map?origin=text", 1), ("events?origin=text", 0)]
    for path, charts in visits:
        page.goto(f"{base}/{path}")
        wait_for_page(page, charts)
        for pt in page.locator(f"{PLOT} .scatterlayer .points path").all()[:5]:
            box = pt.bounding_box()  # hover labels carry the untrusted text too
            if box:
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=3)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, path
    page.goto(f"{base}/?event={event_id}")
    wait_for_page(page, 2)
    mark = page.locator("mark").first
    assert "<script>window.__xss = 1</script>" in mark.inner_text()  # shown as text, not run
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    page.screenshot(path=str(OUT / "evidence-escaped.png"))


@pytest.mark.parametrize(
    "path,target,param",
    [
        ("network", ".scatterlayer .trace:nth-last-child(2) .points path", "actor="),  # an edge's midpoint diamond
        ("map", ".choroplethlocation", "country="),  # a country
    ],
)
def test_clicking_an_edge_or_a_country_filters_every_view(server, page, path, target, param):
    base, _ = server
    page.goto(f"{base}/{path}")
    wait_for_page(page, 1)
    before = figure_data(page)
    box = page.locator(f"{PLOT} {target}").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 15, y)
    page.mouse.move(x, y, steps=5)
    page.wait_for_timeout(500)
    page.mouse.click(x, y)
    page.wait_for_function(f"location.search.includes('{param}')", timeout=30000)
    wait_for_page(page, 1)
    page.wait_for_function("(b) => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot'))[0].data"
                           ".map(t => [t.name, (t.customdata || []).map(String)])) !== JSON.stringify(b)",
                           arg=before, timeout=30000)
    page.get_by_role("link", name="Timeline").click()
    wait_for_page(page, 2)
    assert param in page.url  # the selection is a shared filter: the timeline opens with it


def test_html_export_draws_the_map_with_no_network(server, browser, tmp_path):
    from analytics import charts, export, views
    from analytics.filters import Filters

    _, store = server
    fig = charts.map_figure(views.interaction_map(store, Filters(regions=("Central Asia",))))
    path = tmp_path / "map.html"
    path.write_bytes(export.html_bytes(fig, "regions: Central Asia", "Data: test", title="map"))
    context = browser.new_context()
    requested = []

    def refuse(route):
        requested.append(route.request.url)
        route.abort()

    context.route("http://*/**", refuse)
    context.route("https://*/**", refuse)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .choroplethlocation').length > 0", timeout=30000)
    assert page.locator(".js-plotly-plot .countries path, .js-plotly-plot .choroplethlocation").count() > 0
    assert requested == []
    context.close()


def test_precision_filter_in_a_link_draws_only_events_that_precise(server, page):
    base, store = server
    page.goto(f"{base}/?precision=day&origin=gdelt")
    wait_for_page(page, 2)
    drawn = page.evaluate("""() => { const gd = document.querySelectorAll('.js-plotly-plot')[0];
        return gd.data.map(t => [t.mode, (t.customdata || []).length, [].concat(t.marker && t.marker.symbol || [])]); }""")
    assert not any(mode == "lines" for mode, _, _ in drawn)  # no interval bars: every event is a point
    points = sum(n for _, n, _ in drawn)
    (day,) = store.query("SELECT count(*) AS n FROM events WHERE origin = 'gdelt' AND date_precision = 'day'")["n"]
    assert points == day
    page.goto(f"{base}/?precision=month&origin=gdelt")
    wait_for_page(page, 2)
    spans = page.evaluate("""() => document.querySelectorAll('.js-plotly-plot')[0].data
        .filter(t => t.mode === 'lines').map(t => t.x.filter(x => x !== null))""")
    widest = max((__import__("datetime").date.fromisoformat(x[i + 1][:10]) - __import__("datetime").date.fromisoformat(x[i][:10])).days
                 for x in spans for i in range(0, len(x), 2))
    assert 27 <= widest <= 31  # a month-precision event is drawn over its month, and nothing coarser is drawn


def test_csv_download_holds_the_filtered_rows_with_their_stamp(server, page, tmp_path):
    import csv
    import io

    base, store = server
    page.goto(f"{base}/events?actor=Taliban&origin=gdelt")
    wait_for_page(page, 0)
    with page.expect_download(timeout=120000) as info:
        page.get_by_role("button", name="CSV").first.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0].startswith("# Filters: actors: Taliban; origins: gdelt") and rows[1][0].startswith("# Data:")
    header, body = rows[2], rows[3:]
    (n,) = store.query("SELECT count(*) AS n FROM events WHERE origin = 'gdelt' AND 'Taliban' IN (actor1, actor2)")["n"]
    assert len(body) == n > 0
    a1, a2 = header.index("actor1"), header.index("actor2")
    assert all("Taliban" in (r[a1], r[a2]) for r in body)


@pytest.fixture(scope="module")
def upload_server(tmp_path_factory):
    """A server of its own: uploading adds to its store, which the other tests must not see."""
    store = build_store(tmp_path_factory.mktemp("upload") / "events.duckdb", n=20)
    proc, base = start_app(store.path)
    yield base, store
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_uploading_bad_articles_names_each_file_once_and_adds_the_good_one(upload_server, browser, tmp_path):
    base, store = upload_server
    files = {
        "scan.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "latin1.txt": "Caf\u00e9 owners protested.".encode("latin-1"),
        "lines.jsonl": b"{broken\n" * 30,
        "empty.json": b" \n",
        "good.txt": "MOSCOW, Oct. 20, 2021 (AP) \u2014 Russia hosted talks with the Taliban in Moscow on Wednesday.".encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    before = store.counts()["documents"]
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    page.goto(f"{base}/add")
    page.wait_for_selector("[data-testid=stFileUploader]", timeout=60000)
    page.locator("[data-testid=stFileUploader] input[type=file]").first.set_input_files([str(tmp_path / n) for n in files])
    page.get_by_role("button", name="Add articles").click()
    page.wait_for_selector("text=Added 1 article(s)", timeout=120000)
    alerts = page.evaluate("Array.from(document.querySelectorAll('[data-testid=stAlert]')).map(e => e.innerText)")
    errors = [a for a in alerts if not a.startswith("Added")]
    for name in ("scan.txt", "latin1.txt", "lines.jsonl", "empty.json"):
        assert sum(a.startswith(name + ":") for a in errors) == 1, (name, errors)
    assert len(errors) == 4 and not any("Traceback" in a or "/tmp" in a for a in alerts)
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "add-data-bad-files.png"), full_page=True)
    context.close()
    assert store.counts()["documents"] == before + 1
