"""Alignment across wordings: one question asked with different verbs, sources and units.

Each test feeds invented articles (worded for these tests only, about no real event) through
the production pipeline and checks what the editor would see: a conflict, or none. They
cover the rules added after the held-out corpora showed that exact alignment keys missed
most real disagreements (see ``corpus/README.md``). No database.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.pipeline import get_nlp
from claims.nlp.types import ConflictData
from tests.test_nlp_rules import conflicts as rule_conflicts

FRI = dt.date(2026, 5, 8)
SAT = dt.date(2026, 5, 9)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def conflicts(nlp, *articles: tuple[str, str], day: dt.date = SAT) -> list[ConflictData]:
    """Conflicts between outlets for ``(outlet, text)`` articles published on ``day``."""
    return rule_conflicts(nlp, *((outlet, day, text) for outlet, text in articles))


def values(conflict: ConflictData) -> set[str]:
    return {ec.claim.display for ec in conflict.claims}


def test_different_verbs_for_one_cargo_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The rocket was carrying 31 weather probes when it lifted off."),
        ("Trade", "The mission manifest lists 33 weather probes on board."),
    )
    assert [values(c) for c in found] == [{"31", "33"}]


def test_a_reporting_verb_does_not_decide_what_a_share_measures(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The forest fire was 30% contained on Friday evening, rangers said."),
        ("Daily", "Rangers said on Friday that the fire was 55 per cent contained."),
    )
    assert len(found) == 1
    assert {ec.claim.normalized["unit"] for ec in found[0].claims} == {"%"}


def test_rises_and_falls_are_different_questions(nlp):
    found = conflicts(
        nlp,
        ("Wire", "Shares in Perrow Foods rose 12% on Friday, while Dunmere stock fell 4%."),
        ("Daily", "Perrow Foods shares climbed 12% by the close."),
    )
    assert found == []


def test_part_of_a_group_is_not_the_group(nlp):
    found = conflicts(
        nlp,
        ("Wire", "Nine people were hurt, three of them critically."),
        ("Daily", "Police said nine people were injured in the collision."),
    )
    assert found == []


def test_another_fire_is_not_this_fire(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The blaze has burned about 2,000 hectares of scrub since Thursday."),
        ("Daily", "A smaller fire near the reservoir in March burned 300 hectares."),
    )
    assert found == []


def test_the_people_a_report_comes_from_are_not_a_count(nlp):
    found = conflicts(
        nlp,
        ("Wire", "Forty people were injured, according to three people at the hospital."),
        ("Daily", "Forty people were injured, officials said."),
    )
    assert found == []


def test_speeds_compare_across_units(nlp):
    agree = conflicts(
        nlp,
        ("Wire", "The coach was travelling at about 100 km/h when it left the road."),
        ("Daily", "Police put the coach's speed at roughly 62 mph."),
    )
    assert agree == []
    clash = conflicts(
        nlp,
        ("Wire", "The coach was travelling at about 100 km/h when it left the road."),
        ("Daily", "The coach was travelling at 130 km/h when it left the road, police said."),
    )
    assert len(clash) == 1 and "130 km/h" in values(clash[0])


def test_a_clock_time_written_with_a_dot_is_a_time(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The blaze started at about 4.20pm on Friday near a campsite."),
        ("Daily", "The blaze started early on Saturday near a campsite."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_the_value_a_change_started_from_is_not_the_current_one(nlp):
    found = conflicts(
        nlp,
        ("Wire", "Turnout was 55%, up from 48% at the last election."),
        ("Daily", "Turnout reached 55 per cent, the commission said."),
    )
    assert found == []


def test_a_background_year_dates_another_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The ferry sank in the strait on Friday."),
        ("Daily", "In 2015, a ferry sank in the strait in a storm."),
    )
    assert found == []


def test_a_sentence_sought_is_not_the_sentence_imposed(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The judge imposed a six-year prison term on Friday."),
        ("Daily", "Prosecutors had sought a nine-year prison term."),
    )
    assert found == []


def test_the_number_of_things_as_subject_counts_the_things(nlp):
    found = conflicts(
        nlp,
        ("Wire", "By Friday evening, 18 trucks were waiting at the border crossing."),
        ("Daily", "The number of trucks waiting at the crossing has risen to 25."),
    )
    assert [values(c) for c in found] == [{"18", "25"}]


def test_a_money_figure_with_a_suffix_is_read_whole(nlp):
    found = conflicts(
        nlp,
        ("Wire", "The club was fined €1.5m on Friday."),
        ("Daily", "The club was fined €1.5 million by the league."),
    )
    assert found == []


@pytest.mark.parametrize(
    "text,first,last",
    [
        ("the end of March 2027", dt.date(2027, 3, 22), dt.date(2027, 3, 31)),
        ("the end of the year", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        ("the end of next year", dt.date(2027, 12, 1), dt.date(2027, 12, 31)),
        ("the end of the first quarter of 2027", dt.date(2027, 3, 1), dt.date(2027, 3, 31)),
    ],
)
def test_the_end_of_a_period_is_its_last_part(text, first, last):
    from claims.nlp.normalize import resolve_date

    interval = resolve_date(text, dt.date(2026, 11, 25))
    assert interval is not None
    assert (interval.start.date(), interval.end.date()) == (first, last)


def test_deadlines_compare_with_deadlines_not_with_happenings(nlp):
    clash = conflicts(
        nlp,
        ("Wire", "The company will complete the sale by the end of March 2027."),
        ("Daily", "The company will complete the sale by the end of June 2027."),
    )
    assert [c.kind for c in clash] == ["datetime"]
    apart = conflicts(
        nlp,
        ("Wire", "The company will complete the sale by the end of March 2027."),
        ("Daily", "The company will complete the sale in June 2027."),
    )
    assert apart == []


def test_a_sentence_listing_values_for_one_question_is_not_held_against_others(nlp):
    found = conflicts(
        nlp,
        (
            "Wire",
            "The Greens won 12 seats on 6.3 per cent and the Farmers nine seats on 5.4 per cent.",
        ),
        ("Daily", "The Greens won 6.3 per cent of the vote."),
    )
    assert not [c for c in found if c.kind == "count" and "per" in c.explanation]
