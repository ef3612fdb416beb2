"""The command line: `python -m analytics COMMAND ...`. Parses arguments, calls the package, prints.

Standard output carries only data; summaries, warnings and progress go to standard error.
Exit status: 0 success (warnings allowed), 1 when any input failed, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analytics.errors import UserError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _progress(total: int, unit: str):
    """A tqdm bar on a terminal, nothing when standard error is piped."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr, dynamic_ncols=True)


def _read(args):
    from analytics.documents import read_paths

    result = read_paths(args.paths, published=args.published, source=getattr(args, "source", None))
    for p in result.problems:
        _say(f"error: {p}")
    for w in result.warnings:
        _say(f"warning: {w}")
    return result


def _open_output(args, binary: bool):
    if args.output in (None, "-"):
        return (sys.stdout.buffer if binary else sys.stdout), False
    try:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        return open(args.output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""), True
    except OSError as e:
        raise UserError(f"cannot write output ({e.strerror})", where=args.output) from None


def _write(frame, args) -> None:
    from analytics.output import write_frame

    out, close = _open_output(args, binary=args.format == "parquet")
    try:
        write_frame(frame, args.format, out)
    finally:
        if close:
            out.close()
        else:
            out.flush()


def _extract_frame(documents):
    from analytics.pipeline import extract

    bar = _progress(len(documents), "doc")
    try:
        return extract(documents, progress=lambda _d: bar.update(1))
    finally:
        bar.close()


def cmd_extract(args) -> int:
    result = _read(args)
    frame = _extract_frame(result.documents)
    _write(frame, args)
    _say(f"extract: {len(result.documents)} documents, {len(frame)} event mentions, {len(result.problems)} problems")
    return EXIT_FAILED if result.problems else EXIT_OK


def cmd_timex(args) -> int:
    from analytics.temporal import tag

    result = _read(args)
    out, close = _open_output(args, binary=False)
    n = 0
    try:
        for doc in result.documents:
            for t in tag(doc.text, doc.published):
                row = {"id": doc.doc_id, **t.as_dict()}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if close:
            out.close()
    _say(f"timex: {len(result.documents)} documents, {n} temporal expressions, {len(result.problems)} problems")
    return EXIT_FAILED if result.problems else EXIT_OK


def _store(args):
    """The store named by --store / $EVENTS_STORE, refused in one line when that path cannot be one."""
    from analytics.default_data import check_store_path
    from analytics.store import Store

    store = Store(args.store)
    check_store_path(store.path)
    return store


def cmd_ingest(args) -> int:
    result = _read(args)
    if not result.documents:
        _say("ingest: no documents read; the store is unchanged")
        return EXIT_FAILED if result.problems else EXIT_OK
    frame = _extract_frame(result.documents)
    store = _store(args)
    try:
        report = store.ingest(result.documents, frame)
    except OSError as e:  # disk full, no permission: the store is left as it was (copy-on-write)
        raise UserError(f"cannot write the store ({e.strerror or e}); it is unchanged", where=str(store.path)) from None
    _say(
        f"ingest: {report.documents} documents ({report.replaced_documents} replaced), "
        f"{report.mentions} event mentions, {report.events} merged text events in {store.path}; "
        f"{len(result.problems)} problems"
    )
    return EXIT_FAILED if result.problems else EXIT_OK


def _filters(args):
    from analytics.filters import Filters

    return Filters(
        actors=args.actor or (),
        regions=args.region or (),
        countries=args.country or (),
        roots=args.root or (),
        quad_classes=args.quad or (),
        since=args.since,
        until=args.until,
        sources=args.source or (),
        origins=args.origin or (),
        min_precision=args.min_precision,
    )


def cmd_export(args) -> int:
    from analytics import schema

    filters = _filters(args)
    store = _store(args)
    where, params = filters.where()
    cols = ", ".join(schema.COLUMNS)
    frame = store.query(f"SELECT {cols} FROM events WHERE {where} ORDER BY date_start NULLS LAST, event_id", params)
    frame = schema.validate(schema.conform(frame))
    _write(frame, args)
    _say(f"export: {len(frame)} events ({filters.describe()}) from {store.path}")
    if frame.empty:
        from analytics.views import not_stored

        for hint in not_stored(store, filters):
            _say(f"warning: {hint}")
    return EXIT_OK


def cmd_import(args) -> int:
    from analytics import importers

    args.store = str(_store(args).path)  # a bad store path is refused before any file is read
    return importers.run_cli(args)


def cmd_bench(args) -> int:
    from analytics import bench

    return bench.run_cli(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analytics", description="Dated geopolitical events from news text and event datasets.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def docs_args(sp):
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .md .html .json .jsonl), or - for standard input")
        sp.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for documents that give none")

    def store_arg(sp):
        sp.add_argument("--store", metavar="FILE", help="store file (default: $EVENTS_STORE or data/events.duckdb)")

    def out_args(sp, formats):
        sp.add_argument("--format", choices=formats, default=formats[0], help="output format")
        sp.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")

    sp = sub.add_parser("extract", help="documents in, event-frame rows out (store untouched)")
    docs_args(sp)
    sp.add_argument("--source", metavar="NAME", help="source name for documents that give none")
    out_args(sp, ["jsonl", "csv", "parquet"])
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("timex", help="one JSON line per temporal expression")
    docs_args(sp)
    sp.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    sp.set_defaults(func=cmd_timex)

    sp = sub.add_parser("ingest", help="extract events from documents and upsert them into the store")
    docs_args(sp)
    sp.add_argument("--source", metavar="NAME", help="source name for documents that give none")
    store_arg(sp)
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("export", help="filtered events from the store")
    store_arg(sp)
    sp.add_argument("--actor", action="append", metavar="A", help="canonical actor name (repeatable)")
    sp.add_argument("--region", action="append", metavar="R", help="UN M49 sub-region (repeatable)")
    sp.add_argument("--country", action="append", metavar="ISO3", help="country where it happened (repeatable)")
    sp.add_argument("--root", action="append", metavar="CODE", help="CAMEO root code, e.g. 14 (repeatable)")
    sp.add_argument("--quad", action="append", type=int, choices=[1, 2, 3, 4], help="quad class (repeatable)")
    sp.add_argument("--source", action="append", metavar="NAME", help="source (repeatable)")
    sp.add_argument("--origin", action="append", choices=["text", "gdelt", "icews", "acled"], help="origin (repeatable)")
    sp.add_argument("--min-precision", metavar="P", help="coarsest date precision kept (day, week, month, ...)")
    sp.add_argument("--since", metavar="DATE", help="events that may have happened on or after DATE")
    sp.add_argument("--until", metavar="DATE", help="events that may have happened on or before DATE")
    sp.add_argument("--format", choices=["csv", "jsonl", "parquet"], required=True)
    sp.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("import", help="import GDELT, ICEWS or ACLED files into the store")
    sp.add_argument("kind", choices=["gdelt", "icews", "acled", "auto"])
    sp.add_argument("files", nargs="+", metavar="FILE")
    store_arg(sp)
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser("bench", help="query-path benchmark on a temporary store of N synthetic events")
    sp.add_argument("--events", type=int, default=1_000_000, metavar="N")
    sp.add_argument("--json", action="store_true", help="print only a JSON object")
    sp.set_defaults(func=cmd_bench)
    return p


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as e:
        _say(f"error: {e}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("interrupted; the store is unchanged")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
