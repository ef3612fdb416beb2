"""Events table: the filtered rows with their evidence sentence and source link.

Selecting a row shows the document(s) behind the event with the evidence sentence highlighted.
"""

import streamlit as st

from dashboard import data, widgets

filters = st.session_state["filters"]
summary = widgets.page_start("Events table", filters)

c1, c2 = st.columns([1, 3])
page_no = c1.number_input("Page", min_value=1, value=1, step=1, key="ev_page")
page = data.events_page(filters, int(page_no))
c2.caption(f"{page.total:,} events · page {page.page} of {page.pages} · newest first · select a row to read its evidence")
d1, d2, _ = st.columns([1, 1, 6])
widgets.data_downloads(filters, "events-data", d1, d2)

selection = st.dataframe(
    page.rows, key="events_table", on_select="rerun", selection_mode="single-row", hide_index=True, width="stretch",
    column_config={
        "url": st.column_config.LinkColumn("source link", display_text="open"),
        "sentence": st.column_config.TextColumn("evidence sentence", width="large"),
        "date_start": st.column_config.DateColumn("from"),
        "date_end": st.column_config.DateColumn("to"),
        "date_precision": st.column_config.TextColumn("precision", help="how precisely the date is known: from..to spans it"),
        "date_basis": st.column_config.TextColumn("date from", help="explicit or relative date in the text, the publication "
                                                  "date (no date in the text), the narrative, or the dataset"),
        "event_id": None,
    },
)
rows = selection.selection.rows if selection else []
if rows:
    st.subheader("Evidence")
    widgets.evidence_panel(page.rows.iloc[rows[0]]["event_id"])
