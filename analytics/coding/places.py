"""Where an event happened: locative mentions after the trigger in its clause, else before it; else (see
`fallback_places`) the country a transfer or withdrawal concerns, a people's home, or the place the
story continues in.

"in Uzbekistan and Tajikistan" gives two places; a place names its country, UN M49 sub-region and
coordinates (offline gazetteer and country table of analytics.geo).

Rules, in short:
- A place governed by a locative preposition ("in", "at", "near", "off", "through", ...) is a strong
  candidate; one reached otherwise ("independence from France") is weak: a strong one before the trigger
  ("Voters in New Caledonia rejected independence from France") beats a weak one after it.
- "the streets of Rio", "a village north of Belgrade", "Glassboro, New Jersey": the place after a locative
  head noun, a direction, or a comma after a place keeps the locative of the phrase it ends.
- "off the Egyptian coast", "in the western Kazakh town of Zhanaozen": a demonym before a place noun names
  the country.
- "called for an end to the war in Syria at a vigil in Rome": a place right after another event noun
  ("the war in Syria") is that event's, when a later place is the act's.
- "retook the city of Kherson": the place a violent verb is done to is where it happened; "near Kigali
  airport": a capital before a noun is still a place after a locative.
- "stormed Fiji's parliament (and took the prime minister hostage)": a country in the possessive before a state
  building is the place of violence; "withdrew its troops from southern Lebanon": "from" is where a withdrawal
  is; "in the departure hall of Brussels airport": one noun modifier may stand before a locative head.
- "were killed when their plane was shot down near Kigali airport": when the trigger's clause names no place, a
  clause of the same moment ("when", "as", "while") after it may.
"""
from __future__ import annotations

import re
from dataclasses import replace

from analytics.coding import cameo
from analytics.coding.context import within
from analytics.coding.grammar import COUNTRY_KINDS, IRREGULAR_PAST, LOC_PREPS, MODALS, POSSESSIVES, VIOLENT, breaks, \
    clause_end, coordinated, governing_prep, span_tokens
from analytics.coding.mentions import ActorRef, PlaceRef, lookup_place, place_for_country
from analytics.coding.triggers import Trigger
from analytics.coding.words import RELATIVE_PRONOUNS
from analytics.coding.words import SITE_NOUNS

# how far after its verb (in tokens) a place may stand: "shot dead X's President Y and a dozen of his aides in
# Ouagadougou" is 15
WINDOW = 16
# locative prepositions beyond the shared list: "off the coast", "marched through Leipzig", "along the border"
LOCATIVE = LOC_PREPS | {"off", "through", "along", "outside", "inside"}
# "the streets of Rio", "north of Belgrade", "the outskirts of Kabul": "of" after these is locative
OF_HEADS = {"streets", "centre", "center", "outskirts", "suburbs", "suburb", "heart", "north", "south", "east",
            "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
            "south-west", "coast", "capital", "city", "town", "village", "province", "region", "port", "island",
            "state", "district", "county", "area", "areas", "parts", "part", "rest", "hall", "terminal", "square",
            "compound", "campus", "station", "harbour", "harbor", "market", "quarter", "neighbourhood",
            "neighborhood"}
# a place noun a demonym may name the country of ("the Egyptian coast", "a Kazakh town")
PLACE_NOUNS = {"coast", "town", "city", "village", "region", "province", "capital", "border", "island", "islands",
               "port", "enclave", "waters", "territory", "district", "countryside", "mountains", "desert",
               "countryside", "soil", "airspace", "frontier", "state", "coastline", "oilfield", "oilfields"}
GEO_ADJECTIVES = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                  "northeastern", "northwestern", "southeastern", "southwestern", "remote", "rural", "coastal"}
# words between a locative preposition and its place ("in the northern city of Hue", "through the streets of")
LOCATIVE_SKIP = {"the", "a", "an", "of"} | GEO_ADJECTIVES | OF_HEADS
# words between a violent verb and the place it is done to ("seized the northern town of")
OBJECT_WORDS = {"the", "a", "an", "of", "strategic", "key", "besieged", "rebel-held", "breakaway", "towns", "cities",
                "villages", "enclave", "enclaves"} | GEO_ADJECTIVES | PLACE_NOUNS | {"city", "town", "village", "port"}
