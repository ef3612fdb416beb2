"""Interaction map: arcs between the actors' countries, event locations, countries shaded by events.

The region filter zooms the map. Clicking a country, an arc's midpoint or a place adds its
country to the filters of every page.
"""

import streamlit as st

from dashboard import data, state, widgets

filters = st.session_state["filters"]
summary = widgets.page_start("Interaction map", filters)
if summary.no_country_actor:
    st.caption(f"{summary.no_country_actor:,} of {summary.events:,} events have no known country; they are not on the map.")

widgets.chart(data.map_figure(filters), "map_chart", filters, "Interaction map",
              on_select=lambda: state.select_countries("map_chart"))
