"""Vectorised column helpers shared by the format modules: Arrow arrays in, cleaned arrays and
"bad value" masks out. No Python loop runs per row; value mappings (FIPS -> ISO3, names -> canonical
actors) are computed once per distinct value and spread back with `take`.

    >>> clean_str(pa.array([" a ", "", None])).to_pylist()
    ['a', None, None]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def combined(arr) -> pa.Array:
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def clean_str(arr) -> pa.Array:
    """Trim whitespace; empty strings become null (the frame's missing value)."""
    arr = combined(arr)
    if not pa.types.is_string(arr.type):
        arr = pc.cast(arr, pa.string())
    # ASCII trimming is several times faster; Unicode trimming only when the column needs it.
    ascii_only = pc.all(pc.string_is_ascii(arr)).as_py() is not False
    out = pc.ascii_trim_whitespace(arr) if ascii_only else pc.utf8_trim_whitespace(arr)
    if pc.any(pc.equal(out, "")).as_py():
        out = pc.if_else(pc.equal(out, ""), pa.scalar(None, pa.string()), out)
    return out


def not_null(arr) -> np.ndarray:
    return pc.is_valid(arr).to_numpy(zero_copy_only=False)


def to_float(arr, lo: float | None = None, hi: float | None = None) -> tuple[pa.Array, np.ndarray]:
    """Strings -> float64. Returns (values, bad) where bad marks present values that are not finite
    numbers or fall outside lo..hi; bad values are nulled."""
    arr = clean_str(arr)
    try:
        out = pc.cast(arr, pa.float64())
    except pa.ArrowInvalid:
        out = pa.array(pd.to_numeric(arr.to_pandas(), errors="coerce").to_numpy(dtype="float64", na_value=np.nan), from_pandas=True)
    ok = pc.is_finite(out)
    if lo is not None:
        ok = pc.and_(ok, pc.greater_equal(out, lo))
    if hi is not None:
        ok = pc.and_(ok, pc.less_equal(out, hi))
    ok = pc.fill_null(ok, False)
    bad = pc.and_(pc.is_valid(arr), pc.invert(ok))
    return pc.if_else(ok, out, pa.scalar(None, pa.float64())), bad.to_numpy(zero_copy_only=False)


def to_int(arr, lo: int | None = None, hi: int | None = None) -> tuple[pa.Array, np.ndarray]:
    """Strings -> int64 (whole numbers only, "3.0" accepted). Returns (values, bad) like to_float."""
    values, bad = to_float(arr, lo, hi)
    whole = pc.fill_null(pc.equal(pc.floor(values), values), True)
    bad = bad | ~whole.to_numpy(zero_copy_only=False)
    values = pc.if_else(whole, values, pa.scalar(None, pa.float64()))
    return pc.cast(values, pa.int64()), bad


def to_date(arr, formats: tuple[tuple[str, str], ...]) -> tuple[pa.Array, np.ndarray]:
    """Strings -> timestamp[s] trying each (strptime format, regex with a named group "day") in turn.

    Arrow's strptime rolls impossible days over ("31-Feb-20" -> 2 March), so a parse counts only when
    the day it produced is the day written. Dates repeat a lot, so only distinct values are parsed.
    Returns (dates, bad) where bad marks present, unparsable values.
    """
    arr = clean_str(arr)
    enc = pc.dictionary_encode(arr)
    values = enc.dictionary
    out = pa.nulls(len(values), pa.timestamp("s"))
    for fmt, day_re in formats:
        parsed = pc.strptime(values, format=fmt, unit="s", error_is_null=True)
        day = pc.struct_field(pc.extract_regex(values, day_re), [0])
        day = pc.cast(pc.if_else(pc.equal(day, ""), pa.scalar(None, pa.string()), day), pa.int64())
        same = pc.fill_null(pc.equal(pc.day(parsed), day), False)
        out = pc.coalesce(out, pc.if_else(same, parsed, pa.scalar(None, pa.timestamp("s"))))
    dates = pc.take(out, enc.indices)
    bad = pc.and_(pc.is_valid(arr), pc.is_null(dates))
    return dates, bad.to_numpy(zero_copy_only=False)


def on_distinct(arr, fn: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """Apply a vectorised Arrow function to the distinct values only, then spread the result back.
    Worth it for costly functions (regex, strftime) on columns that repeat (dates, URLs)."""
    arr = combined(arr)
    enc = pc.dictionary_encode(arr)
    return pc.take(fn(enc.dictionary), enc.indices)


def day_str(dates) -> pa.Array:
    """Timestamps -> "YYYY-MM-DD" strings (the TIMEX3 value of a day)."""
    return on_distinct(dates, lambda d: pc.strftime(d, "%Y-%m-%d"))


def map_distinct(arr, fn: Callable[[str], object], type_=pa.string()) -> pa.Array:
    """Apply `fn` to each distinct non-null value once and spread the results over the rows."""
    arr = combined(arr)
    if len(arr) == 0:
        return pa.array([], type_)
    enc = pc.dictionary_encode(arr)
    values = [fn(v) for v in enc.dictionary.to_pylist()]
    table = pa.array(values, type_)
    return pc.take(table, enc.indices)


def map_distinct_rows(columns: list, fn: Callable[..., object], type_=pa.string()) -> pa.Array:
    """Like map_distinct over several string columns at once: fn(*values) runs once per distinct combination.

    Each column is dictionary-encoded and a row's combination is one integer made of its indices (a
    missing value is one more index), so no string is built per row and a missing value cannot be
    mistaken for any text."""
    cols = [pc.dictionary_encode(clean_null(combined(c))) for c in columns]
    if len(cols[0]) == 0:
        return pa.array([], type_)
    if np.prod([len(c.dictionary) + 1.0 for c in cols]) >= 2.0**62:  # the combined index would overflow
        return _map_distinct_rows_rare(cols, fn, type_)
    key = None
    sizes = []
    for c in cols:
        size = len(c.dictionary) + 1
        code = pc.fill_null(pc.cast(c.indices, pa.int64()), size - 1)
        key = code if key is None else pc.add(pc.multiply(key, size), code)
        sizes.append(size)
    enc = pc.dictionary_encode(key)
    combos = enc.dictionary.to_numpy(zero_copy_only=False)
    parts = []
    for c, size in zip(reversed(cols), reversed(sizes)):
        values = c.dictionary.to_pylist() + [None]
        parts.append([values[i] for i in (combos % size).tolist()])
        combos = combos // size
    parts.reverse()
    results = pa.array([fn(*r) for r in zip(*parts)], type_)
    return pc.take(results, enc.indices)


def _map_distinct_rows_rare(cols: list, fn, type_) -> pa.Array:
    """map_distinct_rows when the combined index could overflow: the distinct rows of the index matrix."""
    idx = np.stack([pc.fill_null(pc.cast(c.indices, pa.int64()), len(c.dictionary)).to_numpy(zero_copy_only=False) for c in cols], axis=1)
    combos, inverse = np.unique(idx, axis=0, return_inverse=True)
    values = [c.dictionary.to_pylist() + [None] for c in cols]
    results = pa.array([fn(*[v[i] for v, i in zip(values, row)]) for row in combos.tolist()], type_)
    return pc.take(results, pa.array(inverse.reshape(-1)))


def clean_null(arr) -> pa.Array:
    """Null-typed (all missing) columns as strings, so they can be joined and compared."""
    return pc.cast(arr, pa.string()) if pa.types.is_null(arr.type) else arr


def str_series(arr) -> pd.Series:
    """Arrow strings -> a pandas string Series (Arrow-backed, NA for missing) without a Python copy."""
    arr = combined(arr)
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        arr = pc.cast(arr, pa.string())
    return pd.Series(pd.arrays.ArrowStringArray(pc.cast(arr, pa.large_string())), dtype="string")


def float_series(arr) -> pd.Series:
    return pd.Series(pd.array(combined(arr).to_numpy(zero_copy_only=False), dtype="Float64"))


def int_series(arr) -> pd.Series:
    arr = combined(arr)
    values = pc.fill_null(arr, 0).to_numpy(zero_copy_only=False).astype("int64")
    mask = pc.is_null(arr).to_numpy(zero_copy_only=False)
    return pd.Series(pd.arrays.IntegerArray(values, mask))


def date_series(arr) -> pd.Series:
    arr = pc.cast(combined(arr), pa.timestamp("us"))
    return pd.Series(arr.to_numpy(zero_copy_only=False)).astype("datetime64[us]")


def null_str(n: int) -> pa.Array:
    return pa.nulls(n, pa.string())


_PANDAS_TYPES = {
    pa.string(): pd.StringDtype("pyarrow"),
    pa.large_string(): pd.StringDtype("pyarrow"),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}
_ARROW_TYPES = {"str": pa.string(), "date": pa.timestamp("us"), "timestamp": pa.timestamp("us"), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def table_from(arrays: dict, n: int) -> pa.Table:
    """Arrow arrays keyed by frame column -> an Arrow table with every declared column, in order, in
    its declared type (checks.ARROW_TYPES). Columns not given are all-missing. This is
    `schema.conform` for Arrow input; the store takes the table as it is (no pandas copy)."""
    from analytics import schema

    cols = {}
    for col in schema.COLUMN_SPECS:
        want = _ARROW_TYPES[col.kind]
        arr = arrays.get(col.name)
        arr = pa.nulls(n, want) if arr is None else combined(arr)
        cols[col.name] = arr if arr.type == want else pc.cast(arr, want)
    return pa.table(cols)


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table from `table_from` -> the event frame in pandas, in the schema's dtypes."""
    from analytics import schema

    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    for name in schema.DATE_COLUMNS:
        if frame[name].dtype != "datetime64[us]":
            frame[name] = frame[name].astype("datetime64[us]")
    return frame


def frame_from(arrays: dict, n: int) -> pd.DataFrame:
    """`table_from` as a pandas frame."""
    return to_frame(table_from(arrays, n))


def const_str(value: str, n: int) -> pa.Array:
    return pa.repeat(pa.scalar(value, pa.string()), n)


def prefixed(prefix: str, arr, *more, sep: str = ":") -> pa.Array:
    """prefix + arr (+ sep + more...) per row; null where any part is null."""
    parts = [combined(arr)] + [combined(m) for m in more]
    n = len(parts[0])
    pieces = [const_str(prefix, n)]
    for i, p in enumerate(parts):
        if i:
            pieces.append(const_str(sep, n))
        pieces.append(p)
    return pc.binary_join_element_wise(*pieces, "", null_handling="emit_null")