# "in the capital", "across the country": a place the story has already named
ANAPHORS = {"capital", "country", "city", "town", "village", "region", "province", "island", "nation"}
# "the war in Syria": a place after one of these describes that event, not the act the sentence reports
EVENT_HEADS = {"war", "wars", "fighting", "conflict", "crisis", "violence", "attack", "attacks", "massacre",
               "killing", "killings", "bombing", "bombings", "genocide", "occupation", "invasion", "unrest",
               "clashes", "famine", "earthquake", "floods", "elections", "election", "vote", "referendum"}
# "when"/"as" opening a clause of the same moment
SAME_MOMENT = {"when", "as", "while"}
# a state's buildings a country in the possessive may stand before ("Fiji's parliament")
# sending someone out of the country happens in it
EXPEL_LEMMAS = {"expel", "deport", "expelled", "deported", "expulsion", "deportation"}
# people who vote, protest or strike where they live ("French voters rejected the constitution")
HOME_PEOPLE = {"voters", "protesters", "demonstrators", "strikers", "crowds", "workers", "students", "citizens",
               "residents", "people", "civilians", "farmers", "miners", "rioters", "mobs", "marchers"}


def event_places(ctx, sent, toks, mentions, trig: Trigger) -> list[PlaceRef]:
    """Places of the event: locative mentions after the trigger in its clause, else before it."""
    code = cameo.normalise_code(trig.code) or "00"
    violent = code[:2] in VIOLENT
    base, gazetteer = _sentence_places(ctx, sent, toks, mentions)
    cands = list(base)
    for span, p, prep, locative, actor, country_head in gazetteer:
        if any(c[0] <= span[0] < c[1] for c in cands[len(base):]):
            continue
        strong = locative or (violent and prep == "over") or (
            violent and p.country is not None and _object_place(toks, trig, span[0])) or (
            code[:3] == "087" and prep == "from")   # "withdrew its last troops from southern Lebanon"
        site = violent and _possessive_site(toks, span)
        strong = strong or site
        if actor and not (strong and (country_head or site or (code[:3] == "087" and prep == "from"))):
            continue    # an actor, unless "north of Belgrade", "the streets of Caracas", "near Kigali airport",
                        # "shot down over eastern Ukraine" make it a place
        if strong:
            cands.append((span[0], span[1], p, True))
    if not (cameo.normalise_code(trig.code) or "").startswith("172"):
        cands.extend(_anaphor_places(ctx, toks, cands))     # (172: see fallback_places)
    if not cands:
        return []
    cands.sort(key=lambda c: c[0])
    after = [c for c in cands if c[0] >= trig.end and c[0] - trig.end <= 20 and not _breaks(toks, trig.end, c[0])]
    # a boundary between a place and the verb also lies between every earlier place and the verb, so the
    # places before it are found from the last boundary, in one backward scan
    cut = next((k + 1 for k in range(min(trig.start, len(toks)) - 1, -1, -1) if _breaks(toks, k, k + 1)), 0)
    before = [c for c in cands if cut <= c[1] <= trig.start]
    # "arrested Oswald, a former Marine who once lived in the Soviet Union, in a cinema", "Cohen, who chaired talks
    # in London, urged the rebels": a place in a relative clause describes someone, not where the event is
    after = [c for c in after if not _in_relative(toks, trig.end, c[0])]
    before = [c for c in before if not (_in_relative(toks, 0, c[0]) and _comma_between(toks, c[1], trig.start))]
    # "an end to the war in Syria at a vigil in Rome": the war's place is not the appeal's (a place that
    # far from the verb counts only then)
    other = [c for c in after if _of_other_event(toks, c[0], trig)]
    if other and any(c not in other for c in after):
        after = [c for c in after if c not in other]
    else:
        after = [c for c in after if c[0] - trig.end <= WINDOW]
    chosen = ([c for c in after if c[3]][:1] or [c for c in before if c[3]][-1:]
              or after[:1] or before[-1:])
    if not chosen:
        # "were killed on Wednesday when their plane was shot down near Kigali airport", "shot him as he gave a
        # speech in the city of Nara": a clause of the same moment places the event when its own clause does not
        chosen = [c for c in cands if c[3] and c[0] >= trig.end and c[0] - trig.end <= WINDOW
                  and _same_moment_only(toks, trig.end, c[0])][:1]
    if not chosen:
        return []
    group = [chosen[0]]
    for c in cands:
        if c[0] > group[-1][0] and coordinated(toks, group[-1][1], c[0]):
            group.append(c)
    return [c[2] for c in group]


