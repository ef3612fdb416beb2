"""The CLI contract: data on stdout only, one clear line per bad input, exit statuses, no tracebacks."""

import json
import subprocess
import sys

import pytest

from analytics import schema


def run(root, *args, stdin=None, env_store=None):
    import os

    env = dict(os.environ)
    if env_store:
        env["EVENTS_STORE"] = str(env_store)
    return subprocess.run(
        [sys.executable, "-m", "analytics", *map(str, args)], cwd=root, input=stdin, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def seed_rows(root):
    r = run(root, "extract", "seeds/", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_extract_prints_valid_frame_rows_pointing_into_the_cleaned_text(seed_rows, seed_documents):
    assert seed_rows, "the seed article yields events"
    (doc,) = seed_documents
    frame = schema.validate(schema.conform(seed_rows))
    for row in seed_rows:
        assert list(row)[: len(schema.COLUMNS)] == list(schema.COLUMNS)
        assert doc.text[row["char_start"]:row["char_end"]] == row["sentence"]
        assert row["doc_id"] == doc.doc_id and row["origin"] == "text"
    assert len(frame) == len(seed_rows)


def test_extract_is_stable_across_runs(root, seed_rows):
    again = [json.loads(line) for line in run(root, "extract", "seeds/", "--format", "jsonl").stdout.splitlines()]
    assert again == seed_rows


def test_extract_csv_and_parquet(root, tmp_path):
    r = run(root, "extract", "seeds/", "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines()[0].split(",")[: len(schema.COLUMNS)] == list(schema.COLUMNS)
    out = tmp_path / "x.parquet"
    r = run(root, "extract", "seeds/", "--format", "parquet", "--output", out)
    assert r.returncode == 0 and out.read_bytes()[:4] == b"PAR1"


def test_timex_lines(root):
    r = run(root, "timex", "seeds/")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and set(rows[0]) >= {"id", "start", "end", "text", "type", "value", "first_day", "last_day", "precision"}
    by_text = {row["text"].lower(): row for row in rows}
    assert by_text["1989"]["value"] == "1989" and by_text["1989"]["precision"] == "year"


def test_stdin_jsonl_keeps_given_id(root):
    line = json.dumps({"id": "wire-7", "published": "2021-10-20", "text": "Russia hosted talks with the Taliban in Moscow on Wednesday."})
    r = run(root, "extract", "-", "--format", "jsonl", stdin=line + "\n")
    assert r.returncode == 0, r.stderr
    assert all(json.loads(x)["doc_id"] == "wire-7" for x in r.stdout.splitlines())


def test_bad_input_exit_1_others_processed_no_traceback(root, tmp_path):
    (tmp_path / "good.txt").write_text("Russia hosted talks with the Taliban in Moscow on Wednesday.")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run(root, "extract", tmp_path, "--published", "2021-10-20", "--format", "jsonl")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and any("bin.txt" in e for e in errors) and any("empty.txt" in e for e in errors)
    assert all(json.loads(x) for x in r.stdout.splitlines())


def test_missing_date_is_a_warning_with_exit_0(root, tmp_path):
    (tmp_path / "a.txt").write_text("The Taliban took over Kabul in August.")
    r = run(root, "extract", tmp_path / "a.txt", "--format", "jsonl")
    assert r.returncode == 0 and "no publication date" in r.stderr


@pytest.mark.parametrize("args", [["extract"], ["export", "--format", "xml"], ["frobnicate"], ["extract", "seeds/", "--format", "xml"]])
def test_usage_errors_exit_2(root, args):
    r = run(root, *args)
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [["--published", "2021-02-30"], ["--published", "yesterday-ish"]])
def test_impossible_published_option(root, args):
    r = run(root, "extract", "seeds/", *args)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "--published" in r.stderr


def test_ingest_then_export_roundtrip_and_idempotence(root, tmp_path):
    store = tmp_path / "s.duckdb"
    r1 = run(root, "ingest", "seeds/", "--store", store)
    assert r1.returncode == 0, r1.stderr
    first = run(root, "export", "--store", store, "--format", "jsonl")
    r2 = run(root, "ingest", "seeds/", "--store", store)
    assert "1 replaced" in r2.stderr
    second = run(root, "export", "--store", store, "--format", "jsonl")
    assert first.stdout == second.stdout and first.stdout
    rows = [json.loads(x) for x in first.stdout.splitlines()]
    schema.validate(schema.conform(rows))
    some_actor = next(r["actor1"] for r in rows if r["actor1"])
    filtered = run(root, "export", "--store", store, "--actor", some_actor, "--format", "jsonl")
    kept = [json.loads(x) for x in filtered.stdout.splitlines()]
    assert kept and all(some_actor in (r["actor1"], r["actor2"]) for r in kept)


def test_store_from_environment(root, tmp_path):
    store = tmp_path / "env.duckdb"
    assert run(root, "ingest", "seeds/", env_store=store).returncode == 0
    assert store.exists()


def test_export_from_missing_store_is_one_line(root, tmp_path):
    r = run(root, "export", "--store", tmp_path / "none.duckdb", "--format", "csv")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "no store" in r.stderr


BAD_FILES = {
    "empty.txt": b"",
    "noise.txt": bytes(range(256)) * 8,
    "nul.txt": b"Russia hosted talks\x00 with the Taliban.",
    "latin1.txt": "Caf\u00e9 owners protested in S\u00e3o Paulo.".encode("latin-1"),
    "scan.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n",
    "scan.html": b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n",
    "letter.md": b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml",
    "bad.json": b'{"text": "unterminated',
    "impossible.json": json.dumps({"text": "Russia hosted talks.", "published": "2021-02-30"}).encode(),
}


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in BAD_FILES.items():
        (folder / name).write_bytes(content)
    (folder / "good.txt").write_text("Russia hosted talks with the Taliban in Moscow on Wednesday.", encoding="utf-16")
    return folder


@pytest.mark.parametrize("command", ["extract", "timex"])
def test_each_bad_file_gets_one_line_naming_it(root, bad_folder, command):
    r = run(root, command, bad_folder, "--published", "2021-10-20")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(BAD_FILES)
    for name in BAD_FILES:
        assert sum(name in e for e in errors) == 1, (name, errors)
    assert r.stdout.strip() and all(json.loads(x) for x in r.stdout.splitlines())  # the good file still went through


def test_bad_files_lose_nothing_already_stored(root, bad_folder, tmp_path):
    store = tmp_path / "s.duckdb"
    assert run(root, "ingest", "seeds/", "--store", store).returncode == 0
    before = run(root, "export", "--store", store, "--format", "jsonl").stdout
    (bad_folder / "good.txt").unlink()
    stamp = store.read_bytes()
    r = run(root, "ingest", bad_folder, "--store", store)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "store is unchanged" in r.stderr
    assert store.read_bytes() == stamp
    r = run(root, "ingest", bad_folder, "seeds/", "--store", store)  # a good document beside the bad ones
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert run(root, "export", "--store", store, "--format", "jsonl").stdout == before


@pytest.mark.parametrize("command", [["ingest", "seeds/"], ["export", "--format", "csv"], ["import", "auto", "seeds/README.md"]])
@pytest.mark.parametrize("kind", ["folder", "not a store", "unwritable"])
def test_a_bad_store_path_is_one_line(root, tmp_path, command, kind):
    if kind == "folder":
        store, fragment = tmp_path, "is a folder; the store is a file"
    elif kind == "not a store":
        store, fragment = tmp_path / "notes.duckdb", "is not an events store"
        store.write_text("my notes, not a database")
    else:
        blocker = tmp_path / "file"
        blocker.write_text("x")
        store, fragment = blocker / "sub" / "s.duckdb", "a store cannot be created here"
    r = run(root, *command, "--store", store)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"error: {store}: {fragment}" in r.stderr
    if kind == "not a store":
        assert store.read_text() == "my notes, not a database"


def test_export_matching_nothing_says_which_name_is_not_stored(root, tmp_path):
    store = tmp_path / "s.duckdb"
    assert run(root, "ingest", "seeds/", "--store", store).returncode == 0
    r = run(root, "export", "--store", store, "--actor", "taliban", "--format", "csv")
    assert r.returncode == 0 and "warning: no actor 'taliban' is stored; did you mean 'Taliban'?" in r.stderr
