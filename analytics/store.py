"""The embedded event store: one DuckDB file holding documents, event mentions and merged events.

DuckDB allows one writing process per file, and a reader holding the file would block a writer. So
every write is copy-on-write: the writer copies the store to a temporary file beside it, changes the
copy in one transaction, checkpoints it, and swaps it in with an atomic rename. Readers (the dashboard)
keep answering from the file they opened and pick up the new one on their next query. A failed write
leaves the store exactly as it was, since the live file was never touched. Writers are serialised with
a lock file.

Tables:
    meta       key/value, holds `schema_version`
    documents  cleaned text and metadata of every ingested document (the evidence view reads it)
    mentions   one row per event mention extracted from text (the frame `extract` prints) + merged_id
    events     what the views show: text mentions merged across documents (num_sources), plus dataset
               rows (GDELT, ICEWS, ACLED), which are never merged
    imports    one row per imported dataset file (its hash), so importing a file twice adds nothing
    rollup_*   per actor pair / country pair / place / country / day counts of all events, recomputed on every
               write, read by the views when nothing is filtered (see ROLLUPS)

Example:
    >>> store = Store("data/events.duckdb")            # doctest: +SKIP
    >>> store.ingest(documents, frame)                  # doctest: +SKIP
    >>> store.query("SELECT count(*) FROM events")      # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import schema
from analytics.errors import UserError

SCHEMA_VERSION = 4
DEFAULT_STORE = Path(__file__).resolve().parent.parent / "data" / "events.duckdb"
STORE_ENV = "EVENTS_STORE"

SQL_TYPES = {"str": "VARCHAR", "date": "DATE", "timestamp": "TIMESTAMP", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN"}
_SQL_TYPES = SQL_TYPES  # the DuckDB type of each schema kind (the importers read SQL_TYPES)
FRAME_DDL = ",\n    ".join(f"{c.name} {_SQL_TYPES[c.kind]}" for c in schema.COLUMN_SPECS)

# The merge key: mentions with the same actors, action, dates, place and modality are one event.
MERGE_KEY = ("actor1", "actor2", "event_code", "date_start", "date_end", "country", "modality")


def default_path() -> Path:
    """The store path: $EVENTS_STORE if set, else data/events.duckdb in the repository."""
    env = os.environ.get(STORE_ENV)
    return Path(env) if env else DEFAULT_STORE


def _migrate_v1(con):
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(
        """CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR, published TIMESTAMP,
            source VARCHAR, url VARCHAR, path VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)"""
    )
    con.execute(f"CREATE TABLE IF NOT EXISTS mentions ({FRAME_DDL},\n    merged_id VARCHAR)")
    con.execute(f"CREATE TABLE IF NOT EXISTS events ({FRAME_DDL})")


def _migrate_v2(con):
    con.execute(
        """CREATE TABLE IF NOT EXISTS imports (
            file_hash VARCHAR PRIMARY KEY, path VARCHAR, origin VARCHAR, rows BIGINT,
            imported_at TIMESTAMP DEFAULT current_timestamp)"""
    )


# What the unfiltered network, map and trend views read instead of scanning every event (at 10 million events
# those scans took 1-2 s). Each is the same GROUP BY the view runs with no filter, so answers are the same.
# `refresh_rollups` recomputes them inside every write transaction (`Store.write`), so they never lag the
# events; a store whose tables are missing simply makes the views scan the events.
ROLLUPS = {
    "rollup_pairs": """SELECT actor1 AS s, actor2 AS t, count(*) AS n, avg(goldstein) AS g,
            any_value(actor1_country) AS c1, any_value(actor2_country) AS c2,
            count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
            count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM events WHERE actor1 IS NOT NULL OR actor2 IS NOT NULL GROUP BY 1, 2""",
    "rollup_arcs": """SELECT actor1_country AS "from", actor2_country AS "to", count(*) AS events,
            avg(goldstein) AS goldstein
        FROM events WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL
          AND actor1_country <> actor2_country GROUP BY 1, 2""",
    "rollup_places": """SELECT CAST(round(lat * 100) AS INTEGER) AS la, CAST(round(lon * 100) AS INTEGER) AS lo,
            count(*) AS events, any_value(coalesce(location, country)) AS location, any_value(country) AS country
        FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2""",
    # per first possible day; the trend sums these per bin (mean Goldstein = sum / count of those given)
    "rollup_days": """SELECT date_start AS day, count(*) AS events, sum(goldstein) AS g_sum, count(goldstein) AS g_n
        FROM events WHERE date_start IS NOT NULL GROUP BY 1""",
    # per country of the place; `unplaced` counts the events drawn nowhere (no actor country, no place)
    "rollup_countries": """SELECT country, count(*) AS events,
            count(*) FILTER (WHERE actor1_country IS NULL AND actor2_country IS NULL
                             AND (lat IS NULL OR lon IS NULL)) AS unplaced
        FROM events GROUP BY 1""",
}


def refresh_rollups(con) -> None:
    """Recompute the ROLLUPS tables from the events table (inside the caller's transaction)."""
    for name, sql in ROLLUPS.items():
        con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")


def _migrate_v3(con):
    refresh_rollups(con)


def _migrate_v4(con):  # rollup_days added
    refresh_rollups(con)


# Each entry upgrades a store from version i to i+1; append, never edit.
MIGRATIONS = (_migrate_v1, _migrate_v2, _migrate_v3, _migrate_v4)


def _add_missing_frame_columns(con):
    """Frame columns added after a store was created are added to its tables (NULL for old rows)."""
    for table in ("mentions", "events"):
        have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        for c in schema.COLUMN_SPECS:
            if c.name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {c.name} {_SQL_TYPES[c.kind]}")


def _scalar(con, sql: str, params=None):
    """The single value of a one-row query, with the result fully consumed (DuckDB requires it)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def schema_version(con) -> int:
    try:
        value = _scalar(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    except duckdb.CatalogException:
        return 0
    return int(value) if value else 0


def migrate(con) -> int:
    """Bring an open read-write connection's store up to SCHEMA_VERSION. Returns the version it had."""
    old = schema_version(con)
    if old > SCHEMA_VERSION:
        raise UserError(f"store was written by a newer version (schema {old} > {SCHEMA_VERSION}); upgrade the tool")
    for step in MIGRATIONS[old:]:
        step(con)
    _add_missing_frame_columns(con)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    return old


# Physical order of the events table after a bulk load (see `cluster_events`).
CLUSTER_ORDER = ("region", "country", "date_start")


@lru_cache(maxsize=1)
def _cluster_ranks() -> tuple[pa.Array, pa.Array]:
    """The values CLUSTER_ORDER's string columns can hold, sorted as DuckDB sorts them (by bytes): the
    regions geo knows (the importers' regions are geo's region of the country), every ISO3 code."""
    from analytics.geo.countries import all_countries

    regions = sorted({c.region for c in all_countries() if c.region}, key=str.encode)
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    iso3 = [a + b + c for a in letters for b in letters for c in letters]
    return pa.array(regions, pa.string()), pa.array(iso3, pa.string())


def cluster_key(table: pa.Table) -> pa.Array | None:
    """One int64 per row that sorts as CLUSTER_ORDER does (region, country, date_start, nulls last), or
    None when a region or a country is not one of `_cluster_ranks`' (then sort on the columns themselves).

    DuckDB sorts one integer key much faster than three string and date columns (a 1M-row sorted insert:
    ~4.2 CPU-s against ~6.2), and the key needs no lookup table shared between batches: every row's key
    is its region's rank, its country's rank and its day, packed. Example: a table of one row
    ("Eastern Europe", "RUS", 2018-03-26) -> [((rank("Eastern Europe") * 17577 + rank("RUS")) << 33) + 2**31 + day],
    day counted from 1970-01-01."""
    assert CLUSTER_ORDER == ("region", "country", "date_start"), "cluster_key packs these three columns"
    regions, iso3 = _cluster_ranks()
    ranks = []
    for column, values in (("region", regions), ("country", iso3)):
        given = table[column]
        rank = pc.index_in(given, value_set=values)  # null where missing or unknown
        if rank.null_count != given.null_count:
            return None  # a value outside the known ones
        ranks.append(pc.fill_null(rank, len(values)).cast(pa.int64()))  # missing: after every value
    day = pc.cast(table["date_start"], pa.date32(), safe=False).cast(pa.int32()).cast(pa.int64())
    day = pc.fill_null(pc.add(day, 1 << 31), 1 << 32)  # 33 bits, missing last
    place = pc.add(pc.multiply(ranks[0], len(iso3) + 1), ranks[1])  # < 2**20
    key = pc.add(pc.shift_left(place, 33), day)
    return key.combine_chunks() if isinstance(key, pa.ChunkedArray) else key


def cluster_events(con) -> None:
    """Rewrite the events table sorted by CLUSTER_ORDER, inside the caller's write transaction.

    DuckDB keeps a min/max per column for every row group of ~120,000 rows and skips the row groups a
    filter rules out. Rows sorted by region, then country, then date make those ranges narrow, so region,
    country and date filters read a small part of a large store (at 10 million events, a country filter
    reads ~1% of the row groups instead of all of them). Call it once after a bulk load, e.g.
    `with store.write() as con: ...; cluster_events(con)`; it costs about one sort of the table.
    """
    order = ", ".join(f"{c} NULLS LAST" for c in CLUSTER_ORDER)
    con.execute(f"CREATE TABLE events__clustered AS SELECT * FROM events ORDER BY {order}")
    con.execute("DROP TABLE events")
    con.execute("ALTER TABLE events__clustered RENAME TO events")


@dataclass
class IngestReport:
    documents: int = 0
    mentions: int = 0
    events: int = 0
    replaced_documents: int = 0
    problems: list[str] = field(default_factory=list)


class Store:
    """A DuckDB event store at `path` (created on first write)."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.Lock()
        self._con = None
        self._stamp = None

    # -- reading ---------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _file_stamp(self):
        st = self.path.stat()
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    @contextlib.contextmanager
    def read(self):
        """A read-only cursor on the current file; reopened when a writer has swapped in a new one."""
        if not self.exists():
            raise UserError(f"{self.path}: no store here yet; run `python -m analytics ingest` or `import` first")
        with self._lock:
            stamp = self._file_stamp()
            if self._con is None or stamp != self._stamp:
                if self._con is not None:
                    self._con.close()
                self._con = duckdb.connect(str(self.path), read_only=True)
                self._stamp = stamp
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def query(self, sql: str, params=None) -> pd.DataFrame:
        """Run a read-only SQL query and return its result as a DataFrame."""
        with self.read() as cur:
            return cur.execute(sql, params or []).df()

    def close(self):
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self):
        """A read-write connection on a private copy of the store; swapped in atomically on success.

        Any exception leaves the live store untouched.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
            os.close(fd)
            os.unlink(tmp)
            tmp = Path(tmp)
            try:
                if self.exists():
                    shutil.copyfile(self.path, tmp)
                con = duckdb.connect(str(tmp))
                try:
                    migrate(con)
                    con.execute("BEGIN TRANSACTION")
                    yield con
                    refresh_rollups(con)  # the unfiltered views read these; never stale
                    con.execute("COMMIT")
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            finally:
                for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                    if leftover.exists():
                        leftover.unlink()

    def ensure(self) -> None:
        """Create the store, or migrate an older one, so readers find the current schema."""
        if self.exists():
            con = duckdb.connect(str(self.path), read_only=True)
            try:
                current = schema_version(con) == SCHEMA_VERSION
            finally:
                con.close()
            if current:
                return
        with self.write():
            pass

    def ingest(self, documents, frame: pd.DataFrame) -> IngestReport:
        """Upsert documents and their mentions; re-ingesting a document replaces its mentions.

        `documents` are `analytics.documents.Document`s; `frame` holds their mentions (validated here).
        Merged text events are rebuilt from all mentions in the same transaction.
        """
        frame = schema.validate(schema.conform(frame))
        docs = pd.DataFrame(
            [
                {
                    "doc_id": d.doc_id,
                    "title": d.title,
                    "text": d.text,
                    "published": pd.Timestamp(d.published) if d.published else pd.NaT,
                    "source": d.source,
                    "url": d.url,
                    "path": d.path,
                }
                for d in documents
            ],
            columns=["doc_id", "title", "text", "published", "source", "url", "path"],
        )
        docs["published"] = pd.to_datetime(docs["published"]).astype("datetime64[us]")
        report = IngestReport(documents=len(docs), mentions=len(frame))
        with self.write() as con:
            con.register("new_docs", docs)
            con.register("new_mentions", frame[list(schema.COLUMNS)])
            report.replaced_documents = _scalar(con, "SELECT count(*) FROM documents WHERE doc_id IN (SELECT doc_id FROM new_docs)")
            con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT doc_id FROM new_docs)")
            con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM new_docs)")
            con.execute(
                "INSERT INTO documents (doc_id, title, text, published, source, url, path) "
                "SELECT doc_id, title, text, published, source, url, path FROM new_docs"
            )
            key = ", ".join(f"coalesce(CAST({k} AS VARCHAR), '')" for k in MERGE_KEY)
            con.execute(
                f"INSERT INTO mentions BY NAME SELECT *, 'text:' || substr(md5(concat_ws('|', {key})), 1, 16) AS merged_id "
                "FROM new_mentions"
            )
            self._rebuild_text_events(con)
            report.events = _scalar(con, "SELECT count(*) FROM events WHERE origin = 'text'")
            con.unregister("new_docs")
            con.unregister("new_mentions")
        return report

    @staticmethod
    def _rebuild_text_events(con):
        """Merge mentions of the same event from different documents into one event row."""
        con.execute("DELETE FROM events WHERE origin = 'text'")
        keep = [c for c in schema.COLUMNS if c not in ("event_id", "num_sources", "confidence")]
        picks = ",\n".join(f"first({c} ORDER BY confidence DESC NULLS LAST, doc_id, char_start) AS {c}" for c in keep)
        con.execute(
            f"""INSERT INTO events BY NAME
            SELECT merged_id AS event_id,
                   count(DISTINCT coalesce(source, doc_id)) AS num_sources,
                   max(confidence) AS confidence,
                   {picks}
            FROM mentions GROUP BY merged_id"""
        )

    def add_events(self, frame: pd.DataFrame, con=None) -> int:
        """Append dataset rows (never merged); rows whose event_id is already stored are skipped.

        Pass `con` from `write()` to add several batches in one transaction. Returns rows added.
        """
        if con is None:
            with self.write() as con:
                return self.add_events(frame, con)
        con.register("new_events", frame[list(schema.COLUMNS)])
        try:
            before = _scalar(con, "SELECT count(*) FROM events")
            con.execute(
                "INSERT INTO events BY NAME SELECT * FROM new_events n "
                "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = n.event_id)"
            )
            return _scalar(con, "SELECT count(*) FROM events") - before
        finally:
            con.unregister("new_events")

    # -- evidence --------------------------------------------------------------------------
    def mentions_of(self, event_id: str) -> pd.DataFrame:
        """Every mention behind a merged text event, with its document's title and text."""
        return self.query(
            """SELECT m.*, d.title, d.text AS doc_text FROM mentions m
               LEFT JOIN documents d USING (doc_id)
               WHERE m.merged_id = ? OR m.event_id = ? ORDER BY m.published, m.doc_id, m.char_start""",
            [event_id, event_id],
        )

    def counts(self) -> dict:
        with self.read() as cur:
            return {
                t: _scalar(cur, f"SELECT count(*) FROM {t}")
                for t in ("documents", "mentions", "events")
            }
