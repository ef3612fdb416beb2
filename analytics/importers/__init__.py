"""Dataset importers: GDELT 1.0/2.0, ICEWS and ACLED files -> event-frame rows in the store.

    from analytics.importers import import_files
    report = import_files("auto", ["20180326044500.export.CSV.zip"], store)
    report.added, report.malformed, report.refused

Every file is checked and its layout recognised first; if any file is refused (missing, empty, binary,
not a known format, or not the format asked for), nothing is written. Accepted files are streamed in
bounded chunks, mapped with vectorised Arrow operations, validated against the frame's schema on Arrow
(checks.py: schema.validate's rules) and streamed into one INSERT per file into the events table of the
store's private copy (`Store.write()`), which keeps the rows with new event ids, sorted for the
dashboard's filters on one integer key per row (`store.cluster_key`; unsorted with cluster=False).
Reading, mapping and inserting run in separate threads; the actor lexicon loads and the file is hashed
in the background meanwhile. The copy replaces the store only when every file succeeded: a failure
leaves the store exactly as it was. A file whose hash is already in the store's `imports` table is
skipped, and rows whose event_id is already stored are not added again, so importing the same file
twice adds nothing. Malformed rows are skipped and reported with their file and line; they
are warnings, not failures.

Modules: source.py (open, sniff, hash), reader.py (streaming), columns.py (vectorised helpers), checks.py
(schema rules on Arrow),
lookups.py (per-distinct-value mappings), gdelt.py / icews.py / acled.py (one per format), cli.py.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import schema
from analytics.errors import UserError
from analytics.importers import lookups
from analytics.importers.checks import duplicated, validate_table
from analytics.importers.columns import to_frame
from analytics.importers.messages import message
from analytics.importers.reader import BLOCK_SIZE, ReadState, batches, locate_lines
from analytics.importers.source import FORMATS, Refused, Source, open_source
from analytics.store import cluster_key

KINDS = ("auto",) + tuple(FORMATS)
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data" / "gdelt"  # the shipped GDELT 2.0 export (README there)
MAX_REPORTED = 1000  # problem lines kept per file (all are counted)
# DuckDB's memory limit while importing: it spills beyond it, so memory stays bounded. At 512 MB the sort of a
# 1M-row file spilled to disk: 1 GB made the import's sorted insert twice as fast (2.7 -> 1.3 s) for ~0.5 GB more peak.
DUCKDB_MEMORY = "1GB"
# Chunks mapped at once. Two (both cores) measured no faster than one on this 2-core machine: Arrow's reader,
# the staging thread and DuckDB already keep both cores busy while a file is read.
MAP_THREADS = 1
INSERT_ROWS = 131_072  # rows per batch sent to the INSERT or the staging table (and per schema check)
CLUSTER_MIN_ROWS = 122_880  # one DuckDB row group: below that, sorting cannot narrow any row group's ranges


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
    leave the events table sorted for fast filtering (store.CLUSTER_ORDER), in the same transaction;
    each file's new rows are inserted in that order. With cluster=False they are inserted unsorted: a
    slightly faster import (see docs/BENCHMARKS.md), slower region and country filters on a large store
    until it is clustered (`store.cluster_events`).
    Returns an ImportReport; raises UserError when a file fails while being read (the store is then
    unchanged).
    """
    from analytics.store import cluster_events

    started = time.perf_counter()
    sources, refused = check_files(kind, paths)
    report = ImportReport(refused=refused)
    if refused or not sources:
        report.seconds = time.perf_counter() - started
        return report
    total = sum(s.size for s in sources)
    done = {"rows": 0, "bytes": 0}
    # Fixed costs run beside the setup instead of before it: the actor lexicon loads in one thread (Python)
    # while each file is hashed in another (hashlib releases the GIL) and the store is copied and opened.
    lookups.preload()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-hash") as hashing:
        for source in sources:
            source.start_hash(hashing)
        with store.write() as con:
            con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")  # this connection only; not stored in the file
            seen = {r[0] for r in con.execute("SELECT file_hash FROM imports").fetchall()}
            stored_before = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            files_added = 0
            resort = False  # a file's rows went in as more than one sorted run
            for i, source in enumerate(sources):
                fr = FileReport(path=str(source.path), layout=source.layout.name)
                report.files.append(fr)

                def tick(state: ReadState, rows: int, source=source, i=i):
                    if progress:
                        # Arrow reads ahead, so the bytes it has read run early: estimate from the rows delivered.
                        at = source.size if state.bytes_read >= source.size and state.done else min(source.size, int(rows * source.bytes_per_row))
                        progress(Progress(str(source.path), i, len(sources), done["rows"] + rows, done["bytes"] + at, total))

                try:
                    one_run = _import_one(source, con, fr, tick, block_size, seen, sort=cluster)
                except _AlreadyImported:
                    fr.already_imported = True
                    done["bytes"] += source.size
                    if progress:
                        progress(Progress(str(source.path), i, len(sources), done["rows"], done["bytes"], total))
                    continue
                files_added += fr.added > 0
                resort |= not one_run and fr.added > 0
                done["rows"] += fr.rows
                done["bytes"] += source.size
                seen.add(_hash_of(source))
                _record_import(con, source, fr)
            if cluster and report.added >= CLUSTER_MIN_ROWS:
                stored = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
                if report.added * 10 >= stored:
                    # A bulk load: leave the table sorted for the dashboard's filters. Each file's new rows
                    # were inserted in that order already, so when they are the whole table (one file into
                    # an empty store, the usual bulk load) it is sorted as it stands; otherwise re-sort it.
                    # Skipped for a small addition to a large store, where re-sorting everything would dominate.
                    if stored_before or files_added > 1 or resort:
                        cluster_events(con)
                    report.clustered = True
    report.seconds = time.perf_counter() - started
    return report


