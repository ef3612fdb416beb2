"""The analyst's filters, shared by the CLI export, the dashboard and the views, compiled to SQL.

A `Filters` value is immutable and hashable (so it can key caches). `where()` turns it into a SQL
WHERE clause with bound parameters, evaluated inside DuckDB: nothing is filtered in pandas.

Example:
    >>> sql, params = Filters(actors=("Taliban",), since="2021-01-01").where()
    >>> sql
    '(actor1 IN (?) OR actor2 IN (?)) AND date_end >= ?'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from analytics import schema
from analytics.errors import UserError


def _tuple(v) -> tuple:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(v)


def _date(v, name: str):
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise UserError(f"--{name}: {v!r} is not a date; use YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    actors: tuple = ()  # canonical actor names; an event matches when either side is one of them
    regions: tuple = ()  # UN M49 sub-regions of where it happened
    countries: tuple = ()  # ISO3 of where it happened
    roots: tuple = ()  # CAMEO root codes "01".."20"
    quad_classes: tuple = ()  # 1..4
    since: dt.date | None = None  # events that may have happened on or after
    until: dt.date | None = None  # events that may have happened on or before
    sources: tuple = ()
    origins: tuple = ()
    min_precision: str | None = None  # coarsest precision kept, e.g. "month" keeps day, week and month
    event_ids: tuple = ()

    def __post_init__(self):
        for f in fields(self):
            if f.name in ("since", "until"):
                object.__setattr__(self, f.name, _date(getattr(self, f.name), f.name))
            elif f.name == "quad_classes":
                object.__setattr__(self, f.name, tuple(int(q) for q in _tuple(self.quad_classes)))
            elif f.name == "countries":  # ISO3 codes are stored upper case; "rus" in a link means RUS
                object.__setattr__(self, f.name, tuple(str(c).strip().upper() for c in _tuple(self.countries)))
            elif f.name == "roots":
                object.__setattr__(self, f.name, tuple(str(r).zfill(2) for r in _tuple(self.roots)))
            elif f.name != "min_precision":
                object.__setattr__(self, f.name, _tuple(getattr(self, f.name)))
        if self.min_precision is not None and self.min_precision not in schema.PRECISIONS:
            raise UserError(f"--min-precision: {self.min_precision!r}; expected one of {', '.join(schema.PRECISIONS)}")
        bad = [q for q in self.quad_classes if q not in schema.QUAD_CLASSES]
        if bad:
            raise UserError(f"quad class {bad[0]} does not exist; expected 1, 2, 3 or 4")
        if self.since and self.until and self.since > self.until:
            raise UserError(f"since {self.since} is after until {self.until}")

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

    def where(self) -> tuple[str, list]:
        """SQL condition over the events table and its parameters ('TRUE' when nothing is filtered)."""
        parts: list[str] = []
        params: list = []

        def among(expr: str, values):
            marks = ", ".join("?" for _ in values)
            parts.append(f"{expr} IN ({marks})")
            params.extend(values)

        if self.actors:
            marks = ", ".join("?" for _ in self.actors)
            parts.append(f"(actor1 IN ({marks}) OR actor2 IN ({marks}))")
            params.extend(self.actors + self.actors)
        if self.regions:
            among("region", self.regions)
        if self.countries:
            among("country", self.countries)
        if self.roots:
            among("event_root", self.roots)
        if self.quad_classes:
            among("quad_class", self.quad_classes)
        if self.since:
            parts.append("date_end >= ?")
            params.append(self.since)
        if self.until:
            parts.append("date_start <= ?")
            params.append(self.until)
        if self.sources:
            among("source", self.sources)
        if self.origins:
            among("origin", self.origins)
        if self.min_precision:
            keep = schema.PRECISIONS[: schema.PRECISION_RANK[self.min_precision] + 1]
            among("date_precision", keep)
        if self.event_ids:
            among("event_id", self.event_ids)
        return (" AND ".join(parts) if parts else "TRUE"), params

    def describe(self) -> str:
        """A one-line human description, stamped on exports."""
        bits = []
        for f in fields(self):
            v = getattr(self, f.name)
            if v:
                shown = ", ".join(map(str, v)) if isinstance(v, tuple) else str(v)
                bits.append(f"{f.name.replace('_', ' ')}: {shown}")
        return "; ".join(bits) if bits else "no filters"
