"""Opening a dataset file: plain or zipped, its first bytes sniffed, its layout recognised, its hash.

Everything here runs before the store is touched, so a file that cannot be imported is refused with
one line before anything is written. The file's hash is the exception: a full pass over the file that
only the import needs (to skip a file already imported), so it runs in a background thread
(`Source.start_hash`) while the import sets up and reads, instead of delaying every check and preview.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path

from analytics.documents import binary_kind
from analytics.importers import acled, gdelt, icews
from analytics.importers.base import Layout
from analytics.importers.messages import message

FORMATS = {m.KIND: m for m in (gdelt, icews, acled)}
SAMPLE_BYTES = 1 << 16


class Refused(Exception):
    """This file cannot be imported; the message is the one line to show."""


@dataclass
class Source:
    path: Path
    layout: Layout
    member: str | None  # the data file inside a zip archive
    size: int  # bytes of data to read (uncompressed)
    bytes_per_row: float = 400.0  # from the first bytes: for progress, since Arrow reads ahead of the rows it delivers
    _digest: Future | None = field(default=None, repr=False, compare=False)

    def start_hash(self, pool: Executor) -> None:
        """Hash the file in `pool` (hashlib releases the GIL on large reads, so it runs beside the import)."""
        if self._digest is None:
            self._digest = pool.submit(_sha256, self.path)

    def hash_ready(self) -> bool:
        return self._digest is not None and self._digest.done()

    @property
    def file_hash(self) -> str:
        """"sha256:<hex>" of the file as stored (the zip archive itself for a zipped export); raises OSError
        if the file cannot be read."""
        if self._digest is None:
            self._digest = Future()
            try:
                self._digest.set_result(_sha256(self.path))
            except OSError as e:
                self._digest.set_exception(e)
        return self._digest.result()

    def open(self):
        """A binary stream of the data (the zip member, or the file itself)."""
        if self.member is None:
            return open(self.path, "rb")
        archive = zipfile.ZipFile(self.path)
        return _ClosingMember(archive, archive.open(self.member))


class _ClosingMember(io.RawIOBase):
    """A zip member stream that closes its archive too."""

    def __init__(self, archive, stream):
        self._archive, self._stream = archive, stream

    def readable(self):
        return True

    def readinto(self, b):
        data = self._stream.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self):
        self._stream.close()
        self._archive.close()
        super().close()


HASH_BLOCK = 8 << 20  # bytes per read while hashing: few GIL round trips, so the hash thread does not slow the others


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    buf = bytearray(HASH_BLOCK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            digest.update(view[:n])  # releases the GIL for large buffers
    return "sha256:" + digest.hexdigest()


def _sample(path: Path) -> tuple[bytes, str | None, int]:
    """(first bytes of the data, zip member or None, data size)."""
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                members = [i for i in archive.infolist() if not i.is_dir()]
                if len(members) != 1:
                    raise Refused(message("zip_members", n=len(members)))
                with archive.open(members[0]) as fh:
                    return fh.read(SAMPLE_BYTES), members[0].filename, members[0].file_size
        except (zipfile.BadZipFile, OSError, NotImplementedError) as e:
            raise Refused(message("zip_bad", detail=str(e))) from None
    with open(path, "rb") as fh:
        return fh.read(SAMPLE_BYTES), None, path.stat().st_size


def _first_line(sample: bytes) -> str:
    kind = binary_kind(sample)
    if kind is not None:     # a PDF or spreadsheet saved under a .csv name: say what it is
        raise Refused(message("not_data", kind=kind))
    if b"\x00" in sample:
        raise Refused(message("binary"))
    if not sample.strip():
        raise Refused(message("empty"))
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as e:
        # The sample may end inside a multi-byte character.
        if e.start < len(sample) - 3:
            raise Refused(message("encoding")) from None
        text = sample[: e.start].decode("utf-8")
    text = text.lstrip("\ufeff")
    for line in text.splitlines():
        if line.strip():
            return line
    raise Refused(message("empty"))


def _split(line: str) -> tuple[list[str], str]:
    """Fields of the first line and the delimiter: tab when the line has tabs, else comma."""
    delimiter = "\t" if "\t" in line else ","
    fields = next(csv.reader([line], delimiter=delimiter)) if delimiter == "," else line.split("\t")
    return fields, delimiter


def recognise(fields: list[str], delimiter: str, kind: str) -> Layout:
    """The layout for the requested kind ("auto" tries every format); Refused when none fits."""
    if kind != "auto":
        layout = FORMATS[kind].sniff(fields, delimiter)
        if layout is not None:
            return layout
        for other in FORMATS.values():
            found = other.sniff(fields, delimiter)
            if found is not None:
                raise Refused(message("wrong_kind", found=other.LABEL, found_kind=other.KIND, wanted=FORMATS[kind].LABEL))
        raise Refused(message("not_kind", wanted=FORMATS[kind].LABEL, detail=FORMATS[kind].describe_mismatch(fields, delimiter)))
    for fmt in FORMATS.values():
        layout = fmt.sniff(fields, delimiter)
        if layout is not None:
            return layout
    shown = "tab" if delimiter == "\t" else "comma"
    raise Refused(message("unknown", detail=f"first line has {len(fields)} {shown}-separated fields and no known header"))


def open_source(path: str | Path, kind: str = "auto") -> Source:
    """Check a file and recognise its layout. Raises Refused with the one line to show."""
    path = Path(path)
    if not path.is_file():
        raise Refused(message("not_found"))
    try:
        sample, member, size = _sample(path)
        line = _first_line(sample)
        fields, delimiter = _split(line)
        layout = recognise(fields, delimiter, kind)
    except OSError as e:
        raise Refused(message("unreadable", detail=e.strerror or str(e))) from None
    lines = sample.count(b"\n")
    per_row = len(sample) / lines if lines else float(max(size, 1))
    return Source(path=path, layout=layout, member=member, size=size, bytes_per_row=per_row)
