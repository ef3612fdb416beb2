"""CAMEO event-code tables: label, root, quad class, Goldstein value and PLOVER category.

The tables are GDELT's published lookups (CAMEO.eventcodes, CAMEO.goldsteinscale), copied
unchanged into ``analytics/lexicons/`` (see SOURCES.md there), and the PLOVER project's
CAMEO2PLOVER-2021 table (CC BY-SA 4.0).

Quad classes follow the GDELT codebook: roots 01-05 are verbal cooperation (1), 06-08
material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).

>>> event_info("0874")
('Retreat or surrender militarily', '08', 2, 10.0)
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"

# GDELT codebook, "QuadClass": which roots make up each quad class.
_QUAD_BY_ROOT = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}

_CODE_RE = re.compile(r"^\d{2,4}$")


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    with open(LEXICONS / "cameo_eventcodes.tsv", encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        # The published file has one mis-encoded quote pair (code 044: "Meet at a \u00d2hird\u00d3location",
        # where the two characters stand for "'t" and "' "); repair it for display.
        return {code: label.replace("\u00d2", "'t").replace("\u00d3", "' ").strip() for code, label in rows}


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    with open(LEXICONS / "cameo_goldstein.tsv", encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        return {code: float(value) for code, value in rows}


@lru_cache(maxsize=1)
def quad_labels() -> dict[int, str]:
    """Quad class number -> description ("Verbal Cooperation", ...)."""
    with open(LEXICONS / "cameo_quadclasses.csv", encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        return {int(n): label for n, label in rows}


@lru_cache(maxsize=1)
def _plover() -> dict[str, str]:
    """CAMEO code (2-4 digits) -> PLOVER category, from CAMEO2PLOVER-2021."""
    table: dict[str, str] = {}
    with open(LEXICONS / "cameo_plover.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            code, rest = line.split(":", 1)
            category = rest.split(",", 1)[0].strip()
            if _CODE_RE.match(code.strip()) and category:
                # Root 08 is split between CONCEDE and RETREAT; the 3-digit rows decide.
                table.setdefault(code.strip(), category)
    return table


@lru_cache(maxsize=4096, typed=True)     # (typed: 42 and 42.0 are not the same code)
def normalise_code(code: str | int | None) -> str | None:
    """Return the CAMEO code as a zero-padded string ("42" -> "042"), or None if unknown."""
    if code is None:
        return None
    text = str(code).strip()
    if not text.isdigit():
        return None
    labels = _labels()
    if text in labels:
        return text
    for candidate in ("0" + text, text.zfill(4)):
        if candidate in labels:
            return candidate
    return None


def event_info(code: str | int) -> tuple[str, str, int, float]:
    """Return (label, root, quad_class, goldstein) for a CAMEO event code.

    Unknown codes raise KeyError. Codes are strings with leading zeros ("0874"); an
    integer or an unpadded string is accepted when it is unambiguous.

    >>> event_info("043")
    ('Host a visit', '04', 1, 2.8)
    """
    norm = normalise_code(code)
    if norm is None:
        raise KeyError(f"unknown CAMEO event code: {code!r}")
    root = norm[:2]
    return _labels()[norm], root, _QUAD_BY_ROOT[root], _goldstein()[norm]


def plover(code: str | int) -> str | None:
    """PLOVER category for a CAMEO code, or None (roots 01 and 02 were dropped by PLOVER)."""
    norm = normalise_code(code)
    if norm is None:
        return None
    table = _plover()
    for prefix in (norm, norm[:3], norm[:2]):
        if prefix in table:
            return table[prefix]
    return None


def codes() -> list[str]:
    """All CAMEO codes in the bundled table, sorted."""
    return sorted(_labels())
