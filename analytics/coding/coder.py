"""Code events in news text: who did what to whom, where and when, one dict per event mention.

Composition (each step is a small function below):
  sentences -> triggers (verbs, nominal events) -> modality -> source/target actors (with pronoun and
  discourse resolution, coordination) -> location -> date -> CAMEO tables -> row dicts.

Rules, in short (docs/BENCHMARKS.md "Event coding" and the module docstrings hold the details):
- The source is the nearest actor before the verb that is not inside a prepositional phrase
  (a passive verb takes the "by" agent instead); a nominal event takes its possessive or "by" actor.
- The target is the first actor after the trigger in the same clause that is not a location or a topic.
- "X and Y" multiplies events; so does "in A and B" for locations.
- A sentence without any actor takes the last source actor of the discourse, with lower confidence.
- Material events (quad 2 and 4) without a target take the country of their location, when it is
  not the source's own country ("withdrawal ... in Afghanistan").
- Dates: the nearest resolvable date expression in the same sentence and clause; otherwise the
  publication week (the 7 days up to and including the publication date, precision "week",
  basis "publication"); without a publication date, no date.
- Negated, hypothetical (modal, future, infinitive) and reported (under a speech verb) events are
  kept with their `modality`; a speech verb is coded (CAMEO 01x) only when its sentence has no other event.

>>> rows = code_text("The Taliban seized Kabul in August 2021.", None)   # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from analytics.coding import cameo
from analytics.coding.mentions import (ActorRef, PlaceRef, find_actors, find_places, find_timexes,
                                       place_for_country, lookup_place)
from analytics.coding.text import Token, sentences, tokens
from analytics.coding.triggers import BE, CLAUSE_STOP, FUNCTION_WORDS, Trigger, find_triggers


@dataclass(frozen=True)
class Settings:
    """Coder settings; defaults are the documented behaviour."""
    fallback_days: int = 7              # publication-week interval for undated events
    discourse_confidence: float = 0.45  # confidence of events whose actor comes from the discourse
    target_window: int = 15             # tokens after the trigger searched for a target

    def __post_init__(self):
        if self.fallback_days < 1:
            raise ValueError("fallback_days must be >= 1")
        if not 0 <= self.discourse_confidence <= 1:
            raise ValueError("discourse_confidence must be within 0..1")


DEFAULT = Settings()

LOC_PREPS = {"in", "at", "near", "across", "throughout", "inside", "outside", "around", "within", "into"}
OBJ_PREPS = {"of", "with", "to", "for", "against", "by", "on", "from", "about", "over", "between", "among",
             "like", "unlike", "toward", "towards", "involving", "including", "than", "as", "via", "under",
             "upon", "after", "before", "during", "despite"} | LOC_PREPS
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
MODIFIERS = {"the", "northern", "southern", "eastern", "western", "central", "neighboring", "neighbouring",
             "north", "south", "east", "west", "occupied", "rebel-held", "war-torn", "capital", "city", "of",
             "northeastern", "northwestern", "southeastern", "southwestern", "disputed", "breakaway"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "cannot", "refused", "declined", "failed", "denied"}
MODALS = {"should", "would", "could", "may", "might", "must", "will", "shall", "can", "ought", "'ll", "wo"}
INTENT = {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "want", "wants", "wanted",
          "hope", "hopes", "hoped", "seek", "seeks", "sought", "aim", "aims", "aimed", "need", "needs", "needed",
          "efforts", "effort", "bid", "attempt", "attempts", "try", "tries", "tried", "ready", "prepared",
          "willing", "if", "unless", "whether", "likely", "expected", "possible", "would-be"}
REPORT = {"said", "says", "say", "told", "tells", "stated", "claimed", "claims", "alleged", "reported",
          "according", "reportedly", "allegedly", "announced", "noted", "added", "insisted", "argued",
          "stressed", "warned", "confirmed", "highlighted", "saying", "explained"}
POSSESSIVES = {"its", "their", "his", "her", "our", "my", "your"}
SUBORDINATORS = {"after", "before", "since", "until", "when", "because", "as", "once", "following"}
REPORT_WORDS = {"said", "says", "say", "told", "tells", "according", "claimed", "claims", "alleged", "reportedly",
                "allegedly", "announced", "reported"}
SUBJ_PRONOUNS = {"he", "she", "it", "they", "its", "their", "his", "her", "them", "him", "who", "which"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
PAST_AUX = {"has", "have", "had", "was", "were", "did"}


@dataclass
class _Ctx:
    text: str
    dct: date | None
    settings: Settings
    actors: list[ActorRef]
    places: list[PlaceRef]
    timexes: list
    last_source: ActorRef | None = None
    recent: list[ActorRef] = field(default_factory=list)   # actors in order of mention, for pronouns
    history: list[tuple[str, ActorRef]] = field(default_factory=list)  # (CAMEO root, source) of coded events
    last_pair: tuple | None = None      # (sentence start, source, targets) of the last event with a target
    last_dated: tuple | None = None     # (sentence start, timex) of the last explicitly dated event


def code_text(text: str, dct: date | None, settings: Settings | None = None) -> list[dict]:
    """Code every event mention in `text` (publication date `dct`, or None).

    Returns one dict per event mention with the event-frame columns about the event (dates,
    actors, CAMEO code, place, evidence sentence and offsets, confidence, modality, PLOVER);
    missing values are None. See the module docstring for the rules.
    """
    if not text or not text.strip():
        return []
    return code_with(text, dct, find_actors(text, dct), find_places(text), find_timexes(text, dct), settings)


def code_with(text: str, dct: date | None, actors: list[ActorRef], places: list[PlaceRef], timexes: list,
              settings: Settings | None = None) -> list[dict]:
    """`code_text` with the actor, place and date mentions given (the components' output, or a test's)."""
    settings = settings or DEFAULT
    ctx = _Ctx(text, dct, settings, sorted(actors, key=lambda a: (a.start, -a.end)),
               sorted(places, key=lambda p: (p.start, -p.end)), list(timexes))
    rows: list[dict] = []
    for sent in sentences(text):
        rows.extend(_code_sentence(ctx, sent))
    return rows


# --- one sentence ---------------------------------------------------------------------------------

def _span_tokens(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    idx = [k for k, t in enumerate(toks) if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else None


@dataclass
class _Mention:
    ref: ActorRef
    t0: int            # token span
    t1: int
    locative: bool
    prep: str | None   # preposition governing the mention
    possessive: bool
    object: bool = False          # directly after a verb: an object, not a subject
    own: bool = False             # "its troops": an agent of an earlier actor, never that actor's target
    loc_possessive: bool = False  # "in Afghanistan's neighbouring Uzbekistan": Afghanistan is neither


def _mentions(ctx: _Ctx, sent, toks: list[Token]) -> list[_Mention]:
    out = []
    inside = [a for a in ctx.actors if a.start >= sent.start and a.end <= sent.end]
    for a in inside:
        span = _span_tokens(toks, a.start, a.end)
        if span is None:
            continue
        t0, t1 = span
        modifier = _modifies_next(toks, t1) or _starts_event_noun(toks, t0, t1)
        if a.kind == "agent" and a.country is None:
            if modifier and toks[t1].lower not in COLLECTIVE_HEADS:
                continue    # a modifier: "military exercise", "militant camp", "naval blockade"
            a = _agent_country(a, toks, t1, inside)
            if any(b.start > a.end and b.start - a.end <= 8 and b.kind in ("group", "person", "igo")
                   and all(t.text[:1].islower() for t in toks if a.end <= t.start < b.start) for b in inside):
                continue    # "the militant group Lashkar-e-Taiba": a description of the named actor after it
        if a.kind == "agent" and a.country is None and t0 >= 1:
            a = _possessor_country(a, ctx.text, toks, inside)
        # the component's head flag is a guess from its own tokens; decide from the next word here:
        # "the Oslo accord", "Soviet allies" are modifiers, "Argentina the same day" is not
        if a.kind == "demonym":
            # "Soviet allies", "Russian law": an adjective unless plural ("Americans") or standing alone
            nxt = toks[t1] if t1 < len(toks) else None
            head = ctx.text[a.start:a.end].endswith("s") or nxt is None or not (
                nxt.text[:1].islower() and nxt.lower.isalpha() and nxt.lower not in FUNCTION_WORDS)
        else:
            head = not modifier or (a.kind == "agent" and toks[t1].lower in COLLECTIVE_HEADS)
        a = replace(a, head=head)
        own = False
        if a.kind == "agent" and t0 > 0 and toks[t0 - 1].lower in POSSESSIVES:
            owner = _resolve_pronoun(ctx, out, t0 - 1, toks[t0 - 1].lower)
            own = True
            if owner is not None and owner.country and a.country is None:
                a = replace(a, name=f"{_country_name(owner.country)} {a.name}", country=owner.country,
                            code=f"{owner.country}{a.code or ''}")
        prep = _governing_prep(toks, t0)
        if prep in SUBORDINATORS and t1 < len(toks) and (_is_verb_form(toks[t1].lower) or toks[t1].lower in BE | PAST_AUX):
            prep = None     # "after Georgia launched an offensive": a clause, Georgia is its subject
        after = ctx.text[a.end:a.end + 2]
        possessive = after in ("'s", "’s") or (t1 - 1 < len(toks) and toks[t1 - 1].lower.endswith("'s"))
        j = t0 - 1
        while j >= 0 and toks[j].lower in {"the", "a", "an"} | POSSESSIVES:
            j -= 1
        # an object follows a verb that itself follows something ("Newly elected Macron" is no object)
        obj = (j >= 1 and toks[j].text[:1].islower() and _is_verb_form(toks[j].lower) and toks[j].lower not in BE
               and not (j == 1 and toks[0].lower.endswith("ly")))
        # "sent troops to Ukraine": after "to" a country is a recipient, not the place of the event
        locative = prep in LOC_PREPS or (a.locative and (prep not in {"to", "toward", "towards", "with", "against"}
                                                         or a.kind == "capital"))
        out.append(_Mention(a, t0, t1, locative, prep, possessive, obj, own))
    # "in Afghanistan's neighbouring Uzbekistan": the possessive is not the place, its head is.
    for k, m in enumerate(out):
        if m.possessive and m.locative and k + 1 < len(out) and out[k + 1].t0 - m.t1 <= 3:
            out[k + 1].locative, out[k + 1].prep = True, m.prep
            m.locative, m.loc_possessive = False, True
    # coordinated mentions share the preposition of the first ("in Uzbekistan and Tajikistan")
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if cur.prep is None and _coordinated(toks, prev.t1, cur.t0) and (
                not prev.locative or cur.ref.kind in COUNTRY_KINDS):
            cur.prep, cur.locative = prev.prep, prev.locative
    return out


COLLECTIVE_HEADS = {"council", "coalition", "government", "leaders", "officials", "junta", "forces", "group",
                    "alliance", "spokesman", "spokeswoman", "command", "authorities", "ministry", "commander",
                    "commanders", "chief", "chiefs", "leadership", "party", "movement", "regime", "administration"}


def _verb_after_country_name(toks: list[Token], m: "_Mention", k: int) -> bool:
    """"Niger detained President ...": an agent span that swallowed a country name and its verb; the
    past-tense verb after the bare country name is still a verb ("the Chilean armed forces" is not)."""
    word = toks[k].lower
    if k == m.t0 or not (word.endswith("ed") or word in IRREGULAR_PAST):
        return False
    prefix = " ".join(t.text for t in toks[m.t0:k])
    return _country_name_kind(prefix) == "name"


def _country_name_kind(text: str) -> str | None:
    from analytics.geo.countries import norm_key

    kinds = _alias_kinds().get(norm_key(text), set())
    return "demonym" if "demonym" in kinds else ("name" if kinds else None)


@lru_cache(maxsize=1)
def _alias_kinds() -> dict[str, frozenset[str]]:
    """Country alias -> its kinds (name, demonym, ...), from the shared country lexicon."""
    from analytics.geo.countries import read_table

    table: dict[str, set[str]] = {}
    for key, _iso3, kind in read_table("country_aliases.tsv"):
        table.setdefault(key, set()).add(kind)
    return {k: frozenset(v) for k, v in table.items()}


def _starts_event_noun(toks: list[Token], t0: int, t1: int) -> bool:
    """"military exercise", "Russian airstrikes": the mention modifies an event noun."""
    from analytics.coding.lexicon import load

    if t1 >= len(toks) or not toks[t1].text[:1].islower():
        return False
    nominal = load().nominal
    nxt = toks[t1].lower
    last = toks[t1 - 1].lower
    return any(k in nominal for k in ((last, nxt), (nxt,), (nxt[:-1],), (last, nxt[:-1])))


def _modifies_next(toks: list[Token], t1: int) -> bool:
    """Is the word after a mention the noun it modifies ("Russian law", "military exercise")?"""
    if t1 >= len(toks):
        return False
    nxt = toks[t1]
    w = nxt.lower
    return (nxt.text[:1].islower() and w.replace("-", "").isalpha() and w not in OBJ_PREPS | CLAUSE_STOP
            and w not in {"and", "or", "who", "which", "that", "the", "a", "an", "also", "has", "have", "had",
                          "is", "are", "was", "were", "will", "would", "could", "should", "not", "to", "itself",
                          "themselves", "said", "says", "on", "this", "last", "next", "earlier", "later",
                          "jointly", "again", "then", "now", "today", "yesterday"}
            and not _is_verb_form(w) and not w.endswith("ly"))


def _agent_country(a: ActorRef, toks: list[Token], t1: int, inside: list[ActorRef]) -> ActorRef:
    """A generic agent ("soldiers") takes the country of a place right after it ("soldiers in Niger")."""
    if t1 + 1 < len(toks) and toks[t1].lower in {"in", "from", "of"}:
        nxt = next((b for b in inside if b.start >= toks[t1 + 1].start and b.start <= toks[min(t1 + 2, len(toks) - 1)].start
                    and b.country and b.kind in COUNTRY_KINDS), None)
        if nxt is not None:
            return replace(a, name=f"{_country_name(nxt.country)} {a.name}", country=nxt.country,
                           code=f"{nxt.country}{a.code or ''}")
    return a


def _possessor_country(a: ActorRef, text: str, toks: list[Token], inside: list[ActorRef]) -> ActorRef:
    """"Sudan's ruling military council": the agent belongs to the possessive country just before it."""
    for b in inside:
        if not (b.country and b.kind in COUNTRY_KINDS and b.end <= a.start and text[b.end:b.end + 2] in ("'s", "’s")):
            continue
        between = [t for t in toks if b.end + 2 <= t.start and t.end <= a.start]
        if len(between) <= 2 and all(t.text[:1].islower() and t.text.isalpha() for t in between):
            return replace(a, name=f"{_country_name(b.country)} {a.name}", country=b.country,
                           code=f"{b.country}{a.code or ''}")
    return a


def _governing_prep(toks: list[Token], t0: int) -> str | None:
    """The preposition governing a noun phrase starting at t0, skipping up to 3 modifiers
    ("to its former allies", "in the northern city of")."""
    j, skipped = t0 - 1, 0
    while j >= 0 and skipped < 4:
        w = toks[j].lower
        if w in OBJ_PREPS:
            return w
        if w in MODIFIERS or w.endswith("'s") or w in POSSESSIVES or w in {"former", "new", "its", "two", "all"} \
                or w.replace(",", "").isdigit() \
                or (w.isalpha() and not _is_verb_form(w) and w not in CLAUSE_STOP and w not in SUBJ_PRONOUNS
                    and w not in {"and", "or", "that", "not"} and skipped < 3 and toks[j].text[:1].islower()):
            j -= 1
            skipped += 1
            continue
        return None
    return None


def _is_verb_form(word: str) -> bool:
    from analytics.coding.lexicon import load

    return (word,) in load().forms or word.endswith("ed")


def _coordinated(toks: list[Token], end: int, start: int) -> bool:
    """Are two mentions joined by a conjunction ("X and Y", "X, Y", "the X group and other Y")?"""
    between = [t.lower for t in toks[end:start] if t.lower not in {"the", "also"}]
    if between in (["and"], [","], ["or"], [",", "and"], [",", "or"], ["as", "well", "as"]):
        return True
    # "the Islamic State group and other militants": a head noun, then the conjunction and a quantifier
    conj = next((k for k, w in enumerate(between) if w in {"and", "or"}), None)
    if conj is None or conj > 2 or len(between) - conj > 2:
        return False
    head, tail = between[:conj], between[conj + 1:]
    return all(w.isalpha() and not _is_verb_form(w) for w in head) and all(
        w in {"other", "several", "various", "allied", "its", "their"} for w in tail)


def _code_sentence(ctx: _Ctx, sent) -> list[dict]:
    toks = tokens(sent.text, sent.start)
    if not toks:
        return []
    mentions = _mentions(ctx, sent, toks)
    # a bare demonym ("Soviet allies") is an adjective: the word after it is not its verb
    triggers = find_triggers(toks, subject_ends=frozenset(m.t1 - 1 for m in mentions
                                                          if m.prep is None and m.ref.head),
                             inside=frozenset(k for m in mentions for k in range(m.t0, m.t1)
                                              if m.ref.kind in ("agent", "person", "igo", "group")
                                              and not _verb_after_country_name(toks, m, k)))
    if not triggers:
        _update_discourse(ctx, mentions)
        return []
    events = []
    for trig, modality in _drop_dependents(_filter_triggers(triggers, toks), toks):
        events.extend(_events_for(ctx, sent, toks, mentions, trig, modality))
    # A speech verb is only an event when nothing else in its sentence is.
    substantive = [e for e in events if not e["_speech"]]
    if substantive:
        events = substantive
    # "X attacked Y, officials said" / "Putin said Russia attacked": the event is reported, not witnessed
    said = {k for k, t in enumerate(toks) if t.lower in REPORT_WORDS}
    for e in events:
        if e["modality"] == "asserted" and not e["_speech"] and said - set(range(e["_t"], e["_t_end"])):
            e["modality"] = "reported"
    _update_discourse(ctx, mentions, events)
    return _dedupe(events)


def _filter_triggers(triggers: list[Trigger], toks: list[Token]) -> list[tuple[Trigger, str]]:
    """Attach modality; drop infinitive complements of another coded trigger ("pledged to provide")
    and purpose infinitives ("troops to help counter threats")."""
    out: list[tuple[Trigger, str]] = []
    coded_ends: list[int] = []
    for trig in triggers:
        modality, drop = _modality(toks, trig, coded_ends)
        if not drop and modality == "asserted" and out and trig.start >= 1 and toks[trig.start - 1].lower in {"and", "or"} \
                and out[-1][1] == "hypothetical" and trig.kind == "verb":
            modality = "hypothetical"     # "efforts to stabilize ... and ensure": the coordinated verb shares the mood
        if drop:
            continue
        out.append((trig, modality))
        coded_ends.append(trig.end)
    return out


VIOLENT = {"18", "19", "20"}


def _participle_clause(toks: list[Token], prev: Trigger, trig: Trigger) -> bool:
    """Is the -ing trigger a participle elaborating the verb before it ("..., killing hundreds",
    "signed a declaration formally ending the war") rather than a verb of its own ("is hosting")?"""
    j = trig.start - 1
    while j > prev.end and toks[j].lower.endswith("ly"):
        j -= 1
    before = toks[j].lower
    if before in BE | PAST_AUX | {"by", "for", "after", "before", "of", "in", "on", "without", "while", "and", "to"}:
        return False
    return not any(t.lower in CLAUSE_STOP for t in toks[prev.end:trig.start])
# Verbal acts whose complement clause is their content, not a separate event ("warned that Islamabad
# would retaliate", "demanded that Moscow remove the weapons").
VERBAL_GOVERNORS = {"02", "03", "10", "11", "12", "13"}


def _drop_dependents(kept: list[tuple[Trigger, str]], toks: list[Token]) -> list[tuple[Trigger, str]]:
    out: list[tuple[Trigger, str]] = []
    for trig, modality in kept:
        root = (cameo.normalise_code(trig.code) or "00")[:2]
        prev = out[-1][0] if out else None
        prev_root = (cameo.normalise_code(prev.code) or "00")[:2] if prev else None
        # ", killing two marines": the consequence of the attack just coded, not a second attack
        if prev is not None and prev.kind != "nominal" and trig.kind == "verb" \
                and toks[trig.start].lower.endswith("ing") and _participle_clause(toks, prev, trig):
            continue    # ", killing two marines", "formally ending the war": the same event's consequence
        if prev is not None and trig.kind == "nominal" and root == prev_root and prev.kind != "nominal" \
                and not any(_clause_end(toks, k) for k in range(prev.end, trig.start)):
            continue    # "travelled to Berlin for talks": the visit and the talks are one consultation
        if prev is not None and root in VIOLENT and prev_root in VIOLENT and any(
                t.lower in {"when", "as"} for t in toks[prev.end:trig.start]) and trig.start - prev.end <= 6:
            continue    # "were killed when their plane was shot down": the means of the same attack
        governed = False
        for g, _ in out:
            g_root = (cameo.normalise_code(g.code) or "00")[:2]
            if g_root in VERBAL_GOVERNORS and g.kind == "verb" and (
                    modality == "hypothetical" or trig.kind == "nominal"
                    or any(toks[k].lower == "that" for k in range(g.end, trig.start))):
                governed = not any(t.lower in CLAUSE_STOP for t in toks[g.end:trig.start])
        if governed:
            continue
        out.append((trig, modality))
    return out


INFINITIVE_GOVERNORS = INTENT | {"rush", "hurry", "decided", "decide", "decides", "agreed", "agree", "agrees",
                                 "vowed", "vow", "vows", "threatened", "threaten", "threatens", "promised",
                                 "refused", "refuse", "refuses", "necessary", "order", "ordered", "orders",
                                 "asked", "urged", "called", "moves", "move", "moved", "going", "set", "due",
                                 "pledged", "offered", "proposed", "proposal", "call", "calls", "demand",
                                 "demanded", "way", "chance", "right", "able", "unable", "failed", "reluctant"}


def _modality(toks: list[Token], trig: Trigger, coded_ends: list[int]) -> tuple[str, bool]:
    """(modality, drop) from the words before the trigger in its verb chain."""
    chain = []
    j = trig.start - 1
    while j >= 0 and len(chain) < 7:
        w = toks[j].lower
        if w in CLAUSE_STOP or w in {",", "that", "and", "who", "which", "\u201c", '"'}:
            break
        chain.append((j, w))
        j -= 1
    words = [w for _, w in chain]
    negated = any(w in NEGATORS for w in words)
    if trig.kind == "verb":
        adv = 0
        while adv < len(words) and words[adv].endswith("ly"):
            adv += 1
        if adv < len(words) and words[adv] == "to":
            to_idx = chain[adv][0]
            gov = toks[to_idx - 1].lower if to_idx > 0 else ""
            if any(end == to_idx for end in coded_ends):
                return "hypothetical", True          # the governing event carries the meaning
            if gov not in INFINITIVE_GOVERNORS and not negated and not any(w in MODALS for w in words):
                return "hypothetical", True          # a purpose clause, not an event of its own
            return ("negated" if negated else "hypothetical"), False
    if trig.kind == "nominal" and not negated:
        negated = trig.start > 0 and toks[trig.start - 1].lower == "no"
    if negated:
        return "negated", False
    if any(w in MODALS or w in INTENT for w in words):
        return "hypothetical", False
    if any(w in {"reportedly", "allegedly"} for w in words):
        return "reported", False
    return "asserted", False


# --- actors ---------------------------------------------------------------------------------------

def _resolve_pronoun(ctx: _Ctx, mentions: list[_Mention], before_tok: int, word: str,
                     exclude: ActorRef | None = None) -> ActorRef | None:
    """Nearest fitting antecedent: subjects in the sentence first, then any mention, then the discourse."""
    person = word in PERSON_PRONOUNS
    plural = word in {"they", "their", "them"}

    def fits(ref: ActorRef) -> bool:
        if exclude is not None and _same(ref, exclude):
            return False
        return plural or person == _is_person(ref)

    before = [m for m in mentions if m.t1 <= before_tok and not m.locative]
    if plural:
        # "they" is a group more often than a country ("it") or a person ("he"): nearest group first
        groups = ([m for m in before if not _is_person(m.ref) and (m.ref.kind or "").lower() not in COUNTRY_KINDS],
                  before)
    else:
        groups = ([m for m in before if m.prep is None and not m.object], before)
    for group in groups:
        for m in reversed(group):
            if fits(m.ref):
                return m.ref
    for ref in reversed(ctx.recent):
        if fits(ref):
            return ref
    return None


def _infinitive_owner(ctx, toks, mentions, trig: Trigger) -> ActorRef | None:
    """'their efforts to stabilize': the possessor of the governing noun does the infinitive."""
    k = trig.start - 1
    while k >= 0 and toks[k].lower.endswith("ly"):
        k -= 1
    if k < 2 or toks[k].lower != "to":
        return None
    owner = toks[k - 2]
    if owner.lower in POSSESSIVES:
        return _resolve_pronoun(ctx, mentions, k - 2, owner.lower)
    m = _mention_at(mentions, k - 2)
    return m.ref if m is not None and m.possessive else None


STATE_TYPES = {"MIL", "GOV", "LEG", "COP", "JUD", "SPY", "PKO"}
HEAD_NOUNS = {"capital", "government", "authorities", "army", "forces", "troops", "officials", "leaders",
              "president", "people", "territory", "border", "city", "regime", "navy", "soldiers", "island",
              "islands", "town", "village", "region", "province", "port", "base", "coast", "waters", "positions",
              "embassy", "consulate", "ships", "vessels", "aircraft", "targets", "mainland", "side"}
COUNTRY_KINDS = {"country", "demonym", "capital", "former_state"}


def _is_person(ref: ActorRef) -> bool:
    kind = (ref.kind or "").lower()
    return kind in {"person", "people", "leader", "official"}


def _same(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return False
    return a.name == b.name or (a.code is not None and a.code == b.code and a.kind == b.kind)


def _mention_at(mentions: list[_Mention], k: int) -> _Mention | None:
    for m in mentions:
        if m.t0 <= k < m.t1:
            return m
    return None


def _subject_before(ctx, toks, mentions, start: int) -> tuple[list[ActorRef], str]:
    """Nearest actor (or pronoun) before token `start` that is a subject: not inside a prepositional
    phrase, not a verb's object, not a location."""
    j = start - 1
    while j >= 0:
        m = _mention_at(mentions, j)
        if m is not None:
            # "Putin said Russia attacked": an "object" right before the verb chain is its subject
            adjacent = all(t.lower in MODALS | NEGATORS | PAST_AUX | BE | {"also", "then", "to"} or t.lower.endswith("ly")
                           for t in toks[m.t1:start])
            if m.object and adjacent and m.prep is None and not m.locative:
                return _with_coordinated(m, mentions, toks), "text"
            if m.possessive and m.prep is None and not m.object:
                return [m.ref], "text"     # "Russia's foreign minister said": the possessor stands for its official
            if not m.locative and m.prep is None and not m.object:
                return _with_coordinated(m, mentions, toks), "text"
            j = m.t0 - 1
            continue
        w = toks[j].lower
        if w in SUBJ_PRONOUNS - {"them", "him"} and (j == 0 or toks[j - 1].lower not in OBJ_PREPS):
            if w in {"who", "which"}:
                j -= 1
                continue
            ref = _resolve_pronoun(ctx, mentions, j, w)
            if ref is not None:
                return [ref], "pronoun"
        j -= 1
    return [], "none"


