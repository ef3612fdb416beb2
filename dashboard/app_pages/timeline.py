"""Timeline: every event over its whole date interval, in lanes, with the trend beneath.

Clicking (or box-selecting) events selects them: the other pages then show only those events, and a
single selected event's evidence appears below.
"""

import streamlit as st

from analytics.views import BINS, LANE_KINDS
from dashboard import data, state, widgets

filters = st.session_state["filters"]
own = filters.with_(event_ids=())  # the timeline always shows the filtered events; its selection filters the rest

summary = widgets.page_start("Timeline", own)

c1, c2, c3 = st.columns(3)
lane = c1.radio("Lanes by", LANE_KINDS, horizontal=True, key="tl_lane",
                format_func={"actor": "actor", "root": "CAMEO category", "quad": "quad class"}.get)
metric = c2.radio("Trend of", ["events", "goldstein"], horizontal=True, key="tl_metric",
                  format_func={"events": "event counts", "goldstein": "mean Goldstein"}.get)
bin_ = c3.selectbox("Bin by", ("auto",) + BINS, key="tl_bin")

widgets.chart(data.timeline_figure(own, lane), "timeline_chart", own, "Timeline",
              on_select=lambda: state.select_events("timeline_chart"))
widgets.chart(data.trend_figure(own, bin_, metric), "trend_chart", own, "Trend")

selected = filters.event_ids
if len(selected) == 1:
    st.subheader("Evidence for the selected event")
    widgets.evidence_panel(selected[0])
elif selected:
    st.caption(f"{len(selected)} events selected; see them on the Events table page.")
