"""Find actor mentions in a document: countries, demonyms, capitals, organisations, groups, people, agents.

One left-to-right pass over the tokens with the phrase index (longest match), composing a few patterns:
  - [country|group|IGO] ['s] TITLE... NAME  -> a person ("Russian Foreign Minister Sergei Lavrov");
  - [country|demonym] ['s] AGENT            -> a state agent ("Russian troops" -> RUSMIL);
  - AGENT of [the] COUNTRY                  -> a state agent ("the government of Afghanistan" -> AFGGOV);
  - [group|IGO] AGENT                       -> the group itself ("Taliban fighters" -> Taliban).
A second pass resolves later short mentions ("Lavrov") to the people introduced in the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import yaml

from analytics.actors.lexicon import (
    Actor,
    Agent,
    Entry,
    Role,
    agent_name,
    load_lexicon,
    resolve_role,
    split_code,
)
from analytics.geo.countries import LEXICONS
from analytics.geo.phrases import PhraseIndex, Tokens, tokenize

COUNTRYISH = frozenset({"country", "demonym", "capital", "former_state"})


@lru_cache(maxsize=1)
def rules() -> dict:
    """The word lists of the rules below, from analytics/lexicons/actor_rules.yaml (data, not code)."""
    with (LEXICONS / "actor_rules.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    out = {k: frozenset(v.split()) for k, v in raw.items() if isinstance(v, str)}
    out["titles"] = dict(raw["titles"])
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
# title prefixes that make the person a former office-holder (ELI): "Former Peruvian President X", "ousted President X"
FORMER_WORDS = frozenset({"former", "late", "ousted", "deposed", "exiled", "toppled"})
CLAUSE_WORDS = frozenset({"said", "says", "say", "told", "was", "were", "is", "are", "has", "have", "had", "will",
                          "would", "added", "reported", "announced", "confirmed"})
ORGISH = frozenset({"igo", "group"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor mention: a character span of the document and the canonical actor it stands for.

    head is False when the mention only modifies a noun ("Russian" in "Russian law", "Russia's" in "Russia's
    embassy"); locative is True after "in", "at", "near", ... ("in Moscow" names a place, not an actor).
    source: dictionary | title | agent | coreference.
    """

    start: int
    end: int
    text: str
    name: str
    code: str | None  # None for a person whom only a title without country introduces ("Mr. Smith")
    country: str | None
    type: str | None
    kind: str
    head: bool = True
    locative: bool = False
    source: str = "dictionary"

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.code, self.country, self.type)


def iso_date(date) -> str | None:
    if date is None:
        return None
    if isinstance(date, dt.datetime):
        return date.date().isoformat()
    if isinstance(date, dt.date):
        return date.isoformat()
    s = str(date)[:10]
    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def title_index() -> PhraseIndex:
    idx = PhraseIndex()
    for phrase, role in TITLES.items():
        idx.add_phrase(phrase, role, "any")
    return idx


KIND_RANK = {"country": 0, "former_state": 0, "capital": 1, "igo": 2, "group": 3, "agent": 4, "person": 5,
             "demonym": 6}


def pick_entry(values: list, date: str | None) -> Entry | Agent | None:
    """Choose among values matched on the same span: lexicon actors before agent nouns; among people, the one
    holding a role at the date (else the most recent)."""
    entries = [v for v in values if isinstance(v, Entry)]
    if not entries:
        return values[0] if values else None
    best_rank = min(KIND_RANK.get(e.kind, 9) for e in entries)
    entries = [e for e in entries if KIND_RANK.get(e.kind, 9) == best_rank]
    if len(entries) == 1:
        return entries[0]

    def score(e: Entry):
        covering = date is not None and any(
            (r.start or "0000") <= date <= (r.end or "9999") for r in e.roles if r.start or r.end
        )
        latest = max(((r.end or "9999") if (r.start or r.end) else "0000") for r in e.roles) if e.roles else ""
        return (covering, latest, len(e.roles))

    return max(entries, key=score)


