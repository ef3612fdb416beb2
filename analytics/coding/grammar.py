"""Word lists and shallow grammar tests shared by the coding rules (no model: words and positions).

Prepositions, pronouns, modals, subordinators, event nouns; whether a mention's next word is the noun
it modifies, which preposition governs a noun phrase, where a clause ends, whether two mentions are
coordinated.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from functools import lru_cache
from operator import attrgetter

from analytics.coding.text import Token
from analytics.coding.triggers import CLAUSE_STOP, abbreviation_dot
from analytics.coding.words import ARTICLES


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


_START, _END = attrgetter("start"), attrgetter("end")     # (bisect keys: C, not a lambda per probe)


def span_tokens(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Token index range [i, j) of the tokens overlapping characters [start, end), or None."""
    i = bisect_right(toks, start, key=_END)     # first token ending after `start`
    j = bisect_left(toks, end, key=_START)      # first token starting at or after `end`
    return (i, j) if i < j else None


COLLECTIVE_HEADS = {"council", "coalition", "government", "leaders", "officials", "junta", "forces", "group",
                    "alliance", "spokesman", "spokeswoman", "command", "authorities", "ministry", "commander",
                    "commanders", "chief", "chiefs", "leadership", "party", "movement", "regime", "administration"}


def country_name_kind(text: str) -> str | None:
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


def starts_event_noun(toks: list[Token], t0: int, t1: int) -> bool:
    """"military exercise", "Russian airstrikes": the mention modifies an event noun."""
    from analytics.coding.lexicon import load

    if t1 >= len(toks) or not toks[t1].text[:1].islower():
        return False
    nominal = load().nominal
    nxt = toks[t1].lower
    last = toks[t1 - 1].lower
    return any(k in nominal for k in ((last, nxt), (nxt,), (nxt[:-1],), (last, nxt[:-1])))


# the words after a mention that are no noun it could modify (one set, built once: this runs for every mention)
_NOT_A_MODIFIED_NOUN = frozenset(OBJ_PREPS | CLAUSE_STOP | {
    "and", "or", "who", "which", "that", "the", "a", "an", "also", "has", "have", "had",
    "is", "are", "was", "were", "will", "would", "could", "should", "not", "to", "itself",
    "themselves", "said", "says", "on", "this", "last", "next", "earlier", "later",
    "jointly", "again", "then", "now", "today", "yesterday", "out", "up", "down",
    "off", "away", "back", "here", "there", "home", "abroad", "overnight", "tonight",
    "loyal", "allied", "linked", "affiliated", "opposed", "close", "based", "backed",
    "they", "he", "she", "it", "we", "i", "you"})


def modifies_next(toks: list[Token], t1: int) -> bool:
    """Is the word after a mention the noun it modifies ("Russian law", "military exercise")?"""
    if t1 >= len(toks):
        return False
    nxt = toks[t1]
    w = nxt.lower
    return (nxt.text[:1].islower() and w.replace("-", "").isalpha() and w not in _NOT_A_MODIFIED_NOUN
            and not is_verb_form(w) and not w.endswith("ly"))


def governing_prep(toks: list[Token], t0: int) -> str | None:
    """The preposition governing a noun phrase starting at t0, skipping up to 3 modifiers
    ("to its former allies", "in the northern city of")."""
    j, skipped = t0 - 1, 0
    while j >= 0 and skipped < 4:
        w = toks[j].lower
        if w in OBJ_PREPS:
            return w
        if w in MODIFIERS or w.endswith("'s") or w in POSSESSIVES or w in {"former", "new", "its", "two", "all"} \
                or w.replace(",", "").isdigit() \
                or (w.isalpha() and not is_verb_form(w) and w not in CLAUSE_STOP and w not in SUBJ_PRONOUNS
                    and w not in {"and", "or", "that", "not"} and skipped < 3 and toks[j].text[:1].islower()) \
                or (skipped < 2 and j > 0 and toks[j].text[:1].isupper() and w.isalpha()
                    and toks[j - 1].lower in ARTICLES):     # "by a Jewish extremist"
            j -= 1
            skipped += 1
            continue
        return None
    return None


@lru_cache(maxsize=1)
def _one_word_forms() -> frozenset[str]:
    """The verb forms of one word (is_verb_form runs for most tokens: a set test, not a tuple built and hashed)."""
    from analytics.coding.lexicon import load

    return frozenset(k[0] for k in load().forms if len(k) == 1)


def is_verb_form(word: str) -> bool:
    return word in _one_word_forms() or word.endswith("ed")


def coordinated(toks: list[Token], end: int, start: int) -> bool:
    """Are two mentions joined by a conjunction ("X and Y", "X, Y", "the X group and other Y")?"""
    between = [t.lower for t in toks[end:start] if t.lower not in {"the", "also"}]
    if between in (["and"], [","], ["or"], [",", "and"], [",", "or"], ["as", "well", "as"]):
        return True
    # "the Islamic State group and other militants": a head noun, then the conjunction and a quantifier
    conj = next((k for k, w in enumerate(between) if w in {"and", "or"}), None)
    if conj is None or conj > 2 or len(between) - conj > 2:
        return False
    head, tail = between[:conj], between[conj + 1:]
    return all(w.isalpha() and not is_verb_form(w) for w in head) and all(
        w in {"other", "several", "various", "allied", "its", "their"} or (w.isalpha() and not is_verb_form(w))
        for w in tail)


