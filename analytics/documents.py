"""Files in -> cleaned text + metadata (id, title, published, source, url).

Reads .txt, .md, .html/.htm (main text via trafilatura), .json and .jsonl, folders recursively, and
`-` for standard input. Scraped text (.txt, .md, .html) is cleaned of navigation, share/subscribe and
disclaimer lines by the rules in `analytics/lexicons/boilerplate.txt`; text given in JSON is taken as
given, so that offsets index it exactly.

The publication date comes from the first of: the document's own field (JSON `published`, HTML
metadata); a sidecar `NAME.meta.json` or Markdown front matter; a dateline at the start ("MOSCOW,
Oct. 20, 2021 (AP) -"); the `published` option. Nothing is ever taken from today's clock.

Example:
    >>> result = read_paths(["seeds/"])                 # doctest: +SKIP
    >>> result.documents[0].published                   # doctest: +SKIP
    datetime.date(2021, 10, 20)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analytics.errors import UserError, message

TEXT_EXTS = {".txt", ".md", ".markdown"}
HTML_EXTS = {".html", ".htm"}
JSON_EXTS = {".json", ".jsonl", ".ndjson"}
READABLE_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # one article; a JSONL file is read line by line instead
MAX_JSONL_LINE_BYTES = 20 * 1024 * 1024
LEXICONS = Path(__file__).resolve().parent / "lexicons"
_SKIP_NAMES = re.compile(r"^(readme|licen[cs]e|notice|copying)([._-].*)?$", re.I)


@dataclass
class Document:
    doc_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published_from: str | None = None  # field | sidecar | front matter | dateline | option


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # errors: the document was not read
    warnings: list[str] = field(default_factory=list)  # read, but something is missing


def text_id(text: str) -> str:
    """A stable id for text without one: the same cleaned text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# -- dates -----------------------------------------------------------------------------------
PUBLISHED_YEARS = (1000, 9000)  # outside these a publication date is a typo, and date arithmetic overflows


def parse_published(value, where: str) -> dt.date | None:
    """A publication date from a field: ISO date or timestamp. Impossible dates raise UserError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _sane(value.date(), value, where)
    if isinstance(value, dt.date):
        return _sane(value, value, where)
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", s)
    if m:
        try:
            return _sane(dt.date(int(m[1]), int(m[2]), int(m[3])), s, where)
        except ValueError:
            raise UserError(message("bad_date", value=s), where=where) from None
    # Parsed against two different "today"s: a relative value ("yesterday", "now") moves with them and is
    # refused, since nothing may be anchored to a clock.
    parsed = [_dateparser(s, base) for base in (dt.datetime(1900, 1, 1), dt.datetime(1950, 6, 15))]
    if parsed[0] is None or parsed[0] != parsed[1]:
        raise UserError(message("bad_date", value=s), where=where)
    return _sane(parsed[0].date(), s, where)


def _sane(date: dt.date, value, where: str) -> dt.date:
    lo, hi = PUBLISHED_YEARS
    if not lo <= date.year <= hi:
        raise UserError(message("published_range", value=str(value), lo=lo, hi=hi), where=where)
    return date


def _dateparser(s: str, base: dt.datetime):
    try:
        import dateparser

        return dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True, "RELATIVE_BASE": base})
    except Exception:  # dateparser raises on some odd strings; they are simply not dates
        return None


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
# "MOSCOW, Oct. 20 (AP) —", "KABUL, Afghanistan, Aug. 15, 2021 (Reuters) -", "LONDON, 3 March 2019 -"
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?,\s*"
    r"(?:(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Z][a-z]{2,8})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?\s*(?:\([A-Za-z .]{1,20}\))?\s*[\u2014\u2013\-:]"
)


def dateline_date(text: str, year_hint: int | None) -> dt.date | None:
    """The date in a dateline opening the text, or None. A dateline without a year needs `year_hint`."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    mon = _MONTHS.get((m["mon"] or m["mon2"]).lower().rstrip("."))
    day = int(m["day"] or m["day2"])
    year = int(m["year"]) if m["year"] else year_hint
    if mon is None or year is None:
        return None
    try:
        return dt.date(year, mon, day)
    except ValueError:
        return None


