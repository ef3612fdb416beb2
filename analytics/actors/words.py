"""The word lists of the actor finder's rules (analytics/lexicons/actor_rules.yaml: data, not code) and the title
index built from them, shared by finder.py and its rule modules (people.py, agents.py)."""

from __future__ import annotations

from functools import lru_cache

import yaml

from analytics.geo.countries import LEXICONS
from analytics.geo.phrases import PhraseIndex

COUNTRYISH = frozenset({"country", "demonym", "capital", "former_state"})


@lru_cache(maxsize=1)
def rules() -> dict:
    """The word lists of the rules below, from analytics/lexicons/actor_rules.yaml (data, not code)."""
    with (LEXICONS / "actor_rules.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    out = {k: frozenset(v.split()) for k, v in raw.items() if isinstance(v, str)}
    out["titles"] = dict(raw["titles"])
    out["title_countries"] = dict(raw.get("title_countries") or {})
    out["body_roles"] = dict(raw.get("body_roles") or {})
    out["ship_prefixes"] = dict(raw.get("ship_prefixes") or {})
    out["caps_word_after"] = {k: frozenset(v.split()) for k, v in raw["caps_word_after"].items()}
    out["caps_word_before"] = {k: frozenset(v.split()) for k, v in raw["caps_word_before"].items()}
    return out


_R = rules()
TITLES = _R["titles"]
TITLE_PREFIXES = _R["title_prefixes"]
FUNCTION_WORDS = _R["function_words"]
VERBS = _R["verbs"]
LOCATIVE = _R["locative"]
NOT_NAME_WORDS = _R["not_name_words"]
NAME_PARTICLES = _R["name_particles"]
CALENDAR_WORDS = _R["calendar_words"]
GIVEN_NAMES = _R["given_names"]
CAPS_WORD_AFTER = _R["caps_word_after"]
CAPS_WORD_BEFORE = _R["caps_word_before"]
POST_MODIFIERS = _R["post_modifiers"]
LEADER_LINKS = _R["leader_links"]
SPONSOR_LINKS = _R["sponsor_links"]
ORG_HEAD_NOUNS = _R["org_head_nouns"]
FORMER_WORDS = _R["former_words"]
CLAUSE_WORDS = _R["clause_words"]
HONORIFICS = _R["honorifics"]
PLACE_IDIOM_NOUNS = _R["place_idiom_nouns"]
TITLE_COUNTRIES = _R["title_countries"]
PLACE_IDIOM_PREPS = _R["place_idiom_preps"]
ORGISH = frozenset({"igo", "group"})
# head nouns of bodies the lexicons lack ("the FLNKS independence movement") and the CAMEO role each gives
BODY_ROLES = dict(_R.get("body_roles") or {})
# ship prefixes and the navy (CAMEO code) whose ship they name ("USS Cole" -> USAMIL)
SHIP_PREFIXES = dict(_R.get("ship_prefixes") or {})
# kinds of lexicon entry that can modify a title or an agent noun ("Russian troops", "Taliban spokesman")
NAMED = COUNTRYISH | ORGISH


@lru_cache(maxsize=1)
def title_index() -> PhraseIndex:
    idx = PhraseIndex()
    for phrase, role in TITLES.items():
        idx.add_phrase(phrase, role, "any")
    return idx
