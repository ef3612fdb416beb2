"""The document being coded: settings, actor mentions of a sentence, pronouns and the discourse.

A mention knows its governing preposition, whether it is a place ("in Kabul"), a possessive, a verb's
object, or an agent of an actor named before it ("its troops"). Pronouns resolve to the nearest fitting
antecedent in the sentence, then in the discourse; the discourse also remembers the last source actor,
which an actorless sentence inherits with lower confidence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter

from analytics.coding.grammar import (COLLECTIVE_HEADS, COUNTRY_KINDS, IRREGULAR_PAST, LOC_PREPS, PAST_AUX,
    PERSON_PRONOUNS, POSSESSIVES, SUBORDINATORS, coordinated, country_name, country_name_kind, governing_prep,
    is_verb_form, modifies_next, span_tokens, starts_event_noun)
from analytics.coding.mentions import ActorRef, PlaceRef
from analytics.coding.text import Token
from analytics.coding.triggers import BE, FUNCTION_WORDS


class SettingsError(ValueError):
    """A coder setting is out of range (the message names the setting and its allowed values)."""


@dataclass(frozen=True)
class Settings:
    """Coder settings; defaults are the documented behaviour."""
    fallback_days: int = 7              # publication-week interval for undated events
    discourse_confidence: float = 0.45  # confidence of events whose actor comes from the discourse
    target_window: int = 15             # tokens after the trigger searched for a target
    target_model: object = None         # learned_target: None (rules only, the default), "shipped" (models/target.json), a model
    detection: str = "rules"            # which candidate events are kept: "model" (learned_detect), "rules", or
    #                                     "candidates" (all, each with its detect_features, for training)

    def __post_init__(self):
        if not isinstance(self.fallback_days, int) or self.fallback_days < 1:
            raise SettingsError(f"fallback_days must be a whole number of days >= 1, not {self.fallback_days!r}")
        if not 0 <= self.discourse_confidence <= 1:
            raise SettingsError(f"discourse_confidence must be within 0..1, not {self.discourse_confidence!r}")
        if self.target_window < 1:
            raise SettingsError(f"target_window must be >= 1 token, not {self.target_window!r}")
        if not (self.target_model in ("shipped", None) or hasattr(self.target_model, "best")):
            raise SettingsError(f"target_model must be 'shipped', None or a model with best(), not {self.target_model!r}")
        if self.detection not in ("model", "rules", "candidates"):
            raise SettingsError(f"detection must be 'model', 'rules' or 'candidates', not {self.detection!r}")


DEFAULT = Settings()


@dataclass
class Ctx:
    text: str
    dct: date | None
    settings: Settings
    actors: list[ActorRef]
    places: list[PlaceRef]
    timexes: list
    last_source: ActorRef | None = None
    recent: list[ActorRef] = field(default_factory=list)   # actors in order of mention, for pronouns
    history: list[tuple[str, ActorRef]] = field(default_factory=list)  # (CAMEO root, source) of coded events
    visitors: list[ActorRef] = field(default_factory=list)  # sources of visits (042), for "the trip"
    last_pair: tuple | None = None      # (sentence start, source, targets) of the last event with a target
    last_dated: tuple | None = None     # (sentence start, timex) of the last explicitly dated event
    groups: list[list[ActorRef]] = field(default_factory=list)  # coordinated subjects ("Finland and Sweden")
    last_material: tuple | None = None  # (sentence start, token, sources) of the last material action (roots 14-20)
    story: str | None = None            # the country the story is about (see story_country)
    last_victims: list = field(default_factory=list)  # targets of the last material action (for condolences)
    sentence_places: dict = field(default_factory=dict)  # places.py's per-sentence work, reused by each event
    locative_places: dict = field(default_factory=dict)  # place start -> governed by a locative? (places.py)
    triggers: list = field(default_factory=list)   # the sentence's kept triggers (learned_target's features)


@dataclass
class Mention:
    ref: ActorRef
    t0: int            # token span
    t1: int
    locative: bool
    prep: str | None   # preposition governing the mention
    possessive: bool
    object: bool = False          # directly after a verb: an object, not a subject
    own: bool = False             # "its troops": an agent of an earlier actor, never that actor's target
    loc_possessive: bool = False  # "in Afghanistan's neighbouring Uzbekistan": Afghanistan is neither


SEA_OF = re.compile(r"\b(?:[Gg]ulf|[Ss]eas?|[Bb]ay|[Ss]traits?|[Oo]cean) of (?:the )?$")
STORY_KINDS = {"country", "demonym", "capital", "former_state", "agent"}


def story_country(actors: list, places: list) -> str | None:
    """The country a story is about: the one its places and its state actors name most, a place counting
    twice (events happen there); a tie goes to the first named. Persons introduced by a bare title
    ("Prime Minister Marcelo Caetano", "Archbishop Oscar Romero") take it when nothing else gives
    their country (a guess, coded with lower confidence)."""
    ranked = story_countries(actors, places)
    return ranked[0] if ranked else None


def story_countries(actors: list, places: list, text: str | None = None) -> list[str]:
    """The countries of the story, most named first (see story_country). With the text, a sea or gulf named
    after a country ("the Gulf of Thailand") does not count as that country."""
    score: dict[str, int] = {}
    first: dict[str, int] = {}
    if text is not None:
        places = [p for p in places if not SEA_OF.search(text, max(0, p.start - 12), p.start)]
    # a country named as an actor ("The United States warned North Korea") is no place the story happens in
    acting = {a.start for a in actors if not a.locative and a.kind in ("country", "former_state") and a.head}
    # nor is a country inside a name ("Malaysia Airlines", "the Bank of England")
    named = [(a.start, a.end) for a in actors if a.kind in ("group", "igo")]
    places = [p for p in places if p.start not in acting and not any(s <= p.start < e for s, e in named)]
    for weight, items in ((2, places), (1, [a for a in actors if a.kind in STORY_KINDS and not a.locative])):
        for it in items:
            if it.country:
                score[it.country] = score.get(it.country, 0) + weight
                first[it.country] = min(first.get(it.country, it.start), it.start)
    return sorted(score, key=lambda c: (-score[c], first[c]))


# "three years of exile in the United States", "once lived in the Soviet Union", "was born in Kenya": a place of
# someone's past or refuge, not where the story happens
BACKGROUND_PLACE = re.compile(
    r"\b(?:exile|exiled|asylum|refuge|lived|living|born|raised|studied|educated|resided|grew up)"
    r"(?: \w+){0,2} (?:in|at|to) (?:the )?$", re.I)


def background_place(text: str, ref) -> bool:
    """Is the mention a place of someone's past or refuge? (roles: such a country is no agent's)

    >>> background_place("He returned from exile in France.", ActorRef(26, 32, "France", "FRA", "FRA", None, "country"))
    True
    """
    return ref.start > 0 and bool(BACKGROUND_PLACE.search(text, max(0, ref.start - 40), ref.start))


_START = attrgetter("start")


def within(items: list, start: int, end: int) -> list:
    """The items (sorted by .start) that start in [start, end): a bisect, not a scan of the document."""
    lo = bisect_left(items, start, key=_START)
    hi = bisect_left(items, end, key=_START)
    return items[lo:hi]


def _past_verb(word: str) -> bool:
    return is_verb_form(word) and (word.endswith("ed") or word in IRREGULAR_PAST)


_LED = re.compile(r"-(?:led|backed|sponsored|brokered|allied)\b")
_ARTICLES_OR_POSSESSIVES = frozenset({"the", "a", "an"} | POSSESSIVES)


def sentence_mentions(ctx: Ctx, sent, toks: list[Token]) -> list[Mention]:
    out = []
    inside = [a for a in within(ctx.actors, sent.start, sent.end) if a.end <= sent.end]
    for a in inside:
        span = span_tokens(toks, a.start, a.end)
        if span is None:
            continue
        t0, t1 = span
        if t0 >= 2 and toks[t0 - 1].lower == "of" and toks[t0 - 2].lower in GEO_FEATURES:
            continue    # "the Sea of Japan", "the Gulf of Aden": part of a place name, not an actor
        if t1 < len(toks) and toks[t1].text[:1].isupper() and toks[t1].lower in GEO_FEATURES:
            continue    # "the East China Sea", "the Korean Peninsula", "the Persian Gulf": a place name too
        led = _LED.match(ctx.text, a.end, a.end + 12)
        if led and any(0 <= b.start - toks[t1 - 1].end <= 2 for b in inside if b is not a):
            continue    # "the Russian-led CSTO": the actor is the organisation named next, not its leader
        modifier = (modifies_next(toks, t1) and toks[t1].lower not in NOT_NOUNS) or starts_event_noun(toks, t0, t1)
        if a.kind == "agent" and a.country is None:
            owner = ctx.text[a.end:a.end + 2] in ("'s", "\u2019s") or toks[t1 - 1].lower.endswith("'s")
            if modifier and toks[t1].lower not in BODIES and toks[t1].lower not in SITES and not owner:
                continue    # a modifier: "military exercise", "militant camp", "naval blockade"
                            # (but "government buildings" names whose buildings were stormed, and
                            # "the government's decision" whose decision it is)
            if _possessor(toks, t0) is None:
                a = _agent_country(a, toks, t1, inside)     # "its ambassador from Iran" is its own
            if any(b.start > a.end and b.start - a.end <= 8 and (b.kind in ("group", "person", "igo") or (
                    # "the destroyer USS Cole": a common noun right before the named agent it describes
                    b.kind == "agent" and b.country and b.type == a.type and b.start - a.end <= 1))
                   and all(t.text[:1].islower() and not _past_verb(t.lower) for t in toks if a.end <= t.start < b.start)
                   for b in inside):
                continue    # "the militant group Lashkar-e-Taiba": a description of the named actor after it
                            # ("soldiers killed Prime Minister X" is a clause, not a description)
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
            head = not modifier or (a.kind == "agent" and toks[t1].lower in BODIES)
        if head != a.head:
            a = replace(a, head=head)
        own = False
        if a.kind == "agent" and _possessor(toks, t0) is not None:
            # "its troops", "its last troops": an agent of the owner the pronoun names
            p = _possessor(toks, t0)
            owner = resolve_pronoun(ctx, out, p, toks[p].lower)
            own = True
            if owner is not None and owner.country and a.country is None:
                a = replace(a, name=f"{country_name(owner.country)} {a.name}", country=owner.country,
                            code=f"{owner.country}{a.code or ''}")
        prep = governing_prep(toks, t0)
        if prep in SUBORDINATORS and t1 < len(toks) and any(
                is_verb_form(t.lower) or t.lower in BE | PAST_AUX for t in toks[t1:t1 + 2]) and not (
                t1 + 1 < len(toks) and is_verb_form(toks[t1].lower) is False and toks[t1].text[:1].isupper()):
            prep = None     # "after Georgia launched an offensive", "after an Iranian drone entered": a clause, its subject
        if prep in COMPARATIVE_PREPS and _after_comparative(toks, t0, prep):
            prep = None     # "more than 100 lawmakers defied him", "as many as 300 soldiers": a number, no preposition
        if prep == "of" and _after_title(toks, t0):
            prep = None     # "the head of the armed forces urged him": the title stands for its institution
        if prep == "of" and _after_quantity(toks, t0):
            prep = None     # "Thousands of Chinese protesters besieged": the crowd is the subject
        if prep == "of" and _after_supporters(toks, t0) and a.kind in ("person", "group", "agent", "igo"):
            # "Supporters of President Donald Trump stormed the Capitol": the leader's supporters act
            prep = None
            a = replace(a, name=f"{a.name} supporters", code=f"{a.country or ''}OPP", type="OPP", kind="agent")
        after = ctx.text[a.end:a.end + 2]
        possessive = after in ("'s", "’s") or (t1 - 1 < len(toks) and toks[t1 - 1].lower.endswith("'s"))
        j = t0 - 1
        while j >= 0 and toks[j].lower in _ARTICLES_OR_POSSESSIVES:
            j -= 1
        # an object follows a verb that itself follows something ("Newly elected Macron" is no object)
        obj = (j >= 1 and toks[j].text[:1].islower() and is_verb_form(toks[j].lower) and toks[j].lower not in BE
               and not (j == 1 and toks[0].lower.endswith("ly"))
               # "Special forces soldiers in Guinea detained": a plural noun after the sentence's first capitalised
               # words is a modifier, not a verb with an object
               and not (toks[j].lower.endswith("s") and all(t.text[:1].isupper() for t in toks[:j])
                        and not any(m.t1 == j for m in out)))
        # "sent troops to Ukraine": after "to" a country is a recipient, not the place of the event
        # "an investigation into the deputies", "stormed into parliament": a body or people after "into" is no place
        # ("poured into South Ossetia", "crossed into West Pakistan": a region the gazetteer knows is still a place)
        into_body = prep == "into" and (a.kind in ("agent", "person") and not within(ctx.places, a.start, a.end)
                                        # "an investigation into Iran's crackdown": whose act is investigated
                                        or possessive and toks[t0 - 1].lower == "into" and t1 < len(toks)
                                        and toks[t1].text[:1].islower())
        locative = not into_body and (prep in LOC_PREPS or (a.locative and (
            prep not in {"to", "toward", "towards", "with", "against"} or a.kind == "capital")))
        out.append(Mention(a, t0, t1, locative, prep, possessive, obj, own))
    # "in Afghanistan's neighbouring Uzbekistan": the possessive is not the place, its head is.
    for k, m in enumerate(out):
        if m.possessive and m.locative and k + 1 < len(out) and out[k + 1].t0 - m.t1 <= 3:
            out[k + 1].locative, out[k + 1].prep = True, m.prep
            m.locative, m.loc_possessive = False, True
    # coordinated mentions share the preposition of the first ("in Uzbekistan and Tajikistan")
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        joined_by_and = any(t.lower in {"and", "or"} for t in toks[prev.t1:cur.t0])
        # (not the subject of a new clause: "suspended its aid to Peru and Venezuela broke off relations")
        verb_next = cur.t1 < len(toks) and toks[cur.t1].text[:1].islower() and _past_verb(toks[cur.t1].lower) \
            and prev.prep not in {"between", "among"}     # ("talks between Israel and Hamas broke down": a pair)
        if cur.prep is None and joined_by_and and coordinated(toks, prev.t1, cur.t0) and not verb_next and (
                not prev.locative or cur.ref.kind in COUNTRY_KINDS):
            cur.prep, cur.locative = prev.prep, prev.locative
    return out


def _possessor(toks: list[Token], t0: int) -> int | None:
    """The index of a possessive pronoun owning the noun at t0 ("its troops", "its last troops"), or None."""
    if t0 > 0 and toks[t0 - 1].lower in POSSESSIVES:
        return t0 - 1
    if t0 > 1 and toks[t0 - 2].lower in POSSESSIVES and toks[t0 - 1].text.isalpha() and toks[t0 - 1].text.islower() \
            and not is_verb_form(toks[t0 - 1].lower):
        return t0 - 2
    return None


def verb_after_country_name(toks: list[Token], m: "Mention", k: int) -> bool:
    """"Niger detained President ...": an agent span that swallowed a country name and its verb; the
    past-tense verb after the bare country name is still a verb ("the Chilean armed forces" is not)."""
    word = toks[k].lower
    if k == m.t0 or not (word.endswith("ed") or word in IRREGULAR_PAST):
        return False
    prefix = " ".join(t.text for t in toks[m.t0:k])
    return country_name_kind(prefix) == "name"


# words after a name that are no noun it could modify ("gave Iraq until noon", "Moscow despite protests")
NOT_NOUNS = {"until", "till", "since", "before", "after", "during", "despite", "unless", "because", "while", "if",
             "than", "via", "per", "amid", "amidst", "except", "like", "unlike", "upon", "within", "without",
             "across", "along", "around", "behind", "beyond", "throughout", "toward", "towards", "whether",
             # predicative adjectives after an object: "found Rios Montt guilty", "declared Assad responsible"
             "guilty", "innocent", "responsible", "liable", "dead", "alive", "unfit", "ineligible", "illegitimate"}
# heads of a body an agent noun can lead ("a military directorate", "the army council"): the agent stands for it
BODIES = COLLECTIVE_HEADS | {"directorate", "committee", "commission", "tribunal", "cabinet", "delegation",
                             "apparatus", "establishment", "hierarchy", "brass"}
SITES = {"buildings", "building", "offices", "office", "headquarters", "palace", "compound", "residence"}
GEO_FEATURES = {"sea", "gulf", "strait", "straits", "bay", "river", "lake", "peninsula", "horn", "coast", "sea's"}
TITLE_NOUNS = {"head", "chief", "leader", "leaders", "commander", "spokesman", "spokeswoman", "minister",
               "president", "secretary", "members", "member", "envoy", "ambassador", "representative",
               "representatives", "officials", "general", "director", "chairman", "delegation"}


QUANTITY_NOUNS = {"thousands", "hundreds", "dozens", "millions", "scores", "tens", "hundred", "thousand", "group",
                  "groups", "crowd", "crowds", "number", "lot"}


SUPPORTER_NOUNS = {"supporters", "followers", "loyalists", "partisans", "backers"}


def _after_supporters(toks: list[Token], t0: int) -> bool:
    j = t0 - 1
    while j >= 0 and toks[j].lower in {"the", "a", "an", "former", "ousted", "jailed", "president"}:
        j -= 1
    return j >= 1 and toks[j].lower == "of" and toks[j - 1].lower in SUPPORTER_NOUNS


COMPARATIVE_PREPS = {"than", "as"}
COMPARATIVES = {"more", "fewer", "less", "many", "much"}


def _after_comparative(toks: list[Token], t0: int, prep: str) -> bool:
    """Is the preposition part of a quantity before the mention ("more than 100 lawmakers", "as many as")?"""
    j = next((k for k in range(t0 - 1, max(-1, t0 - 5), -1) if toks[k].lower == prep), None)
    return j is not None and j >= 1 and toks[j - 1].lower in COMPARATIVES


def _after_quantity(toks: list[Token], t0: int) -> bool:
    """Is the mention the complement of a quantity ("thousands of protesters", "a crowd of students")?"""
    j = t0 - 1
    while j >= 0 and toks[j].lower in {"the", "a", "an"}:
        j -= 1
    return j >= 1 and toks[j].lower == "of" and toks[j - 1].lower in QUANTITY_NOUNS


def _after_title(toks: list[Token], t0: int) -> bool:
    """Is the mention the complement of a title ("the head of the armed forces")?"""
    j = t0 - 1
    while j >= 0 and toks[j].lower in {"the", "a", "an"}:
        j -= 1
    return j >= 1 and toks[j].lower == "of" and toks[j - 1].lower in TITLE_NOUNS


def _agent_country(a: ActorRef, toks: list[Token], t1: int, inside: list[ActorRef]) -> ActorRef:
    """A generic agent ("soldiers") takes the country of a place right after it ("soldiers in Niger")."""
    k, preps = t1, {"in", "from", "of", "with"}    # "sent troops to Mali": troops sent to a country are not its own
    if k + 2 < len(toks) and toks[k].lower in {"loyal", "linked", "allied", "close"} and toks[k + 1].lower in {"to", "with"}:
        k, preps = k + 1, preps | {"to"}   # "forces loyal to Alassane Ouattara": the country of the leader they serve
    if k + 1 < len(toks) and toks[k].lower in preps:
        nxt = next((b for b in inside if b.start >= toks[k + 1].start and b.start <= toks[min(k + 2, len(toks) - 1)].start
                    and b.country and (b.kind in COUNTRY_KINDS or k > t1)), None)
        if nxt is not None:
            return replace(a, name=f"{country_name(nxt.country)} {a.name}", country=nxt.country,
                           code=f"{nxt.country}{a.code or ''}")
    return a


def _possessor_country(a: ActorRef, text: str, toks: list[Token], inside: list[ActorRef]) -> ActorRef:
    """"Sudan's ruling military council": the agent belongs to the possessive country just before it."""
    for b in inside:
        if not (b.country and b.kind in COUNTRY_KINDS and b.end <= a.start and text[b.end:b.end + 2] in ("'s", "’s")):
            continue
        between = [t for t in toks if b.end + 2 <= t.start and t.end <= a.start]
        if len(between) <= 2 and all(t.text[:1].islower() and t.text.isalpha() for t in between):
            return replace(a, name=f"{country_name(b.country)} {a.name}", country=b.country,
                           code=f"{b.country}{a.code or ''}")
    return a


def resolve_pronoun(ctx: Ctx, mentions: list[Mention], before_tok: int, word: str,
                     exclude: ActorRef | None = None) -> ActorRef | None:
    """Nearest fitting antecedent: subjects in the sentence first, then any mention, then the discourse."""
    person = word in PERSON_PRONOUNS
    plural = word in {"they", "their", "them"}

    def fits(ref: ActorRef) -> bool:
        if exclude is not None and same_actor(ref, exclude):
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
    # across sentences, "he"/"she" as a subject is the last subject when that is a person ("Putin met
    # Erdogan. He thanked him")
    if person and word in {"he", "she"} and ctx.last_source is not None and _is_person(ctx.last_source) \
            and fits(ctx.last_source) and not before:
        return ctx.last_source
    # across sentences, "they" is the last subject when that is not one person, else a group before a
    # person ("Militants kidnapped James Cross. They demanded ...")
    if plural and ctx.last_source is not None and not _is_person(ctx.last_source) and fits(ctx.last_source) \
            and (ctx.last_source.kind or "").lower() not in COUNTRY_KINDS:
        return ctx.last_source
    for wanted in ((lambda r: r.kind in ("group", "agent", "igo")), (lambda r: not _is_person(r)),
                   (lambda r: True)) if plural else ((lambda r: True),):
        for ref in reversed(ctx.recent):
            if fits(ref) and wanted(ref):
                return ref
    return None


def _is_person(ref: ActorRef) -> bool:
    kind = (ref.kind or "").lower()
    return kind in {"person", "people", "leader", "official"}


def same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return False
    # a state's agents are the state's ("Russian troops", "Russian forces"); people agents of one country that
    # differ in name are different people ("mobs attacked Sikhs": both INDCVL, or both CVL with no country)
    return a.name == b.name or (a.code is not None and a.code == b.code and a.kind == b.kind
                                and not (a.kind == "agent" and (a.type or "")[-3:] not in _STATE_ROLES))


_STATE_ROLES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PKO", "BUS", "ELI", "MED", "HLH", "EDU", "IGO"}


def mention_at(mentions: list[Mention], k: int) -> Mention | None:
    for m in mentions:
        if m.t0 <= k < m.t1:
            return m
    return None


def update_discourse(ctx: Ctx, mentions: list[Mention], toks: list[Token], events: list[dict] | None = None) -> None:
    """Remember actors in order of mention (for pronouns) and the last explicit source actor
    (for actorless sentences)."""
    for m in mentions:
        if not m.locative:
            ctx.recent.append(m.ref)
    del ctx.recent[:-20]
    for a, b in zip(mentions, mentions[1:]):
        if a.prep is None and b.prep is None and not a.locative and any(t.lower in {"and", "or"} for t in toks[a.t1:b.t0]) \
                and coordinated(toks, a.t1, b.t0):
            ctx.groups.append([a.ref, b.ref])
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
