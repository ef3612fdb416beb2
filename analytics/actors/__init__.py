"""Actors: who does what to whom. Finds actor mentions in text and normalises dataset actors to the same nodes.

    from analytics.actors import find_actors, canonical_actor, ActorMention, Actor

Rules (also in analytics/lexicons/SOURCES.md):

- Canonical actors. A country is one actor whatever it is called (name, official name, demonym, capital
  metonym, ISO/CAMEO code, GDELT's "RUSSIA", ICEWS's "Russian Federation"): Actor("Russia", "RUS", "RUS", None).
  Former states keep their ISO 3166-3 codes (Soviet Union SUN, Yugoslavia YUG, Czechoslovakia CSK, East
  Germany DDR). State agents are the country plus a CAMEO role ("Russian troops" -> RUSMIL).
- Non-state actors' country. A non-state group's country is the country where it operates (Taliban AFG,
  Hamas PSE, al-Shabaab SOM, Houthis YEM, PKK TUR), even when it is also active across a border. A
  transnational group (Islamic State, al-Qaeda, AQIM) has no country (code IMG..., country None) unless
  the text ties it to one: a country or demonym right before it ("Afghan Islamic State fighters"), or
  "in/of/from [the] [adjectives] COUNTRY" later in the same clause ("militants based in northern
  Afghanistan"); a dataset ties it with a country in parentheses ("Islamic State (Syria)"). Its code stays
  IMG...; only `country` is set. Regional branches are separate actors with their country (ISIS-K AFG,
  AQAP YEM, ISWAP NGA). The lexicon never guesses a country.
- Dated roles. Phoenix gives people dated roles ([AFGGOV 050101-060531]). With a date (the event's, else the
  article's), the role that covers it wins; with no covering role, the undated default role; otherwise the
  role closest before it. Without a date, the current (open-ended) role, else the default, else the last
  one. A head of government is GOV while in office and ELI (elite) or OPP after, as Phoenix codes them.
  A person out of office after a dated term, for whom the dictionary gives no role for the after, is an elite
  of the country (ELI), no longer its government ("Rishi Sunak" in 2025: GBRELI).
- People introduced with a title ("Russian Foreign Minister Sergei Lavrov", "Afghan President X Y") are
  actors even when no dictionary knows them: country from the modifier, role from the title. Later short
  mentions ("Lavrov") in the same document resolve to the same actor. An apposition that describes a person
  (", the head of the special forces,", ", a senior Hamas official,", ", the Afghan president,") is part of the
  person's span and gives the country and role the title left open; its title beats a stale dictionary role.
  "Former", "late" and, before a title, "ousted"/"deposed" make the person ELI.
- Backers and leaders. A force X leads is X's own: CAMEO coders code a multinational force by its leading
  state, as GDELT codes "the US-led coalition" USA (so "the Saudi-led coalition" -> SAUMIL, "NATO-led forces" ->
  NATO). A force X backs, arms, funds or sponsors is not X ("Iranian-backed militias", "US-backed forces"): the
  agent gets no country from X; the coder takes it from the story (where the force fights). "pro-/anti-X" forces
  are not X's either ("pro-Russian separatists" are separatists, not RUS). A named group after the link keeps its
  own code ("US-backed Syrian Democratic Forces" -> SDF). "Forces loyal to X" are X's side (his country's
  forces, or his group); "militants linked to al-Qaeda" are that group.
- Generic agents ("riot police", "the junta", "the rebels", "protesters", "the coast guard") are CAMEO roles
  without a country; the country comes only from the text: a modifier (country, demonym, capital, possessive,
  "Libya's"), a place the gazetteer knows ("Darfur rebels" SDN, "Helmand police" AFG, "the Lagos state
  government" NGA), a person whose side they are on ("Khalifa Haftar's fighters"), "the country's" (the country
  the text last named), or the coder's discourse rules. A people tied to one state fights as that state's rebels
  ("Tigrayan forces" ETHREB, "Iraqi Kurdish forces" IRQREB). Coordinated demonyms share the noun ("Indian and
  Pakistani troops" -> INDMIL, PAKMIL). Regions acting together take CAMEO's regional codes, no country
  ("Western diplomats" WST, "Gulf states" PGS).
- Places and actors. A capital or country after a locative preposition ("in Kabul") is a place (`locative`);
  as a subject or object ("Kabul said", "accused Kyiv") it is the country's government. Breakaway regions
  that act as parties ("South Ossetia", "Transnistria") are separatist actors of the state they belong to under
  international law (GEOSEP, MDASEP).
"""

from analytics.actors.canonical import canonical_actor
from analytics.actors.finder import ActorMention, find_actors
from analytics.actors.lexicon import Actor, agent_name, resolve_role, split_code

__all__ = ["Actor", "ActorMention", "agent_name", "canonical_actor", "find_actors", "resolve_role", "split_code"]
