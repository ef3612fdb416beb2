"""Thin cached wrappers around analytics calls, so a rerun with the same filters costs nothing.

Every cached call is keyed by the store's path and file stamp (the store is swapped in by rename on
every write, so new data gives a new stamp and fresh results) plus the filters and chart options.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from analytics import charts, export, views
from analytics.errors import UserError
from analytics.filters import Filters
from analytics.store import Store, default_path

_UNLISTED = re.compile(r"(\d+) more record\(s\) with problems not listed$")  # documents.py's count line
CACHE = dict(max_entries=128, show_spinner=False)
# Figures are cached as shared objects (cache_resource): pickling a go.Figure re-validates it on every
# hit, which costs more than building it. Nothing mutates them: exports copy before stamping.
FIGURES = dict(max_entries=64, show_spinner=False)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    return _store(str(default_path()))


def version() -> tuple:
    """Changes whenever the store file is replaced (every write)."""
    s = store()
    if not s.exists():
        return ()
    st_ = s.path.stat()
    return (st_.st_ino, st_.st_mtime_ns, st_.st_size)


@st.cache_resource(show_spinner="Building the default store from the bundled data (first start only)…")
def ensure_default(path: str) -> list[str]:
    from analytics.default_data import ensure_default_store

    return ensure_default_store(_store(path))


# -- views ---------------------------------------------------------------------------------------
@st.cache_data(**CACHE)
def _choices(path: str, ver: tuple) -> views.Choices:
    return views.choices(_store(path))


def choices() -> views.Choices:
    return _choices(str(store().path), version())


@st.cache_data(**CACHE)
def _summary(path, ver, filters: Filters) -> views.Summary:
    return views.summary(_store(path), filters)


def summary(filters: Filters) -> views.Summary:
    return _summary(str(store().path), version(), filters)


@st.cache_data(**CACHE)
def _timeline(path, ver, filters: Filters, lane: str):
    return views.timeline(_store(path), filters, lane=lane)


@st.cache_resource(**FIGURES)
def _timeline_figure(path, ver, filters: Filters, lane: str):
    return charts.timeline_figure(_timeline(path, ver, filters, lane))


def timeline_figure(filters: Filters, lane: str):
    return _timeline_figure(str(store().path), version(), filters, lane)


@st.cache_data(**CACHE)
def _trend(path, ver, filters: Filters, bin: str):
    return views.trend(_store(path), filters, bin=bin)


@st.cache_resource(**FIGURES)
def _trend_figure(path, ver, filters: Filters, bin: str, metric: str):
    title = "Mean Goldstein value over time" if metric == "goldstein" else "Events over time (counts)"
    return charts.trend_figure(_trend(path, ver, filters, bin), metric=metric, title=title)


def trend_figure(filters: Filters, bin: str, metric: str):
    return _trend_figure(str(store().path), version(), filters, bin, metric)


@st.cache_data(**CACHE)
def _network(path, ver, filters: Filters, ego, hops: int):
    return views.network(_store(path), filters, ego=ego, hops=hops)


@st.cache_resource(**FIGURES)
def _network_figure(path, ver, filters: Filters, ego, hops: int, colour: str):
    return charts.network_figure(_network(path, ver, filters, ego, hops), colour=colour)


def network_figure(filters: Filters, ego, hops: int, colour: str):
    return _network_figure(str(store().path), version(), filters, ego, hops, colour)


@st.cache_data(**CACHE)
def _map(path, ver, filters: Filters):
    return views.interaction_map(_store(path), filters)


@st.cache_resource(**FIGURES)
def _map_figure(path, ver, filters: Filters):
    return charts.map_figure(_map(path, ver, filters))


def map_figure(filters: Filters):
    return _map_figure(str(store().path), version(), filters)


@st.cache_data(**CACHE)
def _events_page(path, ver, filters: Filters, page: int) -> views.Page:
    return views.events_page(_store(path), filters, page=page)


def events_page(filters: Filters, page: int) -> views.Page:
    return _events_page(str(store().path), version(), filters, page)


def evidence(event_id: str) -> views.Evidence | None:
    return _evidence(str(store().path), version(), event_id)


@st.cache_data(**CACHE)
def _evidence(path, ver, event_id: str):
    return views.evidence(_store(path), event_id)


@st.cache_data(**CACHE)
def _not_stored(path, ver, filters: Filters) -> list[str]:
    return views.not_stored(_store(path), filters)


def not_stored(filters: Filters) -> list[str]:
    return _not_stored(str(store().path), version(), filters)


@st.cache_data(**CACHE)
def _citation(path, ver, filters: Filters) -> str:
    return views.citation(_store(path), filters)


def citation(filters: Filters) -> str:
    return _citation(str(store().path), version(), filters)


# -- exports (built only when a download button is clicked) ---------------------------------------
def chart_file(fig, fmt: str, filters: Filters, title: str) -> bytes:
    stamp = (filters.describe(), citation(filters))
    if fmt == "html":
        return export.html_bytes(fig, *stamp, title=title)
    return export.image_bytes(fig, fmt, *stamp)


def data_file(filters: Filters, fmt: str) -> bytes:
    frame = views.filtered_frame(store(), filters)
    stamp = filters.describe()
    if len(frame) >= views.EXPORT_MAX_ROWS:
        stamp += f"; cut to the first {views.EXPORT_MAX_ROWS:,} events by date (narrow the filters for the rest)"
    return export.data_bytes(frame, fmt, stamp, citation(filters))


# -- adding data ---------------------------------------------------------------------------------
def _save_uploads(files, folder: Path) -> tuple[list[Path], Callable[[str], str]]:
    """Write the uploads to `folder`; returns their paths and a function that puts the user's file names
    back in place of those temporary paths in a message."""
    paths = []
    for i, f in enumerate(files):
        name = Path(f.name).name or f"upload-{i}"
        target = folder / f"{i:03d}-{name}"
        target.write_bytes(f.getvalue())
        paths.append(target)
    names = {str(p): p.name.split("-", 1)[1] for p in paths}

    def named(line: str) -> str:
        for full, short in names.items():
            line = line.replace(full, short)
        return line

    return paths, named


def per_file(lines: list[str], keep: int = 3) -> list[str]:
    """One message per file out of lines that each start with its name ("a.jsonl: line 3: ..."), so a
    file with 30 bad lines is one message, not 30: how many problems, the first `keep`, and the rest counted.
    A record number after the name ("a.json:2: ...") stays with its problem."""
    groups: dict[str, list[str]] = {}
    for line in lines:
        head, sep, rest = line.partition(": ")
        key = head.split(":", 1)[0] if sep else line
        detail = (f"record {head[len(key) + 1:]}: {rest}" if head != key else rest) if sep else ""
        groups.setdefault(key, []).append(detail)
    out = []
    for name, details in groups.items():
        unlisted = sum(int(m.group(1)) for d in details if (m := _UNLISTED.match(d)))
        details = [d for d in details if d and not _UNLISTED.match(d)]
        total = len(details) + unlisted
        if total <= 1:
            out.append(f"{name}: {details[0]}" if details else name)
            continue
        more = total - min(keep, len(details))
        out.append(f"{name}: {total} problems: " + "; ".join(details[:keep]) + (f"; and {more} more" if more else ""))
    return out


def add_articles(files, published, source: str | None, progress) -> dict:
    """Read, code and store uploaded articles. Returns documents, mentions, problems, warnings.

    A file that cannot be read is reported and skipped; the store changes only if something was read,
    and a failed write leaves it as it was (copy-on-write).
    """
    from analytics.documents import read_paths
    from analytics.pipeline import extract

    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        paths, named = _save_uploads(files, Path(tmp))
        result = read_paths(paths, published=published, source=source or None)
        problems = per_file([named(p) for p in result.problems])
        warnings = [named(w) for w in result.warnings]
        if not result.documents:
            return {"documents": 0, "mentions": 0, "problems": problems, "warnings": warnings}
        done = [0]

        def step(_doc):
            done[0] += 1
            progress(done[0] / len(result.documents), f"coded {done[0]} of {len(result.documents)} articles")

        frame = extract(result.documents, progress=step)
        report = store().ingest(result.documents, frame)
    return {"documents": report.documents, "mentions": report.mentions, "problems": problems, "warnings": warnings}


def add_datasets(files, kind: str, progress) -> dict:
    """Import uploaded GDELT/ICEWS/ACLED files through the importer.

    Returns `summary` (one line), `problems` (refused files: then nothing was written) and `warnings`
    (malformed rows skipped), with the uploaded names in place of temporary paths.
    """
    from analytics.importers import import_files

    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        paths, named = _save_uploads(files, Path(tmp))

        def step(p):
            progress(min(1.0, p.bytes_done / max(1, p.bytes_total)), f"{p.rows:,} rows read")

        try:
            report = import_files(kind, [str(p) for p in paths], store(), progress=step)
        except UserError as e:
            return {"summary": "", "problems": [named(str(e))], "warnings": []}
    warnings = per_file([named(line) for f in report.files for line in f.problems[:20]])
    return {"summary": named(report.summary()), "problems": [named(r) for r in report.refused], "warnings": warnings}
