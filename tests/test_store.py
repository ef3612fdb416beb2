"""The DuckDB store: idempotent, transactional ingest, merging across documents, migrations, readers during writes."""

import datetime as dt

import duckdb
import pytest

from analytics import schema, store as S
from analytics.documents import Document
from analytics.filters import Filters


def doc(i, source="Wire"):
    return Document(doc_id=f"d{i}", text=f"Russia hosted talks with the Taliban. ({i})", published=dt.date(2021, 10, 20), source=source)


def mention(doc_id, n=0, **kw):
    row = dict(
        event_id=f"m:{doc_id}:{n}", doc_id=doc_id, origin="text", date_start=dt.date(2021, 10, 20), date_end=dt.date(2021, 10, 20),
        date_precision="day", actor1="Russia", actor2="Taliban", event_code="043", event_root="04", quad_class=1,
        country="RUS", modality="asserted", confidence=0.5 + n / 10, char_start=0, char_end=36, sentence="Russia hosted talks with the Taliban.",
    )
    row.update(kw)
    return row


@pytest.fixture
def store(tmp_path):
    return S.Store(tmp_path / "events.duckdb")


def test_ingest_is_idempotent(store):
    frame = schema.conform([mention("d1"), mention("d1", 1, actor2="Afghanistan")])
    store.ingest([doc(1)], frame)
    first = store.query("SELECT * FROM events ORDER BY event_id")
    report = store.ingest([doc(1)], frame)
    assert report.replaced_documents == 1
    assert store.counts() == {"documents": 1, "mentions": 2, "events": 2}
    assert store.query("SELECT * FROM events ORDER BY event_id").equals(first)


def test_reingest_replaces_a_documents_mentions(store):
    store.ingest([doc(1)], schema.conform([mention("d1"), mention("d1", 1, actor2="Afghanistan")]))
    store.ingest([doc(1)], schema.conform([mention("d1")]))
    assert store.counts()["mentions"] == 1


def test_same_event_from_two_sources_merges_with_num_sources(store):
    store.ingest([doc(1, "Wire"), doc(2, "Paper")], schema.conform([mention("d1"), mention("d2", 2)]))
    ev = store.query("SELECT * FROM events")
    assert len(ev) == 1 and ev["num_sources"][0] == 2 and ev["confidence"][0] == pytest.approx(0.7)
    assert len(store.mentions_of(ev["event_id"][0])) == 2


def test_failed_ingest_leaves_store_exactly_as_it_was(store, monkeypatch):
    store.ingest([doc(1)], schema.conform([mention("d1")]))
    before = store.path.read_bytes()

    def boom(con):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(S.Store, "_rebuild_text_events", staticmethod(boom))
    with pytest.raises(RuntimeError):
        store.ingest([doc(2)], schema.conform([mention("d2")]))
    assert store.path.read_bytes() == before
    assert store.counts() == {"documents": 1, "mentions": 1, "events": 1}
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["events.duckdb", "events.duckdb.lock"]


def test_invalid_frame_is_refused_before_writing(store):
    from analytics.errors import SchemaError

    with pytest.raises(SchemaError):
        store.ingest([doc(1)], schema.conform([mention("d1", origin="nowhere")]))
    assert not store.exists()


def test_reader_keeps_answering_during_and_after_a_write(store):
    store.ingest([doc(1)], schema.conform([mention("d1")]))
    assert store.counts()["events"] == 1
    with store.write() as con:
        # a write in progress: the reader still sees the old store
        con.execute("DELETE FROM events")
        assert store.counts()["events"] == 1
    assert store.counts()["events"] == 0


def test_dataset_rows_are_never_merged_and_never_duplicated(store):
    rows = [mention("x", i, event_id=f"gdelt:{i}", origin="gdelt", num_sources=3) for i in range(3)]
    assert store.add_events(schema.conform(rows)) == 3
    assert store.add_events(schema.conform(rows)) == 0
    assert store.query("SELECT count(*) AS n FROM events")["n"][0] == 3