def _sentence_places(ctx, sent, toks, mentions) -> tuple[list, list]:
    """What the place search finds in a sentence whatever its verb, worked out once per sentence (a run-on
    sentence of many events made it cubic): the (t0, t1, place, strong) candidates from actor mentions, and
    for each gazetteer place not inside one of them (span, place, preposition, locative, inside a non-locative
    actor mention, a country mention there that may still be a place)."""
    key = (sent.start, sent.end, id(mentions))
    cached = ctx.sentence_places.get(key)
    if cached is not None and cached[0] is mentions:
        return cached[1]
    cands: list[tuple[int, int, PlaceRef, bool]] = []      # (t0, t1, place, strong)
    placed: list[tuple[int, int]] = []
    covering: dict[int, list] = {}                          # the mentions covering each token
    for m in mentions:
        for k in range(m.t0, m.t1):
            covering.setdefault(k, []).append(m)
        if m.locative:
            if m.ref.kind == "agent" and m.t1 < len(toks) and toks[m.t1].lower in {"in", "at"}:
                placed.append((m.t0, m.t1))
                continue    # "at the US embassy in Baghdad": the embassy stands where the next place says
            place = place_for_actor(m.ref, ctx.text[m.ref.start:m.ref.end])
            if place is not None:
                cands.append((m.t0, m.t1, place, _locative(toks, m.t0, m.prep)))
        elif m.ref.kind == "demonym" and not m.ref.head and m.ref.country and _names_place_noun(toks, m.t0, m.t1):
            place = place_for_country(m.ref.country, m.ref.start, m.ref.end)
            if place is not None:   # "off the Egyptian coast"
                cands.append((m.t0, m.t1, place, True))
    gazetteer = []
    for p in within(ctx.places, sent.start, sent.end):
        if p.end > sent.end:
            continue
        span = span_tokens(toks, p.start, p.end)
        if span is None or any(c[0] <= span[0] < c[1] for c in cands) or any(a <= span[0] < b for a, b in placed):
            continue
        prep = _prep(toks, span[0])
        here = covering.get(span[0], ())
        actor = any(not m.locative for m in here)
        country_head = actor and any(m.t0 == span[0] and m.ref.kind in COUNTRY_KINDS and (
            _of_head(toks, span[0]) or m.ref.kind == "capital" or prep == "over") for m in here)
        gazetteer.append((span, p, prep, _locative(toks, span[0], prep), actor, country_head))
    ctx.sentence_places[key] = (mentions, (cands, gazetteer))
    return cands, gazetteer


def _breaks(toks, a: int, b: int) -> bool:
    """A clause boundary between tokens a and b, but not a participle of the same moment ("shot dead by a
    gunman while celebrating Mass in San Salvador": the shooting was there)."""
    return any(clause_end(toks, k) and not (toks[k].lower in {"while", "when"} and k + 1 < len(toks)
                                            and toks[k + 1].lower.endswith("ing"))
               and not _noun_coordination(toks, k)
               for k in range(max(a, 0), min(b, len(toks))))


def _in_relative(toks, a: int, b: int) -> bool:
    """Does token b stand in a relative clause opened between tokens a and b ("who once lived in")?"""
    for k in range(min(b, len(toks)) - 1, max(a, 0) - 1, -1):
        w = toks[k].lower
        if w in RELATIVE_PRONOUNS:
            return True
        if w in {",", ";", ":", ".", "(", ")"}:
            return False
    return False


