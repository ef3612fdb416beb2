"""`python -m analytics import {gdelt|icews|acled|auto} FILE... [--store FILE]`: runs import_files with a
progress bar on a terminal (rows, rate, time left; nothing when standard error is piped) and prints the
report's lines to standard error. Exit status 0 (warnings included), 1 when a file was refused."""

from __future__ import annotations

import sys

MAX_SHOWN = 20  # problem lines printed per file; the summary counts them all


def _bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, dynamic_ncols=True, desc="import")


def run_cli(args) -> int:
    from analytics.importers import import_files
    from analytics.store import Store

    bar = None
    show = sys.stderr.isatty()  # quiet when piped or redirected

    def progress(p):
        nonlocal bar
        if not show:
            return
        if bar is None:
            bar = _bar(p.bytes_total)
        elapsed = bar.format_dict.get("elapsed") or 0
        rate = p.rows / elapsed if elapsed else 0
        bar.set_postfix_str(f"{p.rows:,} rows, {rate:,.0f} rows/s", refresh=False)
        bar.update(p.bytes_done - bar.n)

    try:
        report = import_files(args.kind, args.files, Store(args.store), progress=progress)
    finally:
        if bar is not None:
            bar.close()
    for line in report.refused:
        print(f"error: {line}", file=sys.stderr)
    for f in report.files:
        if f.already_imported:
            print(f"{f.path}: already imported; nothing added", file=sys.stderr)
            continue
        print(f"{f.path}: {f.layout}: {f.rows:,} rows, {f.added:,} added, {f.existing:,} already stored, {f.malformed:,} malformed", file=sys.stderr)
        for line in f.problems[:MAX_SHOWN]:
            print(f"warning: {line}", file=sys.stderr)
        if len(f.problems) > MAX_SHOWN or f.malformed > len(f.problems):
            print(f"warning: {f.path}: {f.malformed - min(f.malformed, MAX_SHOWN):,} more malformed rows not shown", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 0 if report.ok else 1