class _AlreadyImported(Exception):
    """The file's hash is in the store's imports table: nothing of it is added."""


def _hash_of(source: Source) -> str:
    try:
        return source.file_hash
    except OSError as e:
        raise UserError(message("unreadable", detail=e.strerror or str(e)), where=str(source.path)) from None


def _check_not_imported(source: Source, seen: set[str], wait: bool) -> None:
    """Raise _AlreadyImported when the file's hash is known and already stored; without `wait`, only
    when the background hash has finished (the import goes on meanwhile)."""
    if (wait or source.hash_ready()) and _hash_of(source) in seen:
        raise _AlreadyImported


def _record_import(con, source: Source, fr: FileReport) -> None:
    con.execute(
        "INSERT INTO imports (file_hash, path, origin, rows) VALUES (?, ?, ?, ?)",
        [_hash_of(source), str(source.path.resolve()), source.layout.kind, fr.added],
    )


STAGING = "import_staging"  # a temporary table: gone with the connection, never in the store file


def _import_one(source: Source, con, fr: FileReport, tick, block_size: int, seen: set[str] = frozenset(), sort: bool = True) -> bool:
    """Stream one file into the open transaction; returns True when its new rows went into the events
    table in one sorted run (with `sort`), False when the table needs re-sorting to be in cluster order.

    Chunks are mapped and validated in Arrow as they are read and gathered to INSERT_ROWS rows (DuckDB
    scans the Arrow tables in place: no Python object per row; beyond its memory limit it spills to
    disk, so memory stays bounded). The batches are streamed into one INSERT into the events table
    (_Direct), which sorts them on store.cluster_key with `sort`, and skips the ids already stored. A
    file whose batches' id ranges overlap, or whose sort key cannot be made, is staged from that batch
    on in a temporary table (see _Staging for what is left out), moved into events by one more INSERT.
    Raises _AlreadyImported as soon as the file's hash is found in `seen`.
    """
    state = ReadState()
    bad_records: list[tuple[int, str]] = []  # (record ordinal, reason)
    dup_records: list[tuple[int, str]] = []  # (record ordinal, event id)
    gathered: list[tuple[pa.Table, np.ndarray]] = []
    gathered_len = 0
    staged = {"rows": 0, "max_id": None, "disjoint": True, "split": False}
    staging = _Staging(sort)
    direct = _Direct(con, sort)
    pending = None

    def check_and_stage(batch):
        table, ordinals = _concat(batch, dup_records)
        # Batches whose id ranges follow one another cannot share an id (dataset exports usually list
        # ids in order): then the insert can skip looking for ids repeated across batches.
        lo_hi = pc.min_max(table["event_id"])
        lo, hi = lo_hi["min"].as_py(), lo_hi["max"].as_py()
        if lo is not None:
            if staged["max_id"] is not None and lo <= staged["max_id"]:
                staged["disjoint"] = False
            staged["max_id"] = hi
        if direct.open:
            key = cluster_key(table) if sort else None
            if staged["disjoint"] and (key is not None or not sort) and direct.fits(table):
                if not direct.started:
                    # Streamed rows are in the store before the file ends: know first that the file is new.
                    _check_not_imported(source, seen, wait=True)
                staged["rows"] += direct.put(table, key, ordinals)
                return
            # An id range overlapping an earlier batch's, a region the sort key does not know, or a value in
            # a column the stream left out: end the stream; the rest of the file is staged, and its INSERT
            # (after the stream's) skips the ids the stream added, keeping their first row. Two sorted runs:
            # the table is re-sorted after the load.
            staged["split"] = direct.started
            direct.close()
        staged["rows"] += _stage_batch(con, table, ordinals, staging)

    def take_mapped(future, bad: list) -> None:  # in file order
        nonlocal pending, gathered_len
        mapped = future.result()
        bad_records.extend(bad)
        gathered.append(mapped)
        gathered_len += mapped[0].num_rows
        if gathered_len >= INSERT_ROWS:
            if pending is not None:
                pending.result()
            pending = stager.submit(check_and_stage, list(gathered))
            gathered.clear()
            gathered_len = 0

    inflight: deque = deque()  # (future of a mapped chunk, its malformed rows), oldest first
    finished = False
    try:
        # Chunks are mapped by MAP_THREADS workers, and checking and staging a batch runs in another
        # (Arrow's kernels and DuckDB release the GIL), while this thread reads ahead; results are taken
        # in file order, and at most MAP_THREADS + 1 chunks and two batches are held.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-stage") as stager, \
                ThreadPoolExecutor(max_workers=MAP_THREADS, thread_name_prefix="import-map") as mappers:
            try:
                for table in batches(source, state, block_size):
                    bad: list[tuple[int, str]] = []
                    inflight.append((mappers.submit(_map_chunk, source, table, state.rows, bad), bad))
                    while len(inflight) > MAP_THREADS or (inflight and inflight[0][0].done()):
                        take_mapped(*inflight.popleft())
                    tick(state, state.rows)  # rows read so far: monotonic
                    _check_not_imported(source, seen, wait=False)  # as soon as the file's hash is known
                while inflight:
                    take_mapped(*inflight.popleft())
                if pending is not None:
                    pending.result()
                    pending = None
                if gathered:
                    check_and_stage(gathered)
            except pa.ArrowInvalid as e:
                raise _read_error(e, source) from None
            finally:
                for future, _ in inflight:
                    future.cancel()
                if pending is not None:
                    pending.cancel()
                    with contextlib.suppress(Exception):
                        pending.result()  # let a running batch finish before the table is dropped
        _check_not_imported(source, seen, wait=True)
        fr.added = direct.close()
        fr.added += _insert_staged(con, repeats_possible=not staged["disjoint"], staging=staging)
        finished = True
    finally:
        if finished:
            con.execute(f"DROP TABLE IF EXISTS {STAGING}")
        else:  # an error is on its way out; an aborted stream has aborted the transaction too
            direct.abort()
            with contextlib.suppress(Exception):
                con.execute(f"DROP TABLE IF EXISTS {STAGING}")
    fr.rows = state.rows + len(state.short_or_long)
    tick(state, state.rows)
    fr.existing = staged["rows"] - fr.added + len(dup_records)
    fr.malformed = len(bad_records) + len(state.short_or_long)
    if fr.malformed or dup_records:
        _report_problems(source, fr, bad_records, dup_records)
    return not staged["split"]


