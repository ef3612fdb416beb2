"""Find actor mentions in a document: countries, demonyms, capitals, organisations, groups, people, agents.

One left-to-right pass over the tokens with the phrase index (longest match), composing a few patterns:
  - [country|group|IGO] ['s] TITLE... NAME  -> a person ("Russian Foreign Minister Sergei Lavrov");
  - [country|demonym] ['s] AGENT            -> a state agent ("Russian troops" -> RUSMIL);
  - AGENT of [the] COUNTRY                  -> a state agent ("the government of Afghanistan" -> AFGGOV);
  - [group|IGO] AGENT                       -> the group itself ("Taliban fighters" -> Taliban);
  - NAME, a|the ... TITLE|AGENT ...,        -> a person the lexicons lack ("Joseph Tamba, a rebel commander,");
  - [the] NAME (movement|party|front|...)   -> a body the lexicons lack ("the FLNKS independence movement"), and
    AGENT (group|movement|...) NAME          ("the militant group Gamaa Islamiya"), role from actor_rules.yaml;
  - COUNTRY's ousted|former TITLE NAME      -> a former office-holder ("Romania's ousted leader N. Ceausescu").
A title-case agent word followed by a name is part of the name ("his brother Ngo Dinh Nhu" is no NGO).
A second pass resolves later short mentions ("Lavrov", "Tamba") to the people introduced in the document.

The patterns live by job: people.py (names, titles, appositions), agents.py (agent nouns and whom they serve),
words.py (the word lists from analytics/lexicons/actor_rules.yaml); this module holds the pass that composes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from analytics.actors.lexicon import Actor, Agent, Entry, load_lexicon, split_code
from analytics.geo.countries import norm_key

# direction words that open a country's name and may share it with the next one ("East and West Germany")
COMPASS = {"east", "west", "north", "south"}
from analytics.actors.agents import AgentRules
from analytics.actors.people import APPOSED_HEADS, PersonRules
from analytics.actors.words import (
    FORMER_WORDS,
    PLACE_IDIOM_NOUNS,
    PLACE_IDIOM_PREPS,
    TITLE_PREFIXES,
    FUNCTION_WORDS,
    VERBS,
    LOCATIVE,
    CALENDAR_WORDS,
    GIVEN_NAMES,
    CAPS_WORD_AFTER,
    CAPS_WORD_BEFORE,
    POST_MODIFIERS,
    ORG_HEAD_NOUNS,
    ORGISH,
    SHIP_PREFIXES,
    NAMED,
    title_index,
)
from analytics.geo.phrases import Tokens, tokenize

_NAMED_OR_AGENT = NAMED | {"agent"}
# agent nouns that also name a condition, which they do without an article after these prepositions
STATE_NOUNS = {"exile"}
# The words (keys) that can open a mention without a lexicon entry of their own, when written in lower case:
# any other lower-case word without an entry, and not starting a title, opens none (run's fast path).
_LOWER_OPENERS = frozenset(TITLE_PREFIXES) | frozenset(FORMER_WORDS) | APPOSED_HEADS | COMPASS \
    | {"country", "nation"} | {w.casefold() for w in SHIP_PREFIXES}


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


class _Doc(PersonRules, AgentRules):
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

    def plain_word(self, k: int, not_ending: tuple[str, ...] = ()) -> bool:
        """Token k is a lower-case word, no function word or verb (nor ending in `not_ending`): an adjective or a
        noun inside a phrase ("Ethiopian federal troops", "British trade commissioner X")."""
        r, key = self.raw(k), self.key(k)
        return r.isalpha() and r.islower() and key not in FUNCTION_WORDS and key not in VERBS \
            and not key.endswith(not_ending)

    def phrase(self, i: int, j: int) -> str:
        """The text of tokens i..j-1, as written."""
        return self.text[self.toks.starts[i] : self.toks.ends[j - 1]]

    def mention(self, i, j, name, code, kind, head=True, source="dictionary") -> ActorMention:
        s, e = self.span(i, j)
        code = code or None
        country, typ = split_code(code) if code else (None, None)
        loc = i > 0 and self.key(i - 1) in LOCATIVE or (i > 1 and self.key(i - 1) == "the" and self.key(i - 2) in LOCATIVE)
        return ActorMention(s, e, self.text[s:e], name, code, country, typ, kind, head, loc, source)

    # -- patterns ---------------------------------------------------------------------------------------
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

    def elliptic_country(self, i: int) -> ActorMention | None:
        """"East and West Germany", "North and South Korea": the first direction word shares the second's country
        name, and is a country of its own ("East Germany") when the lexicon knows one."""
        end, val = self.atom(i + 2)
        if not (isinstance(val, Entry) and val.kind in ("country", "former_state")) or end < i + 4:
            return None
        name = self.raw(i) + " " + self.phrase(i + 3, end)
        entry = next((e for e in self.lex.by_key.get(norm_key(name), []) if e.kind in ("country", "former_state")), None)
        if entry is None:
            return None
        actor = entry.actor(self.date)
        return self.mention(i, i + 1, actor.name, actor.code, entry.kind)

    def ship(self, i: int) -> ActorMention | None:
        """"the destroyer USS Cole", "HMS Sheffield": a navy's ship is that state's military (SHIP_PREFIXES)."""
        end = self.name_tokens(i + 1)
        if end == i + 1:
            return None
        return self.mention(i, end, self.phrase(i, end), SHIP_PREFIXES[self.raw(i)], "agent", source="agent")

    # -- main pass --------------------------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        self.out = out
        n, i = self.n, 0
        raws, keys = self.toks.raws, self.toks.keys
        while i < n:
            end, val = self.atom(i)
            k = keys[i]
            if val is None and not raws[i][:1].isupper() and k not in _LOWER_OPENERS \
                    and not self.titles.starts_with(k):
                i += 1      # (the common case, decided as the tests below would decide it)
                continue
            starts_title = k in TITLE_PREFIXES or self.deposed_prefix(i) or (self.titles.starts_with(k) and self.titles.longest(self.toks, i)[1])
            if (starts_title or k in APPOSED_HEADS) and self.raw(i).islower():
                ap = self.apposed_title_person(i)
                if ap is not None:
                    out.append(ap)
                    i = self._tok_end(ap, i)
                    continue
            if starts_title or (isinstance(val, Entry) and val.kind in NAMED):
                tp = self.titled_person(i)
                if tp:
                    ti, tj, actor, _entry, src = tp
                    m, tj = self.with_apposition(self.mention(ti, tj, actor.name, actor.code, "person", source=src), tj)
                    out.append(m)
                    i = tj
                    continue
            if k in COMPASS and isinstance(val, Entry) and val.kind in ("igo", "group") and end == i + 1 \
                    and isinstance(self.atom(i + 1)[1], Entry) and self.atom(i + 1)[1].kind in ("capital", "country"):
                i += 1      # "East and West Berlin": a direction word before a city's name is part of it, not the West
                continue
            if k in COMPASS and self.key(i + 1) == "and" and self.key(i + 2) in COMPASS:
                m = self.elliptic_country(i)
                if m is not None:
                    out.append(m)
                    i += 1
                    continue
            if self.raw(i) in SHIP_PREFIXES and self.raw(i + 1)[:1].isupper():
                m = self.ship(i)
                if m is not None:
                    out.append(m)
                    i = self._tok_end(m, i)
                    continue
            if val is None:
                ap = self.appositive_person(i) if k[:1].isalpha() and self.raw(i)[:1].isupper() else None
                if ap is None and k in ("country", "nation"):
                    ap = self.country_s_agent(i)
                if ap is None and self.raw(i)[:1].isupper() and self.raw(i).isalpha():
                    ap = self.described_person(i) or self.aged_person(i) or self.named_body(i)
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
                (self.key(i + 1) in CAPS_WORD_AFTER.get(k, ()) and self.raw(i + 1).isupper())
                or (i > 0 and self.key(i - 1) in CAPS_WORD_BEFORE.get(k, ()) and self.raw(i - 1).isupper())
            ):  # (only in capitals: "LET US", but "the withdrawal of US troops")
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
            if isinstance(val, Agent) and end == i + 1 and self.raw(i)[:1].isupper() and not self.raw(i).isupper() \
                    and self.raw(i + 1)[:1].isupper() and self.raw(i + 1).isalpha() and self.key(i + 1) not in CALENDAR_WORDS \
                    and self.atom(i + 1)[1] is None and not self.titles.longest(self.toks, i + 1)[1] \
                    and not (i == 0 or self.raw(i - 1) in (".", '"', ":")) and self.key(i - 1) not in ("the", "a", "an"):
                i += 1  # "his brother Ngo Dinh Nhu": a capitalised agent word inside a name ("NGO" is written so)
                continue
            if isinstance(val, Agent) and i >= 2 and self.key(i - 1) == "-" and self.key(i - 2) in ("pro", "anti"):
                # "anti-government protesters": the protesters; "pro-government rallies": no actor
                m = self.partisan_agent(i, end)
                if m is None and end - i >= 2 and val.standalone:
                    # "pro-democracy activists": the agent phrase carries its own head noun
                    m = self.mention(i - 2, end, self.phrase(i - 2, end),
                                     val.suffix, "agent", source="agent")
                if m is not None:
                    out.append(m)
                    i = self._tok_end(m, i)
                else:
                    i = end
                continue
            if isinstance(val, Agent) and end == i + 1 and self.key(i) in STATE_NOUNS and i > 0 \
                    and self.key(i - 1) in ("of", "from", "in", "into"):
                i = end  # "three years of exile in the United States", "returned from exile": a state, no person
                continue
            if isinstance(val, Agent):
                m = self.agent_named_body(i, end, val) or self.agent_loyal_to(i, end, val) \
                    or self.agent_of_country(i, end, val) or self.placed_agent(i, end, val)
                if m is None and val.standalone and not (self.phrase(i, end).lower() in PLACE_IDIOM_NOUNS and i > 0
                                                           and self.key(i - 1) in PLACE_IDIOM_PREPS):
                    singular = not self.raw(end - 1).endswith("s")
                    # with no country, the noun itself names the actor best ("gunmen", "protesters")
                    noun = self.phrase(i, end).lower()
                    m = self.mention(i, end, noun, val.suffix, "agent",
                                     head=not (singular and self.is_modifier(end, names_too=False)), source="agent")
                if m is None:
                    i = end
                    continue
                out.append(m)
                i = self._tok_end(m, i)
                continue
            if val.kind in _NAMED_OR_AGENT:
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
            if val.kind in ORGISH:
                m = self.longer_name(i, end, val)
                if m is not None:
                    out.append(m)
                    i = end
                    continue
            actor = val.actor(self.date)
            head = True
            if val.kind == "demonym":
                plural = self.raw(end - 1).endswith("s") and not self.raw(end - 1).endswith(("ss", "ese"))
                head = plural or not self.is_modifier(end, adjective=True)
            elif self.raw(end) == "-" and self.raw(end + 1)[:1].islower():
                head = False  # "U.S.-led", "Russia-backed"
            elif self.raw(end) == "-" and isinstance(self.atom(end + 1)[1], Entry) \
                    and self.atom(end + 1)[1].kind in NAMED \
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

    def longer_name(self, i: int, end: int, val: Entry) -> ActorMention | None:
        """An organisation's name that ends a longer capitalised name is that other body ("the Ethiopian People's
        Revolutionary Democratic Front" is no Iraqi "Democratic Front"): the whole name, of the country a
        demonym or country opening it names, with the role the shorter name has."""
        s0 = i
        # (title-case words only: in an all-capitals headline, "RUSSIA WARNS UN" is no name)
        while s0 > 0 and (self.raw(s0 - 1)[:1].isupper() and self.raw(s0 - 1).isalpha()
                          and not self.raw(s0 - 1).isupper() and self.key(s0 - 1) not in FUNCTION_WORDS and self.key(s0 - 1) not in CALENDAR_WORDS
                          or self.key(s0 - 1) == "'s" and s0 > 1 and self.raw(s0 - 2)[:1].isupper()):
            s0 -= 1
        if s0 == i or not (self.key(i - 1) == "'s" or self.atom(i - 1)[1] is None) or self.raw(end) == "-":
            return None
        if not any(self.atom(t)[1] is None and self.key(t) != "'s" for t in range(s0, i)):
            return None     # "Libya's UN-recognised government": a possessive, no longer name
        opener = self.atom(s0)[1]
        opens_state = isinstance(opener, Entry) and opener.kind in ("country", "demonym") and self.atom(s0)[0] < i
        if not (opens_state or (s0 > 0 and self.key(s0 - 1) == "the")):
            return None     # a sentence's first word before the name, not part of it
        if any(self.titles.longest(self.toks, t)[1] for t in range(s0, i)):
            return None
        while self.out and self.out[-1].start >= self.toks.starts[s0]:
            self.out.pop()  # the demonym (or any mention) opening the name is part of it
        country = split_code(opener.actor(self.date).code)[0] if opens_state else None
        role = split_code(val.actor(self.date).code)[1] or ""
        return self.mention(s0, end, self.phrase(s0, end), (country or "") + role, "agent", source="agent")

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
                    m = replace(m, name=ref.name, code=ref.code, country=ref.country, type=ref.type, kind="person",
                                source="coreference")
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