def _comma_between(toks, a: int, b: int) -> bool:
    return any(toks[k].lower in {",", ";", "(", ")"} for k in range(max(a, 0), min(b, len(toks))))


def _same_moment_only(toks, a: int, b: int) -> bool:
    """Are the clause boundaries between tokens a and b only "when"/"as" (", when") opening a clause of the
    same moment (one such boundary at most)?"""
    seen = 0
    for k in range(max(a, 0), min(b, len(toks))):
        if not clause_end(toks, k) or _noun_coordination(toks, k):
            continue
        w = toks[k].lower
        if w == "," and k + 1 < len(toks) and toks[k + 1].lower in SAME_MOMENT:
            continue
        if w not in SAME_MOMENT:
            return False
        seen += 1
    return seen == 1


def _possessive_site(toks, span) -> bool:
    """"stormed Fiji's parliament", "took Trinidad's prime minister hostage" after it: a country in the possessive
    before a building of its state is a place (an embassy stands abroad)."""
    i, j = span
    if not toks[j - 1].lower.endswith(("'s", "’s")) or j >= len(toks):
        return False
    return toks[j].lower in SITE_NOUNS or (j + 1 < len(toks) and toks[j + 1].lower in SITE_NOUNS
                                           and toks[j].text[:1].islower())


def _noun_coordination(toks, k: int) -> bool:
    """"fired on oil workers and their supporters in Zhanaozen": "and" + possessive + noun with no verb after
    it joins two nouns, not two clauses."""
    if toks[k].lower not in {"and", "or"} or k + 3 >= len(toks) or toks[k + 1].lower not in POSSESSIVES:
        return False
    nxt = toks[k + 3].lower
    return toks[k + 2].text[:1].islower() and not (nxt.endswith("ed") or nxt in IRREGULAR_PAST
                                                    or nxt in MODALS or nxt in {"is", "are", "was", "were", "has",
                                                                                "have", "had"})


def _locative(toks, t0: int, prep: str | None) -> bool:
    """Is the noun phrase at t0 a place the event happened in (not a "from" or "to" it went)?"""
    if prep in LOCATIVE or _of_head(toks, t0):
        return True
    # "at a college in Glassboro, New Jersey": the state after a comma ends the phrase before it
    if t0 >= 2 and toks[t0 - 1].lower == "," and toks[t0 - 2].text[:1].isupper():
        j = t0 - 2
        while j > 0 and toks[j - 1].text[:1].isupper():
            j -= 1
        return _prep(toks, j) in LOCATIVE
    return False


def _object_place(toks, trig: Trigger, t0: int) -> bool:
    """"retook the city of Kherson", "captured the strategic towns of Dessie and Kombolcha": a place that is
    the object of a violent verb is where it happened."""
    if trig.kind != "verb" or not 0 <= t0 - trig.end <= 5:
        return False
    return all(t.lower in OBJECT_WORDS or (t.text[:1].isupper() and k > trig.end)
               for k, t in enumerate(toks[trig.end:t0], trig.end))   # ("the Caribbean island of Grenada")


def _of_head(toks, t0: int) -> bool:
    """"the streets of Rio", "north of Belgrade": "of" after a locative head, itself after a preposition or
    a direction."""
    if t0 < 2 or toks[t0 - 1].lower != "of" or toks[t0 - 2].lower not in OF_HEADS:
        return False
    head = toks[t0 - 2].lower
    return head in {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                    "north-east", "north-west", "south-east", "south-west"} or _prep(toks, t0 - 2) in LOCATIVE | {"to"} \
        or (t0 >= 3 and toks[t0 - 3].text.isalpha() and toks[t0 - 3].text[:1].islower()
            and toks[t0 - 3].lower not in LOCATIVE and _prep(toks, t0 - 3) in LOCATIVE)
    # ("in the departure hall of Brussels airport": one noun modifier before the head)


def _names_place_noun(toks, t0: int, t1: int) -> bool:
    """"off the Egyptian coast", "in the western Kazakh town": a demonym before a place noun, in a
    locative phrase."""
    if t1 >= len(toks) or toks[t1].lower not in PLACE_NOUNS:
        return False
    return _prep(toks, t0) in LOCATIVE