_END, _ABORT = object(), object()


class _Direct:
    """Batches streamed straight into the events table: no staging copy. One INSERT reads the batches as
    an Arrow stream, in a thread of its own, from a queue that the staging worker fills (at most two
    batches wait), so DuckDB sorts (with `sort`: on store.cluster_key, then the file's order), compresses
    and writes them while the next ones are read and mapped; unsorted, DuckDB may interleave them. Its
    NOT EXISTS skips ids already stored; ids repeated across batches cannot occur while the batches' id
    ranges follow one another, and the first batch that breaks that ends the stream (`close`): the rest
    of the file goes through the staging table."""

    def __init__(self, con, sort: bool = False):
        self.con = con
        self.sort = sort
        self.open = True
        self.added = 0
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.empty: list[str] = []  # columns left out of the stream (see `put`)
        self.thread: threading.Thread | None = None

    def _run(self, reader) -> None:
        try:
            self.con.register("import_stream", reader)
            columns, order = ("* EXCLUDE (__key, __seq)", " ORDER BY __key, __seq") if self.sort else ("*", "")
            self.added = int(self.con.execute(
                f"INSERT INTO events BY NAME SELECT {columns} FROM import_stream s" + _NEW_IDS_ONLY.format(rows="s") + order
            ).fetchall()[0][0])
        except BaseException as e:  # noqa: BLE001 - handed to the importing thread by close()
            self.error = e

    def _batches(self):
        while True:
            item = self.queue.get()
            if item is _END:
                return
            if item is _ABORT:
                raise RuntimeError("import aborted")
            yield from item.to_batches()

    def _send(self, item) -> None:
        while True:
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                if not self.thread.is_alive():  # the INSERT failed: close() reports why
                    return

    @property
    def started(self) -> bool:
        return self.thread is not None

    def fits(self, table: pa.Table) -> bool:
        """False when a column left out of the stream holds a value in this batch."""
        return all(table[c].null_count == table.num_rows for c in self.empty)

    def put(self, table: pa.Table, key: pa.Array | None = None, ordinals: np.ndarray | None = None) -> int:
        """Send a batch (with `sort`: its store.cluster_key and record ordinals too); returns its rows."""
        if self.thread is None:
            # Columns empty in the first batch (the text-only columns of a dataset) are left out of the
            # stream: the INSERT leaves them NULL, and the sort carries 8 of GDELT's 38 columns less
            # (~0.4 CPU-s per 1M rows). A later value in one ends the stream (see `fits`).
            self.empty = [c for c in table.column_names if table[c].null_count == table.num_rows]
        table = table.drop_columns(self.empty)
        if self.sort:
            table = table.append_column("__key", key).append_column("__seq", pa.array(ordinals, pa.int64()))
        if self.thread is None:
            reader = pa.RecordBatchReader.from_batches(table.schema, self._batches())
            self.thread = threading.Thread(target=self._run, args=(reader,), name="import-insert", daemon=True)
            self.thread.start()
        if not self.thread.is_alive():
            self.close()  # raises the INSERT's error
        self._send(table)
        return table.num_rows

    def close(self) -> int:
        """End the stream, wait for the INSERT; returns the rows it added (raises its error)."""
        if self.open:
            self.open = False
            if self.thread is not None:
                self._send(_END)
                self.thread.join()
                self.con.unregister("import_stream")
        if self.error is not None:
            raise self.error
        return self.added

    def abort(self) -> None:
        """After an error elsewhere: stop the INSERT (it fails, and with it the transaction)."""
        if self.open:
            self.open = False
            if self.thread is not None:
                self._send(_ABORT)
                self.thread.join()


