"""Add data: upload articles (coded into events) or dataset files (imported). Nothing stored is lost
when a file is bad: it is reported in one line and the rest still load."""

import streamlit as st

from dashboard import data
from dashboard.widgets import plain  # file names and messages quote untrusted input

st.title("Add data")
articles, datasets = st.tabs(["News articles", "Dataset files (GDELT, ICEWS, ACLED)"])

with articles:
    files = st.file_uploader("Articles", type=["txt", "md", "html", "htm", "json", "jsonl"], accept_multiple_files=True,
                             key="up_articles", help="Plain text, HTML pages, or JSON/JSONL records with a 'text' field.")
    c1, c2 = st.columns(2)
    published = c1.date_input("Publication date, for articles that give none", value=None, key="up_published",
                              help="Relative dates (\"last week\") are resolved against it.")
    source = c2.text_input("Source name, for articles that give none", key="up_source")
    if st.button("Add articles", disabled=not files, type="primary", key="up_go"):
        bar = st.progress(0.0, text="reading…")
        try:
            result = data.add_articles(files, published, source, progress=lambda f, t: bar.progress(f, text=t))
        except Exception as e:  # a bug in coding must not lose the page; the store is unchanged
            st.error(plain(f"Nothing was added: {type(e).__name__}: {e}"))
        else:
            bar.progress(1.0, text="done")
            for p in result["problems"]:
                st.error(plain(p))
            for w in result["warnings"]:
                st.warning(plain(w))
            if result["documents"]:
                st.success(f"Added {result['documents']} article(s) with {result['mentions']} event mention(s).")

with datasets:
    kind = st.selectbox("Format", ["auto", "gdelt", "icews", "acled"], key="up_kind")
    dfiles = st.file_uploader("Dataset files", accept_multiple_files=True, key="up_datasets",
                              type=["csv", "tsv", "tab", "txt", "zip"])
    if st.button("Import", disabled=not dfiles, type="primary", key="up_import"):
        bar = st.progress(0.0, text="importing…")
        try:
            result = data.add_datasets(dfiles, kind, progress=lambda f, t: bar.progress(f, text=t))
        except Exception as e:  # the store is unchanged: the importer writes in one transaction
            st.error(plain(f"Nothing was imported: {type(e).__name__}: {e}"))
        else:
            bar.progress(1.0, text="done")
            for p in result["problems"]:
                st.error(plain(p))
            if result["problems"]:
                st.error("Nothing was imported; the stored events are unchanged.")
            for w in result["warnings"]:
                st.warning(plain(w))
            if result["summary"] and not result["problems"]:
                st.success(plain(result["summary"]))
