"""Which date governs an event (analytics/coding/dates.py), end to end with the real taggers.

Publication date: Wednesday 2021-10-20; the publication week is 2021-10-14..2021-10-20.
"""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text

DCT = dt.date(2021, 10, 20)
D = dt.date
WEEK = (D(2021, 10, 14), DCT)


def dated(text: str, root: str) -> tuple:
    rows = [r for r in code_text(text, DCT) if r["event_root"] == root]
    assert rows, f"no {root} event in {text!r}"
    return rows[0]["date_start"], rows[0]["date_end"]


@pytest.mark.parametrize("text, root, expected", [
    # a noun phrase after a verbal act is no complement clause: the date is the act's
    ("Chile rejected the Bolivian proposal for a second time on Tuesday.", "12", (D(2021, 10, 19),) * 2),
    ("The envoy appealed for calm on Monday.", "02", (D(2021, 10, 18),) * 2),
    # a verbal complement keeps its own date, not the accusation's
    ("Peru accused Ecuador of shelling border posts last month.", "11", WEEK),
    # a participle clause is its main clause's
    ("Kenya expelled the Somali ambassador on Monday, accusing Mogadishu of meddling in the election.", "11",
     (D(2021, 10, 18),) * 2),
    # "as" before a noun phrase is a preposition, not a clause of its own
    ("Ghana on Friday described the vote as fair and congratulated Togo.", "05", (D(2021, 10, 15),) * 2),
])
def test_governing_date(text, root, expected):
    assert dated(text, root) == expected


def test_a_clause_of_the_same_moment_shares_its_date():
    rows = code_text("Turkish jets bombed the airport on Monday as Turkish troops pushed into Syria.", DCT)
    assert len(rows) == 2 and {(r["date_start"], r["date_end"]) for r in rows} == {(D(2021, 10, 18),) * 2}


@pytest.mark.parametrize("text, root, expected", [
    # what is announced for the future is dated by the announcement
    ("The Brazilian president said on Monday that Brazil would send doctors to Haiti.", "03",
     (D(2021, 10, 18),) * 2),
    # a past event it reports is not: it happened some time before
    ("Officials said on Monday that rebels had seized the town.", "19", WEEK),
])
def test_reported_complement(text, root, expected):
    assert dated(text, root) == expected


def test_bare_weekday_of_a_past_event_is_never_after_publication():
    # "would have" later in the sentence must not move Friday to the coming one
    assert dated("Sweden vetoed a Danish plan on Friday that would have raised fishing quotas.", "12") == (
        D(2021, 10, 15),) * 2


@pytest.mark.parametrize("text, expected", [
    ("Rebels shelled the port overnight, the army said.", (D(2021, 10, 19), DCT)),
    ("Rebels shelled the port overnight, the army said on Monday.", (D(2021, 10, 17), D(2021, 10, 18))),
    ("Rebels shelled the port overnight on Monday.", (D(2021, 10, 18),) * 2),
])
def test_overnight_is_the_night_before_the_report(text, expected):
    assert dated(text, "19") == expected


@pytest.mark.parametrize("text, root, expected", [
    # the later event "hours after" an early-morning one may fall on the day before
    ("The mayor appealed for calm early on Tuesday, hours after rioters looted shops in Lagos.", "14",
     (D(2021, 10, 18), D(2021, 10, 19))),
    # the event "shortly after" a dated one is on its day
    ("Gunmen hijacked a bus shortly after it left Quito on Friday.", "18", (D(2021, 10, 15),) * 2),
])
def test_clauses_hours_apart_share_the_day(text, root, expected):
    assert dated(text, root) == expected


def test_a_later_coordinated_clause_keeps_its_date_to_itself():
    text = "Iran condemned Israel for the raid, and protesters stormed the Israeli embassy in Ankara on Tuesday."
    assert dated(text, "11") == WEEK
    assert dated(text, "18") == (D(2021, 10, 19),) * 2