_VARIES = object()


def _constant(arr, value=_VARIES):
    """The one value every row of `arr` holds (None when all are missing), or _VARIES. With `value`, the
    answer is that value only if every row holds it."""
    if arr.null_count == len(arr):
        found = None
    elif arr.null_count:
        return _VARIES
    else:
        lo_hi = pc.min_max(arr)
        lo, hi = lo_hi["min"].as_py(), lo_hi["max"].as_py()
        if lo is None or lo != hi:  # a float NaN compares unequal: treated as varying
            return _VARIES
        found = lo
    return found if value is _VARIES or found == value else _VARIES


class _Staging:
    """The staging table of one file and the columns left out of it.

    A column that holds one value in every row so far (the origin, the date precision of a dataset, the
    text-only columns a format never fills) is not copied into staging and carried through the sort a
    million times: it is kept here as that value and written by the final INSERT. When a later batch
    holds another value, the column is added to the staging table, filled with the old value for the
    rows staged before. Sorting each batch on the cluster order before staging gives the final sort
    sorted runs: less of its work is left for after the last batch."""

    def __init__(self, sort: bool = True):
        self.sort = sort  # insert in the cluster order (else unsorted)
        self.constants: dict[str, object] | None = None  # None until the first non-empty batch
        self.columns: list[str] = []  # the staging table's columns, in its order (__seq included)

    def prepare(self, con, table: pa.Table) -> None:
        from analytics.store import SQL_TYPES

        if self.constants is None:
            self.constants = {c: v for c in table.column_names if (v := _constant(table[c])) is not _VARIES}
            varying = [c for c in table.column_names if c not in self.constants]
            con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGING} AS SELECT {', '.join(varying)}, 0::BIGINT AS __seq FROM events LIMIT 0")
            self.columns = varying + ["__seq"]
            return
        for c, v in list(self.constants.items()):
            if _constant(table[c], v) is _VARIES:
                con.execute(f"ALTER TABLE {STAGING} ADD COLUMN {c} {SQL_TYPES[schema.SPEC[c].kind]}")
                if v is not None:
                    con.execute(f"UPDATE {STAGING} SET {c} = ?", [v])
                del self.constants[c]
                self.columns.append(c)

    def sort_order(self) -> str:
        from analytics.store import CLUSTER_ORDER

        return ", ".join([f"{c} NULLS LAST" for c in CLUSTER_ORDER if c in self.columns] + ["__seq"])