def _source(ctx, toks, mentions, trig: Trigger) -> tuple[list[ActorRef], str]:
    """Source actors and how they were found: 'text', 'pronoun' or 'none'."""
    if trig.passive:
        agent = [m for m in mentions if m.t0 >= trig.end and m.prep == "by" and m.t0 - trig.end <= 6]
        if agent:
            return _with_coordinated(agent[0], mentions, toks), "text"
    if trig.kind == "nominal":
        # "their takeover", "Russia's invasion", "Russian airstrikes", "the withdrawal of its troops"
        j = trig.start - 1
        definite = False
        while j >= 0 and toks[j].lower in NOMINAL_PREMODIFIERS | {"this", "these", "those"}:
            definite = definite or toks[j].lower in {"the", "this", "these", "those"}
            j -= 1
        if j >= 0:
            m = _mention_at(mentions, j)
            if m is not None and not m.locative and m.prep not in {"of", "with", "to", "against", "for"}:
                return [m.ref], "text"
            if toks[j].lower in POSSESSIVES:
                ref = _resolve_pronoun(ctx, mentions, j, toks[j].lower)
                if ref is not None:
                    return [ref], "pronoun"
        by = [m for m in mentions if m.t0 >= trig.end and m.prep == "by" and m.t0 - trig.end <= 4]
        if by:
            return [by[0].ref], "text"
        k = trig.end
        if k + 1 < len(toks) and toks[k].lower == "of" and toks[k + 1].lower in POSSESSIVES:
            ref = _resolve_pronoun(ctx, mentions, k + 1, toks[k + 1].lower)
            if ref is not None:
                return [ref], "pronoun"
        # "called the attacks a terrorist act": a definite event noun without its own actor names an
        # event told before, not a new one
        if definite and trig.end < len(toks) \
                and toks[trig.end].lower not in {"of", "on", "against", "in", "by", "between", "with"}:
            return [], "anaphoric"
        # a nominal object of a clause ("made a comeback in international talks") takes its subject
        found, how = _subject_before(ctx, toks, mentions, trig.start)
        return found, ("pronoun" if found else "none")
    owner = _infinitive_owner(ctx, toks, mentions, trig)
    if owner is not None:
        return [owner], "pronoun"
    found, how = _subject_before(ctx, toks, mentions, trig.start)
    if found:
        return found, how
    # "Opening the talks, Lavrov stressed ...": a sentence-initial participle takes the main subject
    if toks[trig.start].lower.endswith("ing"):
        comma = next((k for k in range(trig.end, len(toks)) if toks[k].lower == ","), None)
        if comma is not None:
            for m in mentions:
                if m.t0 > comma and m.prep is None and not m.locative:
                    return _with_coordinated(m, mentions, toks), "text"
    return [], "none"


