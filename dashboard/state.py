"""The shared filters: read once from the URL, shown in the sidebar, written back to the URL.

A copied link reopens the same view: `?actor=Taliban&region=Central+Asia&since=2021-01-01&until=2021-12-31`
(repeat a key for several values). Chart selections become filters too (see `select_*`), applied in
widget callbacks so that the sidebar shows them and every page sees them.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics import schema, views
from analytics.errors import UserError
from analytics.filters import Filters

# URL key -> (Filters field, session-state key of its widget, is a list)
URL_KEYS = {
    "actor": ("actors", True),
    "region": ("regions", True),
    "country": ("countries", True),
    "root": ("roots", True),
    "quad": ("quad_classes", True),
    "since": ("since", False),
    "until": ("until", False),
    "source": ("sources", True),
    "origin": ("origins", True),
    "precision": ("min_precision", False),
    "event": ("event_ids", True),
}
FIELD_TO_URL = {field: key for key, (field, _) in URL_KEYS.items()}


def _wkey(field: str) -> str:
    return f"f_{field}"


def _from_url() -> tuple[dict, list[str]]:
    """Filter values found in the URL, each checked alone so one bad value does not drop the rest."""
    values, problems = {}, []
    for key, (field, many) in URL_KEYS.items():
        raw = st.query_params.get_all(key)
        if not raw:
            continue
        value = tuple(raw) if many else raw[-1]
        try:
            checked = getattr(Filters(**{field: value}), field)
        except (UserError, ValueError) as e:
            problems.append(f"link parameter {key}={', '.join(raw)!s} ignored: {e}")
            continue
        values[field] = checked
    return values, problems


def init() -> None:
    """Once per session: fill the filter widgets' state from the URL."""
    if st.session_state.get("_filters_ready"):
        return
    values, problems = _from_url()
    for field, many in URL_KEYS.values():
        v = values.get(field)
        if many:
            st.session_state[_wkey(field)] = list(v) if v else []
        else:
            st.session_state[_wkey(field)] = v
    st.session_state["_url_problems"] = problems
    st.session_state["_filters_ready"] = True


def current() -> Filters:
    """The Filters described by the widgets' state."""
    kw = {}
    for field, _many in URL_KEYS.values():
        v = st.session_state.get(_wkey(field))
        if v in (None, [], ()):
            continue
        kw[field] = v
    try:
        return Filters(**kw)
    except UserError as e:
        st.session_state["_url_problems"] = [str(e)]
        kw.pop("since", None)
        kw.pop("until", None)
        return Filters(**kw)


def write_url(filters: Filters) -> None:
    """Mirror the filters into the address bar (only when they changed, to keep history clean)."""
    want: dict[str, list[str]] = {}
    for field, key in FIELD_TO_URL.items():
        v = getattr(filters, field)
        if isinstance(v, tuple):
            if v:
                want[key] = [str(x) for x in v]
        elif v:
            want[key] = [v.isoformat() if isinstance(v, dt.date) else str(v)]
    have = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    if have != want:
        st.query_params.from_dict(want)


def clear() -> None:
    for field, many in URL_KEYS.values():
        st.session_state[_wkey(field)] = [] if many else None


# -- selections from charts become filters --------------------------------------------------------
def _add(field: str, values) -> None:
    key = _wkey(field)
    now = list(st.session_state.get(key) or [])
    for v in values:
        if v not in now:
            now.append(v)
    st.session_state[key] = now


def selected_points(chart_key: str) -> list[dict]:
    state = st.session_state.get(chart_key)
    try:
        return list(state.selection.points) if state else []
    except AttributeError:
        return list((state or {}).get("selection", {}).get("points", []))


def select_events(chart_key: str) -> None:
    """Timeline points -> an event filter (the other views show the selected events)."""
    ids = [p["customdata"][0] for p in selected_points(chart_key) if p.get("customdata")]
    if ids:
        st.session_state[_wkey("event_ids")] = list(dict.fromkeys(ids))[:50]


