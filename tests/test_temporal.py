"""Tests for analytics.temporal: tables per expression class, properties, and the TE3 scorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.temporal import Timex, span_of, tag
from analytics.temporal.patterns import compiled, find
from analytics.temporal.score import match_doc, score
from timex_cases import checked, timex_at

DCT = date(2021, 10, 20)  # a Wednesday, ISO week 42


def only(text: str, dct: date | None = DCT, expect_n: int = 1) -> Timex:
    found = tag(text, dct)
    assert len(found) == expect_n, [t.as_dict() for t in found]
    return found[0]


# (sentence, DCT, expected extent, value, precision, first_day, last_day)
SEED = [
    ("It designated the group a terrorist organization in 2003.", DCT, "2003", "2003", "year", "2003-01-01", "2003-12-31"),
    ("The withdrawal of its troops in 1989.", DCT, "1989", "1989", "year", "1989-01-01", "1989-12-31"),
    ("After their takeover of the Afghan capital in August.", DCT, "August", "2021-08", "month", "2021-08-01", "2021-08-31"),
    ("Last week Russian President Vladimir Putin noted that.", DCT, "Last week", "2021-W41", "week", "2021-10-11", "2021-10-17"),
    ("A large-scale military exercise began this week.", DCT, "this week", "2021-W42", "week", "2021-10-18", "2021-10-24"),
    ("In recent years, Moscow has made a comeback.", DCT, "recent years", "PAST_REF", "unknown", None, None),
]

EXPLICIT = [
    ("Prices soared in the ’80s.", DCT, "the ’80s", "198", "decade", "1980-01-01", "1989-12-31"),
    ("MONDAY, MARCH 18, 2013 -- OBAMA MAY VETO BILL", DCT, "MONDAY, MARCH 18, 2013", "2013-03-18", "day", "2013-03-18", "2013-03-18"),
    ("The treaty was signed on 20.10.2020 in Geneva.", DCT, "20.10.2020", "2020-10-20", "day", "2020-10-20", "2020-10-20"),
    ("Shoppers crowded stores on Black Friday 2019.", DCT, "Black Friday 2019", "2019-11-29", "day", "2019-11-29", "2019-11-29"),
    ("The Western Roman Empire fell in 476 AD.", DCT, "476 AD", "0476", "year", "0476-01-01", "0476-12-31"),
    ("Caesar died in 44 BC.", DCT, "44 BC", "BC0044", "year", None, None),
    ("On the morning of 6 June 1944, troops landed.", DCT, "the morning of 6 June 1944", "1944-06-06TMO", "day", "1944-06-06", "1944-06-06"),
    ("Parades marked St. Patrick’s Day 2012.", DCT, "St. Patrick’s Day 2012", "2012-03-17", "day", "2012-03-17", "2012-03-17"),
    ("He graduated in '98.", DCT, "'98", "1998", "year", "1998-01-01", "1998-12-31"),
    ("Revenue rose in FY2012.", DCT, "FY2012", "2012", "year", "2012-01-01", "2012-12-31"),
    ("Talks are due in the last week of March 2022.", DCT, "the last week of March 2022", "2022-W13", "week", "2022-03-28", "2022-04-03"),
    ("Pilgrims gathered for Easter 2019.", DCT, "Easter 2019", "2019-04-21", "day", "2019-04-21", "2019-04-21"),
    ("The summit was on April 24 and 25, 2019.", DCT, "April 24", "2019-04-24", "day", "2019-04-24", "2019-04-24"),
    ("The summit was on April 24 and 25, 2019.", DCT, "25, 2019", "2019-04-25", "day", "2019-04-25", "2019-04-25"),
    ("The accord was signed on March 26, 1996.", DCT, "March 26, 1996", "1996-03-26", "day", "1996-03-26", "1996-03-26"),
    ("It was signed on 7 August 1998 in Nairobi.", DCT, "7 August 1998", "1998-08-07", "day", "1998-08-07", "1998-08-07"),
    ("Prices rose in January 1998.", DCT, "January 1998", "1998-01", "month", "1998-01-01", "1998-01-31"),
    ("Elections were held on 2019-05-26.", DCT, "2019-05-26", "2019-05-26", "day", "2019-05-26", "2019-05-26"),
    ("The deal closed on 10/20/2020.", DCT, "10/20/2020", "2020-10-20", "day", "2020-10-20", "2020-10-20"),
    ("Profits fell in fiscal 1989.", DCT, "fiscal 1989", "1989", "year", "1989-01-01", "1989-12-31"),
    ("Unrest spread in the summer of 1968.", DCT, "the summer of 1968", "1968-SU", "season", "1968-06-01", "1968-08-31"),
    ("Growth slowed in the third quarter of 2020.", DCT, "the third quarter of 2020", "2020-Q3", "quarter", "2020-07-01", "2020-09-30"),
    ("Oil boomed in the 1970s.", DCT, "the 1970s", "197", "decade", "1970-01-01", "1979-12-31"),
    ("The revolt of the 11th century failed.", DCT, "the 11th century", "10", "unknown", "1000-01-01", "1099-12-31"),
    ("Officials met on Christmas Day 2019.", DCT, "Christmas Day 2019", "2019-12-25", "day", "2019-12-25", "2019-12-25"),
]

RELATIVE = [
    ("Sales were strong at Christmas.", DCT, "Christmas", "2020-12-25", "day", "2020-12-25", "2020-12-25"),
    ("Sales will be strong at Christmas.", DCT, "Christmas", "2021-12-25", "day", "2021-12-25", "2021-12-25"),
    ("The attack began at 1430 GMT on Monday.", DCT, "1430 GMT", "2021-10-18T14:30", "day", "2021-10-18", "2021-10-18"),
    ("They meet this coming Sunday.", DCT, "this coming Sunday", "2021-10-24", "day", "2021-10-24", "2021-10-24"),
    ("The talks resumed on the 12th.", DCT, "the 12th", "2021-10-12", "day", "2021-10-12", "2021-10-12"),
    ("The Fed meets again in November.", DCT, "November", "2021-11", "month", "2021-11-01", "2021-11-30"),
    ("The talks began at 3:30 p.m. on Monday.", DCT, "3:30 p.m.", "2021-10-18T15:30", "day", "2021-10-18", "2021-10-18"),
    ("Talks resumed on April 24 and 25.", DCT, "25", "2021-04-25", "day", "2021-04-25", "2021-04-25"),
    ("The dividend will be paid Nov. 2 to holders of record.", DCT, "Nov. 2", "2021-11-02", "day", "2021-11-02", "2021-11-02"),
    # tense decides direction: past -> most recent before the DCT, future -> next after it
    ("The ceasefire will take effect on Monday.", DCT, "Monday", "2021-10-25", "day", "2021-10-25", "2021-10-25"),
    ("The ceasefire took effect on Monday.", DCT, "Monday", "2021-10-18", "day", "2021-10-18", "2021-10-18"),
    # TimeBank dates "the past year" / "the last decade" as the previous calendar unit, not a duration
    ("Sales fell over the past year.", DCT, "the past year", "2020", "year", "2020-01-01", "2020-12-31"),
    ("Wages lost ground in the last decade.", DCT, "the last decade", "201", "decade", "2010-01-01", "2019-12-31"),
    # no tense: early in the week "the weekend" is the one just past, from Thursday on the coming one
    ("Over the weekend, more protests in the capital.", DCT, "the weekend", "2021-W41-WE", "week", "2021-10-16", "2021-10-17"),
    ("Over the weekend, more protests in the capital.", date(2021, 10, 21), "the weekend", "2021-W42-WE", "week", "2021-10-23", "2021-10-24"),
    ("They met last Christmas.", DCT, "last Christmas", "2020-12-25", "day", "2020-12-25", "2020-12-25"),
    ("Talks resume after next Easter.", DCT, "next Easter", "2022-04-17", "day", "2022-04-17", "2022-04-17"),
    # a bare "the week" is the period the report is about: the last one mentioned, else the last complete one
    ("For the week, the index fell 3%.", DCT, "the week", "2021-W41", "week", "2021-10-11", "2021-10-17"),
    ("Talks will resume in November.", DCT, "November", "2021-11", "month", "2021-11-01", "2021-11-30"),
    ("Regulators gave the company until mid-December to reply.", DCT, "mid-December", "2021-12", "month", "2021-12-01", "2021-12-31"),
    ("The siege lasted through February.", DCT, "February", "2021-02", "month", "2021-02-01", "2021-02-28"),
    ("Appeals are heard in May.", date(2021, 3, 29), "May", "2021-05", "month", "2021-05-01", "2021-05-31"),
    ("Talks collapsed in November.", DCT, "November", "2020-11", "month", "2020-11-01", "2020-11-30"),
    ("Talks will resume in February.", DCT, "February", "2022-02", "month", "2022-02-01", "2022-02-28"),
    ("The minister arrived on Oct. 12.", DCT, "Oct. 12", "2021-10-12", "day", "2021-10-12", "2021-10-12"),
    ("The talks ended yesterday.", DCT, "yesterday", "2021-10-19", "day", "2021-10-19", "2021-10-19"),
    ("The vote is today.", DCT, "today", "2021-10-20", "day", "2021-10-20", "2021-10-20"),
    ("They will vote tomorrow.", DCT, "tomorrow", "2021-10-21", "day", "2021-10-21", "2021-10-21"),
    ("Inflation rose last month.", DCT, "last month", "2021-09", "month", "2021-09-01", "2021-09-30"),
    ("Elections are due next year.", DCT, "next year", "2022", "year", "2022-01-01", "2022-12-31"),
    ("The law passed this year.", DCT, "this year", "2021", "year", "2021-01-01", "2021-12-31"),
    ("The base closed two years ago.", DCT, "two years ago", "2019", "year", "2019-01-01", "2019-12-31"),
    ("He left three days ago.", DCT, "three days ago", "2021-10-17", "day", "2021-10-17", "2021-10-17"),
    ("Troops arrived last Friday.", DCT, "last Friday", "2021-10-15", "day", "2021-10-15", "2021-10-15"),
    ("Talks resume next Monday.", DCT, "next Monday", "2021-10-25", "day", "2021-10-25", "2021-10-25"),
    ("Rebels attacked last summer.", DCT, "last summer", "2021-SU", "season", "2021-06-01", "2021-08-31"),
    ("A summit is planned for early next year.", DCT, "early next year", "2022", "year", "2022-01-01", "2022-12-31"),
    ("Exports fell in the second quarter.", DCT, "the second quarter", "2021-Q2", "quarter", "2021-04-01", "2021-06-30"),
    ("Fighting resumed this morning.", DCT, "this morning", "2021-10-20TMO", "day", "2021-10-20", "2021-10-20"),
    ("Shelling was heard at 10 p.m. Tuesday.", DCT, "10 p.m. Tuesday", "2021-10-19T22:00", "day", "2021-10-19", "2021-10-19"),
]

NARRATIVE = [
    ("Today the fortress is a museum. It was built in 1520. In 1534 it was besieged. In 1540 it fell, and in 1560 it "
     "was rebuilt. In March, a fire broke out.", DCT, "March", "1560-03", "month", "1560-03-01", "1560-03-31"),
    ("In May 1618 nobles revolted in Prague. In 1620 the army lost. Over the next two years the revolt spread.", DCT,
     "the next two years", "P2Y", "year", "1621-01-01", "1622-12-31"),
    ("In November 1923 the mark collapsed. In 1924 the Dawes Plan passed. In August, troops left the Ruhr.", DCT,
     "August", "1924-08", "month", "1924-08-01", "1924-08-31"),
    ("The Treaty was signed in 1919. In 1923 France occupied the Ruhr. The following year the plan was adopted.", None,
     "The following year", "1924", "year", "1924-01-01", "1924-12-31"),
    ("The empire fell in 1453. The following year the sultan moved his court.", DCT, "The following year", "1454", "year", "1454-01-01", "1454-12-31"),
    ("The treaty was signed on May 5, 1955. Two days later the troops left.", DCT, "Two days later", "1955-05-07", "day", "1955-05-07", "1955-05-07"),
    ("Profit fell in the third quarter of 2020 from a year earlier.", DCT, "a year earlier", "2019-Q3", "quarter", "2019-07-01", "2019-09-30"),
]

DURATIONS = [
    ("The siege lasted for some time.", DCT, "some time", "PXX", "unknown", None, None),
    ("Thousands fled in the first days of the war.", DCT, "the first days", "PXD", "unknown", None, None),
    ("His car was seen in the days before the shooting.", DCT, "days", "XXXX-XX", "unknown", None, None),
    ("The talks collapsed a fortnight ago.", DCT, "a fortnight ago", "2021-W40", "week", "2021-10-04", "2021-10-10"),
    ("He served three-and-a-half years.", DCT, "three-and-a-half years", "P3Y6M", "unknown", None, None),
    ("The weeklong festival ended.", DCT, "weeklong", "P1W", "unknown", None, None),
    ("A few days later, the rebels fled.", DCT, "A few days", "PXD", "unknown", None, None),
    ("They have been married for half a century.", DCT, "half a century", "P50Y", "unknown", None, None),
    ("The fire took hours to put out.", DCT, "hours", "PTXH", "unknown", None, None),
    ("A decade-long war ended.", DCT, "decade-long", "P10Y", "unknown", None, None),
    ("Sales fell over the past day.", DCT, "the past day", "P1D", "day", "2021-10-20", "2021-10-20"),
    ("Prices rose in recent months.", DCT, "recent months", "PXM", "unknown", None, None),
    ("The Soviet Union fought a 10-year war in Afghanistan.", DCT, "10-year", "P10Y", "unknown", None, None),
    ("The siege lasted two weeks.", DCT, "two weeks", "P2W", "unknown", None, None),
    ("He served 2 1/2 years in prison.", DCT, "2 1/2 years", "P2Y6M", "unknown", None, None),
    ("Shares fell in the first nine months.", DCT, "the first nine months", "P9M", "unknown", None, None),
    ("Prices rose over the past two months.", DCT, "the past two months", "P2M", "month", "2021-08-21", "2021-10-20"),
    ("The talks lasted more than four hours.", DCT, "more than four hours", "PT4H", "unknown", None, None),
    ("The unrest has lasted for years.", DCT, "years", "PXY", "unknown", None, None),
]

VAGUE_AND_SETS = [
    ("The program costs $5 billion a year.", DCT, "a year", "P1Y", "unknown", None, None),
    ("After months of talks, a deal.", DCT, "months", "PXM", "unknown", None, None),
    ("Refugees receive two meals a day.", DCT, "a day", "P1D", "unknown", None, None),
    # an unmeasured stretch ahead: a DURATION (TBAQ, both halves), reaching as far as "a few" years
    ("Prices will rise in the coming years.", DCT, "the coming years", "PXY", "decade", "2021-10-21", "2026-10-20"),
    ("Prices are now falling.", DCT, "now", "PRESENT_REF", "unknown", None, None),
    ("He recently resigned.", DCT, "recently", "PAST_REF", "unknown", None, None),
    ("Talks may resume in the future.", DCT, "the future", "FUTURE_REF", "unknown", None, None),
    ("The paper is published daily.", DCT, "daily", "P1D", "unknown", None, None),
    ("The council meets every Monday.", DCT, "every Monday", "XXXX-WXX-1", "unknown", None, None),
    ("He earns $40,000 a year.", DCT, "a year", "P1Y", "unknown", None, None),
    ("Inspections happen twice a year.", DCT, "twice a year", "P1Y", "unknown", None, None),
]

UNRESOLVED = [
    ("They took the capital in August.", None, "August", "XXXX-08", "unknown", None, None),
    ("Last week the president spoke.", None, "Last week", "XXXX-WXX", "unknown", None, None),
    ("The vote was on Monday.", None, "Monday", "XXXX-WXX-1", "unknown", None, None),
    ("The war ended in 1989.", None, "1989", "1989", "year", "1989-01-01", "1989-12-31"),
]

ALL = SEED + EXPLICIT + RELATIVE + NARRATIVE + DURATIONS + VAGUE_AND_SETS + UNRESOLVED


@pytest.mark.parametrize("text,dct,extent,value,precision,first,last", ALL)
def test_expression(text, dct, extent, value, precision, first, last):
    t = timex_at(text, dct, extent)
    assert text[t.start:t.end] == extent
    assert (t.value, t.precision) == (value, precision)
    assert (t.first_day.isoformat() if t.first_day else None) == first
    assert (t.last_day.isoformat() if t.last_day else None) == last


@pytest.mark.parametrize("text,types", [
    ("The siege lasted two weeks.", ["DURATION"]),
    ("The paper is published daily.", ["SET"]),
    ("Fighting resumed this morning.", ["TIME"]),
    ("They met on Friday.", ["DATE"]),
])
def test_types(text, types):
    assert [t.type for t in tag(text, DCT)] == types


@pytest.mark.parametrize("text", [
    "You may leave now if you wish.",          # "may" the verb: only "now" is a timex
    "Troops march on the capital.",
    "He paid $1990 for 2,000 rifles.",
    "A second round of talks.",
    "The Thirty Years' War and the Six-Day War were fought.",
    "Install version 1.2.2021x and keep the ratio 3/4/5.",
    "Ministers Janos Martonyi and Jan Kavan signed.",
])
def test_not_dates(text):  # noqa: D103
    found = tag(text, DCT)
    assert all(t.text not in ("may", "march", "1990", "A second", "2,000", "Jan") and t.type != "DURATION"
               and not t.text[:1].isdigit() for t in found), found


@pytest.mark.parametrize("sentence,expected", [
    ("The ceasefire will take effect on Monday.", "future"),
    ("The ceasefire took effect on Monday.", "past"),
    ("Colonel Collins will be named commander for a mission in December.", "future"),
    ("Protesters planned a demonstration on Saturday and were arrested.", "future"),
    ("The deal is expected to be completed by Dec. 15.", "future"),
    ("Talks stalled in June and are set to resume Monday.", "future"),
    ("Iran vowed to retaliate on Monday.", "past"),  # the vow is what Monday dates
    ("The army will punish the rebels that attacked the town on Monday.", "past"),
    ("His father, who arrived yesterday, could fly in as soon as Tuesday.", "future"),
    ("It would be paid on a still unspecified date in January.", "future"),
    ("The talks he wanted were held on Monday.", "past"),
    ("The accession would still be held on April 24.", "future"),
    ("The case is heard in May.", "present"),
    ("Police have been searching for him since the Oct. 23 killing.", "past"),
])
def test_tense_of_the_clause(sentence, expected):
    from analytics.temporal.context import Sentences, tense

    t = tag(sentence, DCT)[-1]
    assert tense(sentence, t.start, t.end, Sentences(sentence)) == expected


def test_seed_article_expressions():
    """The seed's expressions, found in a paragraph of the kind it has (the text is written for the test)."""
    text = ("Russia designated the group a terrorist organization in 2003. The Soviet Union fought a 10-year war in "
            "Afghanistan that ended with the withdrawal of its troops in 1989. In recent years, Moscow has made a "
            "comeback. Its ambassador kept in contact after the takeover of the capital in August. Last week the "
            "president spoke. An exercise in Tajikistan began this week.")
    got = {t.text: (t.value, t.precision) for t in tag(text, DCT)}
    assert got == {"2003": ("2003", "year"), "10-year": ("P10Y", "year"),
                   "1989": ("1989", "year"), "recent years": ("PAST_REF", "unknown"), "August": ("2021-08", "month"),
                   "Last week": ("2021-W41", "week"), "this week": ("2021-W42", "week")}