NOMINAL_PREMODIFIERS = {"the", "a", "an", "new", "latest", "recent", "large-scale", "major", "military", "joint",
                        "first", "second", "brief", "failed", "ongoing", "another", "massive", "deadly", "fresh",
                        "renewed", "unilateral", "full-scale", "surprise", "planned"}


def _with_coordinated(m: _Mention, mentions: list[_Mention], toks) -> list[ActorRef]:
    """The mention plus any actors coordinated with it ("Russia and China", "X, Y and Z"). A chain
    joined by commas only is an apposition or a new clause ("Ukraine, Chancellor Scholz said"), not a list."""
    idx = mentions.index(m)
    lo = hi = idx
    while lo > 0 and _coordinated(toks, mentions[lo - 1].t1, mentions[lo].t0):
        lo -= 1
    while hi + 1 < len(mentions) and _coordinated(toks, mentions[hi].t1, mentions[hi + 1].t0):
        hi += 1
    links = [[t.lower for t in toks[mentions[k].t1:mentions[k + 1].t0]] for k in range(lo, hi)]
    if links and not any({"and", "or"} & set(link) for link in links):
        return [m.ref]
    seen, out = set(), []
    for g in mentions[lo:hi + 1]:
        if g.locative != m.locative:
            continue
        key = (g.ref.name, g.ref.code)
        if key not in seen:
            seen.add(key)
            out.append(g.ref)
    return out


