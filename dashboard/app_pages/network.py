"""Actor network: who acts on whom. Nodes sized by events, arrows weighted by count.

Clicking an edge's midpoint diamond (or a node) adds its actors to the filters of every page.
"""


import streamlit as st

from dashboard import data, state, widgets

filters = st.session_state["filters"]
summary = widgets.page_start("Actor network", filters)

c1, c2, c3 = st.columns([2, 1, 1])
ego = c1.selectbox("Ego view: centre on one actor", [None] + data.choices().actors, key="net_ego",
                   format_func=lambda a: "all actors" if a is None else a)
hops = c2.radio("Hops", [1, 2], horizontal=True, key="net_hops", disabled=ego is None)
colour = c3.radio("Colour by", ["quad", "goldstein"], horizontal=True, key="net_colour",
                  format_func={"quad": "quad class", "goldstein": "mean Goldstein"}.get)
if summary.first and summary.last and summary.first < summary.last:
    window = st.slider("Time window", min_value=summary.first, max_value=summary.last,
                       value=(summary.first, summary.last), format="YYYY-MM-DD", key="net_window")
    if window != (summary.first, summary.last):
        filters = filters.with_(since=window[0], until=window[1])

widgets.chart(data.network_figure(filters, ego, hops, colour), "network_chart", filters, "Actor network",
              on_select=lambda: state.select_actors("network_chart"))
