"""Table tests for the classes added in issue 3's third round: open ranges, "earlier this week" and its kin, parts
of day, quarters and halves, fiscal years, vague durations. Each row is (sentence, extent, type, TIMEX3 value, mod,
precision, first_day, last_day, range), read against a publication date of Wednesday 2021-10-20 (ISO week 42)
unless the text gives the year. The sentences are this file's own, written for the rule each row checks."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.temporal import span_of, tag
from timex_cases import timex_at

DCT = date(2021, 10, 20)

OPEN_RANGES = [
    # since X with a present (perfect) verb: X up to the publication date; the date keeps its extent and value
    ('Prices have risen since 2001.', '2001', 'DATE', '2001', None, 'unknown', '2001-01-01', '2021-10-20', '2001/PRESENT_REF'),
    ('Since January, 300 people have died.', 'January', 'DATE', '2021-01', None, 'year', '2021-01-01', '2021-10-20', '2021-01/PRESENT_REF'),
    ('The ceasefire has held ever since March 3.', 'March 3', 'DATE', '2021-03-03', None, 'year', '2021-03-03', '2021-10-20', '2021-03-03/PRESENT_REF'),
    # ... after "had", the period ended at a point the sentence does not give: open, the year keeps its own days
    ('He had ruled since 1979 when he was ousted.', '1979', 'DATE', '1979', None, 'year', '1979-01-01', '1979-12-31', '1979/..'),
    # from X on / onwards / and beyond
    ('From 1979 on, the army held the valley.', '1979', 'DATE', '1979', None, 'unknown', '1979-01-01', '2021-10-20', '1979/PRESENT_REF'),
    ('The army has stayed from 2015 onwards.', '2015', 'DATE', '2015', None, 'decade', '2015-01-01', '2021-10-20', '2015/PRESENT_REF'),
    ('He has served from 2015 on the council.', '2015', 'DATE', '2015', None, 'year', '2015-01-01', '2015-12-31', None),
    ('Sales should grow in 2022 and beyond.', '2022 and beyond', 'DATE', '2022', 'ON_OR_AFTER', 'year', '2022-01-01', '2022-12-31',
     '2022/..'),
    ('From 2030 onwards, new cars must be electric.', '2030', 'DATE', '2030', None, 'year', '2030-01-01', '2030-12-31', '2030/..'),
    # until / till / through a date still to come: from the publication date to it
    ('The talks will continue until March.', 'March', 'DATE', '2022-03', None, 'year', '2021-10-20', '2022-03-31', 'PRESENT_REF/2022-03'),
    ('The curfew stays in force till Friday.', 'Friday', 'DATE', '2021-10-22', None, 'week', '2021-10-20', '2021-10-22', 'PRESENT_REF/2021-10-22'),
    ('The plan runs through 2025.', '2025', 'DATE', '2025', None, 'decade', '2021-10-20', '2025-12-31', 'PRESENT_REF/2025'),
    # an -ed adjective after a copula ("remain closed") does not make the clause past
    ('Banks will remain closed until Tuesday.', 'Tuesday', 'DATE', '2021-10-26', None, 'week', '2021-10-20', '2021-10-26', 'PRESENT_REF/2021-10-26'),
    # ... negated or deferred, the event happens at the date: no range
    ('The vote was postponed until next week.', 'next week', 'DATE', '2021-W43', None, 'week', '2021-10-25', '2021-10-31', None),
    ('He will not be freed until March.', 'March', 'DATE', '2022-03', None, 'month', '2022-03-01', '2022-03-31', None),
    ("The report won't be published until next year.", 'next year', 'DATE', '2022', None, 'year', '2022-01-01', '2022-12-31', None),
    # ... in the past: open at the start, the date keeps its own days
    ('The troops stayed until March 2003.', 'March 2003', 'DATE', '2003-03', None, 'month', '2003-03-01', '2003-03-31', '../2003-03'),
    ('The siege lasted through the winter of 1941-42.', 'the winter of 1941-42', 'DATE', '1941-WI', None, 'season', '1941-12-01', '1942-02-28', None),
    # by a date still to come: a deadline, from the publication date to it
    ('He will decide by the end of the year.', 'the end of the year', 'DATE', '2021', 'END', 'quarter', '2021-10-20', '2021-12-31', 'PRESENT_REF/2021'),
    ('Troops must leave by December 1.', 'December 1', 'DATE', '2021-12-01', None, 'quarter', '2021-10-20', '2021-12-01', 'PRESENT_REF/2021-12-01'),
    # ... a past "by" is the state at that date: no range
    ('By 1990, the company had collapsed.', '1990', 'DATE', '1990', None, 'year', '1990-01-01', '1990-12-31', None),
    # a closed range stays closed
    ('The regime ruled from 1979 to 1989.', '1979', 'DATE', '1979', None, 'unknown', '1979-01-01', '1989-12-31', '1979/1989'),
]

RELATIVE_PARTS = [
    # modifiers are inside the extent and set mod (TimeML: premodifiers of the temporal head)
    ('Troops met earlier this week.', 'earlier this week', 'DATE', '2021-W42', 'START', 'week', '2021-10-18', '2021-10-24', None),
    ('The vote is later this month.', 'later this month', 'DATE', '2021-10', 'END', 'month', '2021-10-01', '2021-10-31', None),
    ('Earlier this year, the rebels took the town.', 'Earlier this year', 'DATE', '2021', 'START', 'year', '2021-01-01', '2021-12-31', None),
    ('The minister resigned early Tuesday.', 'early Tuesday', 'DATE', '2021-10-19', 'START', 'day', '2021-10-19', '2021-10-19', None),
    # a part of a day is a TIME with the day's date (TimeML's TIME class)
    ('The attack happened Wednesday night.', 'Wednesday night', 'TIME', '2021-10-20TNI', None, 'day', '2021-10-20', '2021-10-20', None),
    ('Shelling resumed on Monday morning.', 'Monday morning', 'TIME', '2021-10-18TMO', None, 'day', '2021-10-18', '2021-10-18', None),
    ('Talks will resume Friday afternoon.', 'Friday afternoon', 'TIME', '2021-10-22TAF', None, 'day', '2021-10-22', '2021-10-22', None),
]

QUARTERS = [
    ('Revenue fell in the first half of 2019.', 'the first half of 2019', 'DATE', '2019-H1', None, 'quarter', '2019-01-01', '2019-06-30', None),
    ('Sales fell in the latter half of the year.', 'the latter half of the year', 'DATE', '2021-H2', None, 'quarter', '2021-07-01', '2021-12-31', None),
    ('Growth slowed in the latter half of the 1990s.', 'the latter half of the 1990s', 'DATE', '199', 'END', 'decade', '1990-01-01', '1999-12-31', None),
    ('Profit rose in H1 2020.', 'H1 2020', 'DATE', '2020-H1', None, 'quarter', '2020-01-01', '2020-06-30', None),
    ('Sales rose in 1H19.', '1H19', 'DATE', '2019-H1', None, 'quarter', '2019-01-01', '2019-06-30', None),
    ('Sales fell in 3Q 2020.', '3Q 2020', 'DATE', '2020-Q3', None, 'quarter', '2020-07-01', '2020-09-30', None),
    ('Results for the June quarter were weak.', 'the June quarter', 'DATE', '2021-Q2', None, 'quarter', '2021-04-01', '2021-06-30', None),
    ('Results for the December quarter will be weak.', 'the December quarter', 'DATE', '2021-Q4', None, 'quarter', '2021-10-01', '2021-12-31', None),
    ('The company will report Q4 results.', 'Q4', 'DATE', '2021-Q4', None, 'quarter', '2021-10-01', '2021-12-31', None),
    ('First-half profit rose 5%.', 'First-half', 'DATE', '2021-H1', None, 'quarter', '2021-01-01', '2021-06-30', None),
    # fiscal years: TimeBank writes the year's value
    ('Sales rose in fiscal 2020.', 'fiscal 2020', 'DATE', '2020', None, 'year', '2020-01-01', '2020-12-31', None),
    ('Sales rose in fiscal year 2019.', 'fiscal year 2019', 'DATE', '2019', None, 'year', '2019-01-01', '2019-12-31', None),
    ('The target for FY2022 was cut.', 'FY2022', 'DATE', '2022', None, 'year', '2022-01-01', '2022-12-31', None),
    ('Sales rose in the 2019 fiscal year.', 'the 2019 fiscal year', 'DATE', '2019', None, 'year', '2019-01-01', '2019-12-31', None),
]

VAGUE = [
    # a vague count keeps its X value; looking back or ahead from the publication date it reaches at most its widest
    # usual reading (few: 5, several: 7) from there
    ('Prices rose over the past few years.', 'the past few years', 'DURATION', 'PXY', None, 'decade', '2016-10-21', '2021-10-20', None),
    ('Violence has grown in the last several months.', 'the last several months', 'DURATION', 'PXM', None, 'year', '2021-03-21', '2021-10-20', None),
    ('A deal is expected in the next few days.', 'the next few days', 'DURATION', 'PXD', None, 'week', '2021-10-21', '2021-10-25', None),
    ('He was jailed for a few days.', 'a few days', 'DURATION', 'PXD', None, 'unknown', None, None, None),
    ('They waited several hours.', 'several hours', 'DURATION', 'PTXH', None, 'unknown', None, None, None),
    ('It will take a couple of weeks.', 'a couple of weeks', 'DURATION', 'P2W', None, 'unknown', None, None, None),
    ('He has served for many years.', 'many years', 'DURATION', 'PXY', None, 'unknown', None, None, None),
    ('The war lasted several decades.', 'several decades', 'DURATION', 'PXY', None, 'unknown', None, None, None),
    ('Attacks rose in recent months.', 'recent months', 'DURATION', 'PXM', None, 'unknown', None, None, None),
    ('The coming months will be hard.', 'The coming months', 'DURATION', 'PXM', None, 'year', '2021-10-21', '2022-03-20', None),
    # spelled hundreds and thousands are amounts, not the year 2000
    ('The shrine is more than two thousand years older.', 'more than two thousand years', 'DURATION', 'P2000Y', 'MORE_THAN', 'unknown', None, None, None),
    ('The march took two hundred days.', 'two hundred days', 'DURATION', 'P200D', None, 'unknown', None, None, None),
    # "in two years" measures a gap back from the event, not the event's own length: no anchoring
    ('The talks, the first in two years, ended on Tuesday.', 'two years', 'DURATION', 'P2Y', None, 'unknown', None, None, None),
    ('The caves were painted twenty-one thousand years ago.', 'twenty-one thousand years ago', 'DATE', 'BC18980', None, 'year', None, None, None),
    # before the Common Era: a BC year with no interval (it was clamped to the year 1 and placed there)
    ('The cave was painted 5,000 years ago.', '5,000 years ago', 'DATE', 'BC2980', None, 'year', None, None, None),
    ('The temple was built 2,500 years ago.', '2,500 years ago', 'DATE', 'BC0480', None, 'year', None, None, None),
    # an anchored amount counted in finer steps is exact
    ('Sales rose in the fiscal year ending in March 2021.', 'the fiscal year', 'DURATION', 'P1Y', None, 'month', '2020-04-01', '2021-03-31', None),
    ('Inflation rose 2.8 percent in the year to February.', 'the year', 'DURATION', 'P1Y', None, 'month', '2020-03-01', '2021-02-28', None),
    ('Sales rose in the three months to December.', 'the three months', 'DURATION', 'P3M', None, 'month', '2020-10-01', '2020-12-31', None),
    ('The 12-day strike ended on Friday.', '12-day', 'DURATION', 'P12D', None, 'day', '2021-10-04', '2021-10-15', None),
]


NARRATIVE = [
    # a season after a year or a month told in the story: the first to begin after all of it
    ('Napoleon was exiled in 1814. The following spring, he escaped.', 'The following spring', 'DATE', '1815-SP', None, 'season', '1815-03-01', '1815-05-31', None),
    ('The crops failed in 1846. The previous winter had been mild.', 'The previous winter', 'DATE', '1845-WI', None, 'season', '1845-12-01', '1846-02-28', None),
    # nights are counted as days (this raised a KeyError inside tag() before)
    ('He arrived on 3 March 1990. Three nights later, he left.', 'Three nights later', 'TIME', '1990-03-06TNI', None, 'day', '1990-03-06', '1990-03-06', None),
    ('The two-night stay ended on Friday.', 'two-night', 'DURATION', 'P2D', None, 'day', '2021-10-14', '2021-10-15', None),
    ('The Wall fell on 9 November 1989. Two years later, the Union collapsed.', 'Two years later', 'DATE', '1991', None, 'year', '1991-01-01', '1991-12-31', None),
]


def _row(text, extent):
    return timex_at(text, DCT, extent)


def _days(t):
    return (t.first_day.isoformat() if t.first_day else None, t.last_day.isoformat() if t.last_day else None)


@pytest.mark.parametrize("text,extent,typ,value,mod,precision,first,last,rng",
                         OPEN_RANGES + RELATIVE_PARTS + QUARTERS + VAGUE + NARRATIVE)
def test_class(text, extent, typ, value, mod, precision, first, last, rng):
    t = _row(text, extent)
    assert (t.type, t.value, t.mod, t.precision, t.range) == (typ, value, mod, precision, rng)
    assert _days(t) == (first, last)


def test_open_range_places_an_event_across_the_period():
    # the event coder reads span_of(): "since 2001" dates an ongoing state from 2001 to publication
    t = _row("Fighting has continued since 2001.", "2001")
    assert span_of(t) == (date(2001, 1, 1), DCT)


def test_open_ranges_need_a_publication_date_to_close():
    t = tag("Prices have risen since 2001.", None)[0]
    assert (t.value, t.range, t.first_day, t.last_day) == ("2001", "2001/..", date(2001, 1, 1), date(2001, 12, 31))


@pytest.mark.parametrize("text,dct", [
    # found by fuzzing: weekday ranges at the calendar's end and counted nights must not raise
    ("from Friday through Sunday", date(9999, 12, 31)),
    ("The two-night stay ended on Friday.", date(1, 1, 1)),
])
def test_calendar_edges_do_not_raise(text, dct):
    for t in tag(text, dct):
        assert text[t.start:t.end] == t.text

