"""Build the default store on first start: the bundled seed articles and the GDELT sample.

The dashboard calls `ensure_default_store()` before anything else. When the store file already
exists it is left alone (analysts' additions are never rebuilt away). Each part is optional: a part
whose component is missing or fails is reported in the returned notes, and the others still load.

Example:
    >>> notes = ensure_default_store(Store())      # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from analytics.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GDELT_SAMPLE = ROOT / "data" / "gdelt"


def check_store_path(path: Path) -> None:
    """Raise UserError (one line naming the path) when `path` cannot be an events store: a folder, a
    file that is not DuckDB's, or a place where none can be created. Reads 16 bytes; writes nothing."""
    import os

    path = Path(path)
    if path.is_dir():
        raise UserError("is a folder; the store is a file, e.g. data/events.duckdb", where=str(path))
    if path.exists():
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as e:
            raise UserError(f"cannot be read ({e.strerror})", where=str(path)) from None
        if head[8:12] != b"DUCK":  # DuckDB's file header
            raise UserError("is not an events store (not a DuckDB file); give another store path", where=str(path))
        return
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise UserError(f"a store cannot be created here ({folder} is not a writable folder)", where=str(path))


def _gdelt_files() -> list[Path]:
    if not GDELT_SAMPLE.is_dir():
        return []
    return sorted(p for p in GDELT_SAMPLE.iterdir() if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".txt", ".zip")
                  and not p.name.lower().startswith(("readme", "licen")))


def build(store, seeds: Path = SEEDS, gdelt: list[Path] | None = None) -> list[str]:
    """Fill `store` from the seed articles and the GDELT sample. Returns one line per part done or skipped."""
    notes: list[str] = []
    store.ensure()
    if seeds.is_dir():
        try:
            from analytics.documents import read_paths
            from analytics.pipeline import extract

            result = read_paths([seeds])
            if result.documents:
                report = store.ingest(result.documents, extract(result.documents))
                notes.append(f"seed articles: {report.documents} documents, {report.mentions} event mentions")
            notes.extend(result.problems)
        except (ImportError, UserError) as e:
            notes.append(f"seed articles not loaded: {e}")
        except Exception as e:  # a coding bug must not keep the dashboard from starting on the datasets
            notes.append(f"seed articles not loaded: {type(e).__name__}: {e}")
    files = _gdelt_files() if gdelt is None else gdelt
    if files:
        try:
            from analytics.importers import import_files

            report = import_files("gdelt", [str(p) for p in files], store)
            notes.extend(report.refused)
            notes.append(f"GDELT sample: {report.added:,} events added from {len(report.files)} file(s)")
        except (ImportError, UserError) as e:
            notes.append(f"GDELT sample not loaded: {e}")
    return notes


def ensure_default_store(store) -> list[str]:
    """Build the default store when its file does not exist yet; otherwise do nothing."""
    if store.exists():
        return []
    return build(store)