def _prep(toks, t0: int) -> str | None:
    """The preposition of the phrase at t0, the locative ones the shared list lacks included ("off the
    coast", "through the streets")."""
    j = t0 - 1
    while j >= 0 and t0 - j <= 3 and (toks[j].lower in {"the", "a", "an"} or toks[j].lower in GEO_ADJECTIVES):
        j -= 1
    if j >= 0 and toks[j].lower in LOCATIVE | {"over"}:
        return toks[j].lower    # ("shot down over eastern Ukraine": locative for violence only, see event_places)
    return governing_prep(toks, t0)


def _of_other_event(toks, t0: int, trig: Trigger) -> bool:
    """Is the place at t0 that of another event noun ("the war in Syria", "the massacre at Srebrenica")?"""
    j = t0 - 1
    while j > trig.end and toks[j].lower in {"the", "a", "an"}:
        j -= 1
    return j - 1 >= trig.end and toks[j].lower in {"in", "at", "near"} and toks[j - 1].lower in EVENT_HEADS \
        and j - 1 != trig.start


def _anaphor_places(ctx, toks, cands) -> list:
    """"in the capital", "into the city": the place the story was last in (else the story's country)."""
    out = []
    for k in range(1, len(toks) - 1):
        if toks[k].lower != "the" or toks[k - 1].lower not in LOCATIVE or toks[k + 1].lower not in ANAPHORS:
            continue
        if k + 2 < len(toks) and (toks[k + 2].lower == "of" or toks[k + 2].text[:1].isupper()):
            continue    # "in the city of Aleppo", "in the capital Kabul": named
        if any(k < c[0] <= k + 4 for c in cands):
            continue
        place = place_for_country(story_place_country(ctx, toks[k].start), toks[k].start, toks[k + 1].end)
        if place is not None:
            out.append((k, k + 2, place, True))
    return out


def _anaphor(toks, trig: Trigger) -> bool:
    """"in the capital", "across the country", "into the city": a place the story has named, in the
    trigger's clause."""
    for k in range(1, len(toks) - 1):
        if toks[k].lower not in {"the", "most", "much"} or toks[k + 1].lower not in ANAPHORS or (
                toks[k - 1].lower not in LOCATIVE | {"over", "of"} and k != trig.end):
            continue    # (the trigger's object: "troops abandoned the city")
        if toks[k - 1].lower == "of" and not (k >= 2 and toks[k - 2].lower in {"most", "much", "parts", "all"}):
            continue    # "over most of the country" (but not "the president of the country")
        if k + 2 < len(toks) and (toks[k + 2].lower == "of" or toks[k + 2].text[:1].isupper()):
            continue    # "in the city of Aleppo", "in the capital Kabul": named
        lo, hi = sorted((k, trig.start))
        if not breaks(toks, lo, hi):
            return True
    return False


def story_place_country(ctx, before: int, story: bool = True) -> str | None:
    """The country of the last place the text puts something in before character `before` ("in Lima"),
    else (with `story`) the story's country."""
    for p in reversed(within(ctx.places, 0, before)):
        if p.end <= before and p.country and _locative_place(ctx, p.start):
            return p.country
    return ctx.story if story else None


def _locative_place(ctx, start: int) -> bool:
    """_locative_at for a place of the document, worked out once per place (each event asks it of every
    earlier place until one is locative)."""
    known = ctx.locative_places.get(start)
    if known is None:
        known = ctx.locative_places[start] = _locative_at(ctx.text, start)
    return known


def _locative_at(text: str, start: int) -> bool:
    """Is the place starting at `start` governed by a locative ("in Lima", "in the city of Hue", "the streets
    of Rio")? Words only, no tokenizer: it is asked of every earlier place."""
    words = re.findall(r"[a-z'-]+|[,.;:]", text[max(0, start - 60):start].lower())
    j, skipped = len(words) - 1, 0
    while j >= 0 and skipped < 4 and words[j] in LOCATIVE_SKIP:
        j, skipped = j - 1, skipped + 1
    return j >= 0 and words[j] in LOCATIVE