def select_actors(chart_key: str) -> None:
    """Network edge midpoints ([source, target]) or nodes ([actor]) -> an actor filter."""
    actors = []
    for p in selected_points(chart_key):
        actors += [a for a in (p.get("customdata") or []) if isinstance(a, str)]
    if actors:
        _add("actors", list(dict.fromkeys(actors)))


def select_countries(chart_key: str) -> None:
    """Map countries, arc midpoints ([from, to]) or places ([country]) -> a country filter."""
    found = []
    for p in selected_points(chart_key):
        data = p.get("customdata") or ([p["location"]] if p.get("location") else [])
        found += [c for c in data if isinstance(c, str) and len(c) == 3]
    if found:
        _add("countries", list(dict.fromkeys(found)))


# -- the sidebar --------------------------------------------------------------------------------
def _with_current(options, field: str) -> list:
    now = st.session_state.get(_wkey(field)) or []
    return list(options) + [v for v in now if v not in options]


def sidebar(choices: views.Choices) -> Filters:
    """Draw the shared filters in the sidebar and return them."""
    from analytics.geo import country_info

    sb = st.sidebar
    from dashboard.widgets import plain

    for line in st.session_state.get("_url_problems") or []:
        sb.warning(plain(line))  # the link's values are untrusted
    sb.multiselect("Actors", _with_current(choices.actors, "actors"), key=_wkey("actors"), accept_new_options=True,
                   help="Events where either side is one of these actors (the busiest are listed; type any other name).",
                   placeholder="any actor")
    sb.multiselect("Regions", _with_current(choices.regions, "regions"), key=_wkey("regions"),
                   help="UN M49 sub-region where the event happened; the map zooms to it.", placeholder="any region")

    def country_name(iso3):
        info = country_info(iso3)
        return f"{info.name} ({iso3})" if info else iso3

    sb.multiselect("Countries", _with_current(choices.countries, "countries"), key=_wkey("countries"),
                   format_func=country_name, placeholder="any country")
    labels = views.root_labels()
    with sb.expander("Category, dates, sources", expanded=True):
        st.multiselect("Quad class", list(schema.QUAD_CLASSES), key=_wkey("quad_classes"),
                       format_func=lambda q: f"{q} {schema.QUAD_CLASSES[q]}", placeholder="any")
        st.multiselect("CAMEO root", _with_current([f"{i:02d}" for i in range(1, 21)], "roots"), key=_wkey("roots"),
                       format_func=lambda r: f"{r} {labels.get(r, '')}", placeholder="any")
        lo, hi = dt.date(1, 1, 1), dt.date(9999, 12, 31)  # any date a link may carry
        c1, c2 = st.columns(2)
        c1.date_input("From", key=_wkey("since"), min_value=lo, max_value=hi, format="YYYY-MM-DD",
                      help=f"Data spans {choices.first} to {choices.last}")
        c2.date_input("To", key=_wkey("until"), min_value=lo, max_value=hi, format="YYYY-MM-DD")
        st.multiselect("Sources", _with_current(choices.sources, "sources"), key=_wkey("sources"), placeholder="any")
        st.multiselect("Origin", _with_current(list(schema.ORIGINS), "origins"), key=_wkey("origins"), placeholder="any")
        st.selectbox("Minimum date precision", [None] + list(schema.PRECISIONS[:-1]), key=_wkey("min_precision"),
                     format_func=lambda p: "any precision" if p is None else f"{p} or finer",
                     placeholder="any precision",
                     help="Keep only events dated at least this precisely (e.g. month keeps day, week and month).")
    if st.session_state.get(_wkey("event_ids")):
        n = len(st.session_state[_wkey("event_ids")])
        sb.info(f"{n} event(s) selected on the timeline filter the other views.")
        sb.button("Clear event selection", on_click=lambda: st.session_state.update({_wkey("event_ids"): []}))
    sb.button("Clear all filters", on_click=clear)
    return current()
