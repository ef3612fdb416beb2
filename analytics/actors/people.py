"""The finder's rules for people (a mixin of finder._Doc): names, titles before them ("Russian Foreign Minister
Sergei Lavrov"), appositions after them ("X, the Afghan president,"), former office-holders, "the country's
president" and people coordinated with a person of known country."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from analytics.actors.lexicon import Actor, Entry, Role, resolve_role, split_code
from analytics.actors.words import (
    COUNTRYISH,
    TITLE_COUNTRIES,
    TITLE_PREFIXES,
    FUNCTION_WORDS,
    VERBS,
    LOCATIVE,
    NOT_NAME_WORDS,
    NAME_PARTICLES,
    CALENDAR_WORDS,
    FORMER_WORDS,
    CLAUSE_WORDS,
    ORGISH,
    NAMED,
)

# heads of a description that are no titles of their own but introduce a name after a comma ("the Catalan leader, X,")
APPOSED_HEADS = {"leader", "chief", "head"}
DETERMINERS = {"the", "its", "his", "her", "their"}

if TYPE_CHECKING:
    from analytics.actors.finder import ActorMention


class PersonRules:
    """Person patterns; `self` is the finder's _Doc (tokens, lexicon atoms, mentions so far)."""

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
                if p + 1 < n and self.raw(p) == "-" and self.raw(p + 1)[:1].isupper():
                    p += 1  # "Nimr al-Nimr", "Abdel Fattah el-Sisi": a particle joined by a hyphen
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
        if isinstance(val, Entry) and val.kind in NAMED:
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
        while mod is not None and k < self.n and self.raw(k).islower() and self.key(k) in FORMER_WORDS:
            former, k = True, k + 1     # "Romania's ousted leader Nicolae Ceausescu"
        inst_role = None
        if mod is not None and mod.kind in COUNTRYISH and k < self.n and self.key(k) not in TITLE_PREFIXES \
                and not self.titles.longest(self.toks, k)[1]:
            aj, ag = self.agent_at(k)
            if ag is not None and (self.titles.starts_with(self.key(aj)) or self.key(aj) in TITLE_PREFIXES):
                inst_role, k = ag.type, aj  # "Chinese Foreign Ministry spokesman Zhao Lijian"
        if mod is not None and inst_role is None and k < self.n and not self.titles.longest(self.toks, k)[1]:
            # up to two plain words between the modifier and the title: "EU foreign policy chief Josep Borrell"
            k2 = k
            while k2 < min(self.n, k + 2) and self.plain_word(k2, ("ed", "s")) \
                    and not (k2 > k and self.titles.longest(self.toks, k2)[1]):  # nouns, not verbs: "Niger detained President X"
                k2 += 1  # stops at the title: "British trade commissioner James Cross"
            if k2 > k and k2 < self.n and self.titles.longest(self.toks, k2)[1]:
                k = k2
        role, seen_title, office = inst_role, False, None
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
            office = TITLE_COUNTRIES.get(self.phrase(k, tj).lower(), office)
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
            if actor.country is None and office and mod is None:
                actor = Actor(actor.name, office + (actor.type or role or ""), office, actor.type or role)
            return i, pj, actor, pval, "dictionary"
        name_end = self.name_tokens(k)
        if name_end == k or self.key(name_end - 1) in NOT_NAME_WORDS:
            return None
        # a capitalised run that is itself a country or organisation is not a person ("President of Russia")
        if isinstance(pval, Entry) and pval.kind in NAMED and pj >= name_end:
            return None
        name = self.phrase(k, name_end)
        if mod is None and self.key(name_end) == "of":
            # "King Abdullah of Jordan", "President Mohamed Bazoum of Niger"
            oj, oval = self.atom(name_end + 1 + (self.key(name_end + 1) == "the"))
            if isinstance(oval, Entry) and oval.kind in NAMED:
                mod, name_end = oval, oj
        if mod is not None and mod.kind in ORGISH:
            code = resolve_role(mod.roles, self.date)
        else:
            country = resolve_role(mod.roles, self.date)[:3] if mod is not None else (office or "")
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

    def named_surname(self, s0: int, j: int) -> bool:
        """True if tokens s0..j-1 were used earlier in the document as a person's surname: after a capitalised
        word that is no lexicon entry, title or function word ("Generalissimo Rafael Trujillo ... Trujillo's
        government" is the man's, not Peru's city), or as the last word of a person found before."""
        keys = self.toks.keys[s0:j]
        width = j - s0
        if any(m.kind == "person" and m.name.split()[-1].casefold() == " ".join(keys) for m in self.out):
            return True
        for t in range(1, s0):
            if self.toks.keys[t:t + width] == keys and self.after_given_name(t):
                return True
        return False

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
            if not (isinstance(cval, Entry) and cval.kind in NAMED):
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
        name = self.phrase(i, name_end)
        # the span takes in the apposition, which names no other actor
        return self.mention(i, tj, name, code, "person", source="title")

    def described_person(self, i: int) -> ActorMention | None:
        """NAME, a|an|the ... TITLE|AGENT ..., for a name no lexicon or title introduces: "Joseph Tamba, a rebel
        commander,", "Amal Haddad, the opposition leader,". The person takes the role (and the country or group)
        the apposition gives; a later "Tamba" is the same person (corefer)."""
        name_end = self.name_tokens(i)
        if name_end - i < 2 or self.raw(name_end) != "," or self.key(name_end + 1) not in ("a", "an", "the"):
            return None
        for t in range(i, name_end):
            key = self.key(t)
            if key in FUNCTION_WORDS or key in CALENDAR_WORDS or key in TITLE_PREFIXES or key in NOT_NAME_WORDS \
                    or self.atom(t)[1] is not None or self.titles.longest(self.toks, t)[1]:
                return None     # "Monday, the army said", a country or title inside: no unknown name
        bare = self.mention(i, name_end, self.phrase(i, name_end), None, "person", source="title")
        m, _ = self.with_apposition(bare, name_end)
        return None if m is bare else m

    def apposed_title_person(self, i: int) -> ActorMention | None:
        """the [MODIFIER] TITLE, NAME, for a name no lexicon introduces: "demanded that the Catalan leader, Carles
        Puigdemont, say", "the army commander, Major-General X,". The span runs from the title to the name (so no
        comma splits it from the verb that governs it); the role is the title's, the country a country or demonym
        right before the title."""
        tj, roles = self.titles.longest(self.toks, i)
        role = roles[0] if roles else None
        if not roles:
            if self.key(i) not in APPOSED_HEADS:
                return None
            tj = i + 1
        country = owner = None
        if self.key(tj) == "of":
            # "the leader of al-Qaeda in the Islamic Maghreb, Abdelmalek Droukdel,": the title's organisation or state
            p = tj + 1 + (self.key(tj + 1) == "the")
            end, val = self.atom(p)
            if not (isinstance(val, Entry) and val.kind in NAMED):
                return None
            actor = val.actor(self.date)
            if val.kind in COUNTRYISH:
                country = actor.country
            else:
                owner = actor.code
            tj = end
        if self.raw(tj) != "," or i < 1:
            return None
        k = i - 1
        if self.key(k) in DETERMINERS:
            pass
        elif country is None and isinstance(self.atom(k)[1], Entry) and self.atom(k)[1].kind in COUNTRYISH:
            country = self.atom(k)[1].actor(self.date).country
            k -= 1
        elif self.raw(k)[:1].isupper() or self.plain_word(k):
            k -= 1      # "the Catalan leader", "the rebel leader": one modifier
        if k < 0 or self.key(k) not in DETERMINERS:
            return None
        name_end = self.name_tokens(tj + 1)
        if name_end - (tj + 1) < 2 or self.raw(name_end) not in (",", ".", ";"):
            return None
        for t in range(tj + 1, name_end):
            key = self.key(t)
            if key in FUNCTION_WORDS or key in CALENDAR_WORDS or key in TITLE_PREFIXES or key in NOT_NAME_WORDS \
                    or self.atom(t)[1] is not None or self.titles.longest(self.toks, t)[1]:
                return None
        code = owner or (country or "") + (role or "")
        return self.mention(i, name_end, self.phrase(tj + 1, name_end), code, "person", source="title")

    def aged_person(self, i: int) -> ActorMention | None:
        """N-year-old NAME, for a name no lexicon or title introduces ("detained 22-year-old Mahsa Amini"): an age
        before a name of two or more capitalised words makes it a person (country from the coder's story)."""
        if i < 5 or [self.key(t) for t in range(i - 4, i)] != ["-", "year", "-", "old"] or not self.raw(i - 5).isdigit():
            return None
        name_end = self.name_tokens(i)
        if name_end - i < 2:
            return None
        for t in range(i, name_end):
            key = self.key(t)
            if key in FUNCTION_WORDS or key in CALENDAR_WORDS or key in TITLE_PREFIXES or key in NOT_NAME_WORDS \
                    or self.atom(t)[1] is not None or self.titles.longest(self.toks, t)[1]:
                return None
        return self.mention(i, name_end, self.phrase(i, name_end), None, "person", source="title")

    def with_apposition(self, m: ActorMention, j: int) -> tuple[ActorMention, int]:
        """A person followed by an apposition that describes them: ", the head of the special forces,", ", a senior
        Hamas official,", ", the country's army chief,". The span takes in the apposition (which names no other
        actor), and the person takes the country and role it gives when the title did not."""
        if self.raw(j) != "," or self.key(j + 1) not in ("the", "a", "an"):
            return m, j
        close = next((k for k in range(j + 2, min(self.n, j + 12)) if self.raw(k) in (",", ".", ";", ":", "(", ")")),
                     None)
        if close is None or self.raw(close) not in (",", "."):
            return m, j     # (", a former soldier." ends the sentence: an apposition too)
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
        return replace(m, end=e, text=self.text[m.start:e], code=code, country=c, type=t), close

    def coordinated_people(self, out: list[ActorMention]) -> list[ActorMention]:
        """A person whom only a bare title introduces, coordinated with a person of known country, is of that
        country ("State Counsellor Aung San Suu Kyi and President Win Myint": both MMR)."""
        for k in range(1, len(out)):
            a, b = out[k - 1], out[k]
            if b.kind == "person" and b.source == "title" and not b.country and a.kind == "person" and a.country \
                    and self.text[a.end:b.start].strip() in ("and", ",", ", and") and len(a.code or "") == 6:
                code = a.country + (b.type or "GOV")
                out[k] = replace(b, code=code, country=a.country, type=code[3:6])
        return out