def test_seed_duration_anchored_to_end_date():
    text = "The Soviet Union fought a 10-year war in Afghanistan that ended with the withdrawal of its troops in 1989."
    dur = [t for t in tag(text, DCT) if t.type == "DURATION"][0]
    assert (dur.text, dur.value, dur.basis) == ("10-year", "P10Y", "narrative")
    assert span_of(dur) == (date(1979, 1, 1), date(1989, 12, 31))


@pytest.mark.parametrize("dct", [date(2021, 10, 20), "2021-10-20", "2021-10-20T08:00:00"])
def test_dct_forms(dct):
    from datetime import datetime

    assert only("Inflation rose last month.", dct).value == "2021-09"
    assert only("Inflation rose last month.", datetime(2021, 10, 20, 8)).value == "2021-09"


@pytest.mark.parametrize("dct", [None, "not a date", 20211020])
def test_unusable_dct_is_no_dct(dct):
    assert only("Inflation rose last month.", dct).value == "XXXX-XX"


def test_nat_dct_is_no_dct():
    pd = pytest.importorskip("pandas")
    assert only("Inflation rose last month.", pd.NaT).value == "XXXX-XX"
    assert only("Inflation rose last month.", pd.Timestamp("2021-10-20")).value == "2021-09"


def test_unresolved_never_uses_the_clock():
    for t in tag("Yesterday, last month and next Friday, three days ago.", None):
        assert t.first_day is None and t.basis == "unresolved"


