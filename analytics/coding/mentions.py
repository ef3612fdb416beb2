"""Adapters to the sibling components: actor mentions, place mentions and temporal expressions.

The coder only needs offsets plus a few fields; these functions turn the components' records into
small uniform ones, so that the coding rules do not depend on their internals.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ActorRef:
    start: int
    end: int
    name: str
    code: str | None
    country: str | None
    type: str | None
    kind: str | None            # country | demonym | capital | former_state | igo | group | person | agent
    head: bool = True           # False for a modifier ("Soviet allies", "Moscow's influence")
    locative: bool = False      # the actors component saw it as a place ("in Kabul")


@dataclass(frozen=True)
class PlaceRef:
    start: int
    end: int
    name: str
    country: str | None
    region: str | None
    lat: float | None
    lon: float | None


_MISSING = object()


def _get(obj, *names, default=None):
    if isinstance(obj, dict):
        for name in names:
            if name in obj:
                return obj[name]
            if hasattr(obj, name):
                return getattr(obj, name)
        return default
    for name in names:     # (one getattr, not hasattr then getattr: this runs for every field of every mention)
        value = getattr(obj, name, _MISSING)
        if value is not _MISSING:
            return value
    return default


def find_actors(text: str, dct: date | None = None) -> list[ActorRef]:
    """Actor mentions from analytics.actors (roles as of `dct`), sorted by position."""
    try:
        from analytics.actors import find_actors as _find
    except ImportError:     # the actors component is not installed in this tree yet
        return []
    out = []
    for m in _find(text, dct):
        start = _get(m, "start", "char_start")
        end = _get(m, "end", "char_end")
        if start is None or end is None:
            continue
        out.append(ActorRef(int(start), int(end), _get(m, "name", default=text[start:end]),
                            _get(m, "code"), _get(m, "country"), _get(m, "type"), _get(m, "kind"),
                            bool(_get(m, "head", default=True)), bool(_get(m, "locative", default=False))))
    return sorted(out, key=lambda a: (a.start, -a.end))


def find_places(text: str) -> list[PlaceRef]:
    """Place mentions from analytics.geo, sorted by position."""
    from analytics import geo

    if not hasattr(geo, "find_places"):
        return []
    out = []
    for m in geo.find_places(text):
        start = _get(m, "start", "char_start")
        end = _get(m, "end", "char_end")
        if start is None or end is None:
            continue
        out.append(_place(m, int(start), int(end), text[start:end]))
    return sorted(out, key=lambda p: (p.start, -p.end))


def _place(m, start: int, end: int, surface: str) -> PlaceRef:
    return PlaceRef(start, end, _get(m, "name", default=surface), _get(m, "country"), _get(m, "region"),
                    _get(m, "lat"), _get(m, "lon"))


def place_for_country(iso3: str | None, start: int = -1, end: int = -1) -> PlaceRef | None:
    """A country-level place (centroid/capital coordinates from the country table)."""
    if not iso3:
        return None
    from analytics.geo import country_info

    info = country_info(iso3)
    if info is None:
        return None
    return PlaceRef(start, end, info.name, iso3, info.region, info.lat, info.lon)


def lookup_place(name: str) -> PlaceRef | None:
    from analytics import geo

    if not hasattr(geo, "lookup_place"):
        return None
    m = geo.lookup_place(name)
    if m is None:
        return None
    return _place(m, -1, -1, name)


def find_timexes(text: str, dct: date | None) -> list:
    """Temporal expressions (analytics.temporal.Timex records) of type DATE/TIME, and durations the text
    anchors ("a 10-year war that ended in 1989" covers 1979..1989: the war's span, not the end's year)."""
    from analytics.temporal import span_of, tag

    return [t for t in tag(text, dct)
            if t.type in ("DATE", "TIME") or (t.type == "DURATION" and span_of(t) is not None)]