def test_migrates_an_older_store(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    S.MIGRATIONS[0](con)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("ALTER TABLE events DROP COLUMN plover")
    con.close()
    store = S.Store(path)
    store.ensure()
    with store.read() as cur:
        assert S.schema_version(cur) == S.SCHEMA_VERSION
        cols = {r[0] for r in cur.execute("DESCRIBE events").fetchall()}
        assert "plover" in cols
        assert cur.execute("SELECT count(*) FROM imports").fetchall() == [(0,)]


def test_filters_run_in_sql(store):
    rows = [
        mention("d1", 0, actor1="Russia", country="RUS", region="Eastern Europe"),
        mention("d1", 1, actor1="China", actor2="India", country="IND", region="Southern Asia", event_root="19", event_code="190", quad_class=4,
                date_start=dt.date(2020, 1, 1), date_end=dt.date(2020, 12, 31), date_precision="year"),
    ]
    store.ingest([doc(1)], schema.conform(rows))

    def n(**kw):
        where, params = Filters(**kw).where()
        return store.query(f"SELECT count(*) AS n FROM events WHERE {where}", params)["n"][0]

    assert n() == 2
    assert n(actors=["Taliban"]) == 1
    assert n(regions=["Southern Asia"]) == 1
    assert n(quad_classes=[4]) == 1 and n(roots=["19"]) == 1
    assert n(since="2021-01-01") == 1 and n(until="2020-06-30") == 1
    assert n(min_precision="month") == 1 and n(min_precision="year") == 2


def test_reader_in_another_process_is_not_blocked_by_a_writer(store, tmp_path):
    """DuckDB allows one writing process per file: the copy-on-write swap keeps readers answering."""
    import subprocess
    import sys
    import time

    store.ingest([doc(1)], schema.conform([mention("d1")]))
    started = tmp_path / "started"
    script = (
        "import sys, time, pathlib; sys.path.insert(0, sys.argv[3]);"
        "from analytics.store import Store;"
        "s = Store(sys.argv[1]);"
        "w = s.write(); con = w.__enter__(); con.execute('DELETE FROM events');"
        "pathlib.Path(sys.argv[2]).touch(); time.sleep(3); w.__exit__(None, None, None)"
    )
    root = str(S.Path(S.__file__).resolve().parents[1])
    writer = subprocess.Popen([sys.executable, "-c", script, str(store.path), str(started), root])
    try:
        deadline = time.time() + 60
        while not started.exists():
            assert writer.poll() is None and time.time() < deadline
            time.sleep(0.05)
        reader = S.Store(store.path)
        assert reader.counts()["events"] == 1  # answered while the other process is writing
        assert writer.wait(timeout=60) == 0
        assert reader.counts()["events"] == 0  # and sees the swapped-in store afterwards
    finally:
        writer.kill()


def test_cluster_key_sorts_as_the_cluster_order():
    # One integer per row that DuckDB sorts cheaply; its order must be CLUSTER_ORDER's, missing values last.
    import pyarrow as pa

    day = 86_400_000_000  # microseconds
    rows = pa.table({
        "region": ["Western Europe", None, "Eastern Europe", None, "Eastern Europe", "Eastern Europe", "Central Asia"],
        "country": ["FRA", None, "RUS", "AAA", None, "RUS", "ZZZ"],
        "date_start": pa.array([None, 0, -800_000 * day, 3_000_000 * day, 5 * day, 4 * day, 1], pa.timestamp("us")),
    })
    key = S.cluster_key(rows)
    order = ", ".join(f"{c} NULLS LAST" for c in S.CLUSTER_ORDER)
    con = duckdb.connect()
    want = con.execute(f"SELECT row_number() OVER () - 1 AS i, * FROM rows ORDER BY {order}").fetchnumpy()["i"]
    assert key.to_numpy().argsort(kind="stable").tolist() == want.tolist()
    assert S.cluster_key(rows.set_column(0, "region", pa.array(["Atlantis"] + [None] * 6))) is None  # unknown: no key