def test_extent_excludes_prepositions_and_keeps_modifiers():
    texts = {t.text for t in tag("It happened in late November, in mid-1996 and at the end of 1990.", DCT)}
    assert {"late November", "mid-1996", "the end of 1990"} <= texts


def test_as_dict_is_json_ready():
    d = only("The war ended in 1989.").as_dict()
    assert d == {"start": 17, "end": 21, "text": "1989", "type": "DATE", "value": "1989", "first_day": "1989-01-01",
                 "last_day": "1989-12-31", "precision": "year", "basis": "explicit", "mod": None, "range": None}


SHARED = Path(__file__).resolve().parents[2] / "shared"
TIMEX_DATA = SHARED / "benchmarks" / "timex" / "tbaq_train.jsonl"


def _ungated():
    import re

    from analytics.temporal.patterns import _bodies

    return re.compile(r"(?<![\w'])(?:" + "|".join(f"(?P<{n}>{b})" for n, b in _bodies()) + ")", re.IGNORECASE)


def test_gate_loses_no_candidate():
    """The word-start gate in the combined regex must not hide any match the rules would find."""
    rx, _ = compiled()
    text = " ".join(s for s, *_ in ALL) + (" Q3 2021, H1 and the '80s, the nineties, an additional year, Mondays,"
                                           " Thanksgiving, nineteen ninety-six, at least two weeks, most recently,"
                                           " a weeklong visit, new year's day, more than a decade.")
    ungated = _ungated()
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in ungated.finditer(text)]