VIOLENT = {"18", "19", "20"}


# Verbal acts whose complement clause is their content, not a separate event ("warned that Islamabad
# would retaliate", "demanded that Moscow remove the weapons").
VERBAL_GOVERNORS = {"02", "03", "10", "11", "12", "13"}


INFINITIVE_GOVERNORS = INTENT | {"rush", "hurry", "decided", "decide", "decides", "agreed", "agree", "agrees",
                                 "vowed", "vow", "vows", "threatened", "threaten", "threatens", "promised",
                                 "refused", "refuse", "refuses", "necessary", "order", "ordered", "orders",
                                 "asked", "urged", "called", "moves", "move", "moved", "going", "set", "due",
                                 "pledged", "offered", "proposed", "proposal", "call", "calls", "demand",
                                 "demanded", "way", "chance", "right", "able", "unable", "failed", "reluctant"}


STATE_TYPES = {"MIL", "GOV", "LEG", "COP", "JUD", "SPY", "PKO"}


HEAD_NOUNS = {"capital", "government", "authorities", "army", "forces", "troops", "officials", "leaders",
              "president", "people", "territory", "border", "city", "regime", "navy", "soldiers", "island",
              "islands", "town", "village", "region", "province", "port", "base", "coast", "waters", "positions",
              "embassy", "consulate", "ships", "vessels", "aircraft", "targets", "mainland", "side", "nationals",
              "citizens", "journalists", "diplomats", "prisoners", "hostages", "workers", "sailors", "fishermen",
              "tourists", "students", "civilians", "residents", "refugees", "migrants", "militants", "fighters",
              "rebels", "gunmen", "insurgents", "supporters", "members", "delegation", "representatives",
              "militiamen", "militia", "allies", "counterpart", "counterparts", "camp", "camps", "bases",
              "hideout", "hideouts", "stronghold", "strongholds", "compound", "headquarters", "facilities",
              "buildings", "building", "offices", "palace", "residence", "mission", "missions", "envoy", "envoys",
              "team", "inspectors", "observers", "monitors", "peacekeepers", "contingent"}


COUNTRY_KINDS = {"country", "demonym", "capital", "former_state"}


NOMINAL_PREMODIFIERS = {"the", "a", "an", "new", "latest", "recent", "large-scale", "major", "military", "joint",
                        "first", "second", "brief", "failed", "ongoing", "another", "massive", "deadly", "fresh",
                        "renewed", "unilateral", "full-scale", "surprise", "planned"}


EVENT_NOUNS = {"coup", "intervention", "accusation", "accusations", "allegation", "allegations", "release",
               "decision", "move", "killing", "killings", "operation", "incursion", "crackdown", "aggression",
               "bombing", "bombings", "attack", "attacks", "invasion", "strikes", "strike", "airstrikes", "raid",
               "raids", "annexation", "takeover", "seizure", "shelling", "assault", "offensive", "sanctions",
               "arrest", "detention", "test", "tests", "launch", "deployment", "visit", "remarks", "statement"}


# "and has ...", "and its ambassador ...", "and they ...": the word after "and" that opens a clause
_NEW_CLAUSE_AFTER_AND = frozenset(PAST_AUX | {"is", "are", "will", "would", "also", "then"} | POSSESSIVES
                                  | {"he", "she", "it", "they", "we"})


def clause_end(toks: list[Token], k: int) -> bool:
    """Does a new clause start at token k? (";", "but", ", and has ...", "and its ambassador ...")"""
    w = toks[k].lower
    if w in CLAUSE_STOP:
        return not abbreviation_dot(toks, k)    # "John F. Kennedy", "by Sept. 11": the dot of an abbreviation
    nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
    if w == "," and nxt in {"which", "who", "while", "but", "and", "although", "as", "after", "before", "when"}:
        return True
    if w == "," and nxt.endswith("ing") and is_verb_form(nxt):
        return True     # ", reopening embassies ...": a participle clause of its own
    if w in {"and", "or"} and nxt in _NEW_CLAUSE_AFTER_AND:
        return True
    return w in SUBORDINATORS and k > 0


def breaks(toks, a: int, b: int) -> bool:
    return any(clause_end(toks, k) for k in range(max(a, 0), min(b, len(toks))))


IRREGULAR_PAST = {"took", "met", "held", "sent", "fought", "struck", "shot", "fled", "began", "led", "made", "gave",
                  "broke", "sank", "won", "lost", "told", "said", "left", "brought", "sought", "threw", "withdrew",
                  "overthrew", "drove", "rode", "hit", "beat", "bought", "sold", "built", "spoke", "stole", "tore"}


def country_name(iso3: str) -> str:
    from analytics.geo import country_info

    info = country_info(iso3)
    return info.name if info else iso3