# -- cleaning --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern, re.Pattern]:
    """Two compiled rules from the lexicon: whole-line patterns, and line-prefix patterns."""
    whole, prefix = [], []
    for line in (LEXICONS / "boilerplate.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(" ")
        (whole if kind == "line" else prefix).append(pattern.strip())
    return (
        re.compile(r"^\W*(?:" + "|".join(whole) + r")\W*$", re.I),
        re.compile(r"^\W*(?:" + "|".join(prefix) + r")", re.I),
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A page saved with a .txt or .md name is still a page: read it as HTML, not as text full of tags.
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)


def clean_text(raw: str) -> str:
    """Drop navigation, share/subscribe and disclaimer lines; normalise line ends and blank runs."""
    whole, prefix = _boilerplate()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # Page breaks become line breaks; other control characters (terminal escapes, stray bells) go.
    raw = _CONTROL.sub("", raw.replace("\f", "\n").replace("\v", "\n"))
    kept: list[str] = []
    for line in raw.split("\n"):
        s = line.strip()
        if s and (whole.match(s) or prefix.match(s)):
            continue
        kept.append(line.rstrip())
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter of a Markdown file (--- ... ---) and the text after it."""
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not m:
        return {}, text
    try:
        import yaml

        meta = yaml.safe_load(m.group(1)) or {}
    except Exception:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


# -- decoding --------------------------------------------------------------------------------
# Signatures of files analysts mistake for text: a PDF or Word file renamed .txt, a zipped export.
_SIGNATURES = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or Word/Excel .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (.doc/.xls)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
)


def binary_kind(head: bytes) -> str | None:
    """The known non-text format whose signature the first bytes carry ("PDF", "PNG image"), else None."""
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


def sniff(head: bytes, where: str) -> None:
    """Refuse a file whose first bytes say it is a known non-text format (one line naming the format)."""
    kind = binary_kind(head)
    if kind is not None:
        raise UserError(message("not_text", kind=kind), where=where)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text saved without a BOM (ASCII-range
    text then has a NUL in every other byte), else None."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, where: str) -> str:
    """Bytes -> str: UTF-8 (with or without BOM) or UTF-16 (with a BOM, or plainly so without one).

    Anything else is refused with one line saying why: a known non-text format, a NUL byte (binary),
    or the first byte that is not UTF-8.
    """
    if not data.strip():
        raise UserError(message("empty"), where=where)
    sniff(data[:16], where)
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise UserError(message("encoding"), where=where) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise UserError(message("nul_at", offset=nul), where=where)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise UserError(message("encoding_at", byte=e.object[e.start], offset=e.start), where=where) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise UserError(message("nul_at", offset=nul), where=where)
    if not text.strip("\ufeff \t\r\n"):
        raise UserError(message("empty"), where=where)
    return text


def _read_bytes(path: Path) -> bytes:
    limit = MAX_DOCUMENT_BYTES
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UserError(message("unreadable", detail=e.strerror or str(e)), where=str(path)) from None
    if size > limit:
        raise UserError(message("too_large", size=size, limit=limit), where=str(path))
    try:
        return path.read_bytes()
    except OSError as e:
        raise UserError(message("unreadable", detail=e.strerror or str(e)), where=str(path)) from None


# -- one file --------------------------------------------------------------------------------
def _sidecar(path: Path) -> dict:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        side = path.with_name(path.name + ".meta.json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise UserError(message("json", detail=str(e)), where=str(side)) from None
    return meta if isinstance(meta, dict) else {}


def _finish(doc: Document, option_published: dt.date | None, default_source: str | None) -> Document:
    """Apply the dateline and option fallbacks, the default source and the id."""
    if doc.published is None:
        hint = option_published.year if option_published else None
        found = dateline_date(doc.text, hint)
        if found:
            doc.published, doc.published_from = found, "dateline"
    if doc.published is None and option_published is not None:
        doc.published, doc.published_from = option_published, "option"
    if doc.source is None:
        doc.source = default_source
    if not doc.doc_id:
        doc.doc_id = text_id(doc.text)
    return doc


def _doc_from_record(rec: dict, where: str, line: int | None) -> Document:
    if not isinstance(rec, dict):
        raise UserError(message("json_fields", line=line or 1), where=where)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UserError(message("json_fields", line=line or 1), where=where)
    # JSON may escape half a surrogate pair ("\udcff"), which no UTF-8 writer accepts: one replacement
    # character in its place keeps every offset into the text as given.
    rec = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in rec.items()}
    text = rec["text"]
    published = parse_published(rec.get("published"), f"{where}:{line}" if line else where)
    doc_id = rec.get("id")
    return Document(
        doc_id=str(doc_id) if doc_id not in (None, "") else "",
        text=text,
        title=_str_or_none(rec.get("title")),
        published=published,
        source=_str_or_none(rec.get("source")),
        url=_str_or_none(rec.get("url")),
        path=where,
        published_from="field" if published else None,
    )


def _str_or_none(v) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


MAX_PROBLEMS_PER_FILE = 10  # then one line counts the rest, so a wrong file does not flood the output


class _Problems:
    """Collects one file's problems into `result`, the first few in full and the rest as a count."""

    def __init__(self, result: ReadResult, where: str):
        self.result, self.where, self.count = result, where, 0

    def add(self, line: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self.result.problems.append(line)

    def close(self) -> None:
        more = self.count - MAX_PROBLEMS_PER_FILE
        if more > 0:
            self.result.problems.append(f"{self.where}: {more} more record(s) with problems not listed")


def _bounded_lines(stream, limit: int):
    """The lines of a stream; a line longer than `limit` comes as its length (an int) instead, read
    past in chunks, so one 200 MB line is never held in memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        newline = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) <= limit or line.endswith(newline):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(newline):
            line = stream.readline(1024 * 1024)
            size += len(line)
        yield size - (1 if line.endswith(newline) else 0)


def read_jsonl_stream(stream, where: str, result: ReadResult, option_published, default_source) -> None:
    """Documents from JSON lines; a malformed line is reported and the others are still read."""
    problems = _Problems(result, where)
    for i, raw in enumerate(_bounded_lines(stream, MAX_JSONL_LINE_BYTES), start=1):
        if isinstance(raw, int):  # a line over the limit, skipped without holding it in memory
            problems.add(f"{where}: line {i}: " + message("too_large", size=raw, limit=MAX_JSONL_LINE_BYTES))
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                problems.add(f"{where}: line {i}: " + message("encoding"))
                continue
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except ValueError as e:
            problems.add(f"{where}: " + message("json_line", line=i, detail=e.msg))
            continue
        try:
            result.documents.append(_finish(_doc_from_record(rec, where, i), option_published, default_source))
        except UserError as e:
            problems.add(str(e))
    problems.close()


def read_file(path: Path, result: ReadResult, option_published=None, default_source=None) -> None:
    """Read one file into `result` (documents, problems, warnings)."""
    where = str(path)
    ext = path.suffix.lower()
    if ext not in READABLE_EXTS:
        raise UserError(message("unsupported", ext=ext or "(none)"), where=where)
    if ext in (".jsonl", ".ndjson"):
        try:
            size = path.stat().st_size
        except OSError as e:
            raise UserError(message("unreadable", detail=e.strerror or str(e)), where=where) from None
        if size == 0:
            raise UserError(message("empty"), where=where)
        with open(path, "rb") as fh:
            head = fh.read(8192)
            sniff(head, where)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
                # rare for JSON lines: read it whole (within the one-document limit) and decode it
                read_jsonl_stream(io.StringIO(decode(_read_bytes(path), where)), where, result, option_published, default_source)
                return
            nul = head.find(b"\x00")
            if nul >= 0:
                raise UserError(message("nul_at", offset=nul), where=where)
            fh.seek(0)
            before = len(result.documents) + len(result.problems)
            read_jsonl_stream(fh, where, result, option_published, default_source)
            if len(result.documents) + len(result.problems) == before:
                raise UserError(message("empty"), where=where)
        return
    text = decode(_read_bytes(path), where)
    if ext == ".json":
        try:
            data = json.loads(text)
        except ValueError as e:
            raise UserError(message("json", detail=getattr(e, "msg", str(e))), where=where) from None
        records = data if isinstance(data, list) else [data]
        problems = _Problems(result, where)
        for i, rec in enumerate(records, start=1):
            try:
                doc = _doc_from_record(rec, where, i if isinstance(data, list) else None)
                result.documents.append(_finish(doc, option_published, default_source))
            except UserError as e:
                problems.add(str(e))
        problems.close()
        return
    meta = _sidecar(path)
    title = url = source = None
    published = None
    published_from = None
    if ext in HTML_EXTS or _HTML_START.match(text[:2048]):
        body, page = _html_main_text(text, where)
        title, url, source = page.get("title"), page.get("url"), page.get("sitename")
        if page.get("date"):
            try:
                published, published_from = parse_published(page["date"], where), "field"
            except UserError:
                published = None
        text = body
    else:
        front, text = _front_matter(text)
        meta = {**front, **meta}
    text = clean_text(text)
    if not text:
        raise UserError(message("no_text"), where=where)
    if published is None and meta.get("published"):
        published = parse_published(meta.get("published"), where)
        published_from = "sidecar"
    doc = Document(
        doc_id=_str_or_none(meta.get("id")) or "",
        text=text,
        title=_str_or_none(meta.get("title")) or title,
        published=published,
        source=_str_or_none(meta.get("source")) or source,
        url=_str_or_none(meta.get("url")) or url,
        path=where,
        published_from=published_from,
    )
    result.documents.append(_finish(doc, option_published, default_source))


def _html_main_text(html: str, where: str) -> tuple[str, dict]:
    """Main text and page metadata of an HTML page, via trafilatura."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as e:  # trafilatura raises on some malformed markup
        raise UserError(message("unreadable", detail=f"HTML could not be parsed: {e}"), where=where) from None
    if not found:
        raise UserError(message("no_text"), where=where)
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    return data.get("text") or "", {k: data.get(k) for k in ("title", "url", "sitename", "date")}


# -- many paths ------------------------------------------------------------------------------
def _skipped(path: Path) -> bool:
    name = path.name
    return name.startswith(".") or name.endswith(".meta.json") or bool(_SKIP_NAMES.match(name))


def iter_files(root: Path):
    """Readable files under a folder, recursively, in a stable order, skipping sidecars and notices."""
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and not _skipped(p) and p.suffix.lower() in READABLE_EXTS:
            yield p


def read_paths(paths, published=None, source: str | None = None, stdin=None) -> ReadResult:
    """Read files, folders and `-` (standard input: JSONL, or plain text) into documents.

    `published` (date or ISO string) is the last-resort publication date; `source` the default source.
    Problems with one input are collected; the others are still read.
    """
    option_published = parse_published(published, "--published") if published is not None else None
    result = ReadResult()
    for raw in paths:
        if str(raw) == "-":
            _read_stdin(stdin or sys.stdin, result, option_published, source)
            continue
        path = Path(raw)
        if not path.exists():
            result.problems.append(f"{path}: {message('not_found')}")
            continue
        files = list(iter_files(path)) if path.is_dir() else [path]
        if path.is_dir() and not files:
            result.warnings.append(f"{path}: no readable documents in this folder")
        for f in files:
            try:
                read_file(f, result, option_published, source)
            except UserError as e:
                result.problems.append(str(e))
    seen = {}
    unique = []
    for d in result.documents:
        if d.doc_id in seen:
            continue
        seen[d.doc_id] = d
        unique.append(d)
    result.documents = unique
    today = dt.date.today()  # only to warn: no date is ever resolved against it
    future = [d for d in result.documents if d.published is not None and d.published > today]
    if future:
        example = f"{future[0].path or future[0].doc_id}: {future[0].published.isoformat()}"
        result.warnings.append(message("future", count=len(future), example=example))
    undated = [d for d in result.documents if d.published is None]
    if undated:
        example = undated[0].path or undated[0].doc_id
        result.warnings.append(
            f"{len(undated)} document(s) have no publication date, so their relative dates stay unresolved "
            f"(e.g. {example}); give one with --published, a sidecar NAME.meta.json or a 'published' field"
        )
    return result


def _read_stdin(stream, result, option_published, source):
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip():
        result.problems.append(f"<stdin>: {message('empty')}")
        return
    if data.lstrip()[:1] == b"{":
        read_jsonl_stream(io.BytesIO(data), "<stdin>", result, option_published, source)
        return
    try:
        text = decode(data, "<stdin>")
    except UserError as e:
        result.problems.append(str(e))
        return
    if text.lstrip("\ufeff \t\r\n").startswith("{"):  # JSON lines in UTF-16
        read_jsonl_stream(io.StringIO(text.lstrip("\ufeff")), "<stdin>", result, option_published, source)
        return
    text = clean_text(text)
    result.documents.append(_finish(Document(doc_id="", text=text, path="<stdin>"), option_published, source))