def _stage_batch(con, table: pa.Table, ordinals: np.ndarray, staging: _Staging) -> int:
    """Append one validated batch to the staging table, sorted on the cluster order; returns its rows.

    Not `con.register`: a registered view is a catalog entry, and one dropped inside a transaction
    lives (with the Arrow data it points to) until the transaction commits, so a whole file's batches
    would stay in memory. A relation built from the Arrow table holds it only while it runs."""
    from analytics.store import CLUSTER_ORDER

    if table.num_rows == 0:
        return 0
    staging.prepare(con, table)
    batch = table.append_column("__seq", pa.array(ordinals, pa.int64())).select(staging.columns)
    keys = [(c, "ascending", "at_end") for c in CLUSTER_ORDER if c in staging.columns]
    if keys and staging.sort:
        batch = batch.take(pc.sort_indices(batch, sort_keys=keys + [("__seq", "ascending", "at_end")]))
    con.from_arrow(batch).insert_into(STAGING)
    return batch.num_rows


# Rows whose event_id is stored already are skipped. Leaving the anti-join out when the events table is
# empty measured no cheaper (DuckDB's insert took as long or longer), so it always runs.
_NEW_IDS_ONLY = " WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = {rows}.event_id)"


def _insert_staged(con, repeats_possible: bool = True, staging: _Staging | None = None) -> int:
    """Move the staged rows with a new event_id into events, sorted; returns the rows added.

    Ids repeated across batches (rare: each batch is deduplicated already) keep their first row; the
    window that finds them runs only when a count says there are some, and the count only when the
    batches' id ranges overlap (`repeats_possible`). The columns kept out of staging are added after
    the sort, as constants."""
    if staging is None or staging.constants is None:  # nothing was staged
        return 0
    repeated = repeats_possible and con.execute(f"SELECT count(*) - count(DISTINCT event_id) FROM {STAGING}").fetchall()[0][0]
    rows = STAGING if not repeated else f"(SELECT * FROM {STAGING} QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY __seq) = 1)"
    from analytics.store import SQL_TYPES

    given = {c: v for c, v in staging.constants.items() if v is not None}  # the rest stay NULL
    extra = "".join(f", CAST(? AS {SQL_TYPES[schema.SPEC[c].kind]}) AS {c}" for c in given)
    result = con.execute(
        f"INSERT INTO events BY NAME SELECT *{extra} FROM ("
        f"SELECT * EXCLUDE (__seq) FROM {rows} s" + _NEW_IDS_ONLY.format(rows="s")
        + (f" ORDER BY {staging.sort_order()})" if staging.sort else ")"),
        list(given.values()),
    ).fetchall()
    return int(result[0][0])