@pytest.mark.skipif(not TIMEX_DATA.exists(), reason="../shared benchmark data not present")
def test_gate_loses_no_candidate_on_tbaq_sample():
    import json

    rx, _ = compiled()
    ungated = _ungated()
    with open(TIMEX_DATA, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][::8]
    for d in docs:
        assert [m.span() for m in rx.finditer(d["text"])] == [m.span() for m in ungated.finditer(d["text"])], d["doc_id"]


# -- properties -----------------------------------------------------------------------------------

WORDS = st.sampled_from(["in", "on", "last", "next", "the", "week", "year", "August", "Monday", "1989", "2 1/2",
                         "ago", "early", "mid-", "the end of", "years", "a", "10-year", "Q3", "9/11/2001", "ended",
                         "will", "said", "'80s", "century", "every", "twice", "today", "9999", "0001", "31", "Feb.",
                         # round 3: open ranges, signals, quarters, vague counts, nights
                         "since", "until", "by", "from", "onwards", "and beyond", "before", "after", "to", "nights",
                         "night", "later", "earlier", "fortnight", "weekend", "3Q", "1H19", "H1", "the June quarter",
                         "latter half of", "fiscal", "few", "several", "past", "two-day", "period", "today's",
                         "of tomorrow", "noon", "High", "had", "postponed", "remain", "closed", "not", "two thousand"])


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_raises_on_unicode(text, dct):
    checked(text, dct)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join), st.one_of(st.none(), st.dates()))