EVENT_NOUNS = {"coup", "intervention", "accusation", "accusations", "allegation", "allegations", "release",
               "decision", "move", "killing", "killings", "operation", "incursion", "crackdown", "aggression",
               "bombing", "bombings", "attack", "attacks", "invasion", "strikes", "strike", "airstrikes", "raid",
               "raids", "annexation", "takeover", "seizure", "shelling", "assault", "offensive", "sanctions",
               "arrest", "detention", "test", "tests", "launch", "deployment", "visit", "remarks", "statement"}


def _event_anaphor(ctx, toks, trig: Trigger, sources: list[ActorRef]) -> ActorRef | None:
    """"NATO condemned the attack": a definite event noun right after the verb refers to an event
    already coded; its source is this event's target."""
    k = trig.end
    if k >= len(toks) or toks[k].lower not in {"the", "this", "that", "these", "those", "his", "her", "their", "its"}:
        return None
    for j in (k + 1, k + 2):
        if j < len(toks) and toks[j].lower in EVENT_NOUNS:
            if j == k + 2 and not toks[k + 1].text[:1].islower():
                return None
            quads = _noun_quads(toks[j].lower)
            violent = _noun_violent(toks[j].lower)
            for root, ref in reversed(ctx.history):
                quad = cameo.event_info(root)[2]
                if (not quads or quad in quads) and (not violent or root in VIOLENT) \
                        and not any(_same(ref, s) for s in sources):
                    return ref
            return None
    return None