def _read_error(e: Exception, source: Source) -> UserError:
    """A file that passed its first-bytes check but breaks later (bad UTF-8, an unparsable block)."""
    detail = str(e).splitlines()[0]
    key = "utf8_mid" if "UTF8" in detail.upper() or "UTF-8" in detail.upper() else "read_failed"
    return UserError(message(key, detail=detail), where=str(source.path))


def _map_chunk(source: Source, table, first: int, bad_records: list) -> tuple[pa.Table, np.ndarray]:
    """Map one chunk; malformed rows are dropped and noted. Returns (Arrow table, record ordinals)."""
    mapped = source.layout.transform(table)
    out, bad = mapped.table, mapped.bad
    if bad.any():
        idx = np.flatnonzero(bad)
        bad_records.extend(zip((first + idx).tolist(), mapped.reasons[idx].tolist()))
        out = out.filter(pa.array(~bad))
        ordinals = first + np.flatnonzero(~bad)
    else:
        ordinals = first + np.arange(out.num_rows)
    return out, ordinals


def _concat(gathered, dup_records: list) -> tuple[pa.Table, np.ndarray]:
    """One table from the gathered chunks, without ids repeated within it (those are noted), validated
    against the frame schema (checks.validate_table: schema.validate's rules, on Arrow)."""
    if len(gathered) == 1:
        table, ordinals = gathered[0]
    else:
        table = pa.concat_tables([t for t, _ in gathered])
        ordinals = np.concatenate([o for _, o in gathered])
    ids = table["event_id"]
    ids = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    dup = duplicated(ids)
    if dup.any():
        dup_records.extend(zip(ordinals[dup].tolist(), ids.filter(pa.array(dup)).to_pylist()))
        table = table.filter(pa.array(~dup))
        ordinals = ordinals[~dup]
    return validate_table(table, ids_unique=True), ordinals


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
    lookups.preload()
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
    frame = to_frame(_concat(gathered, dup_records)[0]) if gathered else schema.empty_frame()
    fr.existing = len(dup_records)
    fr.malformed = len(bad_records) + len(state.short_or_long)
    fr.rows += len(state.short_or_long)
    if fr.malformed or dup_records:
        _report_problems(source, fr, bad_records, dup_records)
    return frame, fr


def run_cli(args) -> int:
    from analytics.importers.cli import run_cli as _run

    return _run(args)
