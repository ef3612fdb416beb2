"""Table tests for round 4's rules. History reading: anniversary and history pieces published near the date they
retell are read in the story's time, and a year in a background modifier does not move the story. Each row is
(publication date, text, extent, TIMEX3 value); the sentences are this file's own."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.temporal import tag
from timex_cases import timex_at

HISTORY = [
    # "that evening", "the next day", "the following afternoon" point into the story, not at the publication date,
    # so they do not make a retelling read as news
    (date(2024, 3, 9), "The bridge collapsed on March 4, 1931, and rescuers worked through that evening. "
     "The next day, the mayor resigned, and the inquiry opened in May. It reported in 1932.", "May", "1931-05"),
    (date(2024, 3, 9), "The bridge collapsed on March 4, 1931, and rescuers worked through that evening. "
     "The next day, the mayor resigned, and the inquiry opened in May. It reported in 1932.", "The next day", "1931-03-05"),
    (date(2019, 11, 3), "Troops crossed the river on Oct. 30, 1956. The following afternoon the city fell, "
     "and on Nov. 4 the rebels surrendered. The last of them were freed in 1963.", "Nov. 4", "1956-11-04"),
    (date(2019, 11, 3), "Troops crossed the river on Oct. 30, 1956. The following afternoon the city fell, "
     "and on Nov. 4 the rebels surrendered. The last of them were freed in 1963.", "The following afternoon", "1956-10-31TAF"),
    # ... while real deixis still makes news: "next week" is the publication date's
    (date(2024, 3, 9), "The bridge collapsed on March 4, 1931. A memorial opens next week, and the city said on "
     "Friday that May will bring a second one.", "next week", "2024-W11"),
    # a year in a participial modifier or relative clause is background: the story stays at its day
    (date(2023, 2, 1), "The treaty was signed on Jan. 9, 1948, and the council, founded in 1921, met that month.",
     "that month", "1948-01"),
    (date(2023, 2, 1), "The strike began on May 2, 1968, against a law that was passed in 1965, and ended in June.",
     "June", "1968-06"),
    # one written year far back and nothing said relative to the publication date is a history too
    (date(2024, 6, 6), "Allied troops landed in Normandy on June 6, 1944. Paris was liberated on Aug. 25, and by "
     "September the front had moved east. The war in Europe ended the following May.", "Aug. 25", "1944-08-25"),
    (date(2024, 6, 6), "Allied troops landed in Normandy on June 6, 1944. Paris was liberated on Aug. 25, and by "
     "September the front had moved east. The war in Europe ended the following May.", "the following May", "1945-05"),
    # ... a single bare year in a news aside is not: "died in March" is this March
    (date(2023, 3, 15), "Smith, who founded the firm in 1990, died in March.", "March", "2023-03"),
    # ... but with a deictic word it is news about the past ("on Tuesday" is the publication week's)
    (date(2024, 6, 6), "Veterans who landed on June 6, 1944, gathered on Tuesday, and a parade will be held on "
     "Aug. 25.",
     "Aug. 25", "2024-08-25"),
    # an anniversary's "80 years ago" restates the date beside it and does not make the piece news; a date told in
    # the past perfect before the story's date is a flashback, and the story's date stays the anchor
    (date(2025, 5, 9), "Germany surrendered on May 8, 1945, 80 years ago. The war had begun in September 1939, when "
     "troops crossed into Poland. On May 7, a first act was signed in Reims, and the following year the trials "
     "opened.", "May 7", "1945-05-07"),
    (date(2025, 5, 9), "Germany surrendered on May 8, 1945, 80 years ago. The war had begun in September 1939, when "
     "troops crossed into Poland. On May 7, a first act was signed in Reims, and the following year the trials "
     "opened.", "the following year", "1946"),
    # a month before the story's date is the nearer one: this year's August, but next year's January
    (date(2021, 12, 26), "The president resigned on Dec. 25, 1991. The collapse followed a failed coup in August, and "
     "the union, founded in 1922, was dissolved. Thirty years later, the debate goes on.", "August", "1991-08"),
    (date(2021, 12, 26), "The president resigned on Dec. 25, 1991. The collapse followed a failed coup in August, and "
     "the union, founded in 1922, was dissolved. Thirty years later, the debate goes on.", "Thirty years later", "2021"),
    (date(2024, 1, 10), "The rebels took the capital in November 1923, and in January the government fled. Elections "
     "followed in 1925.", "January", "1924-01"),
    # ... a year in the main clause still moves it
    (date(2023, 2, 1), "The strike began on May 2, 1968. In 1971, a second strike closed the port, and the "
     "following year the port was sold.", "the following year", "1972"),
]


@pytest.mark.parametrize("dct,text,extent,value", HISTORY)
def test_history(dct, text, extent, value):
    assert timex_at(text, dct, extent).value == value


AHEAD = [
    # an unmeasured stretch ahead is a DURATION with an X amount (TimeML; both TBAQ halves), from the day after the
    # publication date to as far as "a few" of its units reach
    ("Aid agencies expect more cases in the coming weeks.", "the coming weeks", "PXW", "2021-10-21", "2021-11-24"),
    ("Prices may stay high in coming months.", "coming months", "PXM", "2021-10-21", "2022-03-20"),
    ("Investors fear the months ahead.", "the months ahead", "PXM", "2021-10-21", "2022-03-20"),
    ("The fleet will be renewed in the next years.", "the next years", "PXY", "2021-10-21", "2026-10-20"),
    # ... "following" runs from the date in the story
    ("The port closed on 3 May 1921, and strikes spread over the following weeks.", "the following weeks", "PXW",
     "1921-05-04", "1921-06-07"),
]


@pytest.mark.parametrize("text,extent,value,first,last", AHEAD)
def test_stretch_ahead(text, extent, value, first, last):
    t = timex_at(text, date(2021, 10, 20), extent)
    assert (t.type, t.value, t.first_day.isoformat(), t.last_day.isoformat()) == ("DURATION", value, first, last)


DEADLINES = [
    # a deadline set or moved "until" a weekday lies ahead, as one "until" a month already did
    ("Officials postponed until Tuesday morning any action on the case.", "Tuesday morning", "2000-04-04TMO"),
    ("The court gave the family until 9 a.m. Tuesday to respond.", "9 a.m. Tuesday", "2000-04-04T09:00"),
    ("The court adjourned the case to Friday.", "Friday", "2000-03-31"),
    ("Union leaders have called a general strike for Monday.", "Monday", "2000-04-03"),
    ("Lawmakers voted on Tuesday to extend the mandate until June.", "June", "2000-06"),
    # ... a past stay "until" a weekday stays behind
    ("He stayed in the city until Tuesday.", "Tuesday", "2000-03-28"),
]


@pytest.mark.parametrize("text,extent,value", DEADLINES)
def test_deadline_weekday(text, extent, value):
    assert timex_at(text, date(2000, 3, 30), extent).value == value


WHOLE = [
    # "<month> of that year" is one DATE in the year referred to (TIDES: the of-phrase completes the date)
    (date(2019, 9, 27), "The movement emerged in 1994 and captured the city in November of that year.",
     "November of that year", "DATE", "1994-11"),
    (date(2019, 9, 27), "The treaty was signed in 1919 and took effect in January of the following year.",
     "January of the following year", "DATE", "1920-01"),
    (date(2019, 9, 27), "Elections are due in March of next year.", "March of next year", "DATE", "2020-03"),
    # "Feb. 24 last year": the day in the year named after it, one expression as "July last year" is
    (date(2023, 3, 15), "Russia invaded Ukraine on Feb. 24 last year.", "Feb. 24 last year", "DATE", "2022-02-24"),
    (date(2023, 3, 15), "The vote is set for March 3 next year.", "March 3 next year", "DATE", "2024-03-03"),
    # "in the early morning hours of Saturday": the day is the timex, as in "the early hours of Saturday"
    (date(2023, 3, 15), "Police arrested two men in the early morning hours of Saturday.", "Saturday", "DATE",
     "2023-03-11"),
    # "the 1500s" is the century, as "the 16th century" is; "the 2000s" and "the 1990s" are decades
    (date(2023, 3, 15), "Trade flourished in the 1500s.", "the 1500s", "DATE", "15"),
    (date(2023, 3, 15), "In the mid-1800s the railways arrived.", "the mid-1800s", "DATE", "18"),
    (date(2023, 3, 15), "The 2000s were a boom decade.", "The 2000s", "DATE", "200"),
    # "20 years ago today": the same day that many years back, one expression (an anniversary)
    (date(2023, 3, 15), "The peace deal was signed 20 years ago today.", "20 years ago today", "DATE", "2003-03-15"),
    (date(2023, 3, 15), "The wall fell 30 years ago this month.", "30 years ago this month", "DATE", "1993-03"),
    # "every Oct. 2": a yearly day, not the month
    (date(2010, 11, 20), "Survivors still march through the capital every Oct. 2.", "every Oct. 2", "SET", "XXXX-10-02"),
    (date(2010, 11, 20), "The farmers meet each July.", "each July", "SET", "XXXX-07"),
]


@pytest.mark.parametrize("dct,text,extent,typ,value", WHOLE)
def test_whole_expression(dct, text, extent, typ, value):
    t = timex_at(text, dct, extent)
    assert (t.type, t.value) == (typ, value)


ABBREVIATIONS = [
    # a full stop closing an abbreviation does not end the sentence, so the verb before still gives the tense
    ("The bank will announce its decision at 2 p.m. ET on Thursday.", "Thursday", "2023-03-16"),
    ("Gen. Smith will visit the troops on Friday.", "Friday", "2023-03-17"),
    ("Mr. Lee of the U.S. delegation will arrive on Monday.", "Monday", "2023-03-20"),
    # ... while a clock that ends a sentence still ends it
    ("The polls closed at 8 p.m. Counting resumes on Friday.", "Friday", "2023-03-17"),
]


@pytest.mark.parametrize("text,extent,value", ABBREVIATIONS)
def test_sentence_through_abbreviations(text, extent, value):
    assert timex_at(text, date(2023, 3, 15), extent).value == value


def test_offset_is_no_rate():
    found = tag("The move comes a day after the bank raised rates; the plant makes 500 cars a day.", date(2023, 3, 15))
    assert [(t.text, t.type) for t in found] == [("a day", "DURATION"), ("a day", "SET")]
