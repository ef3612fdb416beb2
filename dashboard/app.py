"""The analyst's dashboard: `streamlit run dashboard/app.py` (from the repository root).

Sets up what every page shares, once: the default store (built on first start), the sidebar filters
(read from and mirrored to the URL), and the navigation. Each page in app_pages/ lays out charts.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from analytics.errors import UserError  # noqa: E402
from dashboard import data, state  # noqa: E402

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Event analytics", layout="wide")  # no page_icon: a material icon favicon is fetched from a CDN

try:  # a store path that cannot be one ($EVENTS_STORE set to a folder or another file) is one message
    from analytics.default_data import check_store_path

    check_store_path(data.store().path)
except UserError as e:
    from dashboard.widgets import plain

    st.error(plain(f"{e} (the store path comes from $EVENTS_STORE, else data/events.duckdb)"))
    st.stop()
notes = data.ensure_default(str(data.store().path))
state.init()
try:
    choices = data.choices()
except UserError as e:
    st.error(str(e))
    st.stop()
filters = state.sidebar(choices)
state.write_url(filters)
st.session_state["filters"] = filters

pages = [
    st.Page(HERE / "app_pages" / "timeline.py", title="Timeline", url_path="timeline", default=True),
    st.Page(HERE / "app_pages" / "network.py", title="Actor network", url_path="network"),
    st.Page(HERE / "app_pages" / "map.py", title="Interaction map", url_path="map"),
    st.Page(HERE / "app_pages" / "events.py", title="Events table", url_path="events"),
    st.Page(HERE / "app_pages" / "add_data.py", title="Add data", url_path="add"),
]
nav = st.navigation(pages)
if notes and not st.session_state.get("_notes_shown"):
    st.session_state["_notes_shown"] = True
    from dashboard.widgets import plain

    st.toast(plain("Default data: " + "; ".join(notes)))
nav.run()