def fallback_places(ctx, sent, toks, trig: Trigger, code: str, sources, targets) -> list[PlaceRef]:
    """Where an event the sentence places nowhere happened (participants.places_for asks last):
    - aid sent or troops withdrawn concern the country they go to or leave ("flew supplies to Nepal",
      "the last troops left Afghanistan");
    - a people voting, protesting or striking with no foreign party does it at home ("French voters
      rejected the constitution"), and so does a state expelling someone ("expelled the German ambassador"),
      granting asylum or freeing someone ("Cuba freed the contractor");
    - "in the capital", "across the country", "in the town", or "the city" as the trigger's object ("troops
      abandoned the city"): the place the story was last in (else the story's country);
    - otherwise the story continues where it last was ("Troops fired tear gas at the crowds" after
      "... in Santiago"), when every actor with a country belongs there; with no place written before,
      in the story's country, but not for violence without a target (an air strike is not at home), nor when
      the text names other countries and the guess would give a victim of violence a country the text
      does not. A source of no known country takes the place's (participants),
      so for one only a written place that is also the story's country will do.
    None of these for a state's measure at home (martial law, curfew: 172) by an actor of no known country (the
    place would become its target) or for an organisation's act."""
    root = code[:2]
    if code[:3] == "172" and not all(s.country for s in sources):
        return []   # the place would become the measure's target
    if any((s.code or "").startswith(("IGO", "NGO")) or s.kind == "igo" for s in sources):
        return []   # an organisation acts from nowhere in particular
    foreign = [t for t in targets if t.country and t.kind in COUNTRY_KINDS]
    if (root == "07" or code[:3] == "087") and foreign and all(
            s.country != foreign[0].country for s in sources):
        place = place_for_country(foreign[0].country)
        return [place] if place is not None else []
    home = {s.country for s in sources if s.country}
    if len(home) == 1 and len(sources) == 1 and (trig.lemma.lower() in EXPEL_LEMMAS or code == "075" or (
            code[:4] == "0841" and sources[0].kind in COUNTRY_KINDS)):
        place = place_for_country(next(iter(home)))     # "Venezuela expelled the German ambassador", "Russia
        return [place] if place is not None else []     # granted Snowden asylum", "Cuba freed X": at home
    if len(home) == 1 and all(_home_people(ctx, s) for s in sources) and all(
            t.country in (None, *home) for t in targets):
        place = place_for_country(next(iter(home)))
        return [place] if place is not None else []
    if not sources and not targets:
        return []
    if _anaphor(toks, trig):
        place = place_for_country(story_place_country(ctx, toks[trig.start].start))
        return [place] if place is not None else []     # "fought loyalists in the capital"
    country = story_place_country(ctx, toks[trig.start].start, story=False)
    if any(s.country is None for s in sources) and (country is None or country != ctx.story):
        return []   # a source of no known country would take the place's: only a place the story is in will do
    if country is None:
        country = ctx.story
        if country is None or code[:3] == "087" or (
                root in VIOLENT and (not targets or any(t.country is None for t in targets)
                                     and any(p.country != country for p in ctx.places))):
            return []   # "Turkish jets bombed the airport", "completed the withdrawal of its troops": not at
                        # home; and a guess between several countries would give "the rebels" one the text does not
    others = {a.country for a in list(sources) + list(targets) if a.country}
    own = {s.country for s in sources if s.country}
    if others - {country} and not (root == "17" and own == {country}):
        return []      # a foreign party: nothing says where ("Egypt broke off relations with the United States")
    place = place_for_country(country)
    return [place] if place is not None else []


def _home_people(ctx, ref: ActorRef) -> bool:
    words = ctx.text[ref.start:ref.end].lower().split() if ref.start >= 0 else ref.name.lower().split()
    return ref.kind in ("agent", "demonym") and bool(words) and (
        words[-1] in HOME_PEOPLE or (ref.kind == "demonym" and words[-1].endswith("s")))


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
