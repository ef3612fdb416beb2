"""Write an event frame as JSONL, CSV or Parquet, the same way everywhere (CLI, dashboard, exports).

Every column is present in every row (null when missing); dates are `YYYY-MM-DD`, timestamps ISO 8601,
integers stay integers and codes stay strings with their leading zeros. In CSV, text cells that a
spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are neutralised with a leading
apostrophe; numeric columns are left as numbers.
"""

from __future__ import annotations

import io
import json
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics import schema

FORMATS = ("jsonl", "csv", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column as an object column of JSON-ready values (str/int/float/None)."""
    out = {}
    for name in frame.columns:
        s = frame[name]
        kind = schema.SPEC[name].kind if name in schema.SPEC else None
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            if kind == "date":
                v = s.dt.strftime("%Y-%m-%d")
            else:
                midnight = (s.dt.hour == 0) & (s.dt.minute == 0) & (s.dt.second == 0)
                v = s.dt.strftime("%Y-%m-%dT%H:%M:%S").where(~midnight, s.dt.strftime("%Y-%m-%d"))
            out[name] = v.astype(object).where(s.notna(), None)
        elif pd.api.types.is_integer_dtype(s.dtype):
            out[name] = s.astype(object).where(s.notna(), None).map(lambda x: None if x is None else int(x))
        elif pd.api.types.is_float_dtype(s.dtype):
            out[name] = s.astype(object).where(s.notna(), None).map(lambda x: None if x is None else float(x))
        elif pd.api.types.is_bool_dtype(s.dtype):
            out[name] = s.astype(object).where(s.notna(), None)
        else:
            out[name] = s.astype(object).where(s.notna(), None)
    return pd.DataFrame(out, index=frame.index)


def neutralise_formula(value):
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)": a spreadsheet shows it as text instead of running it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_jsonl(frame: pd.DataFrame, out: IO[str]) -> int:
    cols = list(frame.columns)
    t = _text_frame(frame)
    n = 0
    for row in t.itertuples(index=False, name=None):
        out.write(json.dumps(dict(zip(cols, row)), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(frame: pd.DataFrame, out: IO[str]) -> int:
    t = _text_frame(frame)
    for name in t.columns:
        if pd.api.types.is_string_dtype(frame[name].dtype) or frame[name].dtype == object:
            t[name] = t[name].map(neutralise_formula)
    t.to_csv(out, index=False, lineterminator="\n")
    return len(t)


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """The frame as Arrow: date columns as date32, timestamps as timestamp[us], codes as strings."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in frame.columns:
        if name in schema.SPEC and schema.SPEC[name].kind == "date":
            i = table.schema.get_field_index(name)
            table = table.set_column(i, name, table.column(name).cast(pa.date32()))
    return table


def write_parquet(frame: pd.DataFrame, out) -> int:
    pq.write_table(arrow_table(frame), out)
    return len(frame)


def write_frame(frame: pd.DataFrame, fmt: str, out) -> int:
    """Write `frame` in `fmt` to a text stream (jsonl, csv) or binary stream/path (parquet). Returns rows written."""
    if fmt == "jsonl":
        return write_jsonl(frame, out)
    if fmt == "csv":
        return write_csv(frame, out)
    if fmt == "parquet":
        return write_parquet(frame, out)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The frame serialised in `fmt`, for downloads."""
    if fmt == "parquet":
        buf = io.BytesIO()
        write_parquet(frame, buf)
        return buf.getvalue()
    s = io.StringIO()
    write_frame(frame, fmt, s)
    return s.getvalue().encode("utf-8")
