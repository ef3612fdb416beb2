"""Write an event frame as JSONL, CSV or Parquet, the same way everywhere (CLI, dashboard, exports).

Every column is present in every row (null when missing); dates are `YYYY-MM-DD`, timestamps ISO 8601,
integers stay integers and codes stay strings with their leading zeros. In CSV, text cells that a
spreadsheet would run as a formula (starting with =, +, -, @, tab, CR, LF or a full-width =+-@) are neutralised with a leading
apostrophe; numeric columns are left as numbers.
"""

from __future__ import annotations

import csv
import io
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics import schema

FORMATS = ("jsonl", "csv", "parquet")
# What a spreadsheet may run as a formula: the OWASP list, a line feed, and the full-width forms that
# some spreadsheet locales fold into their ASCII twins.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _formatted(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates and timestamps as ISO strings; every other column keeps its (nullable) dtype.

    Vectorised: a 100,000-row export must not pay a Python call per value.
    """
    out = frame.copy()
    for name in frame.columns:
        s = frame[name]
        if not pd.api.types.is_datetime64_any_dtype(s.dtype):
            continue
        kind = schema.SPEC[name].kind if name in schema.SPEC else None
        text = s.dt.strftime("%Y-%m-%d")
        if kind != "date":
            midnight = (s.dt.hour == 0) & (s.dt.minute == 0) & (s.dt.second == 0)
            text = s.dt.strftime("%Y-%m-%dT%H:%M:%S").where(~midnight, text)
        out[name] = text.astype("string")
    return out


def neutralise_formula(value):
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)": a spreadsheet shows it as text instead of running it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_jsonl(frame: pd.DataFrame, out: IO[str]) -> int:
    if frame.empty:
        return 0
    text = _formatted(frame).to_json(orient="records", lines=True, force_ascii=False, double_precision=15, date_format="iso")
    out.write(text if text.endswith("\n") else text + "\n")
    return len(frame)


def csv_line(text: str) -> str:
    """One free-text line for the top of a CSV file (a stamp): a single, quoted-when-needed cell that no
    spreadsheet splits at a comma into a cell starting like a formula."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([neutralise_formula(" ".join(str(text).split()))])
    return buf.getvalue()


def write_csv(frame: pd.DataFrame, out: IO[str]) -> int:
    t = _formatted(frame)
    for name in t.columns:
        s = t[name]
        if isinstance(s.dtype, pd.StringDtype) or s.dtype == object:
            s = s.astype("string")
            # A bare CR is not quoted by the csv writer (it quotes only our "\n" line end), and a
            # spreadsheet would start a new row there: every line break in a cell becomes "\n".
            has_cr = s.str.contains("\r", regex=False).fillna(False).astype(bool)
            if has_cr.any():
                s = s.where(~has_cr, s.str.replace("\r\n?", "\n", regex=True))
                t[name] = s
            risky = s.str.startswith(_FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                t[name] = s.where(~risky, "'" + s)
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
