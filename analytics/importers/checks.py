"""`schema.validate`'s rules, checked on an Arrow table instead of a pandas frame.

The importers map every chunk to Arrow; converting each chunk to pandas only to validate it cost as
much as the mapping itself. This module checks the same things on the Arrow table the store receives,
collecting every problem (same wording as `schema.validate`) before raising `SchemaError`:
column presence and types, required columns, allowed values, patterns, blank strings, then the row
rules (date order, value ranges, offsets, event_root vs event_code, duplicate ids).
`tests/test_importers.py` checks that both validators report the same problems on the same frames.

    >>> validate_table(table)  # doctest: +SKIP  -> the table, or SchemaError
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from analytics import schema
from analytics.errors import SchemaError

# The Arrow type each schema kind is stored as (columns.table_from produces these).
ARROW_TYPES = {"str": pa.string(), "date": pa.timestamp("us"), "timestamp": pa.timestamp("us"), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
_STRINGS = (pa.string(), pa.large_string())


def _type_ok(kind: str, t: pa.DataType) -> bool:
    if kind == "str":
        return t in _STRINGS
    if kind in ("date", "timestamp"):
        return pa.types.is_timestamp(t) and t.tz is None
    return t == ARROW_TYPES[kind]


def _first(arr, mask) -> object:
    return arr.filter(mask)[0].as_py()


def _count(mask) -> int:
    return pc.sum(pc.cast(pc.fill_null(mask, False), pa.int64())).as_py() or 0


def validate_table(table: pa.Table, ids_unique: bool = False) -> pa.Table:
    """Check an Arrow table against the frame schema; raise SchemaError listing every problem.

    ids_unique: the caller has just removed repeated event ids (the importers do, per batch), so the
    duplicate-id rule, a hash of every id, is not run twice."""
    problems: list[str] = []
    names = set(table.column_names)
    missing = [c for c in schema.COLUMNS if c not in names]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    for col in schema.COLUMN_SPECS:
        if col.name not in names:
            continue
        arr = table[col.name]  # Arrow's kernels take chunked columns as they are: no copy
        if not _type_ok(col.kind, arr.type):
            problems.append(f"{col.name}: dtype {arr.type}, expected {schema.dtype_of(col.name)}")
            continue
        nulls = arr.null_count
        if col.required and nulls:
            problems.append(f"{col.name}: {nulls} missing values in a required column")
        if nulls == len(arr):
            continue
        if col.allowed is not None:
            outside = pc.and_(pc.is_valid(arr), pc.invert(pc.is_in(arr, value_set=pa.array(col.allowed, arr.type))))
            n = _count(outside)
            if n:
                problems.append(f"{col.name}: {n} values outside {list(col.allowed)}, e.g. {_first(arr, pc.fill_null(outside, False))!r}")
        if col.pattern is not None and not _all_match(arr, col.pattern):
            wrong = pc.invert(pc.match_substring_regex(arr, f"^(?:{col.pattern})$"))
            n = _count(wrong)
            if n:
                problems.append(f"{col.name}: {n} values not matching {col.pattern}, e.g. {_first(arr, pc.fill_null(wrong, False))!r}")
        if col.kind == "str":
            # Blank: empty, or only (Unicode) whitespace, as pandas' str.strip() == "" finds; tested
            # without building trimmed copies of the column.
            n = _count(pc.or_(pc.equal(pc.binary_length(arr), 0), pc.utf8_is_space(arr)))
            if n:
                problems.append(f"{col.name}: {n} empty strings (use NA)")
    if not problems:
        problems.extend(_row_rules(table, ids_unique))
    if problems:
        raise SchemaError(problems)
    return table


def _col(table, name):
    return table[name]


def _range(table, name, lo, hi) -> list[str]:
    arr = _col(table, name)
    bad = pc.fill_null(pc.or_(pc.less(arr, lo), pc.greater(arr, hi)), False)
    n = _count(bad)
    if not n:
        return []
    first = _first(arr, bad)
    if pa.types.is_floating(arr.type) and float(first).is_integer():
        first = float(first)  # pandas prints a Float64 value as "12.0"
    return [f"{name}: {n} values outside {lo}..{hi}, e.g. {first}"]


def _all_match(arr, pattern: str) -> bool:
    """Every distinct value matches: the pattern columns (countries, CAMEO codes) repeat a few hundred
    values, so the regex runs on those instead of on every row; the rows are scanned only on a miss."""
    values = pc.unique(arr)
    return _count(pc.invert(pc.match_substring_regex(values, f"^(?:{pattern})$"))) == 0


def _row_rules(table: pa.Table, ids_unique: bool = False) -> list[str]:
    problems = []
    inverted = _count(pc.greater(_col(table, "date_start"), _col(table, "date_end")))
    if inverted:
        problems.append(f"date_start after date_end in {inverted} rows")
    for col, (lo, hi) in schema.RANGES.items():
        problems += _range(table, col, lo, hi)
    if _count(pc.greater(_col(table, "char_start"), _col(table, "char_end"))):
        problems.append("char_start after char_end")
    code, root = _col(table, "event_code"), _col(table, "event_root")
    mismatch = _count(pc.not_equal(pc.utf8_slice_codeunits(code, 0, 2), root))
    if mismatch:
        problems.append(f"event_root is not the first two digits of event_code in {mismatch} rows")
    if ids_unique:
        return problems
    ids = _col(table, "event_id")
    ids = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    dup = duplicated(ids)
    if dup.any():
        problems.append(f"event_id: {int(dup.sum())} duplicates, e.g. {ids.filter(pa.array(dup))[0].as_py()!r}")
    return problems


def duplicated(arr: pa.Array):  # one chunk: each chunk of a ChunkedArray gets its own dictionary
    """A numpy mask of the values already seen earlier in `arr` (like pandas' `duplicated()`; nulls
    count as one value, as in pandas)."""
    import numpy as np

    enc = pc.dictionary_encode(arr, null_encoding="encode")
    if len(enc.dictionary) == len(arr):  # every value distinct: the usual case, no sort needed
        return np.zeros(len(arr), dtype=bool)
    idx = enc.indices.to_numpy(zero_copy_only=False)
    first = np.zeros(len(idx), dtype=bool)
    _, where = np.unique(idx, return_index=True)
    first[where] = True
    return ~first
