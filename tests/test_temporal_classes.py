"""Table tests for the expression classes of news and history text (issue 3): each row is
(sentence, expected extent, type, TIMEX3 value, mod, precision, first_day, last_day), all read against a
publication date of Wednesday 2021-10-20 (ISO week 42) unless the text itself gives the year."""

from __future__ import annotations

from datetime import date

import pytest

from timex_cases import checked, timex_at

DCT = date(2021, 10, 20)

CLASSES = [
    ('Prices rose over the past decade.', 'the past decade', 'DATE', '201', None, 'decade', '2010-01-01', '2019-12-31'),
    ('Growth slowed in mid-2019.', 'mid-2019', 'DATE', '2019', 'MID', 'year', '2019-01-01', '2019-12-31'),
    ('The company said late last year that it would sell.', 'late last year', 'DATE', '2020', 'END', 'year', '2020-01-01', '2020-12-31'),
    ('Earlier this month, the president spoke.', 'Earlier this month', 'DATE', '2021-10', 'START', 'month', '2021-10-01', '2021-10-31'),
    ('He had arrived the previous day.', 'the previous day', 'DATE', '2021-10-19', None, 'day', '2021-10-19', '2021-10-19'),
    ('The vote is due on the 25th.', 'the 25th', 'DATE', '2021-10-25', None, 'day', '2021-10-25', '2021-10-25'),
    ('The conflict lasted two decades.', 'two decades', 'DURATION', 'P20Y', None, 'unknown', None, None),
    ('Violence has risen in recent weeks.', 'recent weeks', 'DURATION', 'PXW', None, 'unknown', None, None),
    # a deadline: the plant closes between the publication date and the end of the year (an open range, ranges.py)
    ('The plant will close by the end of the year.', 'the end of the year', 'DATE', '2021', 'END', 'quarter', '2021-10-20', '2021-12-31'),
    ('Talks broke down on Monday night.', 'Monday night', 'TIME', '2021-10-18TNI', None, 'day', '2021-10-18', '2021-10-18'),
    ('A year earlier, sales had fallen.', 'A year earlier', 'DATE', '2020', None, 'year', '2020-01-01', '2020-12-31'),
    ('Inflation was high in the 1990s.', 'the 1990s', 'DATE', '199', None, 'decade', '1990-01-01', '1999-12-31'),
    ('Profits rose in fiscal 1998.', 'fiscal 1998', 'DATE', '1998', None, 'year', '1998-01-01', '1998-12-31'),
    ('Sales fell in the third quarter.', 'the third quarter', 'DATE', '2021-Q3', None, 'quarter', '2021-07-01', '2021-09-30'),
    ('The meeting was held on 3/15/2013.', '3/15/2013', 'DATE', '2013-03-15', None, 'day', '2013-03-15', '2013-03-15'),
    ('The meeting was held on 2013/03/15.', '2013/03/15', 'DATE', '2013-03-15', None, 'day', '2013-03-15', '2013-03-15'),
    ('The meeting was held on 15.03.2013.', '15.03.2013', 'DATE', '2013-03-15', None, 'day', '2013-03-15', '2013-03-15'),
    ('The ceasefire will take effect at 6 a.m. Friday.', '6 a.m. Friday', 'TIME', '2021-10-22T06:00', None, 'day', '2021-10-22', '2021-10-22'),
    ('It happened at 10:30 a.m. EST.', '10:30 a.m. EST', 'TIME', '2021-10-20T10:30', None, 'day', '2021-10-20', '2021-10-20'),
    ('It happened at 1430 GMT on Friday.', '1430 GMT', 'TIME', '2021-10-15T14:30', None, 'day', '2021-10-15', '2021-10-15'),
    ('The strike has lasted more than two years.', 'more than two years', 'DURATION', 'P2Y', 'MORE_THAN', 'unknown', None, None),
    ('He was jailed for nearly six months.', 'nearly six months', 'DURATION', 'P6M', 'LESS_THAN', 'unknown', None, None),
    ('Some 20 years ago, the war began.', 'Some 20 years ago', 'DATE', '2001', 'APPROX', 'year', '2001-01-01', '2001-12-31'),
    ('The board meets every Monday.', 'every Monday', 'SET', 'XXXX-WXX-1', None, 'unknown', None, None),
    ('The report is published annually.', 'annually', 'SET', 'P1Y', None, 'unknown', None, None),
    ('They meet once a month.', 'once a month', 'SET', 'P1M', None, 'unknown', None, None),
    ('The festival is held every two years.', 'every two years', 'SET', 'P2Y', None, 'unknown', None, None),
    ('In recent years, growth has slowed.', 'recent years', 'DATE', 'PAST_REF', None, 'unknown', None, None),
    ('Prices will rise in the coming months.', 'the coming months', 'DURATION', 'PXM', None, 'year', '2021-10-21', '2022-03-20'),
    ('He died on March 5 at 58.', 'March 5', 'DATE', '2021-03-05', None, 'day', '2021-03-05', '2021-03-05'),
    ('Kopp was killed on Oct. 23 by a sniper.', 'Oct. 23', 'DATE', '2020-10-23', None, 'day', '2020-10-23', '2020-10-23'),
    ('Earlier in the week, the minister resigned.', 'the week', 'DATE', '2021-W42', None, 'week', '2021-10-18', '2021-10-24'),
    ('He spoke on Tuesday. Later in the day, he left.', 'the day', 'DATE', '2021-10-19', None, 'day', '2021-10-19', '2021-10-19'),
    ('He served as mayor from 2001-2005.', '2005', 'DATE', '2005', None, 'decade', '2001-01-01', '2005-12-31'),
    ('The Titanic sank on the night of 14-15 April 1912.', '14', 'DATE', '1912-04-14', None, 'week', '1912-04-14', '1912-04-15'),
    ('The Titanic sank on the night of 14-15 April 1912.', '15 April 1912', 'DATE', '1912-04-15', None, 'week', '1912-04-14', '1912-04-15'),
    ('The summit met on 24 and 25 April 2019.', '24', 'DATE', '2019-04-24', None, 'day', '2019-04-24', '2019-04-24'),
    ('The treaty was signed in June 1919 and took effect the next January.', 'the next January', 'DATE', '1920-01', None, 'month', '1920-01-01', '1920-01-31'),
    ('The ship sank on 15 April 1912. The same year, a law passed. The next day, crowds gathered.', 'The next day', 'DATE', '1912-04-16', None, 'day', '1912-04-16', '1912-04-16'),
    ('The ship sank on 15 April 1912. The same year, a law passed. The next day, crowds gathered.', 'The same year', 'DATE', '1912', None, 'year', '1912-01-01', '1912-12-31'),
    ('The doctor was shot on Oct. 23, 1998. His car was seen in the weeks before the shooting.', 'weeks', 'DATE', '1998-10', None, 'month', '1998-10-01', '1998-10-31'),
    ('Hours later, the rebels fled.', 'Hours', 'DURATION', 'PTXH', None, 'unknown', None, None),
    # "by" a date still to come is a deadline: the vote falls between the publication date and the 25th
    ('The vote is due by the 25th.', 'the 25th', 'DATE', '2021-10-25', None, 'week', '2021-10-20', '2021-10-25'),
    ('It is the second day of an offensive by the army.', 'the second day', 'DATE', '2021-10-20', None, 'day', '2021-10-20', '2021-10-20'),
]


