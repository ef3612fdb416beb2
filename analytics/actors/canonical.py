"""Dataset actors to canonical actors: GDELT codes and names, ICEWS and ACLED actor names.

One actor, one node: GDELT's "RUSSIA", ICEWS's "Russian Federation" and the text's "Russia" all become
Actor("Russia", "RUS", "RUS", None), through the same lexicon as analytics.actors.find_actors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analytics.actors.finder import find_actors, iso_date, pick_entry
from analytics.actors.lexicon import KNOWN_TYPES, Actor, agent_name, load_lexicon, split_code
from analytics.geo.countries import country_from_any, country_info, norm_key


def canonical_actor(name_or_code: str | None, country: str | None = None, type: str | None = None,
                    date=None) -> Actor | None:
    """The canonical actor for a name or CAMEO code from a dataset, or None.

    "RUSSIA", "Russian Federation", "Russia", "RUS" -> Actor("Russia", "RUS", "RUS", None); "TALIBAN" -> the
    Taliban; "RUSGOV" -> Actor("Russian government", "RUSGOV", "RUS", "GOV"); ICEWS "Police (India)" ->
    Actor("Indian police", "INDCOP", "IND", "COP"). `country` (ISO3 or any name) and `type` (CAMEO role) give
    the country and role of generic names ("POLICE", country="IND"). A name no lexicon knows becomes its own
    actor when `country` or `type` is given (ICEWS's "Kim Yong-chol", North Korea -> code "PRK"); without them
    it gives None.
    """
    if not name_or_code or not isinstance(name_or_code, str):
        return None
    return _canonical_actor(name_or_code, country if isinstance(country, str) else None,
                            type if isinstance(type, str) else None, iso_date(date))


@lru_cache(maxsize=65536)
def _canonical_actor(name_or_code: str, country: str | None, type: str | None, date: str | None) -> Actor | None:
    if not name_or_code or not isinstance(name_or_code, str):
        return None
    s = name_or_code.strip()
    if not s:
        return None
    lex = load_lexicon()
    d = iso_date(date)
    iso_country = country_from_any(country) if country else None
    # ICEWS writes generic actors as "Police (India)" and group members as "Militia (Hezbollah)"
    if s.endswith(")") and "(" in s:
        inner = s[s.rindex("(") + 1 : -1]
        outer = s[: s.rindex("(")].strip()
        c = country_from_any(inner)
        if c and outer:
            found = canonical_actor(outer, country=c, type=type, date=date)
            if found is not None and found.country is None and found.code.startswith("IMG"):
                # a transnational group tied to a country by the source: "Islamic State (Syria)"
                return Actor(found.name, found.code, c, found.type)
            if found is not None and found.country is None and not found.code.startswith(("IGO", "NGO")):
                found = None  # a generic noun that only the parenthesis places: keep the country
            if found is None or found.name == outer:
                name = f"{outer} ({country_info(c).name})"
                return Actor(agent_name(c, type) if type else name, c + (type or ""), c, type or None)
            return found
        if outer and inner:
            group = canonical_actor(inner, date=date)
            if group is not None and (group.code.startswith(("IGO", "NGO", "IMG")) or group.type in
                                      ("REB", "INS", "SEP", "UAF", "OPP")):
                return group
    if "(" in s:
        # ACLED dates its state forces: "Military Forces of Yemen (2012-)": the years do not make another actor
        bare = " ".join(re.sub(r"\([^)]*\)", " ", s).split())
        if bare and bare != s:
            return canonical_actor(bare, country=country, type=type, date=date)
    iso3 = country_from_any(s)
    if iso3 and len(norm_key(s)) == 2:
        iso3 = None  # ISO2 codes are not actor names ("THE PM" is no Saint Pierre and Miquelon); "US", "UK" are below
    if iso3 and (len(s) > 3 or s.isupper()):
        c = country_info(iso3)
        if type and type in KNOWN_TYPES:
            return Actor(agent_name(iso3, type), iso3 + type, iso3, type)
        return Actor(c.name, iso3, iso3, None)
    key = norm_key(s)
    entries = [e for e in lex.by_key.get(key, []) if e.kind != "demonym"]
    if not entries and len(key.split()) >= 3:
        # "Dmitry Anatolyevich Medvedev" (patronymic), "Sayyed Ali Khamenei" (honorific)
        words = key.split()
        for short in (f"{words[0]} {words[-1]}", f"{words[-2]} {words[-1]}"):
            entries = [e for e in lex.by_key.get(short, []) if e.kind == "person"]
            if entries:
                break
    if entries:
        e = pick_entry(entries, d)
        actor = e.actor(d)
        if e.kind == "capital":
            return Actor(actor.name, actor.code, actor.country, None)
        return actor
    ag = lex.agents.get(key) or lex.agents.get(key.rstrip("s"))
    if ag is not None:
        c = iso_country
        return Actor(agent_name(c, ag.type), (c or "") + ag.suffix, c, ag.type)
    # a CAMEO code such as "RUSGOV", "AFGINSTAL", "IGOUNO"
    if s in lex.by_code:
        return lex.by_code[s].actor(d)
    if s.isalpha() and s.isupper() and len(s) % 3 == 0 and len(s) <= 15 and (len(s) == 3 or s[3:6] in KNOWN_TYPES):
        c3, typ = split_code(s)
        if c3 or typ:
            if c3 and len(s) == 3:
                return Actor(country_info(c3).name, c3, c3, None)
            named = lex.by_key.get(norm_key(s))
            return Actor(agent_name(c3, typ) if c3 or not named else named[0].name, s, c3, typ)
    # a phrase that is one actor mention as a whole ("Yemeni Armed Forces", "RUSSIAN MILITARY")
    found = find_actors(s, d)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s) and found[0].kind != "demonym":
        return found[0].actor
    if found and found[0].start == 0 and found[0].kind in ("agent", "igo", "group") and found[0].country \
            and found[0].end >= 0.4 * len(s):
        # "Military Forces of Yemen Supreme Political Council": the leading actor names it
        return found[0].actor
    # a name no lexicon knows, from a dataset that gives its country or role: its own node
    if iso_country or type:
        code = (iso_country or "") + (type or "")
        name = agent_name(iso_country, type) if key in lex.agents or not s[:1].isalpha() else s
        return Actor(name, code, iso_country, type or None)
    return None
