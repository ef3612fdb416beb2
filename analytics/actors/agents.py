"""The finder's rules for agents (a mixin of finder._Doc): an agent noun tied to whom it serves. A country or group
before it ("Russian troops"), after it ("the government of Afghanistan"), a leader or backer ("the Saudi-led
coalition", "Iranian-backed militias", "forces loyal to X"), a place or a person ("Darfur rebels", "Haftar's
fighters"), a people ("ethnic Armenian forces"), and "X's TITLE" standing for X ("NATO's secretary-general")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from analytics.actors.lexicon import Agent, Entry, agent_name, resolve_role, split_code
from analytics.actors.words import (
    BODY_ROLES,
    CALENDAR_WORDS,
    COUNTRYISH,
    FUNCTION_WORDS,
    VERBS,
    HONORIFICS,
    NOT_NAME_WORDS,
    LEADER_LINKS,
    SPONSOR_LINKS,
    ORGISH,
    NAMED,
)
from analytics.geo.gazetteer import place_index

if TYPE_CHECKING:
    from analytics.actors.finder import ActorMention


class AgentRules:
    """Agent patterns; `self` is the finder's _Doc (tokens, lexicon atoms, mentions so far)."""

    def country_s_agent(self, i: int) -> ActorMention | None:
        """the country's|nation's AGENT|TITLE: an agent of the country the text last named ("the country's
        president", "the nation's army")."""
        k = self.the_country_s(i)
        if k is None:
            return None
        country = self.story_country()
        if country is None:
            return None
        aj, ag = self.agent_at(k)
        if ag is not None:
            return self.mention(i, aj, agent_name(country, ag.type), country + ag.suffix, "agent", source="agent")
        tj, tvals = self.titles.longest(self.toks, k)
        if tvals and self.raw(tj) != "," and not self.raw(tj)[:1].isupper():
            role = tvals[0] or "GOV"
            return self.mention(i, tj, agent_name(country, role), country + role, "agent", source="agent")
        return None

    def _unknown_name(self, k: int) -> int:
        """End of a run of capitalised words or acronyms at k that no lexicon, title or calendar word covers (k: none)."""
        j = k
        while j < self.n and j - k < 4 and self.key(j) not in ("the", "a", "an") and self.raw(j)[:1].isupper() and (self.raw(j).isalpha() or "-" in self.raw(j)) \
                and self.key(j) not in FUNCTION_WORDS and self.key(j) not in CALENDAR_WORDS \
                and self.atom(j)[1] is None and not self.titles.longest(self.toks, j)[1]:
            j += 1
        return j

    def named_body(self, i: int) -> ActorMention | None:
        """A body the lexicons lack, named with its kind: [the] NAME (movement|party|front|...) ("The FLNKS
        independence movement", "the Alliance for Change party"), or AGENT (group|movement|...) NAME ("the militant
        group Gamaa Islamiya"). An agent without a country (the coder gives it the place's or the story's), named
        as written, with the role its kind gives."""
        if self.key(i) in ("the", "a", "an"):
            i += 1
        elif i > 0 and self.raw(i - 1)[:1].isupper() and not (i == 1 or self.raw(i - 2) in (".", ",", ";", ":", '"')):
            return None     # inside a longer capitalised run
        j = self._unknown_name(i)
        if j - i >= 2 and self.key(j - 1) in BODY_ROLES:
            # "the Workers Party", "the Popular Front": the capitalised kind ends the name
            return self.mention(i, j, self.phrase(i, j), BODY_ROLES[self.key(j - 1)], "agent", source="agent")
        if j > i:
            k = j
            while k < j + 2 and self.raw(k).isalpha() and self.raw(k).islower() and self.key(k) not in BODY_ROLES \
                    and self.key(k) not in FUNCTION_WORDS and self.key(k) not in VERBS:
                k += 1      # "independence", "opposition"
            if self.key(k) in BODY_ROLES and self.raw(k).islower():
                if j - i == 1 and not self.raw(i).isupper() and i > 0 and self.key(i - 1) not in ("the", "a", "an"):
                    return None     # a single capitalised word after no article: a sentence start, not a name
                name = self.phrase(i, k + 1)
                return self.mention(i, k + 1, name, BODY_ROLES[self.key(k)], "agent", source="agent")
        return None

    def agent_named_body(self, i: int, end: int, val: Agent) -> ActorMention | None:
        """AGENT (group|movement|...) NAME: "the militant group Gamaa Islamiya" is Gamaa Islamiya, a militant group."""
        if self.key(end) not in BODY_ROLES or not self.raw(end).islower():
            return None
        j = self._unknown_name(end + 1)
        if j == end + 1:
            return None
        return self.mention(i, j, self.phrase(end + 1, j), val.suffix, "agent", source="agent")

    def coordinated_agent(self, i: int, end: int, val: Entry) -> ActorMention | None:
        """DEMONYM and|or|, [DEMONYM ,]... DEMONYM|ORG AGENT: the agent noun is shared ("Indian and Pakistani
        troops" -> Indian troops and Pakistani troops; "Afghan and NATO forces" -> Afghan forces)."""
        if val.kind != "demonym":
            return None
        k, hops = end, 0
        while hops < 3 and (self.key(k) in ("and", "or") or self.raw(k) == ","):
            k += 1 + (self.raw(k) == "," and self.key(k + 1) in ("and", "or"))
            nj, nval = self.atom(k)
            if not (isinstance(nval, Entry) and nval.kind in NAMED) or nj == k:
                return None
            m = nj
            while m < nj + 4 and self.agent_at(m)[1] is None and (self.plain_word(m, ("ed",)) or self.raw(m) == "-"):
                m += 1      # "Russian and Chinese long-range bombers": modifiers of the shared noun
            aj, aval = self.agent_at(m)
            if aval is None and m > nj:
                aj, aval = self.agent_at(nj)
            if aval is not None:
                country = resolve_role(val.roles, self.date)[:3]
                return self.mention(i, end, agent_name(country, aval.type), country + aval.suffix, "agent",
                                    source="agent")
            k, hops = nj, hops + 1
        return None

    def possessed_title(self, i: int, end: int, k: int, val: Entry) -> ActorMention | None:
        """X's [one or two plain words] TITLE with no name after it: the office stands for X ("NATO's
        secretary-general" -> NATO, "the EU's foreign policy chief" -> the EU, "Iran's top negotiator" -> IRNGOV)."""
        t = k
        while t < min(self.n, k + 3) and not self.titles.longest(self.toks, t)[1]:
            if not self.plain_word(t):
                return None
            t += 1
        if t >= self.n:
            return None
        tj, tvals = self.titles.longest(self.toks, t)
        if not tvals or self.raw(tj)[:1].isupper() or self.key(t) in HONORIFICS:
            return None  # a name follows (the titled-person pattern's job), or no title at all
        if val.kind in ORGISH:
            actor = val.actor(self.date)
            return self.mention(i, tj, actor.name, actor.code, val.kind, source="agent")
        country = resolve_role(val.roles, self.date)[:3]
        role = tvals[0] or "GOV"
        return self.mention(i, tj, agent_name(country, role), country + role, "agent", source="agent")

    def ethnic_people(self, i: int, end: int, val: Entry) -> ActorMention | None:
        """ethnic DEMONYM [AGENT]: a people, not the state the demonym names ("ethnic Armenian forces in
        Karabakh", "ethnic Albanians in Kosovo"); no country here, the text around decides."""
        if val.kind != "demonym" or i == 0 or self.key(i - 1) != "ethnic":
            return None
        aj, ag = self.agent_at(end)
        if ag is not None:
            suffix = _rebels(ag)
            return self.mention(i - 1, aj, self.phrase(i - 1, aj), suffix,
                                "agent", source="agent")
        if self.raw(end - 1).endswith("s"):
            return self.mention(i - 1, end, self.phrase(i - 1, end), "CVL",
                                "agent", source="agent")
        return None

    def modified_agent(self, i: int, end: int, val: Entry):
        """COUNTRY|DEMONYM|GROUP ['s] AGENT at token i (whose first atom ends at `end`), or None."""
        k = end + (1 if self.key(end) == "'s" else 0)
        if val.kind in COUNTRYISH:
            ej, eval_ = self.atom(k)
            if isinstance(eval_, Entry) and eval_.kind == "group" and split_code(resolve_role(eval_.roles))[1] == "CVL":
                aj, aval = self.agent_at(ej)
                if aval is not None:
                    # "Iraqi Kurdish forces": a people's fighters in the named country are its rebels
                    country = resolve_role(val.roles, self.date)[:3]
                    suffix = _rebels(aval)
                    surface = self.phrase(i, aj)
                    return self.mention(i, aj, surface, country + suffix, "agent", source="agent")
        aj, aval = self.agent_at(k)
        if aval is None and self.plain_word(k, ("ed", "s")):
            aj, aval = self.agent_at(k + 1)  # one adjective between: "Ethiopian federal troops"
        if aval is None and self.plain_word(k) and self.raw(k + 1) == "-" and self.plain_word(k + 2):
            aj, aval = self.agent_at(k + 3)  # a hyphenated one: "Chinese long-range bombers"
        if aval is None and self.key(end) == "'s":
            return self.possessed_title(i, end, k, val)
        if aval is None:
            return None
        if i >= 2 and self.key(i - 1) == "-" and self.key(i - 2) in ("pro", "anti"):
            return None  # "pro-Russian separatists" are not Russian agents
        if val.kind in ORGISH:
            actor = val.actor(self.date)
            if actor.type == "CVL" and aval.type != "CVL":
                # an ethnic group's armed men are not civilians: "Rohingya militants" -> MMRREB
                country = actor.country or ""
                # a people's forces are its rebels, not a state's army ("Tigrayan forces" -> ETHREB)
                suffix = _rebels(aval)
                label = agent_name(None, suffix[:3])
                surface = self.phrase(i, end)
                return self.mention(i, aj, f"{surface} {label}", country + suffix, "agent", source="agent")
            if val.kind == "igo" and aval.type == "JUD":
                # "a UN tribunal", "the EU court": an organisation's court judges on its own, it is not the
                # organisation (the International Criminal Tribunal for the former Yugoslavia is not the UN)
                noun = self.phrase(k, aj).lower()
                code = actor.code or ""
                code = code if "JUD" in code else code + "JUD"
                return self.mention(i, aj, f"{actor.name} {noun}", code, val.kind, source="agent")
            m = self.mention(i, aj, actor.name, actor.code, val.kind, source="agent")
            if m.country is None and (m.code or "").startswith("IMG"):
                m = self.tie_to_country(m, i, aj, self.out)
            return m
        country = resolve_role(val.roles, self.date)[:3]
        code = country + aval.suffix
        return self.mention(i, aj, agent_name(country, aval.type), code, "agent", source="agent")

    def sponsored_agent(self, i: int, end: int, val: Entry) -> ActorMention | None:
        """X-led|X-backed [adjective] AGENT: "the Saudi-led coalition", "Iranian-backed militias".

        A force X leads is coded as X's own (CAMEO coders code a coalition by its leading state: the Saudi-led
        coalition -> SAUMIL, NATO-led forces -> NATO). A force X backs, arms or sponsors is not X: the agent
        keeps no country here, and the coder takes it from the story ("US-backed forces captured Raqqa").
        A named group after the link ("US-backed Syrian Democratic Forces") is left to the main pass."""
        if self.raw(end) != "-" or self.key(end + 1) not in LEADER_LINKS | SPONSOR_LINKS:
            return None
        link = self.key(end + 1)
        k = end + 2
        aj, ag = self.agent_at(k)
        if ag is None and self.raw(k)[:1].islower() and self.raw(k).isalpha() and self.key(k) not in FUNCTION_WORDS \
                and not isinstance(self.atom(k)[1], Entry):
            aj, ag = self.agent_at(k + 1)  # "US-backed local forces"
        if ag is None or isinstance(self.atom(k)[1], Entry) and self.atom(k)[0] >= aj:
            return None
        surface = self.phrase(i, aj)
        if link in LEADER_LINKS:
            actor = val.actor(self.date)
            code = actor.code if val.kind in ORGISH else resolve_role(val.roles, self.date)[:3] + ag.suffix
            return self.mention(i, aj, surface, code, val.kind if val.kind in ORGISH else "agent", source="agent")
        return self.mention(i, aj, surface, ag.suffix, "agent", source="agent")

    def partisan_agent(self, i: int, end: int) -> ActorMention | None:
        """pro-|anti-X [adjective] AGENT: "pro-Russian separatists" are separatists, not Russia's; the agent keeps
        no country here (the coder takes it from the story)."""
        if not (i >= 2 and self.key(i - 1) == "-" and self.key(i - 2) in ("pro", "anti")):
            return None
        k = end
        aj, ag = self.agent_at(k)
        if ag is None and self.plain_word(k, ("ed",)):
            aj, ag = self.agent_at(k + 1)  # "pro-Russian armed separatists"
        if ag is None:
            return None
        surface = self.phrase(i - 2, aj)
        return self.mention(i - 2, aj, surface, ag.suffix, "agent", source="agent")

    def agent_loyal_to(self, i: int, end: int, ag: Agent):
        """AGENT loyal|linked|allied|affiliated|aligned to|with PERSON|ACTOR: the side they fight for.

        "forces loyal to Alassane Ouattara" -> CIV forces named after him; "militants linked to al-Qaeda" -> al-Qaeda
        (a group's fighters are the group, as in "Taliban fighters")."""
        if self.key(end) not in ("loyal", "linked", "allied", "affiliated", "aligned") \
                or self.key(end + 1) not in ("to", "with"):
            return None
        k = end + 2 + (self.key(end + 2) == "the")
        tp = self.titled_person(k)
        if tp:
            _ti, pj, actor, _e, _src = tp
        else:
            pj, pval = self.atom(k)
            if not isinstance(pval, Entry):
                return None
            actor = pval.actor(self.date)
            if pval.kind in ORGISH:
                m = self.mention(i, pj, actor.name, actor.code, pval.kind, source="agent")
                return self.tie_to_country(m, i, pj, self.out) if m.country is None else m
        if not actor.country:
            return None
        if self.key(end) != "loyal":
            return None  # "troops allied with Russia" are not Russia's own troops
        noun = self.phrase(i, end).lower()
        leader = actor.name.split()[-1] if actor.country != actor.code else actor.name
        return self.mention(i, pj, f"{leader} {noun}", actor.country + ag.suffix, "agent", source="agent")

    def inside_place(self, i: int, end: int, val: Entry) -> int | None:
        """End token of a gazetteer place name that contains the actor's words and lies in another state ("New
        Mexico", "New South Wales", "Tamil Nadu", "West Virginia"), or None. A place of the actor's own country
        ("the Gaza Strip", "Mexico City") leaves the actor alone."""
        gaz = place_index()
        last = self.out[-1].end if self.out else -1
        own = split_code(resolve_role(val.roles, self.date))[0]
        for s0 in (i - 2, i - 1, i):
            if s0 < 0 or (s0 < i and (self.toks.starts[s0] < last or not all(
                    self.raw(t)[:1].isupper() for t in range(s0, i)))):
                continue
            if not self.lex.index.starts_with(self.toks.keys[s0]) and s0 == i:
                continue
            j, places = gaz.longest(self.toks, s0)
            if j >= end and (j > end or s0 < i):
                places = [p for p in places if p.kind in ("region", "city", "country") and p.country]
                if places and all(p.country != own for p in places):
                    return j
        return None

    def placed_agent(self, i: int, end: int, ag: Agent) -> ActorMention | None:
        """An agent named after a place or a person before it: "Darfur rebels", "Helmand police", "the Tigray
        region's ruling party" (the place's country, from the gazetteer: a region or city, never a guess);
        "Khalifa Haftar's fighters" (the person's side: his group, else his country's agent)."""
        if i == 0:
            return None
        k = i
        prev = self.out[-1] if self.out else None
        possessive = self.key(k - 1) == "'s"
        if possessive or (prev is not None and prev.kind == "person" and prev.source == "dictionary"
                          and prev.end == self.toks.ends[k - 1]):
            # "Khalifa Haftar's fighters"; without "'s" only after a name the dictionary knows ("the Biden
            # administration", "the Assad regime", "Haftar forces")
            at = self.toks.starts[k - 1] if possessive else self.toks.ends[k - 1]
            if prev is not None and prev.kind == "person" and prev.country and prev.end == at:
                s0 = next(t for t in range(k) if self.toks.starts[t] == prev.start)
                code = prev.code if prev.type in ("REB", "INS", "UAF", "SEP") and len(prev.code or "") > 6 \
                    else prev.country + ag.suffix
                noun = self.phrase(i, end).lower()
                leader = prev.name.split()[-1]
                self.out.pop()  # the person becomes part of the agent's span
                return self.mention(s0, end, f"{leader} {noun}", code, "agent", source="agent")
            if not possessive:
                return None
            k -= 1
        if k > 1 and self.key(k - 1) in ("region", "province", "state", "regional", "provincial") \
                and self.raw(k - 1).islower():
            k -= 1  # "the Tigray region's ruling party", "the Lagos state government"
        if not self.raw(k - 1)[:1].isupper():
            return None
        gaz = place_index()
        last = self.out[-1].end if self.out else -1
        for s0 in range(max(0, k - 3), k):
            if self.toks.starts[s0] < last or not self.raw(s0)[:1].isupper():
                continue
            j, vals = gaz.longest(self.toks, s0, k)
            places = [v for v in vals if v.kind in ("region", "city") and v.country] if j == k else []
            if places and self.named_surname(s0, k):
                return None  # "Rafael Trujillo ... Trujillo's government": the person's, not a city's
            if places:
                country = places[0].country
                surface = self.phrase(s0, end)
                return self.mention(s0, end, surface, country + ag.suffix, "agent", source="agent")
        return None

    def agent_of_country(self, i: int, end: int, ag: Agent):
        k = end
        if self.key(k) != "of":
            return None
        k += 1
        if self.key(k) == "the":
            k += 1
        cj, cval = self.atom(k)
        if isinstance(cval, Entry) and cval.kind in ("country", "former_state"):
            country = resolve_role(cval.roles, self.date)[:3]
            title = self.titles.longest(self.toks, i)
            if title[1] and self.raw(cj) == "," and self.raw(cj + 1)[:1].isupper():
                # "the foreign minister of Iran, Hossein Amir-Abdollahian,": the person
                pj, pval = self.atom(cj + 1)
                if isinstance(pval, Entry) and pval.kind == "person":
                    actor = pval.actor(self.date)
                    return self.mention(i, pj, actor.name, actor.code, "person", source="dictionary")
                name_end = self.name_tokens(cj + 1)
                if name_end - (cj + 1) >= 2 and self.key(name_end - 1) not in NOT_NAME_WORDS:
                    name = self.phrase(cj + 1, name_end)
                    return self.mention(i, name_end, name, country + (title[1][0] or "GOV"), "person", source="title")
            return self.mention(i, cj, agent_name(country, ag.type), country + ag.suffix, "agent", source="agent")
        if isinstance(cval, Entry) and cval.kind in ORGISH:
            actor = cval.actor(self.date)  # "fighters of the Taliban" are the Taliban
            return self.mention(i, cj, actor.name, actor.code, cval.kind, source="agent")
        return None

    def tie_to_country(self, m: ActorMention, i: int, end: int, out: list[ActorMention]) -> ActorMention:
        """A transnational group gets a country only where the text ties it to one: a country or demonym just
        before it ("Afghan Islamic State fighters") or "in/of/from [the] [adjectives] COUNTRY" later in the same
        clause ("the Islamic State group and other militants based in northern Afghanistan")."""
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("country", "demonym") and prev.end >= self.toks.starts[i] - 1 \
                and self.text[prev.end : m.start].strip() == "":
            return replace(m, country=prev.country)
        j = end
        while j < min(self.n, end + 10) and self.raw(j) not in (".", ";", ":", "!", "?"):
            if self.key(j) in ("in", "of", "from"):
                k = j + 1
                skipped = 0
                while k < self.n and skipped < 3 and self.raw(k)[:1].islower() and self.raw(k).isalpha():
                    k, skipped = k + 1, skipped + 1
                cj, cval = self.atom(k)
                if isinstance(cval, Entry) and cval.kind in ("country", "former_state"):
                    country = resolve_role(cval.roles, self.date)[:3]
                    return replace(m, country=country)
            j += 1
        return m


def _rebels(ag: Agent) -> str:
    """The agent suffix for a people's (not a state's) armed men: its forces are rebels ("Tigrayan forces" -> REB),
    its other agents keep their role."""
    return "REB" + ag.suffix[3:] if ag.type == "MIL" else ag.suffix
