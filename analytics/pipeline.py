"""Composes the components: documents -> coded event mentions -> one validated event frame.

The coder (`analytics.coding.code_text`) finds the events of one text; this module adds what is about
the document (id, source, url, publication date, origin) and a stable id per mention, then validates.

Example:
    >>> from analytics.documents import read_paths
    >>> frame = extract(read_paths(["seeds/"]).documents)      # doctest: +SKIP
"""

from __future__ import annotations

import hashlib

import pandas as pd

from analytics import schema
from analytics.documents import Document


def mention_id(doc_id: str, row: dict, ordinal: int) -> str:
    """Stable id of one mention: the same document coded the same way gets the same ids on every run."""
    parts = [doc_id, str(ordinal)] + [str(row.get(k)) for k in ("char_start", "char_end", "event_code", "actor1", "actor2", "location")]
    return "m:" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def document_rows(doc: Document) -> list[dict]:
    """The event-mention rows of one document, with its document-level columns filled in."""
    from analytics.coding import code_text

    rows = []
    for i, ev in enumerate(code_text(doc.text, doc.published)):
        row = dict(ev)
        if row.get("date_precision") is None:  # no date could be placed (e.g. no publication date)
            row["date_precision"] = "unknown"
        row.update(
            doc_id=doc.doc_id,
            source=doc.source,
            url=doc.url,
            published=doc.published,
            origin="text",
            num_sources=1,
        )
        row["event_id"] = mention_id(doc.doc_id, row, i)
        rows.append(row)
    return rows


def extract(documents, progress=None) -> pd.DataFrame:
    """Documents -> the validated event frame of all their mentions (one row per mention per document).

    `progress`, if given, is called with each finished document (for progress bars).
    """
    rows: list[dict] = []
    for doc in documents:
        rows.extend(document_rows(doc))
        if progress is not None:
            progress(doc)
    frame = schema.conform(rows) if rows else schema.empty_frame()
    return schema.validate(frame)
