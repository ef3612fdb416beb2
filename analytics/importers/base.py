"""What every format module provides: a `Layout` (how the file is laid out and how to map one Arrow
batch of it into event-frame rows) and a `Mapped` batch (the rows plus which of them are malformed).

A format module exposes `KIND`, `LABEL` and `sniff(header_fields, delimiter) -> Layout | None`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass
class Mapped:
    """One batch mapped to the frame: `table` (Arrow, the frame's columns and types, see
    columns.table_from) has a row per input row; `bad` marks malformed rows and `reasons` says why
    (same length, "" for good rows)."""

    table: pa.Table
    bad: np.ndarray
    reasons: np.ndarray


@dataclass(frozen=True)
class Layout:
    kind: str  # gdelt | icews | acled (the frame's origin)
    name: str  # shown to the user, e.g. "GDELT 2.0 events (61 columns)"
    columns: tuple[str, ...]  # every column, in file order
    header: bool  # the first line names the columns
    delimiter: str
    quoted: bool  # fields may be double-quoted (and then hold delimiters or newlines)
    null_values: tuple[str, ...]
    use: tuple[str, ...]  # the columns `transform` reads
    transform: Callable[[pa.Table], Mapped]


class Reasons:
    """Collects per-row reasons for a batch: the first reason found for a row is kept."""

    def __init__(self, n: int):
        self.bad = np.zeros(n, dtype=bool)
        self.reasons = np.full(n, "", dtype=object)

    def add(self, mask: np.ndarray, reason: str) -> None:
        new = mask & ~self.bad
        if new.any():
            self.reasons[new] = reason
            self.bad |= new

    def mapped(self, table: pa.Table) -> Mapped:
        return Mapped(table, self.bad, self.reasons)
