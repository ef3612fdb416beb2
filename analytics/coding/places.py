"""Where an event happened: locative mentions after the trigger in its clause, else before it.

"in Uzbekistan and Tajikistan" gives two places; a place names its country, UN M49 sub-region and
coordinates (offline gazetteer and country table of analytics.geo).
"""
from __future__ import annotations

from dataclasses import replace

from analytics.coding.context import within
from analytics.coding.grammar import LOC_PREPS, breaks, coordinated, governing_prep, span_tokens
from analytics.coding.mentions import ActorRef, PlaceRef, lookup_place, place_for_country
from analytics.coding.triggers import Trigger


def event_places(ctx, sent, toks, mentions, trig: Trigger) -> list[PlaceRef]:
    """Places of the event: locative mentions after the trigger in its clause, else before it."""
    cands: list[tuple[int, int, PlaceRef]] = []
    placed: list[tuple[int, int]] = []
    for m in mentions:
        if m.locative:
            if m.ref.kind == "agent" and m.t1 < len(toks) and toks[m.t1].lower in {"in", "at"}:
                placed.append((m.t0, m.t1))
                continue    # "at the US embassy in Baghdad": the embassy stands where the next place says
            place = place_for_actor(m.ref, ctx.text[m.ref.start:m.ref.end])
            if place is not None:
                cands.append((m.t0, m.t1, place))
    for p in within(ctx.places, sent.start, sent.end):
        if p.end > sent.end:
            continue
        span = span_tokens(toks, p.start, p.end)
        if span is None or any(c[0] <= span[0] < c[1] for c in cands) or any(a <= span[0] < b for a, b in placed):
            continue
        if any(m.t0 <= span[0] < m.t1 and not m.locative for m in mentions):
            continue
        if governing_prep(toks, span[0]) in LOC_PREPS:
            cands.append((span[0], span[1], p))
    if not cands:
        return []
    cands.sort(key=lambda c: c[0])
    after = [c for c in cands if c[0] >= trig.end and c[0] - trig.end <= 12 and not breaks(toks, trig.end, c[0])]
    before = [c for c in cands if c[1] <= trig.start and not breaks(toks, c[1], trig.start)]
    chosen = after or before[-1:]
    if not chosen:
        return []
    group = [chosen[0]]
    for c in cands:
        if c[0] > group[-1][0] and coordinated(toks, group[-1][1], c[0]):
            group.append(c)
    return [c[2] for c in group]


def place_for_actor(ref: ActorRef, surface: str | None = None) -> PlaceRef | None:
    """The place an actor mention names: its own words first ("Kabul"), else its canonical name."""
    p = (lookup_place(surface) if surface else None) or lookup_place(ref.name)
    if p is not None and (ref.country is None or p.country == ref.country):
        return replace(p, start=ref.start, end=ref.end)
    return place_for_country(ref.country, ref.start, ref.end) if ref.country else None


def capital_of(iso3: str | None) -> PlaceRef | None:
    from analytics.geo import country_info

    info = country_info(iso3) if iso3 else None
    if info is None or not info.capital:
        return None
    return PlaceRef(-1, -1, info.capital, iso3, info.region, info.lat, info.lon)