def test_never_raises_on_temporal_word_salad(text, dct):
    checked(text, dct)


@settings(max_examples=5, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5).map(" ".join))
def test_long_input(chunk):
    checked((chunk + ". ") * 5000, DCT)


# -- scorer ---------------------------------------------------------------------------------------

def _t(s, e, typ="DATE", value="1989"):
    return {"start": s, "end": e, "type": typ, "value": value}


def test_scorer_perfect():
    g = [_t(0, 4), _t(10, 19, "DURATION", "P2W")]
    r = score([(g, list(g))])
    assert r["strict"]["f1"] == r["relaxed"]["f1"] == r["value"]["f1"] == r["type"]["f1"] == 1.0


def test_scorer_relaxed_and_attributes():
    gold = [_t(0, 10, value="2021-W41"), _t(20, 24, value="1989"), _t(30, 35, value="P1Y")]
    system = [_t(5, 10, value="2021-W41"), _t(20, 24, value="1990"), _t(40, 44, value="2001")]
    r = score([(gold, system)])
    assert r["strict"]["p"] == pytest.approx(1 / 3) and r["strict"]["r"] == pytest.approx(1 / 3)
    assert r["relaxed"]["p"] == pytest.approx(2 / 3) and r["relaxed"]["r"] == pytest.approx(2 / 3)
    assert r["value"]["accuracy"] == pytest.approx(1 / 2)
    assert r["value"]["f1"] == pytest.approx(0.5 * 2 / 3)
    assert r["type"]["accuracy"] == 1.0


def test_scorer_empty_system():
    r = score([([_t(0, 4)], [])])
    assert r["relaxed"]["f1"] == 0.0 and r["counts"]["gold"] == 1


def test_match_doc_reports_misses_and_spurious():
    res = match_doc([_t(0, 4)], [_t(10, 12)])
    assert len(res.missed) == 1 and len(res.spurious) == 1 and not res.pairs


@pytest.mark.parametrize("text,rule,span", [
    ("on Monday, 12 March 2001", "dmy", "Monday, 12 March 2001"),
    ("in the third quarter of 2020", "quarter", "the third quarter of 2020"),
    ("two years ago", "ago", "two years ago"),
    ("the past two months", "dur_rel", "the past two months"),
])
def test_find_yields_rule_and_span(text, rule, span):
    (found_rule, s, e, _), = list(find(text))
    assert (found_rule, text[s:e]) == (rule, span)


@pytest.mark.parametrize("module", ["analytics.temporal", "analytics.temporal.dates", "analytics.temporal.timex",
                                    "analytics.temporal.score", "analytics.temporal.context",
                                    "analytics.temporal.ranges", "analytics.temporal.calendars"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
