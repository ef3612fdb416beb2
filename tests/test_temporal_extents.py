"""The TIMEX3 extent rules written down in analytics/temporal/extents.py, one table row per rule: the sentence and
the extents the tagger must return for it, in reading order. The sentences are this file's own."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.temporal import tag
from analytics.temporal import extents

DCT = date(2021, 10, 20)

RULES = [
    # prepositions are SIGNALs, outside the timex
    ("The war ended in 1989 and talks began on Monday.", ["1989", "Monday"]),
    ("Prices have risen since 2001.", ["2001"]),
    # "before"/"after" followed by an event: SIGNALs; the phrase alone, or followed by a date, stays whole
    ("He was seen on Nov. 3, the day before police raided the house.", ["Nov. 3", "the day"]),
    ("The year after the coup, exports fell.", ["The year"]),
    ("He had arrived the day before.", ["the day before"]),
    ("She left the day before yesterday.", ["the day before yesterday"]),
    # "ago" and "earlier" after an amount make one date
    ("The plant closed two years ago.", ["two years ago"]),
    ("A year earlier, sales had fallen.", ["A year earlier"]),
    # determiners belong to the temporal noun phrase ...
    ("Sales fell over the past three years.", ["the past three years"]),
    ("Sales fell in the third quarter.", ["the third quarter"]),
    # ... but not when the year premodifies another noun
    ("The 1996 Olympic bombing shocked Atlanta.", ["1996"]),
    # premodifiers of the head are inside
    ("The rebels attacked early Friday and again in mid-2019.", ["early Friday", "mid-2019"]),
    ("Troops left earlier this week.", ["earlier this week"]),
    ("Talks will resume at the end of the month.", ["the end of the month"]),
    # quantity modifiers with a mod are inside; "about" and "over" stay out
    ("The siege lasted more than two years.", ["more than two years"]),
    ("The siege lasted at least a decade.", ["at least a decade"]),
    ("The siege lasted about two years.", ["two years"]),
    # "almost" is "nearly": inside, mod LESS_THAN (TIDES; TBAQ 3 of 5, our news and history sets 4 of 4)
    ("The siege lasted almost two years and the truce nearly a month.", ["almost two years", "nearly a month"]),
    # a part of day after a weekday is one TIME
    ("The attack came Wednesday night.", ["Wednesday night"]),
    # an appositive date is one expression
    ("The paper said in an editorial on Thursday, Jan. 6, that it disagreed.", ["Thursday, Jan. 6"]),
    # "last" after a modal or "to" is the verb: the amount alone is the timex
    ("Under the rules, the talks can last two years.", ["two years"]),
    ("The trial is expected to last several weeks.", ["several weeks"]),
    ("Sales fell over the last two years.", ["the last two years"]),
    # "a day after" an event is an offset, not a rate, even after a verb in -s
    ("The move comes a day after the bank raised rates; the plant makes 500 cars a day.", ["a day", "a day"]),
    # a lower-case time word capitalised beside a capitalised word, or quoted after a word, is part of a name
    ("He told USA Today on Monday that the Daily Telegraph was wrong.", ["Monday"]),
    ('The minister said on ABC\'s "This Week" that talks had failed.', []),
    ('She spoke on "This Week With Martha Raddatz" today.', ["today"]),
    # ... but a sentence-initial or quoted-speech time word is the time itself, and so is one in a Title-Case headline
    ("Israel Talks Resume Today", ["Today"]),
    ('Today, the army withdrew. "Tonight we rest," he said.', ["Today", "Tonight"]),
    # an adjectival amount is the timex; with a temporal head noun the noun phrase is
    ("The two-day rally ended.", ["two-day"]),
    ("The index fell 20% over a three-year period.", ["a three-year period"]),
    ("He served his one-year term.", ["one-year term"]),
    ("They waived the extra seven-day period.", ["seven-day"]),
    # a post-modifier naming a date completes it
    ("He left in the summer of 1941.", ["the summer of 1941"]),
    ("The year 2000 was a leap year.", ["The year 2000"]),
    ("Talks began in the first week of March.", ["the first week of March"]),
    # anaphoric "that time" is not tagged
    ("At that time, the army was weak.", []),
    # a generic present or future ("today's world", "the people of tomorrow") is no day; a specific one is
    ("In today's world, privacy is rare.", []),
    ("The offer ran in today's editions.", ["today"]),
    ("He would choose the people of tomorrow, he said.", []),
    ("Tomorrow's vote matters.", ["Tomorrow"]),
    # "noon" in a name or the idiom "high noon" is no clock time
    ("A poster of the film High Noon hung there.", []),
    ("For Poland, high noon comes today.", ["today"]),
    ("Officials said Tuesday noon was the deadline.", ["Tuesday", "noon"]),
    # dates inside names are not tagged
    ("The Good Friday Agreement was signed in 1998.", ["1998"]),
]


@pytest.mark.parametrize("text,expected", RULES)
def test_extent_rule(text, expected):
    found = tag(text, DCT)
    assert [t.text for t in found] == expected
    for t in found:
        assert text[t.start:t.end] == t.text


def test_appositive_day_before_restates_the_date():
    t = tag("On Oct. 12, the day before the crash, prices fell.", DCT)
    assert [(x.text, x.value) for x in t] == [("Oct. 12", "2021-10-12"), ("the day", "2021-10-12")]


def test_every_rule_names_its_guideline():
    # the module's table gives, for each construction, the extent and the guideline behind it
    rows = [line for line in extents.__doc__.splitlines() if line.startswith("| ") and not line.startswith("| Construction")]
    assert len(rows) >= 15
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 4 and cells[1] and cells[2], row
