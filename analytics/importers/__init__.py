"""Dataset importers: GDELT 1.0/2.0, ICEWS and ACLED files -> event-frame rows in the store.

    from analytics.importers import import_files
    report = import_files("auto", ["20180326044500.export.CSV.zip"], store)
    report.added, report.malformed, report.refused

Every file is checked and its layout recognised first; if any file is refused (missing, empty, binary,
not a known format, or not the format asked for), nothing is written. Accepted files are streamed in
bounded chunks, mapped with vectorised Arrow/pandas operations, validated against the frame's schema
and appended to the store's private copy (`Store.write()`), which replaces the store only when every
file succeeded: a failure leaves the store exactly as it was. A file whose
hash is already in the store's `imports` table is skipped, and rows whose event_id is already stored
are not added again, so importing the same file twice adds nothing. Malformed rows are skipped and
reported with their file and line; they are warnings, not failures.

Modules: source.py (open, sniff, hash), reader.py (streaming), columns.py (vectorised helpers),
lookups.py (per-distinct-value mappings), gdelt.py / icews.py / acled.py (one per format), cli.py.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analytics import schema
from analytics.errors import UserError
from analytics.importers.messages import message
from analytics.importers.reader import BLOCK_SIZE, ReadState, batches, locate_lines
from analytics.importers.source import FORMATS, Refused, Source, open_source

KINDS = ("auto",) + tuple(FORMATS)
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data" / "gdelt"  # the shipped GDELT 2.0 export (README there)
MAX_REPORTED = 1000  # problem lines kept per file (all are counted)
DUCKDB_MEMORY = "512MB"  # DuckDB's memory limit while importing: it spills beyond it, so memory stays bounded
INSERT_ROWS = 131_072
CLUSTER_MIN_ROWS = 122_880  # one DuckDB row group: below that, sorting cannot narrow any row group's ranges  # rows per store append: at least one DuckDB row group (122,880), see _import_one


@dataclass
class FileReport:
    path: str
    layout: str = ""
    rows: int = 0  # data rows read, malformed ones included
    added: int = 0
    existing: int = 0  # well-formed rows whose event_id was already stored (or repeated in the file)
    malformed: int = 0
    already_imported: bool = False
    problems: list[str] = field(default_factory=list)  # "path: line N: ..." lines, at most MAX_REPORTED


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one line per refused file; non-empty -> nothing written
    seconds: float = 0.0
    clustered: bool = False  # the events table was re-sorted after a bulk load

    @property
    def ok(self) -> bool:
        return not self.refused

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def malformed(self) -> int:
        return sum(f.malformed for f in self.files)

    def summary(self) -> str:
        if self.refused:
            return f"import: {len(self.refused)} of {len(self.refused) + len(self.files)} files refused; nothing was written"
        existing = sum(f.existing for f in self.files)
        skipped = sum(f.already_imported for f in self.files)
        rate = self.rows / self.seconds if self.seconds > 0 else 0.0
        return (
            f"import: {len(self.files)} files, {self.rows:,} rows read, {self.added:,} events added, "
            f"{existing:,} already stored, {self.malformed:,} malformed rows skipped"
            + (f", {skipped} files already imported" if skipped else "")
            + f" ({self.seconds:.1f} s, {rate:,.0f} rows/s)"
        )


@dataclass
class Progress:
    """Passed to the progress callback after each chunk."""

    path: str
    file_index: int
    files: int
    rows: int  # rows read so far, all files
    bytes_done: int  # bytes read so far, all files
    bytes_total: int


def default_files() -> list[Path]:
    """The dataset files shipped as default data (a real GDELT 2.0 export), for the dashboard's first start.

    >>> [p.name for p in default_files()]  # doctest: +SKIP
    ['20180326044500.export.CSV.zip']
    """
    return sorted(p for p in DEFAULT_DATA.glob("*") if p.is_file() and p.name.lower() != "readme.md")


def check_files(kind: str, paths: Sequence[str | Path]) -> tuple[list[Source], list[str]]:
    """Open and recognise every file: (accepted sources, one refusal line per refused file)."""
    if kind not in KINDS:
        raise UserError(f"unknown import kind {kind!r}; expected one of {', '.join(KINDS)}")
    sources, refused = [], []
    for p in paths:
        try:
            sources.append(open_source(p, kind))
        except Refused as e:
            refused.append(f"{p}: {e}")
    return sources, refused


def import_files(
    kind: str,
    paths: Sequence[str | Path],
    store,
    progress: Callable[[Progress], None] | None = None,
    block_size: int = BLOCK_SIZE,
    cluster: bool = True,
) -> ImportReport:
    """Import dataset files into `store` (an analytics.store.Store). See the module docstring.

    kind: "gdelt", "icews", "acled" or "auto". progress: called with a `Progress` after each chunk.
    cluster: after a bulk load (at least CLUSTER_MIN_ROWS rows, and at least a tenth of the table),
    re-sort the events table for fast filtering, in the same transaction. Returns an ImportReport;
    raises UserError when a file fails while being read (the store is then unchanged).
    """
    started = time.perf_counter()
    sources, refused = check_files(kind, paths)
    report = ImportReport(refused=refused)
    if refused or not sources:
        report.seconds = time.perf_counter() - started
        return report
    total = sum(s.size for s in sources)
    done = {"rows": 0, "bytes": 0}
    with store.write() as con:
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")  # this connection only; not stored in the file
        seen = {r[0] for r in con.execute("SELECT file_hash FROM imports").fetchall()}
        for i, source in enumerate(sources):
            fr = FileReport(path=str(source.path), layout=source.layout.name)
            report.files.append(fr)
            if source.file_hash in seen:
                fr.already_imported = True
                done["bytes"] += source.size
                if progress:
                    progress(Progress(str(source.path), i, len(sources), done["rows"], done["bytes"], total))
                continue

            def tick(state: ReadState, rows: int, source=source, i=i):
                if progress:
                    # Arrow reads ahead, so the bytes it has read run early: estimate from the rows delivered.
                    at = source.size if state.bytes_read >= source.size and state.done else min(source.size, int(rows * source.bytes_per_row))
                    progress(Progress(str(source.path), i, len(sources), done["rows"] + rows, done["bytes"] + at, total))

            _import_one(source, store, con, fr, tick, block_size)
            done["rows"] += fr.rows
            done["bytes"] += source.size
            seen.add(source.file_hash)
            con.execute(
                "INSERT INTO imports (file_hash, path, origin, rows) VALUES (?, ?, ?, ?)",
                [source.file_hash, str(source.path.resolve()), source.layout.kind, fr.added],
            )
        if cluster and report.added >= CLUSTER_MIN_ROWS:
            stored = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            if report.added * 10 >= stored:
                # A bulk load: leave the table sorted for the dashboard's filters (store.cluster_events).
                # Skipped for a small addition to a large store, where re-sorting everything would dominate.
                from analytics.store import cluster_events

                cluster_events(con)
                report.clustered = True
    report.seconds = time.perf_counter() - started
    return report


def _import_one(source: Source, store, con, fr: FileReport, tick, block_size: int) -> None:
    """Stream one file into the open transaction.

    Chunks are mapped as they are read and gathered until INSERT_ROWS rows, then stored in one append:
    DuckDB writes an append of at least a row group straight to the file, where smaller ones would stay
    in memory until the commit. Storing runs in a worker thread (DuckDB and Arrow release the GIL) while
    this thread reads and maps the next chunks, so memory holds at most two such batches.
    """
    state = ReadState()
    bad_records: list[tuple[int, str]] = []  # (record ordinal, reason)
    dup_records: list[tuple[int, str]] = []  # (record ordinal, event id)
    gathered: list[tuple[pd.DataFrame, np.ndarray]] = []
    pending = None

    def store_batch(frame, n_rows):
        added = store.add_events(frame, con=con)
        # The connection works on the store's private copy, swapped in only when the whole import
        # succeeds; committing within it keeps DuckDB's uncommitted data (held in memory) small.
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        con.execute("BEGIN TRANSACTION")
        fr.added += added
        fr.existing += len(frame) - added
        fr.rows += n_rows

    gathered_rows = 0  # input rows behind `gathered`, malformed ones included

    def flush(pool, pending):
        nonlocal gathered_rows
        frame, _ = _concat(gathered, dup_records)
        n_rows, gathered_rows = gathered_rows, 0
        gathered.clear()
        if pending is not None:
            pending.result()
        return pool.submit(store_batch, frame, n_rows)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-store") as pool:
        try:
            for table in batches(source, state, block_size):
                gathered.append(_map_chunk(source, table, state.rows, bad_records))
                gathered_rows += table.num_rows
                if sum(len(f) for f, _ in gathered) >= INSERT_ROWS:
                    pending = flush(pool, pending)
                tick(state, state.rows)  # rows read so far: monotonic, unlike rows stored
            if gathered:
                pending = flush(pool, pending)
            if pending is not None:
                pending.result()
        except pa.ArrowInvalid as e:
            raise _read_error(e, source) from None
        finally:
            if pending is not None and not pending.done():
                pending.cancel()
    tick(state, fr.rows)
    fr.existing += len(dup_records)
    fr.malformed = len(bad_records) + len(state.short_or_long)
    fr.rows += len(state.short_or_long)
    if fr.malformed or dup_records:
        _report_problems(source, fr, bad_records, dup_records)


def _read_error(e: Exception, source: Source) -> UserError:
    """A file that passed its first-bytes check but breaks later (bad UTF-8, an unparsable block)."""
    detail = str(e).splitlines()[0]
    key = "utf8_mid" if "UTF8" in detail.upper() or "UTF-8" in detail.upper() else "read_failed"
    return UserError(message(key, detail=detail), where=str(source.path))


def _map_chunk(source: Source, table, first: int, bad_records: list) -> tuple[pd.DataFrame, np.ndarray]:
    """Map one chunk and validate it; malformed rows are dropped and noted. Returns (frame, record ordinals)."""
    mapped = source.layout.transform(table)
    frame, bad = mapped.frame, mapped.bad
    if bad.any():
        idx = np.flatnonzero(bad)
        bad_records.extend(zip((first + idx).tolist(), mapped.reasons[idx].tolist()))
        frame = frame[~bad].reset_index(drop=True)
        ordinals = first + np.flatnonzero(~bad)
    else:
        ordinals = first + np.arange(len(frame))
    return frame, ordinals


def _concat(gathered, dup_records: list) -> tuple[pd.DataFrame, np.ndarray]:
    """One frame from the gathered chunks, without ids repeated within it (those are noted), validated."""
    if len(gathered) == 1:
        frame, ordinals = gathered[0]
    else:
        frame = pd.concat([f for f, _ in gathered], ignore_index=True)
        ordinals = np.concatenate([o for _, o in gathered])
    dup = frame["event_id"].duplicated().to_numpy()
    if dup.any():
        dup_records.extend(zip(ordinals[dup].tolist(), frame["event_id"][dup].tolist()))
        frame = frame[~dup].reset_index(drop=True)
        ordinals = ordinals[~dup]
    return schema.validate(frame), ordinals


def _report_problems(source: Source, fr: FileReport, bad_records, dup_records) -> None:
    wanted = {o for o, _ in bad_records[:MAX_REPORTED]} | {o for o, _ in dup_records[:MAX_REPORTED]}
    lines, wrong = locate_lines(source, wanted)
    want = len(source.layout.columns)
    items = [(line, message("fields", line=line, got=got, want=want)) for line, got in wrong[:MAX_REPORTED]]
    items += [(lines.get(o, 0), message("bad_value", line=lines.get(o, "?"), reason=r)) for o, r in bad_records[:MAX_REPORTED]]
    items += [(lines.get(o, 0), message("duplicate", line=lines.get(o, "?"), event_id=e)) for o, e in dup_records[:MAX_REPORTED]]
    items.sort(key=lambda t: t[0])
    fr.problems = [f"{source.path}: {text}" for _, text in items[:MAX_REPORTED]]


def read_file(path: str | Path, kind: str = "auto", block_size: int = BLOCK_SIZE) -> tuple[pd.DataFrame, FileReport]:
    """Read and map one file without a store: (validated frame, FileReport). For previews and checks.

    Raises UserError when the file is refused or cannot be read; malformed rows are skipped and reported.
    """
    try:
        source = open_source(path, kind)
    except Refused as e:
        raise UserError(str(e), where=str(path)) from None
    fr = FileReport(path=str(source.path), layout=source.layout.name)
    state = ReadState()
    bad_records: list[tuple[int, str]] = []
    dup_records: list[tuple[int, str]] = []
    gathered = []
    try:
        for table in batches(source, state, block_size):
            gathered.append(_map_chunk(source, table, state.rows, bad_records))
            fr.rows += table.num_rows
    except pa.ArrowInvalid as e:
        raise _read_error(e, source) from None
    frame, _ = _concat(gathered, dup_records) if gathered else (schema.empty_frame(), None)
    fr.existing = len(dup_records)
    fr.malformed = len(bad_records) + len(state.short_or_long)
    fr.rows += len(state.short_or_long)
    if fr.malformed or dup_records:
        _report_problems(source, fr, bad_records, dup_records)
    return frame, fr


def run_cli(args) -> int:
    from analytics.importers.cli import run_cli as _run

    return _run(args)
