"""JSONL/CSV/Parquet output: every column in every row, dates as YYYY-MM-DD, integers as integers."""

import csv
import io
import json

import pyarrow.parquet as pq

from analytics import output, schema
from tests.test_schema import good_row


def frame():
    return schema.conform([good_row(sentence="=HYPERLINK(\"http://x\")", published="2021-10-20")])


def test_jsonl_has_every_column_with_nulls_and_typed_values():
    buf = io.StringIO()
    output.write_jsonl(frame(), buf)
    row = json.loads(buf.getvalue())
    assert list(row) == list(schema.COLUMNS)
    assert row["date_start"] == "2021-10-18" and row["published"] == "2021-10-20"
    assert row["quad_class"] == 2 and isinstance(row["quad_class"], int)
    assert row["event_code"] == "0874" and row["actor2"] is None


def test_csv_neutralises_formulas_and_keeps_numbers():
    buf = io.StringIO()
    output.write_csv(frame(), buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["sentence"].startswith("'=")
    assert row["quad_class"] == "2" and row["goldstein"] == "7.0" and row["event_code"] == "0874"
    assert row["lon"] == "68.8"


def test_parquet_keeps_dates_as_dates_and_codes_as_strings(tmp_path):
    path = tmp_path / "f.parquet"
    output.write_parquet(frame(), path)
    table = pq.read_table(path)
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert table.column("event_code")[0].as_py() == "0874"
