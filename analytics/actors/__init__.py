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
- People introduced with a title ("Russian Foreign Minister Sergei Lavrov", "Afghan President X Y") are
  actors even when no dictionary knows them: country from the modifier, role from the title. Later short
  mentions ("Lavrov") in the same document resolve to the same actor.
"""

from analytics.actors.canonical import canonical_actor
from analytics.actors.finder import ActorMention, find_actors
from analytics.actors.lexicon import Actor, agent_name, resolve_role, split_code

__all__ = ["Actor", "ActorMention", "agent_name", "canonical_actor", "find_actors", "resolve_role", "split_code"]