def _noun_violent(noun: str) -> bool:
    """Does the event noun name violence ("attack", "bombing"), not just any material conflict?"""
    from analytics.coding.lexicon import load

    nominal = load().nominal
    code = nominal.get((noun,)) or (nominal.get((noun[:-1],)) if noun.endswith("s") else None)
    return bool(code) and code[:2] in VIOLENT or noun in {"killing", "killings", "aggression", "coup"}


def _noun_quads(noun: str) -> set[int]:
    """Quad classes an event noun can name ("attack": material conflict); empty = any."""
    from analytics.coding.lexicon import load

    special = {"coup": {4}, "intervention": {4}, "aggression": {4}, "crackdown": {4}, "killing": {4},
               "killings": {4}, "accusation": {3}, "accusations": {3}, "allegation": {3}, "allegations": {3},
               "release": {2}, "remarks": {1, 3}, "statement": {1, 3}}
    if noun in special:
        return special[noun]
    nominal = load().nominal
    code = nominal.get((noun,)) or nominal.get((noun[:-1],)) if noun.endswith("s") else nominal.get((noun,))
    return {cameo.event_info(code)[2]} if code else set()


def _clause_end(toks: list[Token], k: int) -> bool:
    """Does a new clause start at token k? (";", "but", ", and has ...", "and its ambassador ...")"""
    w = toks[k].lower
    if w in CLAUSE_STOP:
        return True
    nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
    if w == "," and nxt in {"which", "who", "while", "but", "and", "although", "as", "after", "before", "when"}:
        return True
    if w in {"and", "or"} and (nxt in PAST_AUX | {"is", "are", "will", "would", "also", "then"} | POSSESSIVES
                               or nxt in {"he", "she", "it", "they", "we"}):
        return True
    return w in SUBORDINATORS and k > 0