@pytest.mark.parametrize("text, root, expected", [
    # a time of day after "before" is no clause
    ("Army officers seized power in Bangkok before dawn on Tuesday.", "17", (D(2021, 10, 19),) * 2),
    # "since" is the timex's own preposition: from that day to publication
    ("Troops have killed dozens of protesters in Yangon since Sunday night.", "17", (D(2021, 10, 17), DCT)),
    # "while V-ing" is the same moment
    ("The mayor of Bogota was shot dead by gunmen while leaving a church on Sunday.", "18", (D(2021, 10, 17),) * 2),
    # a stance held when speaking is dated by the speaking
    ("The Chilean president said on Monday that he was ready to meet Bolivia.", "03", (D(2021, 10, 18),) * 2),
    # a participle aside is crossed on the way to a clause hours apart
    ("A gunman opened fire in a mosque on Friday, killing 12 people, hours after rebels shelled the town.", "19",
     (D(2021, 10, 15),) * 2),
])
def test_prepositions_and_asides(text, root, expected):
    rows = [r for r in code_text(text, DCT) if r["event_root"] == root]
    assert rows and all((r["date_start"], r["date_end"]) == expected for r in rows)


@pytest.mark.parametrize("text, root", [
    # a deadline is not the event's date
    ("The United States gave Syria until noon on Friday to withdraw its troops from Lebanon.", "06"),
])
def test_dates_that_do_not_govern(text, root):
    assert dated(text, root) == WEEK


def test_a_reaction_the_participle_names_runs_from_the_event_to_publication():
    assert dated("North Korea tested a missile on Sunday, drawing condemnation from Japan.", "11") == (
        D(2021, 10, 17), DCT)


def test_a_bare_year_naming_another_noun_does_not_date_the_clause():
    text = "Dutch prosecutors opened an investigation into the awarding of the 2030 World Cup on Wednesday."
    assert dated(text, "09") == (DCT,) * 2


def test_narrative_month_from_an_earlier_sentence_without_an_event():
    text = "In March 1974, the economy of Portugal was in ruins. Portuguese soldiers arrested dozens of students."
    rows = code_text(text, D(2024, 4, 25))
    assert [(r["date_start"], r["date_end"], r["date_basis"]) for r in rows] == [
        (D(1974, 3, 1), D(1974, 3, 31), "narrative")]


@pytest.mark.parametrize("text, expected", [
    # hours may cross midnight: that day and the next
    ("Rebels seized the airport on Sunday. French troops landed in Bangui hours later.",
     (D(2021, 10, 17), D(2021, 10, 18))),
    # minutes do not
    ("Rebels seized the airport on Sunday. French troops landed in Bangui minutes later.", (D(2021, 10, 17),) * 2),
])
def test_hours_later_follows_the_last_day(text, expected):
    rows = code_text(text, DCT)
    assert (rows[-1]["date_start"], rows[-1]["date_end"]) == expected


@pytest.mark.parametrize("text, root, expected", [
    # coordinated participles are both their main clause's
    ("The army chief seized power in Bangkok on Thursday, suspending the constitution and detaining opposition "
     "leaders.", "17", (D(2021, 10, 14),) * 2),
    # a past date after an infinitive is the governing act's
    ("Georgia formally applied to join the European Union on Monday.", "02", (D(2021, 10, 18),) * 2),
    # a future one is the infinitive's: the agreement itself is undated
    ("Peru and Chile agreed to hold talks again next year.", "03", WEEK),
])
def test_participles_and_infinitives(text, root, expected):
    rows = [r for r in code_text(text, DCT) if r["event_root"] == root]
    assert rows and all((r["date_start"], r["date_end"]) == expected for r in rows)


def test_coordinated_dates_are_one_interval():
    assert dated("Rebels attacked dozens of towns on Monday night and Tuesday.", "19") == (
        D(2021, 10, 18), D(2021, 10, 19))


def test_a_relative_time_aside_is_no_clause_boundary():
    text = ("Serbian tanks moved to seize the border posts on Thursday, two days after the declaration of "
            "independence, and Slovene units fought back.")
    rows = code_text(text, DCT)
    assert len(rows) == 2 and {(r["date_start"], r["date_end"]) for r in rows} == {(D(2021, 10, 14),) * 2}


