"""The event frame, declared once: columns, dtypes, allowed values and a one-line meaning each.

Every producer (text extraction, dataset importers) builds its rows, passes them through
`conform()` to get the declared dtypes, and `validate()` checks the result, collecting every
problem before raising `SchemaError`. The column names are a contract read by other tools:
columns may be added, never renamed.

Example:
    >>> frame = conform([{"event_id": "x1", "origin": "text", "event_code": "042"}])
    >>> validate(frame) is frame
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analytics.errors import SchemaError

PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "unknown")
# Ranked from finest to coarsest, so "minimum precision" filters can compare them.
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}
DATE_BASES = ("explicit", "relative", "publication", "narrative", "dataset")
ORIGINS = ("text", "gdelt", "icews", "acled")
MODALITIES = ("asserted", "negated", "hypothetical", "reported")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str" | "date" | "timestamp" | "int" | "float" | "bool"
    meaning: str
    allowed: tuple | None = None
    pattern: str | None = None  # regex a non-missing string value must match in full
    required: bool = False  # never missing


_ISO3 = r"[A-Z]{3}"
COLUMN_SPECS: tuple[Column, ...] = (
    Column("event_id", "str", "stable id of the event mention (same input, same id across runs)", required=True),
    Column("date_start", "date", "first day the event may have happened on"),
    Column("date_end", "date", "last day the event may have happened on (inclusive)"),
    Column("date_precision", "str", "granularity of the date as known", PRECISIONS, required=True),
    Column("date_expr", "str", 'the date expression as written, e.g. "last week"'),
    Column("date_basis", "str", "where the date comes from", DATE_BASES),
    Column("timex_value", "str", "TIMEX3 value of the date: 2021-W41, 2021-08, 1989"),
    Column("actor1", "str", "source actor, canonical name"),
    Column("actor1_code", "str", "source actor CAMEO code, e.g. RUSGOV"),
    Column("actor1_country", "str", "source actor country, ISO 3166-1 alpha-3 (3166-3 for former states)", pattern=_ISO3),
    Column("actor1_type", "str", "source actor CAMEO role: GOV, MIL, REB, INS, IGO, NGO, ..."),
    Column("actor2", "str", "target actor, canonical name"),
    Column("actor2_code", "str", "target actor CAMEO code"),
    Column("actor2_country", "str", "target actor country, ISO3", pattern=_ISO3),
    Column("actor2_type", "str", "target actor CAMEO role"),
    Column("event_code", "str", 'CAMEO event code with leading zeros, e.g. "0874"', pattern=r"\d{2,4}"),
    Column("event_root", "str", 'CAMEO root category, "01".."20"', pattern=r"(0[1-9]|1\d|20)"),
    Column("event_label", "str", "CAMEO label of the event code"),
    Column("quad_class", "int", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", (1, 2, 3, 4)),
    Column("goldstein", "float", "Goldstein conflict-cooperation score, -10..10"),
    Column("location", "str", "where it happened, as named"),
    Column("country", "str", "country where it happened, ISO3", pattern=_ISO3),
    Column("region", "str", 'UN M49 sub-region of that country, e.g. "Central Asia"'),
    Column("lat", "float", "latitude of the location, decimal degrees"),
    Column("lon", "float", "longitude of the location, decimal degrees"),
    Column("doc_id", "str", "id of the document or dataset record the row comes from"),
    Column("source", "str", "publisher or dataset name"),
    Column("url", "str", "link to the source article"),
    Column("published", "timestamp", "publication date of the source document"),
    Column("sentence", "str", "the evidence sentence"),
    Column("char_start", "int", "offset of the evidence in the document's cleaned text"),
    Column("char_end", "int", "end offset (exclusive) of the evidence in the cleaned text"),
    Column("confidence", "float", "how sure the coder is of the row, 0..1"),
    Column("origin", "str", "what produced the row", ORIGINS, required=True),
    Column("num_sources", "int", "number of distinct sources reporting the event"),
    Column("fatalities", "int", "reported fatalities, when a dataset gives them"),
    Column("modality", "str", "whether the action happened or was only negated, hypothetical or reported", MODALITIES),
    Column("plover", "str", "PLOVER event category mapped from the CAMEO code"),
)

COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMN_SPECS)
SPEC = {c.name: c for c in COLUMN_SPECS}
DATE_COLUMNS = tuple(c.name for c in COLUMN_SPECS if c.kind in ("date", "timestamp"))
_DTYPES = {"str": "string", "date": "datetime64[us]", "timestamp": "datetime64[us]", "int": "Int64", "float": "Float64", "bool": "boolean"}


def dtype_of(name: str) -> str:
    return _DTYPES[SPEC[name].kind]


def empty_frame() -> pd.DataFrame:
    """A frame with every column and no rows."""
    return pd.DataFrame({c.name: pd.Series(dtype=_DTYPES[c.kind]) for c in COLUMN_SPECS})


def conform(rows) -> pd.DataFrame:
    """Rows (list of dicts or a DataFrame) -> a frame with every declared column in its declared dtype.

    Missing columns are added as NA; empty strings become NA; extra columns are kept at the end.
    Values that cannot be converted become NA and are caught by `validate()` only if the column is required.
    """
    df = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame.from_records(list(rows))
    out = {}
    n = len(df)
    for col in COLUMN_SPECS:
        s = df[col.name] if col.name in df.columns else pd.Series([None] * n, index=df.index, dtype="object")
        out[col.name] = _coerce(s, col.kind)
    extra = [c for c in df.columns if c not in SPEC]
    frame = pd.DataFrame(out, index=df.index)
    for c in extra:
        frame[c] = df[c]
    return frame.reset_index(drop=True)


def _coerce(s: pd.Series, kind: str) -> pd.Series:
    if kind == "str":
        s = s.astype("string")
        return s.mask(s.str.strip() == "")
    if kind in ("date", "timestamp"):
        if s.dtype == "object" or str(s.dtype).startswith(("string", "str")):
            s = pd.to_datetime(s, errors="coerce", format="mixed")
        s = pd.to_datetime(s, errors="coerce")
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        return s.astype("datetime64[us]")
    if kind == "int":
        return pd.to_numeric(s, errors="coerce").round().astype("Int64")
    if kind == "float":
        return pd.to_numeric(s, errors="coerce").astype("Float64")
    if kind == "bool":
        return s.astype("boolean")
    raise ValueError(kind)


def validate(frame: pd.DataFrame) -> pd.DataFrame:
    """Check a frame against the schema; raise SchemaError listing every problem. Returns the frame."""
    problems: list[str] = []
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    for col in COLUMN_SPECS:
        if col.name not in frame.columns:
            continue
        s = frame[col.name]
        want = _DTYPES[col.kind]
        if col.kind in ("date", "timestamp"):
            ok = pd.api.types.is_datetime64_dtype(s.dtype)
        elif col.kind == "str":
            ok = isinstance(s.dtype, pd.StringDtype)
        else:
            ok = str(s.dtype) == want
        if not ok:
            problems.append(f"{col.name}: dtype {s.dtype}, expected {want}")
            continue
        if col.required and s.isna().any():
            problems.append(f"{col.name}: {int(s.isna().sum())} missing values in a required column")
        present = s.dropna()
        if col.allowed is not None and len(present):
            bad = present[~present.isin(col.allowed)]
            if len(bad):
                problems.append(f"{col.name}: {len(bad)} values outside {list(col.allowed)}, e.g. {bad.iloc[0]!r}")
        if col.pattern is not None and len(present):
            bad = present[~present.str.fullmatch(col.pattern)]
            if len(bad):
                problems.append(f"{col.name}: {len(bad)} values not matching {col.pattern}, e.g. {bad.iloc[0]!r}")
        if col.kind == "str" and len(present):
            blank = present.str.strip() == ""
            if blank.any():
                problems.append(f"{col.name}: {int(blank.sum())} empty strings (use NA)")
    if not problems:
        problems.extend(_row_rules(frame))
    if problems:
        raise SchemaError(problems)
    return frame


# Numeric columns and their allowed ranges (checked by validate() and by the importers' Arrow checks).
RANGES = {
    "goldstein": (-10, 10),
    "confidence": (0, 1),
    "lat": (-90, 90),
    "lon": (-180, 180),
    "num_sources": (0, 10**9),
    "fatalities": (0, 10**7),
}


def _range(frame, col, lo, hi):
    s = frame[col].dropna()
    bad = s[(s < lo) | (s > hi)]
    return [f"{col}: {len(bad)} values outside {lo}..{hi}, e.g. {bad.iloc[0]}"] if len(bad) else []


def _row_rules(frame: pd.DataFrame) -> list[str]:
    problems = []
    both = frame["date_start"].notna() & frame["date_end"].notna()
    inverted = both & (frame["date_start"] > frame["date_end"])
    if inverted.any():
        problems.append(f"date_start after date_end in {int(inverted.sum())} rows")
    for col, (lo, hi) in RANGES.items():
        problems += _range(frame, col, lo, hi)
    offsets = frame["char_start"].notna() & frame["char_end"].notna()
    if (offsets & (frame["char_start"] > frame["char_end"])).any():
        problems.append("char_start after char_end")
    codes = frame["event_code"].notna() & frame["event_root"].notna()
    mismatch = codes & (frame["event_code"].str.slice(0, 2) != frame["event_root"])
    if mismatch.any():
        problems.append(f"event_root is not the first two digits of event_code in {int(mismatch.sum())} rows")
    dup = frame["event_id"].duplicated()
    if dup.any():
        problems.append(f"event_id: {int(dup.sum())} duplicates, e.g. {frame['event_id'][dup].iloc[0]!r}")
    return problems


def describe() -> str:
    """The column reference as a Markdown table (the README's copy is checked against this)."""
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for c in COLUMN_SPECS:
        allowed = f" ({' / '.join(map(str, c.allowed))})" if c.allowed and c.kind == "str" else ""
        lines.append(f"| `{c.name}` | {c.kind} | {c.meaning}{allowed} |")
    return "\n".join(lines)
