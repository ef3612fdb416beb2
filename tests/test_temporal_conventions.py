"""Table tests for issue 3's fifth round: TIMEX3 conventions on which TBAQ's two halves agree (a part of a decade or
century is that decade with a mod, US Election Day, ...). Each row is (sentence, extent, type, TIMEX3 value, mod,
first_day, last_day), read against a publication date of Wednesday 2021-10-20 unless the text gives the year. The
sentences are this file's own, written for the rule each row checks."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.temporal import tag
from timex_cases import timex_at

DCT = date(2021, 10, 20)

ROWS = [
    # "the first half of the 1990s": the decade or century is the timex, the part of it its mod (not the DCT year's H1)
    ("Growth slowed in the first half of the 1990s.", "the first half of the 1990s", "DATE", "199", "START",
     "1990-01-01", "1999-12-31"),
    ("Prices were flat through the last half of the '80s.", "the last half of the '80s", "DATE", "198", "END",
     "1980-01-01", "1989-12-31"),
    ("Cities grew in the second half of the 20th century.", "the second half of the 20th century", "DATE", "19", "END",
     "1900-01-01", "1999-12-31"),
    ("Railways spread in the last quarter of the nineteenth century.", "the last quarter of the nineteenth century", "DATE",
     "18", "END", "1800-01-01", "1899-12-31"),
    # ... while a half or quarter of a year keeps its own value
    ("Output rose in the first half of 2020.", "the first half of 2020", "DATE", "2020-H1", None, "2020-01-01", "2020-06-30"),
    ("Output will rise in the second half.", "the second half", "DATE", "2021-H2", None, "2021-07-01", "2021-12-31"),
    # "around" before a possessive date belongs to the noun phrase ("get around Friday's ruling"), not the date
    ("Lawyers tried to get around Monday's ruling by the court.", "Monday", "DATE", "2021-10-18", None,
     "2021-10-18", "2021-10-18"),
    ("The fighting eased around Monday.", "around Monday", "DATE", "2021-10-18", "APPROX", "2021-10-18", "2021-10-18"),
    # ... while "the long term" and "the near future" stay FUTURE_REF
    ("The plan is sound in the long term.", "the long term", "DATE", "FUTURE_REF", None, None, None),
    # after a future auxiliary, an -ed word later in the clause is a participle on a noun, not a past verb
    ("The airline will almost double its flights between Sydney and Delhi by August in search of markets untouched by "
     "the slump.", "August", "DATE",
     "2022-08", None, "2021-10-20", "2022-08-31"),
    ("The airline expanded its routes in August.", "August", "DATE", "2021-08", None, "2021-08-01", "2021-08-31"),
    # a present modal ("can", "might", "should", "must") points ahead, as "will" does
    ("With the deal done, the two states can take part in the summit in April.", "April", "DATE", "2022-04", None,
     "2022-04-01", "2022-04-30"),
    ("Talks should resume on Monday.", "Monday", "DATE", "2021-10-25", None, "2021-10-25", "2021-10-25"),
    ("The court may have erred in March.", "March", "DATE", "2021-03", None, "2021-03-01", "2021-03-31"),
    # a verb after "that" belongs to the complement clause, not to the date before it
    ("The minister told reporters on Monday that talks will resume.", "Monday", "DATE", "2021-10-18", None,
     "2021-10-18", "2021-10-18"),
    ("The minister told reporters on Monday that talks might resume.", "Monday", "DATE", "2021-10-18", None,
     "2021-10-18", "2021-10-18"),
    # a weekday with a month and day takes the year near the story's date in which they agree: in a history that is
    # the story's year, not one near the DCT (2021-09-08 is a Wednesday too)
    ("Allied troops landed in southern Italy on Sept. 3, 1943. On Wednesday, Sept. 8, the armistice was announced.",
     "Wednesday, Sept. 8", "DATE", "1943-09-08", None, "1943-09-08", "1943-09-08"),
    ("Talks will resume on Friday, Oct. 22, officials said.", "Friday, Oct. 22", "DATE", "2021-10-22", None,
     "2021-10-22", "2021-10-22"),
    # a length given in several units is one DURATION, its units stepping down (weeks become days beside days)
    ("The convoy reached the border two hours and 40 minutes after it set off.", "two hours and 40 minutes",
     "DURATION", "PT2H40M", None, None, None),
    ("He was jailed for three years and four months.", "three years and four months", "DURATION", "P3Y4M", None,
     None, None),
    ("The strike lasted two weeks and three days.", "two weeks and three days", "DURATION", "P17D", None, None, None),
    ("The talks took one day and six hours.", "one day and six hours", "DURATION", "P1DT6H", None, None, None),
    ("She waited 10 days and then left.", "10 days", "DURATION", "P10D", None, None, None),
    # a counted century is written in years, as a counted decade is ("more than a century": P100Y, not P1CE)
    ("The population went on falling for more than a century.", "more than a century", "DURATION", "P100Y",
     "MORE_THAN", None, None),
    # ... while a price or a count per unit of time stays a SET
    ("The permit costs $40 a year.", "a year", "SET", "P1Y", None, None, None),
    ("Trains leave twice per hour.", "twice per hour", "SET", "PT1H", None, None, None),
    # "the night of the 14th": the day number in the month in focus, a TIME with its part of day; in a history told in
    # order a day number below the story's day is in the next month
    ("The assembly met on 17 June 1789, and three days later the deputies swore an oath. On the night of the 14th, "
     "the crowd rose.", "the night of the 14th", "TIME", "1789-07-14TNI", None, "1789-07-14", "1789-07-14"),
    ("The army crossed the river on May 2, 1809. On the morning of the 5th, it reached the city.",
     "the morning of the 5th", "TIME", "1809-05-05TMO", None, "1809-05-05", "1809-05-05"),
    # ... while a "soon" still ahead stays FUTURE_REF, also after the modal "may" (lower case: the month is no cue)
    ("Troops will soon withdraw from the valley.", "soon", "DATE", "FUTURE_REF", None, None, None),
    ("Prosecutors have told him that they may soon seek an indictment.", "soon", "DATE", "FUTURE_REF", None, None, None),
    ("The court may rule on Monday.", "Monday", "DATE", "2021-10-25", None, "2021-10-25", "2021-10-25"),
    ("In May the court ruled.", "May", "DATE", "2021-05", None, "2021-05-01", "2021-05-31"),
    # "two nights later": that night, a TIME, counted from the story's day
    ("On Aug. 2, 1964, boats attacked the destroyer. Two nights later, a second attack was reported.",
     "Two nights later", "TIME", "1964-08-04TNI", None, "1964-08-04", "1964-08-04"),
    # a vague count of quarters is time, not a fraction ("three-quarters of its food" stays untagged)
    ("The airline returned to profit after several quarters of losses.", "several quarters", "DURATION", "PXQ", None,
     None, None),
    # "the decade": the decade the story is in (the DCT's in news)
    ("In May 1961 the president set a goal of a landing before the decade was out.", "the decade", "DATE", "196", None,
     "1960-01-01", "1969-12-31"),
    ("Rents have doubled over the decade, the report said.", "the decade", "DATE", "202", None, "2020-01-01",
     "2029-12-31"),
    # "1994 or later", "2022 and beyond": the postmodifier inside, TIMEX3's ON_OR_AFTER / ON_OR_BEFORE
    ("The firm will not turn a profit until 2024 or later.", "2024 or later", "DATE", "2024", "ON_OR_AFTER",
     "2024-01-01", "2024-12-31"),
    ("The vote could come in March or earlier, officials said.", "March or earlier", "DATE", "2021-03", "ON_OR_BEFORE",
     "2021-03-01", "2021-03-31"),
    # ... but "and later" opening the next clause is its adverb: no modifier, no open range
    ("He left the party in 1990 and later moved to Paris.", "1990", "DATE", "1990", None, "1990-01-01", "1990-12-31"),
    # "weeks or months", "recent weeks and months": one vague stretch with the first unit's value ("or": APPROX)
    ("The hostage was probably killed within weeks or months of his capture.", "weeks or months", "DURATION", "PXW",
     "APPROX", None, None),
    ("Many investors in recent weeks and months have sold their bonds.", "recent weeks and months", "DURATION", "PXW",
     None, None, None),
    # "could last months": "last" is the verb, the plural the amount (was the DATE "last months", PAST_REF)
    ("Officials warned that the siege could last months.", "months", "DURATION", "PXM", None, None, None),
    # US Election Day: the Tuesday after the first Monday of November (2020-11-03, 2021-11-02)
    ("Voters went to the polls on Election Day.", "Election Day", "DATE", "2020-11-03", None, "2020-11-03", "2020-11-03"),
    ("The race will be decided on Election Day.", "Election Day", "DATE", "2021-11-02", None, "2021-11-02", "2021-11-02"),
]


@pytest.mark.parametrize("text,absent", [
    ("Sanctions will hurt the regime in the long run.", "the long run"),  # an idiom ("eventually"), not a time
    ("He served two years and two years more.", "two years and two years"),  # the same unit twice: two amounts
    ("The storm hit with winds of 155 miles per hour.", "per hour"),  # a speed, not a recurring time
    ("The storm hit with winds of 155 miles an hour.", "an hour"),
    ("The processor handles 15 million instructions per second.", "per second"),
    ("The board declared a quarterly cash dividend of 12 cents.", "quarterly"),  # the dividend's kind, as below
    ("The board raised its quarterly dividend.", "quarterly"),
    ("The country imports about three-quarters of its food.", "three-quarters"),
    ("The prisoner was soon released.", "soon"),
    ("The Year of the Dragon began with fireworks.", "The Year"),  # a name with "Year" in it
    ("1960 became known as the Year of Africa.", "the Year"),  # a past "soon": shortly after the story's time, no FUTURE_REF
    ("Barbed wire went up first, and concrete blocks soon followed.", "soon"),
])
def test_not_a_timex(text, absent):
    assert absent not in [t.text for t in tag(text, DCT)]


@pytest.mark.parametrize("text,extent,typ,value,mod,first,last", ROWS)
def test_convention(text, extent, typ, value, mod, first, last):
    t = timex_at(text, DCT, extent)
    got = (t.type, t.value, t.mod, t.first_day and t.first_day.isoformat(), t.last_day and t.last_day.isoformat())
    assert got == (typ, value, mod, first, last)