class _Doc:
    """Working state of one find_actors call."""

    def __init__(self, text: str, date: str | None):
        self.text = text
        self.date = date
        self.toks: Tokens = tokenize(text)
        self.lex = load_lexicon()
        self.titles = title_index()
        self._atoms: dict[int, tuple[int, object]] = {}
        self._agents: dict[int, tuple[int, Agent | None]] = {}
        self.n = len(self.toks)

    def atom(self, i: int) -> tuple[int, object]:
        """(end, chosen value) of the longest lexicon match at token i, memoised."""
        if i not in self._atoms:
            if i >= self.n or not self.lex.index.starts_with(self.toks.keys[i]):
                self._atoms[i] = (i, None)
            else:
                j, vals = self.lex.index.longest(self.toks, i)
                self._atoms[i] = (j, pick_entry(vals, self.date) if vals else None)
        return self._atoms[i]

    def agent_at(self, i: int) -> tuple[int, Agent | None]:
        """The longest agent noun at token i even where a named institution shares the words ("Foreign Office":
        the British one alone, any country's after a modifier)."""
        if i not in self._agents:
            res: tuple[int, Agent | None] = (i, None)
            if i < self.n and self.lex.index.starts_with(self.toks.keys[i]):
                j = min(self.n, i + 6)
                while j > i:
                    for case, v in self.lex.index.get(self.toks.keys[i:j]):
                        if isinstance(v, Agent):
                            res = (j, v)
                            break
                    if res[1] is not None:
                        break
                    j -= 1
            self._agents[i] = res
        return self._agents[i]

    def raw(self, i: int) -> str:
        return self.toks.raws[i] if i < self.n else ""

    def key(self, i: int) -> str:
        return self.toks.keys[i] if i < self.n else ""

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.toks.starts[i], self.toks.ends[j - 1]

    def mention(self, i, j, name, code, kind, head=True, source="dictionary") -> ActorMention:
        s, e = self.span(i, j)
        code = code or None
        country, typ = split_code(code) if code else (None, None)
        loc = i > 0 and self.key(i - 1) in LOCATIVE or (i > 1 and self.key(i - 1) == "the" and self.key(i - 2) in LOCATIVE)
        return ActorMention(s, e, self.text[s:e], name, code, country, typ, kind, head, loc, source)

    # -- patterns ---------------------------------------------------------------------------------------
    def name_tokens(self, k: int) -> int:
        """End of a run of capitalised name tokens starting at k (up to 5 words, with particles, hyphens and
        initials: "F. W. de Klerk", "Ban Ki-moon", "Osama bin Laden"); weekdays and months end it."""
        n, j, words = self.n, k, 0
        while j < n and words < 5:
            r = self.raw(j)
            if r[:1].isupper() and r[:1].isalpha():
                if self.key(j) in CALENDAR_WORDS:
                    break
                if self.titles.longest(self.toks, j)[1] and words == 0:
                    return k
                words += 1
                j += 1
                if len(r) == 1 and self.raw(j) == ".":
                    j += 1  # an initial
            elif words and r.casefold() in NAME_PARTICLES:
                # one or more particles before a capitalised word: "de Klerk", "van der Merwe", "de la Rua"
                p = j
                while p < n and p - j < 3 and self.raw(p).casefold() in NAME_PARTICLES:
                    p += 1
                if p < n and self.raw(p)[:1].isupper():
                    j = p
                else:
                    break
            elif words and r == "-" and j + 1 < n and self.raw(j + 1)[:1].isalpha():
                j += 2
            else:
                break
        while j > k and self.raw(j - 1) == ".":
            j -= 1
        return j if words else k

    def deposed_prefix(self, k: int) -> bool:
        """"Ousted President X", "the deposed president": a participle that makes a former office-holder, but only
        where it cannot be the verb ("the army ousted President X")."""
        return self.key(k) in FORMER_WORDS and self.key(k) not in TITLE_PREFIXES and (
            self.raw(k)[:1].isupper() or (k > 0 and self.key(k - 1) in ("the", "a", "an", "'s")))

    def titled_person(self, i: int):
        """[modifier ['s] [institution]] TITLE+ NAME starting at token i, or None."""
        k, mod, former = i, None, False
        while (self.key(k) in TITLE_PREFIXES or self.deposed_prefix(k)) and k < self.n:
            former = former or self.key(k) in FORMER_WORDS  # "Former Peruvian President X"
            k += 1
        end, val = self.atom(k)
        if isinstance(val, Entry) and val.kind == "person":
            return None  # a dictionary name that includes its title: "Pope Francis", "King Salman"
        if isinstance(val, Entry) and val.kind in COUNTRYISH | ORGISH:
            mod, k = val, end
            if self.key(k) == "'s":
                k += 1
            elif val.kind in ORGISH and k < self.n and self.raw(k)[:1].isupper() and not self.titles.longest(self.toks, k)[1]:
                # a dictionary alias that ends in a title ("World Bank President") before a name: the title
                # introduces the person
                for t in (end - 1, end - 2):
                    tj, tvals = self.titles.longest(self.toks, t) if t > i else (t, [])
                    if tvals and tj == end:
                        k = t
                        break
        inst_role = None
        if mod is not None and mod.kind in COUNTRYISH and k < self.n and self.key(k) not in TITLE_PREFIXES \
                and not self.titles.longest(self.toks, k)[1]:
            aj, ag = self.agent_at(k)
            if ag is not None and (self.titles.starts_with(self.key(aj)) or self.key(aj) in TITLE_PREFIXES):
                inst_role, k = ag.type, aj  # "Chinese Foreign Ministry spokesman Zhao Lijian"
        if mod is not None and inst_role is None and k < self.n and not self.titles.longest(self.toks, k)[1]:
            # up to two plain words between the modifier and the title: "EU foreign policy chief Josep Borrell"
            k2 = k
            while k2 < min(self.n, k + 2) and self.raw(k2).isalpha() and self.raw(k2).islower() \
                    and self.key(k2) not in FUNCTION_WORDS and self.key(k2) not in VERBS \
                    and not self.key(k2).endswith(("ed", "s")) \
                    and not (k2 > k and self.titles.longest(self.toks, k2)[1]):  # nouns, not verbs: "Niger detained President X"
                k2 += 1  # stops at the title: "British trade commissioner James Cross"
            if k2 > k and k2 < self.n and self.titles.longest(self.toks, k2)[1]:
                k = k2
        role, seen_title = inst_role, False
        while k < self.n:
            if self.key(k) in TITLE_PREFIXES:
                former = former or self.key(k) in FORMER_WORDS
                k += 1
                continue
            tj, tvals = self.titles.longest(self.toks, k)
            if not tvals:
                break
            seen_title = True
            role = tvals[0] if tvals[0] and not inst_role else role
            k = tj
        if not seen_title:
            return None
        if former:
            role = "ELI"  # a former office-holder is no longer the government
        if mod is not None and self.raw(k) == "," and self.raw(k + 1)[:1].isupper():
            k += 1  # "the Rwandan prime minister, Agathe Uwilingiyimana"
        # the name: a dictionary person, or capitalised words
        pj, pval = self.atom(k)
        if isinstance(pval, Entry) and pval.kind == "person":
            actor = pval.actor(self.date)
            if mod is not None and mod.kind in ORGISH:
                # "RSF commander X": the title names a rank inside the group; the person acts for the group
                code = resolve_role(mod.roles, self.date)
                country, typ = split_code(code)
                return i, pj, Actor(actor.name, code, country, typ), pval, "dictionary"
            if role and actor.type != role:
                # the text's title says what the person is now ("Prime Minister X"): it beats a stale dictionary
                country = actor.country or (resolve_role(mod.roles, self.date)[:3] if mod and mod.kind in COUNTRYISH else None)
                if country:
                    actor = Actor(actor.name, country + role, country, role)
            return i, pj, actor, pval, "dictionary"
        name_end = self.name_tokens(k)
        if name_end == k or self.key(name_end - 1) in NOT_NAME_WORDS:
            return None
        # a capitalised run that is itself a country or organisation is not a person ("President of Russia")
        if isinstance(pval, Entry) and pval.kind in COUNTRYISH | ORGISH and pj >= name_end:
            return None
        name = self.text[self.toks.starts[k] : self.toks.ends[name_end - 1]]
        if mod is None and self.key(name_end) == "of":
            # "King Abdullah of Jordan", "President Mohamed Bazoum of Niger"
            oj, oval = self.atom(name_end + 1 + (self.key(name_end + 1) == "the"))
            if isinstance(oval, Entry) and oval.kind in COUNTRYISH | ORGISH:
                mod, name_end = oval, oj
        if mod is not None and mod.kind in ORGISH:
            code = resolve_role(mod.roles, self.date)
        else:
            country = resolve_role(mod.roles, self.date)[:3] if mod is not None else ""
            code = country + (role or "GOV" if country else role or "")
        entry = Entry(name, "person", (Role(code, None, None),))
        return i, name_end, entry.actor(self.date), entry, "title"

    def after_given_name(self, i: int) -> bool:
        """True if token i follows a capitalised word that is no lexicon entry, title or function word."""
        if i == 0:
            return False
        r, key = self.raw(i - 1), self.key(i - 1)
        if not (r[:1].isupper() and r.isalpha()) or key in FUNCTION_WORDS or key in LOCATIVE:
            return False
        if self.atom(i - 1)[1] is not None or self.titles.longest(self.toks, i - 1)[1] or key in CALENDAR_WORDS:
            return False
        return True

    def story_country(self) -> str | None:
        """The country the text last named (a country, demonym or capital, "in Zambia" included): what "the
        country's president" refers to."""
        for m in reversed(self.out):
            if m.kind in COUNTRYISH and m.country:
                return m.country
        return None

    def the_country_s(self, k: int) -> int | None:
        """Token index after "[the] country's" / "the nation's" at k, when the text named a country before."""
        k += self.key(k) == "the"
        if self.key(k) in ("country", "nation") and self.key(k + 1) == "'s" and k > 0 and self.key(k - 1) == "the":
            return k + 2
        return None

    def appositive_person(self, i: int) -> ActorMention | None:
        """NAME, [the] COUNTRY|DEMONYM ['s] TITLE: "Zalmai Rasul, Afghanistan's foreign minister, said";
        NAME, the country's TITLE: the country last named ("Hichilema, the country's president,")."""
        name_end = self.name_tokens(i)
        if name_end == i or self.raw(name_end) != "," or self.key(name_end - 1) in NOT_NAME_WORDS:
            return None
        if name_end - i < 2 and (self.key(i) in FUNCTION_WORDS or self.key(i) in CALENDAR_WORDS
                                 or self.key(i) in TITLE_PREFIXES or self.key(i).endswith("ly")):
            return None  # "Yesterday, the country's president", "Separately, ...": no name
        k = name_end + 1
        country, former = None, False
        after = self.the_country_s(k)
        if after is not None:
            country = self.story_country()
            if country is None:
                return None
            k, cval = after, None
        else:
            if self.key(k) in ("the", "a", "an"):
                k += 1
            while self.key(k) in TITLE_PREFIXES and self.raw(k).islower():
                former = former or self.key(k) in FORMER_WORDS
                k += 1  # "a senior Hamas official", "the former Afghan president"
            cj, cval = self.atom(k)
            if not (isinstance(cval, Entry) and cval.kind in COUNTRYISH | ORGISH):
                return None
            k = cj + (self.key(cj) == "'s")
        while self.key(k) in TITLE_PREFIXES:
            former = former or self.key(k) in FORMER_WORDS
            k += 1
        if k >= self.n:
            return None
        tj, tvals = self.titles.longest(self.toks, k)
        if not tvals:
            return None
        role = "ELI" if former else tvals[0]
        if cval is not None and cval.kind in ORGISH:
            code = resolve_role(cval.roles, self.date)
        else:
            code = (country or resolve_role(cval.roles, self.date)[:3]) + (role or "GOV")
        name = self.text[self.toks.starts[i] : self.toks.ends[name_end - 1]]
        # the span takes in the apposition, which names no other actor
        return self.mention(i, tj, name, code, "person", source="title")

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

    def coordinated_agent(self, i: int, end: int, val: Entry) -> ActorMention | None:
        """DEMONYM and|or|, [DEMONYM ,]... DEMONYM|ORG AGENT: the agent noun is shared ("Indian and Pakistani
        troops" -> Indian troops and Pakistani troops; "Afghan and NATO forces" -> Afghan forces)."""
        if val.kind != "demonym":
            return None
        k, hops = end, 0
        while hops < 3 and (self.key(k) in ("and", "or") or self.raw(k) == ","):
            k += 1 + (self.raw(k) == "," and self.key(k + 1) in ("and", "or"))
            nj, nval = self.atom(k)
            if not (isinstance(nval, Entry) and nval.kind in COUNTRYISH | ORGISH) or nj == k:
                return None
            aj, aval = self.agent_at(nj)
            if aval is not None:
                country = resolve_role(val.roles, self.date)[:3]
                return self.mention(i, end, agent_name(country, aval.type), country + aval.suffix, "agent",
                                    source="agent")
            k, hops = nj, hops + 1
        return None

    def with_apposition(self, m: ActorMention, j: int) -> tuple[ActorMention, int]:
        """A person followed by an apposition that describes them: ", the head of the special forces,", ", a senior
        Hamas official,", ", the country's army chief,". The span takes in the apposition (which names no other
        actor), and the person takes the country and role it gives when the title did not."""
        if self.raw(j) != "," or self.key(j + 1) not in ("the", "a", "an"):
            return m, j
        close = next((k for k in range(j + 2, min(self.n, j + 12)) if self.raw(k) in (",", ".", ";", ":", "(", ")")),
                     None)
        if close is None or self.raw(close) != ",":
            return m, j
        k = j + 2
        country, role, group, titled = None, None, None, False
        former = any(self.key(t) in FORMER_WORDS for t in range(j + 2, close))
        after = self.the_country_s(j + 1)
        if after is not None:
            country, k = self.story_country(), after
        while k < close:
            if self.key(k) in VERBS or self.key(k) in CLAUSE_WORDS or (
                    self.raw(k).islower() and self.key(k).endswith("ed") and self.key(k) != "red"):
                return m, j  # a clause, not a description: ", the army said,"
            tj, tvals = self.titles.longest(self.toks, k)
            if tvals:
                titled, role = True, role or tvals[0]
                k = tj
                continue
            aj, ag = self.agent_at(k)
            if ag is not None:
                titled, role = True, role or ag.type
                k = aj
                continue
            ej, ev = self.atom(k)
            if isinstance(ev, Entry) and ev.kind in ORGISH and group is None:
                group, k = ev, ej
                continue
            if isinstance(ev, Entry) and ev.kind in COUNTRYISH and country is None:
                country, k = resolve_role(ev.roles, self.date)[:3], ej
                continue
            k += 1
        if not titled:
            return m, j
        code = m.code
        role = "ELI" if former else role
        if m.country and role and m.type != role and len(m.code or "") == 6 and group is None and (
                country is None or country == m.country) and (
                m.source != "dictionary" or (role == "GOV" and m.type in ("ELI", "OPP"))):
            # the apposition says what the person is at the time ("X, the Afghan president,"): it beats a stale
            # dictionary role, as a title before the name does
            code = m.country + role
        elif group is not None and not m.country:
            code = resolve_role(group.roles, self.date)
        elif country and not m.country:
            code = country + (m.type or role or "GOV")
        elif not m.country and not m.type and role:
            code = role
        e = self.toks.ends[close - 1]
        c, t = split_code(code) if code else (None, None)
        return ActorMention(m.start, e, self.text[m.start:e], m.name, code, c, t, m.kind, m.head, m.locative,
                            m.source), close

    def possessed_title(self, i: int, end: int, k: int, val: Entry) -> ActorMention | None:
        """X's [one or two plain words] TITLE with no name after it: the office stands for X ("NATO's
        secretary-general" -> NATO, "the EU's foreign policy chief" -> the EU, "Iran's top negotiator" -> IRNGOV)."""
        t = k
        while t < min(self.n, k + 3) and not self.titles.longest(self.toks, t)[1]:
            if not (self.raw(t).isalpha() and self.raw(t).islower()) or self.key(t) in FUNCTION_WORDS \
                    or self.key(t) in VERBS:
                return None
            t += 1
        if t >= self.n:
            return None
        tj, tvals = self.titles.longest(self.toks, t)
        if not tvals or self.raw(tj)[:1].isupper() or self.key(t) in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."):
            return None  # a name follows (the titled-person pattern's job), or no title at all
        surface = self.text[self.toks.starts[i] : self.toks.ends[tj - 1]]
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
            suffix = "REB" + ag.suffix[3:] if ag.type == "MIL" else ag.suffix
            return self.mention(i - 1, aj, self.text[self.toks.starts[i - 1] : self.toks.ends[aj - 1]], suffix,
                                "agent", source="agent")
        if self.raw(end - 1).endswith("s"):
            return self.mention(i - 1, end, self.text[self.toks.starts[i - 1] : self.toks.ends[end - 1]], "CVL",
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
                    suffix = "REB" + aval.suffix[3:] if aval.type == "MIL" else aval.suffix
                    surface = self.text[self.toks.starts[i] : self.toks.ends[aj - 1]]
                    return self.mention(i, aj, surface, country + suffix, "agent", source="agent")
        aj, aval = self.agent_at(k)
        if aval is None and self.raw(k)[:1].islower() and self.raw(k).isalpha() and self.key(k) not in FUNCTION_WORDS \
                and self.key(k) not in VERBS and not self.key(k).endswith(("ed", "s")):
            aj, aval = self.agent_at(k + 1)  # one adjective between: "Ethiopian federal troops"
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
                suffix = "REB" + aval.suffix[3:] if aval.type == "MIL" else aval.suffix
                label = agent_name(None, suffix[:3])
                surface = self.text[self.toks.starts[i] : self.toks.ends[end - 1]]
                return self.mention(i, aj, f"{surface} {label}", country + suffix, "agent", source="agent")
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
        surface = self.text[self.toks.starts[i] : self.toks.ends[aj - 1]]
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
        if ag is None and self.raw(k)[:1].islower() and self.raw(k).isalpha() and self.key(k) not in FUNCTION_WORDS \
                and self.key(k) not in VERBS and not self.key(k).endswith("ed"):
            aj, ag = self.agent_at(k + 1)  # "pro-Russian armed separatists"
        if ag is None:
            return None
        surface = self.text[self.toks.starts[i - 2] : self.toks.ends[aj - 1]]
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
        noun = self.text[self.toks.starts[i] : self.toks.ends[end - 1]].lower()
        leader = actor.name.split()[-1] if actor.country != actor.code else actor.name
        return self.mention(i, pj, f"{leader} {noun}", actor.country + ag.suffix, "agent", source="agent")

    def inside_place(self, i: int, end: int, val: Entry) -> int | None:
        """End token of a gazetteer place name that contains the actor's words and lies in another state ("New
        Mexico", "New South Wales", "Tamil Nadu", "West Virginia"), or None. A place of the actor's own country
        ("the Gaza Strip", "Mexico City") leaves the actor alone."""
        from analytics.geo.gazetteer import _load

        gaz = _load().index
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
                noun = self.text[self.toks.starts[i] : self.toks.ends[end - 1]].lower()
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
        from analytics.geo.gazetteer import _load

        gaz = _load().index
        last = self.out[-1].end if self.out else -1
        for s0 in range(max(0, k - 3), k):
            if self.toks.starts[s0] < last or not self.raw(s0)[:1].isupper():
                continue
            j, vals = gaz.longest(self.toks, s0, k)
            places = [v for v in vals if v.kind in ("region", "city") and v.country] if j == k else []
            if places:
                country = places[0].country
                surface = self.text[self.toks.starts[s0] : self.toks.ends[end - 1]]
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
                    name = self.text[self.toks.starts[cj + 1] : self.toks.ends[name_end - 1]]
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
            return ActorMention(m.start, m.end, m.text, m.name, m.code, prev.country, m.type, m.kind, m.head,
                                m.locative, m.source)
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
                    return ActorMention(m.start, m.end, m.text, m.name, m.code, country, m.type, m.kind, m.head,
                                        m.locative, m.source)
            j += 1
        return m

    def is_modifier(self, j: int, names_too: bool = True, adjective: bool = False) -> bool:
        """True if the token after a mention (index j) makes it a modifier of a following noun: "Russian law",
        "Oslo peace accord", "militant camp". A verb after it ("Russia invaded", "Moscow began") does not.
        names_too: a capitalised word also counts as the noun. adjective: the mention is a demonym, so a
        following noun in -s ("Soviet allies") is still its head noun, not a verb."""
        if self.key(j) == "'s":
            return True
        r, key = self.raw(j), self.key(j)
        if not r or not r[:1].isalpha() or key in FUNCTION_WORDS or key in VERBS or key in POST_MODIFIERS:
            return False
        if r[:1].isupper():
            return names_too
        if adjective:
            return not key.endswith("ly")
        return not key.endswith(("ed", "s", "ly"))

    # -- main pass --------------------------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        self.out = out
        n, i = self.n, 0
        while i < n:
            end, val = self.atom(i)
            k = self.toks.keys[i]
            starts_title = k in TITLE_PREFIXES or self.deposed_prefix(i) or (self.titles.starts_with(k) and self.titles.longest(self.toks, i)[1])
            if starts_title or (isinstance(val, Entry) and val.kind in COUNTRYISH | ORGISH):
                tp = self.titled_person(i)
                if tp:
                    ti, tj, actor, _entry, src = tp
                    m, tj = self.with_apposition(self.mention(ti, tj, actor.name, actor.code, "person", source=src), tj)
                    out.append(m)
                    i = tj
                    continue
            if val is None:
                ap = self.appositive_person(i) if k[:1].isalpha() and self.raw(i)[:1].isupper() else None
                if ap is None and k in ("country", "nation"):
                    ap = self.country_s_agent(i)
                if ap is not None:
                    out.append(ap)
                    i = self._tok_end(ap, i)
                    continue
                i += 1
                continue
            if isinstance(val, Entry) and val.kind != "person":
                pj = self.inside_place(i, end, val)
                if pj is not None:
                    i = pj  # "New Mexico", "New South Wales", "Tamil Nadu", "West Virginia": a place of another state
                    continue
            if end == i + 1 and self.raw(i).isupper() and (
                self.key(i + 1) in CAPS_WORD_AFTER.get(k, ()) or (i > 0 and self.key(i - 1) in CAPS_WORD_BEFORE.get(k, ()))
            ):
                i += 1  # a word in a capitalised headline, not an acronym
                continue
            if isinstance(val, Entry) and val.kind == "capital" and self.after_given_name(i):
                i = end  # "George Washington", "Denzel Washington": a surname
                continue
            if (isinstance(val, Entry) and val.kind in ("country", "capital") and end == i + 1
                    and self.key(i) in GIVEN_NAMES and self.raw(end)[:1].isupper() and self.raw(end)[:1].isalpha()
                    and self.key(end) not in CALENDAR_WORDS
                    and not (isinstance(self.atom(end)[1], Entry) and self.atom(end)[1].kind != "person")):
                i = end  # a person's first name
                continue
            if isinstance(val, Agent) and i >= 2 and self.key(i - 1) == "-" and self.key(i - 2) in ("pro", "anti"):
                # "anti-government protesters": the protesters; "pro-government rallies": no actor
                m = self.partisan_agent(i, end)
                if m is None and end - i >= 2 and val.standalone:
                    # "pro-democracy activists": the agent phrase carries its own head noun
                    m = self.mention(i - 2, end, self.text[self.toks.starts[i - 2] : self.toks.ends[end - 1]],
                                     val.suffix, "agent", source="agent")
                if m is not None:
                    out.append(m)
                    i = self._tok_end(m, i)
                else:
                    i = end
                continue
            if isinstance(val, Agent):
                m = self.agent_loyal_to(i, end, val) or self.agent_of_country(i, end, val) \
                    or self.placed_agent(i, end, val)
                if m is None and val.standalone:
                    singular = not self.raw(end - 1).endswith("s")
                    # with no country, the noun itself names the actor best ("gunmen", "protesters")
                    noun = self.text[self.toks.starts[i] : self.toks.ends[end - 1]].lower()
                    m = self.mention(i, end, noun, val.suffix, "agent",
                                     head=not (singular and self.is_modifier(end, names_too=False)), source="agent")
                if m is None:
                    i = end
                    continue
                out.append(m)
                i = self._tok_end(m, i)
                continue
            if val.kind in COUNTRYISH | ORGISH | {"agent"}:
                m = self.sponsored_agent(i, end, val) or self.partisan_agent(i, end) \
                    or self.ethnic_people(i, end, val)
                if m:
                    out.append(m)
                    i = self._tok_end(m, i)
                    continue
                m = self.modified_agent(i, end, val) or self.coordinated_agent(i, end, val)
                if m:
                    out.append(m)
                    i = self._tok_end(m, i)
                    continue
            actor = val.actor(self.date)
            head = True
            if val.kind == "demonym":
                plural = self.raw(end - 1).endswith("s") and not self.raw(end - 1).endswith(("ss", "ese"))
                head = plural or not self.is_modifier(end, adjective=True)
            elif self.raw(end) == "-" and self.raw(end + 1)[:1].islower():
                head = False  # "U.S.-led", "Russia-backed"
            elif self.raw(end) == "-" and isinstance(self.atom(end + 1)[1], Entry) \
                    and self.atom(end + 1)[1].kind in COUNTRYISH | ORGISH \
                    and self.is_modifier(self.atom(end + 1)[0], names_too=False):
                head = False  # "the Israel-Hamas war", "US-China trade talks": both names modify the noun
            elif val.kind != "person":
                head = not self.is_modifier(end, names_too=False)
            if val.kind in ORGISH and self.key(end) in ORG_HEAD_NOUNS and self.raw(end)[:1].islower():
                end, head = end + 1, True  # "the Wagner group", "the Hamas movement": the name's own head noun
            m = self.mention(i, end, actor.name, actor.code, val.kind, head=head)
            if val.kind == "person":
                m, end = self.with_apposition(m, end)
            if val.kind in ORGISH and m.country is None and (m.code or "").startswith("IMG"):
                m = self.tie_to_country(m, i, end, out)
            out.append(m)
            i = end
        return self.corefer(self.coordinated_people(out))

    def coordinated_people(self, out: list[ActorMention]) -> list[ActorMention]:
        """A person whom only a bare title introduces, coordinated with a person of known country, is of that
        country ("State Counsellor Aung San Suu Kyi and President Win Myint": both MMR)."""
        for k in range(1, len(out)):
            a, b = out[k - 1], out[k]
            if b.kind == "person" and b.source == "title" and not b.country and a.kind == "person" and a.country \
                    and self.text[a.end:b.start].strip() in ("and", ",", ", and") and len(a.code or "") == 6:
                code = a.country + (b.type or "GOV")
                out[k] = ActorMention(b.start, b.end, b.text, b.name, code, a.country, code[3:6], b.kind, b.head,
                                      b.locative, b.source)
        return out

    def _tok_end(self, m: ActorMention, i: int) -> int:
        j = i
        while j < self.n and self.toks.starts[j] < m.end:
            j += 1
        return j

    def corefer(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """Resolve later (or earlier) short mentions of people introduced in this document."""
        people: dict[str, ActorMention] = {}
        for m in mentions:
            if m.kind == "person" and m.source in ("title", "dictionary"):
                words = [w for w in m.name.replace("-", " ").split() if w[:1].isupper()]
                if len(words) >= 2:
                    people.setdefault(words[-1].casefold(), m)
                    people.setdefault(m.name.casefold(), m)
        if not people:
            return mentions
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        out = []
        for m in mentions:
            short = m.text if " " not in m.text.strip() else (m.name if " " not in m.name else "")
            if m.kind == "person" and short and short.casefold() in people:
                # "Lavrov" alone, or "Mr. Valdivieso" whom only a title introduced
                ref = people[short.casefold()]
                if ref.name != m.name and (m.source != "title" or not m.code or m.code == ref.code):
                    m = ActorMention(m.start, m.end, m.text, ref.name, ref.code, ref.country, ref.type, "person",
                                     m.head, m.locative, "coreference")
            out.append(m)
        for idx, raw in enumerate(self.toks.raws):
            s = self.toks.starts[idx]
            if s in covered or not raw[:1].isupper():
                continue
            ref = people.get(raw.casefold())
            if ref is None or self.toks.ends[idx] == ref.end:
                continue
            nxt = self.raw(idx + 1)
            if nxt[:1].isupper() and nxt[:1].isalpha():
                continue  # part of another name
            e = self.toks.ends[idx]
            out.append(ActorMention(s, e, raw, ref.name, ref.code, ref.country, ref.type, "person", True,
                                    idx > 0 and self.key(idx - 1) in LOCATIVE, "coreference"))
        out.sort(key=lambda m: m.start)
        return out


def find_actors(text: str, date=None) -> list[ActorMention]:
    """Actor mentions of a document, left to right, non-overlapping, spans exact into `text`.

    date (ISO string, date or datetime; optional): chooses each person's role as it was then (Phoenix roles
    are dated); without it the latest role is used.

    >>> [(m.text, m.code) for m in find_actors("Russian troops left Kabul.")]
    [('Russian troops', 'RUSMIL'), ('Kabul', 'AFG')]
    """
    if not text or not isinstance(text, str):
        return []
    return _Doc(text, iso_date(date)).run()
