"""Table tests for ranges, amount ranges, holidays and clock times with zones (issue 3, round 2). Each row is
(sentence, extent, type, TIMEX3 value, mod, precision, first_day, last_day, range), read against a publication
date of Wednesday 2021-10-20 unless the text gives the year. A range of dates keeps TimeML's extents (each end
is a timex with its own value) and both ends carry the whole range as their interval."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.temporal import tag
from analytics.temporal.calendars import feasts, islamic_to_date, orthodox_easter
from timex_cases import timex_at

DCT = date(2021, 10, 20)

ROWS = [
    # ranges of years and days
    ('He fought in the war of 1914-18.', '1914', 'DATE', '1914', None, 'decade', '1914-01-01', '1918-12-31', '1914/1918'),
    ('He fought in the war of 1914-18.', '18', 'DATE', '1918', None, 'decade', '1914-01-01', '1918-12-31', '1914/1918'),
    ('The 1939-45 war changed Europe.', '45', 'DATE', '1945', None, 'decade', '1939-01-01', '1945-12-31', '1939/1945'),
    ('The 1999-2001 boom ended.', '2001', 'DATE', '2001', None, 'decade', '1999-01-01', '2001-12-31', '1999/2001'),
    ('He served in the 1914-1918 war.', '1914', 'DATE', '1914', None, 'decade', '1914-01-01', '1918-12-31', '1914/1918'),
    ('The Soviets occupied Afghanistan from 1979 to 1989.', '1979', 'DATE', '1979', None, 'unknown', '1979-01-01', '1989-12-31', '1979/1989'),
    ('The Soviets occupied Afghanistan from 1979 to 1989.', '1989', 'DATE', '1989', None, 'unknown', '1979-01-01', '1989-12-31', '1979/1989'),
    ('Output grew between 2001 and 2005.', '2001', 'DATE', '2001', None, 'decade', '2001-01-01', '2005-12-31', '2001/2005'),
    ('He won in 1985 and 1987.', '1987', 'DATE', '1987', None, 'year', '1987-01-01', '1987-12-31', None),
    ('The summit runs March 3-5.', 'March 3', 'DATE', '2022-03-03', None, 'week', '2022-03-03', '2022-03-05', '2022-03-03/2022-03-05'),
    ('The summit runs March 3-5.', '5', 'DATE', '2022-03-05', None, 'week', '2022-03-03', '2022-03-05', '2022-03-03/2022-03-05'),
    ('The summit ran from 3 to 5 March.', '3', 'DATE', '2021-03-03', None, 'week', '2021-03-03', '2021-03-05', '2021-03-03/2021-03-05'),
    ('The summit ran from 3 to 5 March.', '5 March', 'DATE', '2021-03-05', None, 'week', '2021-03-03', '2021-03-05', '2021-03-03/2021-03-05'),
    ('The talks ran from Friday through Sunday.', 'Sunday', 'DATE', '2021-10-17', None, 'week', '2021-10-15', '2021-10-17', '2021-10-15/2021-10-17'),
    ('Exports fell from January to June 2020.', 'January', 'DATE', '2020-01', None, 'year', '2020-01-01', '2020-06-30', '2020-01/2020-06'),
    ('Talks ran from December 28 to January 3, 2020.', 'December 28', 'DATE', '2019-12-28', None, 'week', '2019-12-28', '2020-01-03',
     '2019-12-28/2020-01-03'),
    ('The offensive lasted from June 1941 to May 1945.', 'June 1941', 'DATE', '1941-06', None, 'decade', '1941-06-01', '1945-05-31', '1941-06/1945-05'),
    ('Troops stayed between March and May.', 'March', 'DATE', '2021-03', None, 'quarter', '2021-03-01', '2021-05-31', '2021-03/2021-05'),
    ('The war has lasted from 1979 to the present.', '1979', 'DATE', '1979', None, 'unknown', '1979-01-01', '2021-10-20', '1979/PRESENT_REF'),
    ('The office is open from 9 a.m. to 5 p.m. on Monday.', '9 a.m.', 'TIME', '2021-10-18T09:00', None, 'day', '2021-10-18', '2021-10-18',
     '2021-10-18T09:00/2021-10-18T17:00'),
    ('The curfew runs from 10 p.m. to 6 a.m.', '6 a.m.', 'TIME', '2021-10-21T06:00', None, 'week', '2021-10-20', '2021-10-21',
     '2021-10-20T22:00/2021-10-21T06:00'),
    ('The vote was moved from March to May.', 'May', 'DATE', '2021-05', None, 'month', '2021-05-01', '2021-05-31', None),
    ('The siege lasted through the winter of 1941-42.', 'the winter of 1941-42', 'DATE', '1941-WI', None, 'season', '1941-12-01', '1942-02-28', None),
    ('Sales rose in fiscal 1998-99.', 'fiscal 1998-99', 'DATE', '1998', None, 'decade', '1998-01-01', '1999-12-31', '1998/1999'),
    ('The 2012/13 season ended.', '13', 'DATE', '2013', None, 'decade', '2012-01-01', '2013-12-31', '2012/2013'),
    # amounts with a range or a bound
    ('The project will take 12 to 18 months.', '12 to 18 months', 'DURATION', 'P12M', 'EQUAL_OR_MORE', 'unknown', None, None, 'P12M/P18M'),
    ('The trial lasted 12-18 months.', '12-18 months', 'DURATION', 'P12M', 'EQUAL_OR_MORE', 'unknown', None, None, 'P12M/P18M'),
    ('It took two or three years.', 'two or three years', 'DURATION', 'P2Y', 'APPROX', 'unknown', None, None, 'P2Y/P3Y'),
    ('It will take a year or two.', 'a year or two', 'DURATION', 'P1Y', 'APPROX', 'unknown', None, None, 'P1Y/P2Y'),
    ('He faces up to five years in prison.', 'up to five years', 'DURATION', 'P5Y', 'EQUAL_OR_LESS', 'unknown', None, None, None),
    ('The reform will take at least a decade.', 'at least a decade', 'DURATION', 'P10Y', 'EQUAL_OR_MORE', 'unknown', None, None, None),
    ('Acquisitions will be made during the next 12 to 18 months.', 'the next 12 to 18 months', 'DURATION', 'P12M', 'EQUAL_OR_MORE',
     'month', '2021-10-21', '2023-04-20', 'P12M/P18M'),
    ('Prices fell over the past two to three years.', 'the past two to three years', 'DURATION', 'P2Y', 'EQUAL_OR_MORE',
     'year', '2018-10-21', '2021-10-20', 'P2Y/P3Y'),
    # holidays: fixed, computed (Easter, Thanksgiving), Islamic (tabular, widened), lunisolar windows
    ('We celebrated Christmas with family.', 'Christmas', 'DATE', '2020-12-25', None, 'day', '2020-12-25', '2020-12-25', None),
    ('On Christmas Eve the shelling stopped.', 'Christmas Eve', 'DATE', '2020-12-24', None, 'day', '2020-12-24', '2020-12-24', None),
    ("On New Year's Day, the president spoke.", "New Year's Day", 'DATE', '2021-01-01', None, 'day', '2021-01-01', '2021-01-01', None),
    ('Easter Sunday was quiet.', 'Easter Sunday', 'DATE', '2021-04-04', None, 'day', '2021-04-04', '2021-04-04', None),
    ('Orthodox Easter was celebrated in Moscow.', 'Orthodox Easter', 'DATE', '2021-05-02', None, 'day', '2021-05-02', '2021-05-02', None),
    ('Thanksgiving was celebrated.', 'Thanksgiving', 'DATE', '2020-11-26', None, 'day', '2020-11-26', '2020-11-26', None),
    ('Independence Day parades will be held.', 'Independence Day', 'DATE', '2022-07-04', None, 'day', '2022-07-04', '2022-07-04', None),
    ('Bastille Day was marked with a parade.', 'Bastille Day', 'DATE', '2021-07-14', None, 'day', '2021-07-14', '2021-07-14', None),
    ('Workers marched on Labour Day.', 'Labour Day', 'DATE', '2021-05-01', None, 'day', '2021-05-01', '2021-05-01', None),
    ('Workers marched on May Day.', 'May Day', 'DATE', '2021-05-01', None, 'day', '2021-05-01', '2021-05-01', None),
    ('Fighting continued during Ramadan.', 'Ramadan', 'DATE', '2021', None, 'month', '2021-04-11', '2021-05-14', None),
    ('The ceasefire will hold through Ramadan.', 'Ramadan', 'DATE', '2022', None, 'month', '2022-04-01', '2022-05-04', None),
    ('The talks resumed after Ramadan 2020.', 'Ramadan 2020', 'DATE', '2020', None, 'month', '2020-04-22', '2020-05-25', None),
    ('Eid al-Fitr was celebrated.', 'Eid al-Fitr', 'DATE', '2021-05-13', 'APPROX', 'week', '2021-05-11', '2021-05-15', None),
    ('The attack came on the eve of Eid al-Adha 2019.', 'Eid al-Adha 2019', 'DATE', '2019-08-12', 'APPROX', 'week', '2019-08-10', '2019-08-14', None),
    ('Fireworks lit the sky on the Fourth of July.', 'Fourth of July', 'DATE', '2021-07-04', None, 'day', '2021-07-04', '2021-07-04', None),
    ('The truce began on Christmas Day 1914.', 'Christmas Day 1914', 'DATE', '1914-12-25', None, 'day', '1914-12-25', '1914-12-25', None),
    ('The Lunar New Year holiday began.', 'Lunar New Year', 'DATE', '2021', None, 'month', '2021-01-21', '2021-02-20', None),
    # clock times: zones, local time, 24-hour and military
    ('The attack happened at 3 p.m. GMT.', '3 p.m. GMT', 'TIME', '2021-10-20T15:00', None, 'day', '2021-10-20', '2021-10-20', None),
    ('The attack began at 0800 GMT on Friday.', '0800 GMT', 'TIME', '2021-10-15T08:00', None, 'day', '2021-10-15', '2021-10-15', None),
    ('The ceasefire starts at noon local time.', 'noon local time', 'TIME', '2021-10-20T12:00', None, 'day', '2021-10-20', '2021-10-20', None),
    ('The attack happened at 3 p.m. local time on Monday.', '3 p.m. local time', 'TIME', '2021-10-18T15:00', None, 'day',
     '2021-10-18', '2021-10-18', None),
    ('Troops moved at 0600 hours.', '0600 hours', 'TIME', '2021-10-20T06:00', None, 'day', '2021-10-20', '2021-10-20', None),
    ('The curfew begins at 2100 hours local time.', '2100 hours local time', 'TIME', '2021-10-20T21:00', None, 'day', '2021-10-20', '2021-10-20', None),
    ('The explosion happened at 1530 Moscow time.', '1530 Moscow time', 'TIME', '2021-10-20T15:30', None, 'day', '2021-10-20', '2021-10-20', None),
    ('Shelling resumed at 14:30 on Tuesday.', '14:30', 'TIME', '2021-10-19T14:30', None, 'day', '2021-10-19', '2021-10-19', None),
    # a plan reported in the past perfect has been overtaken: its weekday is behind the DCT
    ('The offer had been due to expire Friday evening.', 'Friday evening', 'TIME', '2021-10-15TEV', None, 'day', '2021-10-15', '2021-10-15', None),
    ('The offer had been scheduled to expire at midnight Friday.', 'midnight Friday', 'TIME', '2021-10-15T24:00', None, 'day',
     '2021-10-15', '2021-10-15', None),
    ('The offer is due to expire Friday evening.', 'Friday evening', 'TIME', '2021-10-22TEV', None, 'day', '2021-10-22', '2021-10-22', None),
    ('The blast occurred at 10:35 a.m. (0735 GMT) Friday.', '10:35 a.m.', 'TIME', '2021-10-15T10:35', None, 'day', '2021-10-15', '2021-10-15', None),
]


@pytest.mark.parametrize("text,extent,typ,value,mod,precision,first,last,rng", ROWS)
def test_range_holiday_clock(text, extent, typ, value, mod, precision, first, last, rng):
    t = timex_at(text, DCT, extent)
    got = (t.type, t.value, t.mod, t.precision, t.first_day and t.first_day.isoformat(), t.last_day and t.last_day.isoformat(), t.range)
    assert got == (typ, value, mod, precision, first, last, rng)


@pytest.mark.parametrize("text,absent", [
    ("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", "0735 GMT"),  # the same moment restated in GMT
    ("He logged 1000 hours of flight time.", "1000 hours"),  # an amount, not a clock time
    ("The score was 14:30 at half time.", "14:30"),  # no preposition: not read as a clock
    ("The Good Friday Agreement was signed in 1998.", "Good Friday"),  # holidays naming events
    ("The Easter Rising of 1916 failed.", "Easter"),
])
def test_not_a_separate_time(text, absent):
    assert absent not in [t.text for t in tag(text, DCT)]


def test_clock_in_brackets_with_its_own_day_stays():
    texts = [t.text for t in tag("He will leave at 4 in the morning (4 a.m. EDT Thursday), he said.", DCT)]
    assert "4 a.m. EDT Thursday" in texts


# Announced dates (Saudi Umm al-Qura / moon sighting) that the widened tabular interval must hold
ANNOUNCED = [
    ({"islamic": [9, 1], "whole_month": True}, 2021, "2021-04-13"),
    ({"islamic": [9, 1], "whole_month": True}, 2022, "2022-04-02"),
    ({"islamic": [9, 1], "whole_month": True}, 1991, "1991-03-18"),
    ({"islamic": [10, 1]}, 2024, "2024-04-10"),
    ({"islamic": [12, 10]}, 2024, "2024-06-16"),
    ({"islamic": [12, 10]}, 2023, "2023-06-28"),
]


@pytest.mark.parametrize("holiday,year,announced", ANNOUNCED)
def test_islamic_interval_covers_announced_date(holiday, year, announced):
    (f,) = feasts(holiday, year)
    assert f.first <= date.fromisoformat(announced) <= f.last


def test_calendar_arithmetic():
    assert islamic_to_date(1, 1, 1) == date(622, 7, 19)
    assert [orthodox_easter(y).isoformat() for y in (2021, 2022, 2023, 2024)] == \
        ["2021-05-02", "2022-04-24", "2023-04-16", "2024-05-05"]
    # a year with two Eid al-Adha in it (January and December 2006)
    assert len(feasts({"islamic": [12, 10]}, 2006)) == 2
