"""The development-set scorer (analytics.coding.evaluate): matching rules and alignment."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding.evaluate import actor_match, date_match, root_match, score_passage


@pytest.mark.parametrize("gold_name, gold_country, pred_name, pred_country, expected", [
    ("Russia", "RUS", "Russian military", "RUS", True),       # country-level agreement
    ("Russia", "RUS", "Ukraine", "UKR", False),
    ("NATO", None, "NATO", None, True),                       # no country: names decide
    ("United Nations Security Council", None, "UN Security Council", None, True),
    ("NATO", None, "European Union", None, False),
    (None, None, None, None, True),                           # "no actor" matches only "no actor"
    (None, None, "Russia", "RUS", False),
    ("Russia", "RUS", None, None, False),
])
def test_actor_match(gold_name, gold_country, pred_name, pred_country, expected):
    assert actor_match(gold_name, gold_country, pred_name, pred_country) is expected


@pytest.mark.parametrize("gold, pred, lenient, strict", [
    (("2021-10-20", "2021-10-20"), ("2021-10-20", "2021-10-20"), True, True),
    (("2021-10-20", "2021-10-20"), ("2021-10-14", "2021-10-20"), True, False),   # the publication week
    (("2021-10-20", "2021-10-20"), ("2021-10-01", "2021-10-31"), False, False),  # a month is too wide
    (("2021-08-01", "2021-08-31"), ("2021-08-01", "2021-08-31"), True, True),
    (("2021-08-01", "2021-08-31"), ("2021-08-15", "2021-08-15"), False, False),  # a false single day
    ((None, None), (None, None), True, True),
])
def test_date_match(gold, pred, lenient, strict):
    assert date_match(*gold, *pred) is lenient
    assert date_match(*gold, *pred, strict=True) is strict


@pytest.mark.parametrize("gold, pred, expected", [("19", "19", True), ("17|19", "19", True), ("17|19", "18", False),
                                                  ("05", None, False)])
def test_root_match(gold, pred, expected):
    assert root_match(gold, pred) is expected


def test_alignment_counts_each_event_once():
    gold = [dict(actor1="Russia", actor1_country="RUS", actor2="Ukraine", actor2_country="UKR", root="19",
                 date_start="2022-02-24", date_end="2022-02-24", modality="asserted", location_country=None)]
    pred = [dict(actor1="Russia", actor1_country="RUS", actor2="Ukraine", actor2_country="UKR", event_root="19",
                 date_start=dt.date(2022, 2, 24), date_end=dt.date(2022, 2, 24), quad_class=4,
                 modality="asserted", country=None)] * 2
    s = score_passage(gold, pred)
    assert (s.gold, s.pred, s.matched, s.correct["event"]) == (1, 2, 1, 1)
    assert s.prf("event") == (0.5, 1.0, pytest.approx(2 / 3))