def _target(ctx, toks, mentions, trig: Trigger, sources: list[ActorRef]) -> list[ActorRef]:
    root = cameo.normalise_code(trig.code)[:2]
    stop = min(len(toks), trig.end + ctx.settings.target_window)
    fallback: ActorRef | None = None
    earlier = _event_anaphor(ctx, toks, trig, sources)
    if earlier is not None:
        return [earlier]
    k = trig.end
    while k < stop:
        w = toks[k].lower
        if _clause_end(toks, k) and not (w in SUBORDINATORS and k == trig.end):
            break
        if w == "that" and k > trig.end and toks[k - 1].lower not in {",", "and"} and root in VERBAL_GOVERNORS | {"01"}:
            if root in {"02", "10"}:
                k += 1      # "demanded that Moscow remove": whom a demand is made of is its target
                continue
            break       # "warned that Islamabad would retaliate": the complement's subject is no target
        if w == "the" and k + 1 < len(toks) and toks[k + 1].lower in {"capital", "country"} and k - trig.end <= 1:
            # "seized the capital": the capital of the country last named
            country = next(
                (m.ref for m in reversed(mentions) if m.t1 <= trig.start and m.ref.kind in COUNTRY_KINDS
                 and not any(s.country == m.ref.country for s in sources)), None) or next(
                (r for r in reversed(ctx.recent) if r.kind in COUNTRY_KINDS
                 and not any(s.country == r.country for s in sources)), None)
            if country is not None:
                return [country]
        if w == "," and any(t.lower in REPORT for t in toks[k + 1:k + 8]):
            break       # ", the Indian foreign ministry said"
        m = _mention_at(mentions, k)
        if m is not None:
            usable = (not m.locative and not (root == "04" and m.prep in TOPIC_PREPS) and not m.loc_possessive
                      and m.prep not in {"by"} and not any(_same(m.ref, s) for s in sources) and not m.own
                      and not (m.ref.kind == "agent" and m.ref.country is None
                               and (m.prep in {"involving", "including", "with", "among"}
                                    or root in {"06", "07", "15"} and m.ref.type in STATE_TYPES)))
            if usable and m.possessive and trig.kind != "nominal":
                return [m.ref]    # "demanded Iraq's immediate withdrawal": the possessor is addressed
            if usable and not m.ref.head:
                nxt = toks[m.t1].lower if m.t1 < len(toks) else ""
                if fallback is None and nxt in HEAD_NOUNS:
                    fallback = m.ref      # "the Afghan capital": the demonym stands for its country
                usable = False
            if usable:
                return _with_coordinated(m, mentions, toks)
            k = m.t1
            continue
        if w in {"them", "him", "it", "her"} and (k == trig.end or toks[k - 1].lower in OBJ_PREPS):
            ref = _resolve_pronoun(ctx, mentions, k, w, exclude=sources[0] if sources else None)
            if ref is not None and not any(_same(ref, s) for s in sources):
                return [ref]
        k += 1
    return [fallback] if fallback is not None else []


# --- place and date -------------------------------------------------------------------------------

def _locations(ctx, sent, toks, mentions, trig: Trigger) -> list[PlaceRef]:
    """Places of the event: locative mentions after the trigger in its clause, else before it."""
    cands: list[tuple[int, int, PlaceRef]] = []
    for m in mentions:
        if m.locative:
            place = _place_for_actor(m.ref, ctx.text[m.ref.start:m.ref.end])
            if place is not None:
                cands.append((m.t0, m.t1, place))
    for p in ctx.places:
        if p.start < sent.start or p.end > sent.end:
            continue
        span = _span_tokens(toks, p.start, p.end)
        if span is None or any(c[0] <= span[0] < c[1] for c in cands):
            continue
        if any(m.t0 <= span[0] < m.t1 and not m.locative for m in mentions):
            continue
        if _governing_prep(toks, span[0]) in LOC_PREPS:
            cands.append((span[0], span[1], p))
    if not cands:
        return []
    cands.sort(key=lambda c: c[0])
    after = [c for c in cands if c[0] >= trig.end and c[0] - trig.end <= 12 and not _breaks(toks, trig.end, c[0])]
    before = [c for c in cands if c[1] <= trig.start and not _breaks(toks, c[1], trig.start)]
    chosen = after or before[-1:]
    if not chosen:
        return []
    group = [chosen[0]]
    for c in cands:
        if c[0] > group[-1][0] and _coordinated(toks, group[-1][1], c[0]):
            group.append(c)
    return [c[2] for c in group]