@pytest.mark.parametrize("text,extent,typ,value,mod,precision,first,last", CLASSES)
def test_expression_class(text, extent, typ, value, mod, precision, first, last):
    t = timex_at(text, DCT, extent)
    assert (t.type, t.value, t.mod, t.precision) == (typ, value, mod, precision)
    assert (t.first_day.isoformat() if t.first_day else None, t.last_day.isoformat() if t.last_day else None) == (first, last)


@pytest.mark.parametrize("text,extents", [
    # "the same year" does not replace the day it was worked out from
    ("The ship sank on 15 April 1912. The same year, a law passed. Three days later, crowds gathered.",
     ["15 April 1912", "The same year", "Three days later"]),
    ("He served as mayor from 2001-2005.", ["2001", "2005"]),
    ("The Titanic sank on the night of 14-15 April 1912.", ["14", "15 April 1912"]),
    ("The shop closed between 2 and 4 p.m.", ["2", "4 p.m."]),
    ("The attack came in the early hours of Sunday morning.", ["Sunday morning"]),
    ("Profit rose, compared with a year-earlier loss.", ["year-earlier"]),  # not "a year", a duration
    ("The first day of March was cold.", ["The first day of March"]),
    ("He was shot to death last Oct. 23 at his home.", ["Oct. 23"]),  # not the month "last Oct."
    ("April Ryan asked a question in April.", ["April"]),  # the first April is a name
    ("The 18th-century church burned in the 1990s.", ["18th-century", "the 1990s"]),
    ("They came for the two day rally and stayed the four days.", ["two day", "the four days"]),
])
def test_extents(text, extents):
    assert [t.text for t in checked(text, DCT)] == extents


def test_narrative_day_survives_a_coarser_mention():
    found = checked("The ship sank on 15 April 1912. The same year, a law passed. Three days later, crowds gathered.", DCT)
    assert found[-1].value == "1912-04-18"


@pytest.mark.parametrize("text,value", [
    ("He died on March 5.", "2021-03-05"),          # "died": a short past form the -ed test misses
    ("Kopp was killed on Oct. 23.", "2020-10-23"),  # a past verb right before a date days after the DCT
    ("The deadline was extended to Nov. 20.", "2021-11-20"),  # a deadline verb two words back does not decide
    ("Talks will resume on Oct. 23.", "2021-10-23"),
    ("He was shot to death last Oct. 23 at his home.", "2020-10-23"),  # "last" + a written day: the one before
    ("NATO has decided to admit Poland in early March.", "2022-03"),
    ("The two sides agreed to the deal on Monday.", "2021-10-18"),  # a weekday is the decision's own day  # a decision's infinitive points ahead (not 'vowed to', whose day is usually the vow's)
])
def test_near_dates_follow_the_verb_next_to_them(text, value):
    assert [t.value for t in checked(text, DCT)] == [value]


@pytest.mark.parametrize("text,values", [
    ("The polls open at 8 p.m. on March 3.", ["2022-03-03T20:00", "2022-03-03"]),
    ("The shop closed between 2 and 4 p.m.", ["2021-10-20T14:00", "2021-10-20T16:00"]),
    ("The festival runs from Friday through Sunday.", ["2021-10-22", "2021-10-24"]),  # a range runs forward
    ("The results are due out in mid-to-late March.", ["2022-03"]),
    ("The talks ended at 2:15 p.m. Tuesday.", ["2021-10-19T14:15"]),
])
def test_clock_times_take_their_day(text, values):
    assert [t.value for t in checked(text, DCT)] == values
