"""Per-value lookups the importers apply to distinct values: countries, regions, canonical actors,
CAMEO labels. Each function takes one value and is cheap; `columns.map_distinct` calls it once per
distinct value of a column, never per row.

"One actor, one node": a country-level actor from any origin (GDELT's "RUSSIA" coded RUS, ICEWS's
"Russian Federation", the text's "Russia") gets the same canonical name, `country_info(iso3).name`.
Other actors go through `analytics.actors.canonical_actor`, the same function text extraction uses.

    >>> country_code("RUS"), country_code("AFR")
    ('RUS', None)
"""

from __future__ import annotations

import contextlib
import csv
import threading
from functools import lru_cache
from pathlib import Path

from analytics import geo
from analytics.coding import cameo

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


@lru_cache(maxsize=4096)  # one answer per code, however many chunks ask
def country_code(code: str | None) -> str | None:
    """A CAMEO country code (ISO3 for countries) -> ISO3, or None for regional or unknown codes (AFR, MEA, WSB)."""
    if not code or len(code) != 3:
        return None
    info = geo.country_info(code)
    return info.iso3 if info else None


def country_name_to_iso3(name: str | None) -> str | None:
    """A country as a dataset names it ("Russian Federation", "Korea, Republic of") -> ISO3, or None."""
    return geo.country_from_any(name) if name else None


@lru_cache(maxsize=4096)  # one answer per code, however many chunks ask
def fips_to_iso3(fips: str | None) -> str | None:
    return geo.fips_to_iso3(fips) if fips else None


@lru_cache(maxsize=4096)  # one answer per code, however many chunks ask
def region(iso3: str | None) -> str | None:
    return geo.region_for_country(iso3) if iso3 else None


@lru_cache(maxsize=4096)  # one answer per code, however many chunks ask
def country_display_name(iso3: str | None) -> str | None:
    info = geo.country_info(iso3) if iso3 else None
    return info.name if info else None


@lru_cache(maxsize=1)
def _load_canonical():
    try:
        from analytics.actors import canonical_actor
    except ImportError:  # the actors component is optional for importing: names are then kept as given
        return None
    try:
        canonical_actor("Russia")  # loads the actor lexicon (~0.5 s of Python, once per process)
    except Exception:  # noqa: BLE001 - each lookup then fails on its own and keeps the dataset's name (see actor)
        pass
    return canonical_actor


_preload_lock = threading.Lock()
_preload: list[threading.Thread] = []  # at most one thread per process, started by preload()
_preloaded = threading.Event()


def _preload_run() -> None:
    try:
        # the small tables first (countries, FIPS codes, regions, CAMEO), so that the mapping threads
        # do not load them at the same time either; a failure shows where the mapping uses them
        with contextlib.suppress(Exception):
            country_code("RUS"), fips_to_iso3("RS"), region("RUS"), cameo_info("010"), cameo_plover("010")
        _load_canonical()
    finally:
        _preloaded.set()


def preload() -> None:
    """Start loading the actor lexicon in a background thread, so that it overlaps the import's setup
    (hashing the file, copying the store), which waits in C code without holding the GIL. `_canonical_fn`
    waits for it, so the lexicon is loaded once, never by two threads at a time."""
    with _preload_lock:
        if not _preload and _load_canonical.cache_info().currsize == 0:
            t = threading.Thread(target=_preload_run, name="importers-lexicon", daemon=True)
            _preload.append(t)
            t.start()


def _canonical_fn():
    if _preload and not _preloaded.is_set():  # called once per distinct actor: usually one flag test
        _preload[0].join()
    return _load_canonical()


@lru_cache(maxsize=1 << 16)  # every chunk that holds the actor asks again; the lexicon does not change meanwhile
def actor(name: str | None, code: str | None = None, country: str | None = None) -> tuple[str | None, str | None]:
    """(canonical name, CAMEO code or None) for a dataset actor.

    `code` is the dataset's CAMEO actor code if it has one, `country` the actor's ISO3 when known. A
    country-level actor (its code is just the country code, or its name names the country) becomes the
    country's canonical name; other names go through analytics.actors.canonical_actor with the country,
    so GDELT's "POLICE" in India and ICEWS's "Police (India)" are one actor.
    """
    if country and (code == country or (name and geo.country_from_any(name) == country)):
        return country_display_name(country), country
    if not name:
        if code and country_code(code):
            return country_display_name(code), code
        return None, None
    canonical = _canonical_fn()
    if canonical is not None:
        try:
            found = canonical(name, country=country)
        except Exception:  # noqa: BLE001 - a lookup miss must not fail an import; keep the dataset's name
            found = None
        if found and getattr(found, "name", None):
            return found.name, getattr(found, "code", None) or None
    if name.isupper():  # GDELT writes names in capitals
        return name.title(), None
    return name, None


def actor_name(name: str | None, code: str | None = None, country: str | None = None) -> str | None:
    """The canonical name part of `actor()`."""
    return actor(name, code, country)[0]


def actor_code(name: str | None, country: str | None = None, role: str | None = None) -> str | None:
    """A CAMEO actor code for a dataset that has none (ICEWS, ACLED): the canonical actor's code, else the
    country code followed by the role ("IND" + "COP")."""
    found = actor(name, None, country)[1]
    if found and not (role and found == country):
        return found
    return (country + (role or "")) if country else found


@lru_cache(maxsize=4096)  # ~300 CAMEO codes; each chunk asks again for the codes it holds (0.2 ms each)
def cameo_info(code: str | None) -> tuple[str | None, str | None, int | None, float | None]:
    """(label, root, quad_class, goldstein) for a CAMEO event code, or Nones when the code is unknown."""
    if not code:
        return None, None, None, None
    try:
        return cameo.event_info(code)
    except KeyError:
        return None, None, None, None


def cameo_label(code: str | None) -> str | None:
    return cameo_info(code)[0]


def cameo_code(code: str | None) -> str | None:
    """The code with leading zeros as the CAMEO table spells it ("42" -> "042"), or None if unknown."""
    return cameo.normalise_code(code) if code else None


@lru_cache(maxsize=4096)
def cameo_plover(code: str | None) -> str | None:
    return cameo.plover(code) if code else None


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a lexicon TSV with a header; lines starting with # are comments."""
    with (LEXICONS / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))
