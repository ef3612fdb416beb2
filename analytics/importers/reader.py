"""Streaming a dataset file in bounded chunks with Arrow's CSV reader (multi-threaded C++ parsing).

Memory stays bounded by the block size whatever the file size. Rows with the wrong number of fields
are skipped by the reader and counted; since Arrow's streaming reader does not know line numbers,
`locate_lines` finds the lines of skipped and malformed rows afterwards, in a second pass that runs
only when a file had problems.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.csv as pacsv

from analytics.importers.source import Source

BLOCK_SIZE = 8 << 20  # bytes per parsed block; Arrow reads a few blocks ahead, so this bounds memory


class _Counting(io.RawIOBase):
    """Counts the bytes the parser has pulled, for progress."""

    def __init__(self, raw):
        self._raw = raw
        self.bytes_read = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = self._raw.readinto(b)
        self.bytes_read += n or 0
        return n

    def close(self):
        self._raw.close()
        super().close()


@dataclass
class ReadState:
    bytes_read: int = 0
    rows: int = 0  # well-formed records delivered so far
    done: bool = False  # the whole file has been delivered
    # Rows skipped for a wrong number of fields: (records delivered when it was seen, its field count). Arrow
    # parses ahead of what it delivers, so the first number is approximate; locate_lines finds the real lines.
    short_or_long: list[tuple[int, int]] = field(default_factory=list)


def batches(source: Source, state: ReadState, block_size: int = BLOCK_SIZE) -> Iterator[pa.Table]:
    """Tables of `block_size`-bounded chunks with the layout's used columns, all read as strings."""
    layout = source.layout

    def wrong_width(row) -> str:
        state.short_or_long.append((state.rows, row.actual_columns))
        return "skip"

    if source.member is None:
        # Arrow's own file reader: no Python call per read; its position gives the progress.
        stream = pa.input_stream(str(source.path))
        position = stream.tell
    else:
        raw = source.open()
        if not isinstance(raw, io.RawIOBase):
            raw = _RawAdapter(raw)
        counting = _Counting(raw)
        stream = io.BufferedReader(counting, buffer_size=1 << 20)
        position = lambda: counting.bytes_read  # noqa: E731
    try:
        reader = pacsv.open_csv(
            stream,
            read_options=pacsv.ReadOptions(
                column_names=list(layout.columns),
                skip_rows=1 if layout.header else 0,
                block_size=block_size,
                use_threads=True,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=layout.delimiter,
                quote_char='"' if layout.quoted else False,
                newlines_in_values=layout.quoted,
                invalid_row_handler=wrong_width,
            ),
            convert_options=pacsv.ConvertOptions(
                include_columns=list(layout.use),
                include_missing_columns=True,
                column_types={c: pa.string() for c in layout.columns},
                null_values=list(layout.null_values),
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
            ),
        )
        for batch in reader:
            state.bytes_read = min(position(), source.size)
            table = pa.Table.from_batches([batch])
            yield table
            state.rows += table.num_rows
        state.bytes_read = source.size
        state.done = True
    finally:
        stream.close()


class _RawAdapter(io.RawIOBase):
    def __init__(self, fh):
        self._fh = fh

    def readable(self):
        return True

    def readinto(self, b):
        data = self._fh.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self):
        self._fh.close()
        super().close()


def locate_lines(source: Source, records: set[int]) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Second pass, only after problems: map well-formed record ordinals to their line numbers, and list
    (line, field count) of rows with the wrong number of fields. Lines count from 1, header included."""
    layout = source.layout
    want = len(layout.columns)
    found: dict[int, int] = {}
    wrong: list[tuple[int, int]] = []
    with source.open() as raw:
        text = io.TextIOWrapper(raw if isinstance(raw, io.BufferedIOBase) else io.BufferedReader(raw), encoding="utf-8", errors="replace", newline="")
        if layout.quoted:
            rows = csv.reader(text, delimiter=layout.delimiter)
        else:
            rows = csv.reader(text, delimiter=layout.delimiter, quoting=csv.QUOTE_NONE)
        ordinal = 0
        line = 0
        first = True
        while True:
            start = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error:
                continue
            line = start
            if first and layout.header:
                first = False
                continue
            first = False
            if not row:  # Arrow skips empty lines too
                continue
            if len(row) != want:
                wrong.append((line, len(row)))
                continue
            if ordinal in records:
                found[ordinal] = line
            ordinal += 1
    return found, wrong