def _breaks(toks, a: int, b: int) -> bool:
    return any(_clause_end(toks, k) for k in range(max(a, 0), min(b, len(toks))))


def _place_for_actor(ref: ActorRef, surface: str | None = None) -> PlaceRef | None:
    """The place an actor mention names: its own words first ("Kabul"), else its canonical name."""
    p = (lookup_place(surface) if surface else None) or lookup_place(ref.name)
    if p is not None and (ref.country is None or p.country == ref.country):
        return replace(p, start=ref.start, end=ref.end)
    return place_for_country(ref.country, ref.start, ref.end) if ref.country else None


def _date(ctx: _Ctx, sent, toks, trig: Trigger) -> dict:
    """The event's date, in order of preference:
    1. the nearest resolvable date expression in the trigger's clause;
    2. one in a clause coordinated with it ("declared himself president last week, and Trump
       recognised him");
    3. in a historical narrative (the last explicit date of an earlier sentence lies more than a year
       before publication), a simple-past verb continues that story: the month (or longer period) of that
       date, basis "narrative";
    4. the publication week (the settings' fallback_days up to the publication date), basis "publication";
    5. nothing, without a publication date."""
    root = (cameo.normalise_code(trig.code) or "00")[:2]
    for strict in (True, False):
        best = _nearest_timex(ctx, sent, toks, trig, root, strict)
        if best is not None:
            ctx.last_dated = (sent.start, best)
            basis = best.basis if best.basis in ("explicit", "relative", "narrative") else "relative"
            return dict(date_start=best.first_day, date_end=best.last_day,
                        date_precision=best.precision or "unknown", date_expr=best.text, date_basis=basis,
                        timex_value=best.value)
    if ctx.dct is None:
        return dict(date_start=None, date_end=None, date_precision=None, date_expr=None, date_basis=None,
                    timex_value=None)
    story = _narrative(ctx, sent, toks, trig)
    if story is not None:
        return story
    return dict(date_start=ctx.dct - timedelta(days=ctx.settings.fallback_days - 1), date_end=ctx.dct,
                date_precision="week", date_expr=None, date_basis="publication", timex_value=None)


def _nearest_timex(ctx, sent, toks, trig: Trigger, root: str, strict: bool):
    best, best_dist = None, None
    for t in ctx.timexes:
        if t.start < sent.start or t.end > sent.end or t.first_day is None or t.last_day is None:
            continue
        span = _span_tokens(toks, t.start, t.end)
        if span is None:
            continue
        if span[0] < trig.start:
            lo, hi, dist = span[1], trig.start, trig.start - span[1]
        else:
            lo, hi, dist = trig.end, span[0], span[0] - trig.end
        # a clause boundary between them, except the timex's own preposition ("after ... in August");
        # the second pass lets a date cross "and" between coordinated clauses, nothing else
        for k in range(lo, hi):
            if _clause_end(toks, k) and (strict or toks[k].lower in CLAUSE_STOP | SUBORDINATORS
                                         or (toks[k].lower == "," and k + 1 < len(toks)
                                             and toks[k + 1].lower != "and")):
                break
        else:
            # "accused X of killing ... last month": the date is the complement's, not the accusation's
            if span[0] >= trig.end and root in VERBAL_GOVERNORS | {"01"} and any(
                    toks[k].lower in {"of", "that", "for"} for k in range(lo, hi)):
                continue
            if best_dist is None or dist < best_dist:
                best, best_dist = t, dist
    return best


def _narrative(ctx, sent, toks, trig: Trigger) -> dict | None:
    if ctx.last_dated is None or ctx.last_dated[0] == sent.start or trig.kind == "nominal":
        return None
    t = ctx.last_dated[1]
    if t.basis not in ("explicit", "narrative") or (ctx.dct - t.last_day).days <= 365:
        return None
    word = toks[trig.start].lower
    simple_past = (word.endswith("ed") or word in IRREGULAR_PAST) and not any(
        w.lower in {"has", "have", "will", "would", "is", "are", "am"} for w in toks[max(0, trig.start - 3):trig.start])
    if not simple_past:
        return None
    if t.precision in ("day", "week"):
        first = t.first_day.replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        precision = "month"
    else:
        first, last, precision = t.first_day, t.last_day, t.precision
    return dict(date_start=first, date_end=last, date_precision=precision, date_expr=t.text,
                date_basis="narrative", timex_value=t.value)


IRREGULAR_PAST = {"took", "met", "held", "sent", "fought", "struck", "shot", "fled", "began", "led", "made", "gave",
                  "broke", "sank", "won", "lost", "told", "said", "left", "brought", "sought", "threw", "withdrew",
                  "overthrew", "drove", "rode", "hit", "beat", "bought", "sold", "built", "spoke", "stole", "tore"}


# --- rows -----------------------------------------------------------------------------------------

# Material actions whose place names their target when no target is written ("withdrawal ... in
# Afghanistan", "joint exercises in Tajikistan"); not protests, force postures or sanctions.
RECIPROCAL = {"03", "04", "05", "06"}
TARGET_FROM_PLACE = {"06", "07", "08", "17", "18", "19", "20", "042", "154"}

SPEECH_LEMMAS = {"SAY", "TELL", "NOTE", "STRESS", "EMPHASISE", "EMPHASIZE", "ANNOUNCE", "DECLARE", "STATE",
                 "HIGHLIGHT", "ADD", "COMMENT", "REMARK", "EXPLAIN", "ARGUE", "INSIST", "CLAIM", "REPEAT"}