@pytest.mark.parametrize("text, root, expected", [
    # "overnight" dates its own clause only: a coordinated clause with a new subject is undated
    ("Mobs looted shops in the capital overnight, and the president appealed to citizens for calm.", "02", WEEK),
    ("Soldiers surrounded the radio station, and looting broke out in the capital overnight.", "19", WEEK),
    ("Rioters burned cars in the capital overnight.", "18", (D(2021, 10, 19), DCT)),
])
def test_overnight_dates_its_own_clause(text, root, expected):
    assert dated(text, root) == expected


@pytest.mark.parametrize("text, root, expected", [
    # "after"/"before" before a noun phrase is a preposition: the date crosses it
    ("Bolivia freed the Chilean engineer on Monday after three years in jail, and Chile expelled two Bolivian "
     "diplomats.", "16", (D(2021, 10, 18),) * 2),
    ("The rebels had kidnapped the engineers after an ambush on a convoy last month.", "18",
     (D(2021, 9, 1), D(2021, 9, 30))),
    # a clause after "after" keeps its own (publication) date, and so does a noun inside the phrase
    ("Ukrainian troops retook the town on Friday after Russian forces withdrew across the river.", "08", WEEK),
])
def test_after_a_noun_phrase_or_a_clause(text, root, expected):
    assert dated(text, root) == expected


@pytest.mark.parametrize("text, root, expected", [
    # "a day after", "two days after": the other clause lies that many days before the date
    ("Hungary condemned the decision on Friday, a day after the Austrian parliament voted to suspend the talks.",
     "16", (D(2021, 10, 14),) * 2),
    ("Greece recalled its ambassador on Friday, two days after Turkish jets bombed the island.", "19",
     (D(2021, 10, 13),) * 2),
])
def test_days_after_shifts_the_date(text, root, expected):
    assert dated(text, root) == expected


@pytest.mark.parametrize("text, root, expected", [
    # a date in a relative clause is that clause's
    ("Militiamen shot the former minister outside the embassy where he had lived since 2019.", "18", WEEK),
    ("Police detained nine dock workers on Tuesday over the fire that destroyed the port on Sunday, and seven "
     "officials were arrested.", "17", (D(2021, 10, 19),) * 2),
    # a date in the possessive names the noun after it
    ("The Cuban leader said on Monday that he was willing to send athletes to next month's games in Mexico.",
     "03", (D(2021, 10, 18),) * 2),
    # (unless a preposition of time governs it: the noun is a time itself)
    ("Gunmen attacked commuters at the central station during Monday's morning rush hour.", "19",
     (D(2021, 10, 18),) * 2),
])
def test_dates_of_other_clauses_and_nouns(text, root, expected):
    assert dated(text, root) == expected


@pytest.mark.parametrize("text, root, expected", [
    # an "earlier" period ends the day before publication; an explicit month keeps its whole span
    ("Kenyan police arrested six suspects earlier this week, prosecutors said.", "17", (D(2021, 10, 18),
                                                                                       D(2021, 10, 19))),
    ("Rebels killed dozens of villagers earlier this month, the UN said.", "18", (D(2021, 10, 1), D(2021, 10, 19))),
    ("Japan imposed export curbs on South Korea in October 2021.", "17", (D(2021, 10, 1), D(2021, 10, 31))),
])
def test_earlier_this_period_ends_before_publication(text, root, expected):
    assert dated(text, root) == expected


@pytest.mark.parametrize("text, root, expected", [
    # a simple past after a past-perfect relative clause is the main clause's: "hours later" dates it
    ("Rebels imposed a curfew in the capital on Monday. Hours later the fighters dragged the governor from the mission where "
     "he had hidden since 2019 and shot him.", "19", (D(2021, 10, 18), D(2021, 10, 19))),
    # a participle aside is crossed on the way to a clause of the same moment
    ("Troops opened fire on students in the capital on Tuesday, wounding dozens, as the students marched "
     "against the new law.", "14", (D(2021, 10, 19),) * 2),
    # a bare weekday is past for a past-tense verb even after an infinitive
    ("Swiss voters rejected a plan to join the bloc in a referendum on Sunday.", "12", (D(2021, 10, 17),) * 2),
])
def test_main_clause_dates(text, root, expected):
    assert dated(text, root) == expected