def _events_for(ctx, sent, toks, mentions, trig: Trigger, modality: str) -> list[dict]:
    code = cameo.normalise_code(trig.code)
    if code is None:
        return []
    sources, how = _source(ctx, toks, mentions, trig)
    if how == "anaphoric":
        return []
    passive_subject: list[ActorRef] = []
    if trig.passive:
        # "Habyarimana was killed": the grammatical subject is the target; the source is the "by" agent only
        passive_subject, _ = _subject_before(ctx, toks, mentions, trig.start)
        by_agent = [m for m in mentions if m.t0 >= trig.end and m.prep == "by" and m.t0 - trig.end <= 6]
        if not by_agent:
            sources, how = [], "none"
    if not sources and ctx.last_source is not None and not trig.passive:
        sources, how = [ctx.last_source], "discourse"
    speech = code.startswith("01") and trig.lemma in SPEECH_LEMMAS
    # a speech act's "target" would be whatever it talks about; CAMEO codes the addressee only
    targets = [] if speech else (passive_subject or _target(ctx, toks, mentions, trig, sources))
    if not targets and not speech and ctx.last_pair is not None and trig.start >= 1 \
            and toks[trig.start - 1].lower == "and" and ctx.last_pair[0] == sent.start \
            and any(_same(s, ctx.last_pair[1]) for s in sources):
        targets = ctx.last_pair[2]     # "condemned the intervention and demanded a halt": same addressee
    places = _locations(ctx, sent, toks, mentions, trig)
    if not places and (code == "042" or code[:2] in VIOLENT | {"17"}) and targets and (
            targets[0].kind == "capital" or _names_capital(toks, targets[0])):
        # "visited Moscow", "their takeover of the Afghan capital": the event is in that capital
        place = (_place_for_actor(targets[0], ctx.text[targets[0].start:targets[0].end])
                 if targets[0].kind == "capital" else _capital_of(targets[0].country))
        places = [place] if place is not None else []
    label, root, quad, goldstein = cameo.event_info(code)
    if not sources and not targets:
        return []
    date_fields = _date(ctx, sent, toks, trig)
    pairs = None
    if not targets and len(sources) > 1 and root in RECIPROCAL:
        # "Israel and the PLO signed the accord": each is the other's partner
        pairs = [(a, b) for a in sources for b in sources if a is not b and not _same(a, b)]
    ctx.history.extend((root, s) for s in sources)
    if sources and targets:
        ctx.last_pair = (sent.start, sources[0], targets)
    confidence = 0.85
    if trig.kind == "nominal":
        confidence -= 0.1
    if how == "pronoun":
        confidence -= 0.1
    if not targets:
        confidence -= 0.1
    if how == "discourse":
        confidence = ctx.settings.discourse_confidence
    rows = []
    for place in places or [None]:
        tgt_list = targets
        if not tgt_list and (root in TARGET_FROM_PLACE or code in TARGET_FROM_PLACE) and place is not None \
                and place.country and \
                all(s.country != place.country for s in sources):
            tgt_list = [ActorRef(place.start, place.end, _country_name(place.country), place.country,
                                 place.country, None, "country")]
        tgt_list = [_target_country(ctx, t, place, sources) for t in tgt_list]
        srcs = [_source_country(ctx, s, place) for s in sources]
        combos = pairs or [(src, tgt) for src in srcs or [None] for tgt in tgt_list or [None]]
        for src, tgt in combos:
                if src is not None and tgt is not None and _same(src, tgt):
                    continue
                rows.append({
                    **date_fields,
                    "actor1": src.name if src else None, "actor1_code": src.code if src else None,
                    "actor1_country": src.country if src else None, "actor1_type": src.type if src else None,
                    "actor2": tgt.name if tgt else None, "actor2_code": tgt.code if tgt else None,
                    "actor2_country": tgt.country if tgt else None, "actor2_type": tgt.type if tgt else None,
                    "event_code": code, "event_root": root, "event_label": label, "quad_class": quad,
                    "goldstein": goldstein,
                    "location": place.name if place else None, "country": place.country if place else None,
                    "region": place.region if place else None,
                    "lat": place.lat if place else None, "lon": place.lon if place else None,
                    "sentence": sent.text, "char_start": sent.start, "char_end": sent.end,
                    "confidence": round(max(0.05, min(0.99, confidence)), 2),
                    "modality": modality, "plover": cameo.plover(code),
                    "_speech": speech, "_t": trig.start, "_t_end": trig.end,
                })
    return rows


def _names_capital(toks: list[Token], ref: ActorRef) -> bool:
    """Is the target written as "the <demonym> capital"?"""
    k = next((i for i, t in enumerate(toks) if t.start == ref.start), None)
    return k is not None and ref.kind == "demonym" and k + 1 < len(toks) and toks[k + 1].lower == "capital"


def _capital_of(iso3: str | None) -> PlaceRef | None:
    from analytics.geo import country_info

    info = country_info(iso3) if iso3 else None
    if info is None or not info.capital:
        return None
    return PlaceRef(-1, -1, info.capital, iso3, info.region, info.lat, info.lon)


def _source_country(ctx, s: ActorRef, place: PlaceRef | None) -> ActorRef:
    """A generic source ("the government", "protesters") belongs to the event's country, else to the
    country the story was last about."""
    if s.country is not None or s.kind != "agent":
        return s
    home = place.country if place is not None and place.country else next(
        (r.country for r in reversed(ctx.recent) if r.country and r.kind in COUNTRY_KINDS | {"agent"}), None)
    return replace(s, country=home, name=f"{_country_name(home)} {s.name}") if home else s


def _target_country(ctx, t: ActorRef, place: PlaceRef | None, sources: list[ActorRef]) -> ActorRef:
    """A target without a country ("protesters", "the generals", "President Bazoum") takes the event's
    country; else, for an agent, the country of the last agent of its kind ("Myanmar's military" ...
    "the generals"); else the country of a source that is itself a state agent ("Uzbek troops")."""
    if t.country is not None or t.kind not in ("agent", "person"):
        return t
    home = place.country if place is not None and place.country else None
    if home is None and t.kind == "agent":
        home = next((r.country for r in reversed(ctx.recent) if r.kind == "agent" and r.type == t.type and r.country),
                    None)
    if home is None:
        # "Venezuelan security forces arrested Leopoldo Lopez": a state agent acts at home
        home = next((s.country for s in sources if s.country and s.kind == "agent"), None)
    if home is None:
        return t
    name = t.name if t.kind == "person" else f"{_country_name(home)} {t.name}"
    return replace(t, country=home, name=name)


def _country_name(iso3: str) -> str:
    from analytics.geo import country_info

    info = country_info(iso3)
    return info.name if info else iso3


def _update_discourse(ctx: _Ctx, mentions: list[_Mention], events: list[dict] | None = None) -> None:
    """Remember actors in order of mention (for pronouns) and the last explicit source actor
    (for actorless sentences)."""
    for m in mentions:
        if not m.locative:
            ctx.recent.append(m.ref)
    del ctx.recent[:-20]
    if events:
        for e in reversed(events):
            if e["actor1"] is not None and e["confidence"] > ctx.settings.discourse_confidence:
                for m in mentions:
                    if m.ref.name == e["actor1"]:
                        ctx.last_source = m.ref
                        return
    for m in mentions:
        if m.prep is None and not m.locative and not m.object:
            ctx.last_source = m.ref
            return


def _dedupe(events: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in events:
        key = ("01", e["actor1"]) if e["_speech"] else (e["event_code"], e["actor1"], e["actor2"], e["location"], e["modality"])
        if key in seen:
            continue
        seen.add(key)
        for private in ("_speech", "_t", "_t_end"):
            e.pop(private, None)
        out.append(e)
    return out
