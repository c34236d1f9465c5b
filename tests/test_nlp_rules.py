# ruff: noqa: RUF001  (typographic dashes are intentional: news text uses them)
"""Held-out checks of the engine's general rules of news language (no database).

Every text here is invented for these tests and worded differently from the development
corpus, so that a rule only passes when it is a rule of English news and not of one corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.event import EventArticle, analyse_event
from claims.nlp.normalize import clock_time, parse_fraction, resolve_date
from claims.nlp.pipeline import analyse_article, analyse_articles, get_nlp
from claims.nlp.types import ClaimData, ConflictData


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def claims(nlp, text: str, day: dt.date, kind: str | None = None) -> list[ClaimData]:
    found = analyse_article(text, published=day, nlp=nlp).claims
    return [c for c in found if kind is None or c.kind == kind]


def one(nlp, text: str, day: dt.date, value: str) -> ClaimData:
    found = [c for c in claims(nlp, text, day) if value in c.value_text]
    assert found, [(c.value_text, c.key) for c in claims(nlp, text, day)]
    return found[0]


def conflicts(nlp, *articles: tuple[str, dt.date, str]) -> list[ConflictData]:
    """Conflicts between outlets for ``(outlet, date, text)`` articles."""
    analyses = analyse_articles([(text, day) for _, day, text in articles], nlp=nlp)
    return analyse_event(
        [
            EventArticle(article_id=i, outlet=outlet, mentions=a.mentions, claims=a.claims)
            for i, ((outlet, _, _), a) in enumerate(zip(articles, analyses, strict=True))
        ]
    ).conflicts


MON = dt.date(2026, 4, 6)  # a Monday
TUE = dt.date(2026, 4, 7)
WED = dt.date(2026, 4, 8)
THU = dt.date(2026, 4, 9)
FRI = dt.date(2026, 4, 10)
SAT = dt.date(2026, 4, 11)
SUN = dt.date(2026, 4, 12)


# --------------------------------------------------------------------------- counts: measures


@pytest.mark.parametrize(
    "text,value",
    [
        ("A magnitude 5.4 tremor shook the coastal towns before dawn.", "5.4"),
        ("Seismologists said the quake had a magnitude of 5.9.", "5.9"),
        ("The geological survey put the magnitude at 5.7.", "5.7"),
    ],
)
def test_magnitude_is_a_measure_whatever_the_verb(nlp, text, value):
    claim = one(nlp, text, TUE, value)
    assert claim.key.split("|")[1:3] == ["measure", "magnitude"]


def test_magnitude_of_an_aftershock_is_another_question(nlp):
    main = one(nlp, "A magnitude 5.9 earthquake struck the valley.", TUE, "5.9")
    after = one(nlp, "An aftershock of magnitude 4.1 rattled the valley.", TUE, "4.1")
    assert main.key != after.key
    found = conflicts(
        nlp,
        ("A", TUE, "A magnitude 5.9 earthquake struck the valley on Tuesday."),
        ("B", TUE, "The earthquake had a magnitude of 6.4, the agency said."),
        ("C", TUE, "An aftershock of magnitude 4.1 rattled the valley an hour later."),
    )
    assert [c.key for c in found] == ["count|measure|magnitude|earthquake|"]
    assert {ec.claim.value_text for c in found for ec in c.claims} == {"5.9", "6.4"}


@pytest.mark.parametrize(
    "text,value",
    [
        ("The number of dead climbed to 31 by Friday, the ministry said.", "31"),
        ("The toll now stands at 31.", "31"),
        ("The floods have killed at least 31 people in the province.", "31"),
        ("At least 31 people died when the ferry capsized.", "31"),
    ],
)
def test_death_counts_share_one_key_whoever_is_the_subject(nlp, text, value):
    assert one(nlp, text, THU, value).key.startswith("count|die|death|")


def test_injured_and_killed_are_different_questions(nlp):
    killed = one(nlp, "The blast killed 14 people, police said.", TUE, "14")
    hurt = one(nlp, "The blast injured 40 people, police said.", TUE, "40")
    assert killed.key != hurt.key


def test_rising_toll_is_a_conflict_that_says_it_may_have_been_updated(nlp):
    found = conflicts(
        nlp,
        ("A", MON, "The storm killed 8 people, officials said."),
        ("B", WED, "The toll from the storm rose to 15, officials said."),
    )
    assert len(found) == 1
    assert "different days" in found[0].explanation
    assert "updated" in found[0].explanation


@pytest.mark.parametrize(
    "text,value",
    [
        ("Turnout was 48% in the municipal poll.", "48"),
        ("Barely half of voters took part in the referendum.", "half"),
        ("About 52 percent of registered voters cast a ballot.", "52"),
    ],
)
def test_turnout_wordings(nlp, text, value):
    assert "|measure|turnout|" in one(nlp, text, MON, value).key


def test_regional_turnout_is_not_the_national_one(nlp):
    national = one(nlp, "Turnout in the referendum was 48%.", MON, "48")
    regional = one(nlp, "Turnout in Westmark was 39%, officials said.", MON, "39")
    assert national.key != regional.key


def test_nearly_two_thirds_disagrees_with_sixty_percent(nlp):
    found = conflicts(
        nlp,
        ("A", MON, "Turnout in the referendum was 60%, the commission said."),
        ("B", MON, "Nearly two-thirds of voters took part in the referendum."),
    )
    assert len(found) == 1


def test_fractions_are_percentages():
    assert parse_fraction("two-thirds") == pytest.approx(66.67)
    assert parse_fraction("three quarters") == 75
    assert parse_fraction("a fifth") == 20
    assert parse_fraction("one in four") == 25
    assert parse_fraction("thirty") is None


@pytest.mark.parametrize(
    "text,value",
    [
        ("The concert went ahead in front of 18,000 fans.", "18,000"),
        ("A crowd of about 18,000 watched the concert.", "18,000"),
        ("Organisers gave the attendance as 17,600.", "17,600"),
    ],
)
def test_attendance_wordings(nlp, text, value):
    assert "|measure|attendance|" in one(nlp, text, MON, value).key


def test_last_years_crowd_is_scoped_to_its_year(nlp):
    this = one(nlp, "The crowd of 18,000 was a record.", MON, "18,000")
    last = one(nlp, "Last year's crowd of 12,500 was smaller.", MON, "12,500")
    assert this.key != last.key
    assert last.key.endswith("y:2025")


# --------------------------------------------------------------------------- counts: tallies


@pytest.mark.parametrize(
    "text,value",
    [
        ("Lawmakers backed the bill 301–112 on Wednesday.", "301"),
        ("The senate passed the measure by 61 to 38.", "61"),
        ("Deputies approved the budget by 188 votes to 140.", "188"),
    ],
)
def test_vote_tally_wordings_are_one_value(nlp, text, value):
    claim = one(nlp, text, THU, value)
    assert claim.key.startswith("count|tally|vote|")
    assert claim.normalized["unit"] == "tally"
    assert "–" in claim.display


def test_tallies_disagree_on_either_side(nlp):
    found = conflicts(
        nlp,
        ("A", THU, "Deputies approved the budget by 188 votes to 140."),
        ("B", THU, "The assembly passed the budget 188–143 on Wednesday."),
        ("C", THU, "The budget vote went 188 to 140, with the chamber split."),
    )
    assert len(found) == 1
    assert {ec.outlet for ec in found[0].claims} >= {"A", "B"}


def test_numbers_from_to_are_not_a_tally(nlp):
    claim = one(nlp, "Membership grew from 1,200 to 1,900 in the spring.", TUE, "1,200")
    assert claim.normalized.get("unit") != "tally"


# --------------------------------------------------------------------------- dates and times


def test_clock_times_resolve_with_their_spread():
    assert clock_time("3:45 p.m.") == (15, 45, True)
    assert clock_time("11 a.m.") == (11, 0, False)
    exact = resolve_date("4:12 a.m. Sunday", MON, "past")
    assert exact is not None and exact.start == exact.end == dt.datetime(2026, 4, 5, 4, 12)
    after = resolve_date("shortly after 4 a.m. Sunday", MON, "past")
    assert after is not None
    assert (after.start, after.end) == (dt.datetime(2026, 4, 5, 4), dt.datetime(2026, 4, 5, 4, 30))


def test_24_hour_readings_are_clock_times_but_race_times_and_plain_numbers_are_not():
    assert clock_time("17:40") == (17, 40, True)
    assert clock_time("21.50 local time") == (21, 50, True)
    assert clock_time("6.42") is None  # a number, without its zone
    assert clock_time("2:05:38") is None  # a race time


@pytest.mark.parametrize(
    "text,shown",
    [
        ("The power failed across the city at 6.42pm yesterday.", "Sun 5 Apr 2026, 18:42"),
        ("The lights went out at 17:40 local time on Sunday.", "Sun 5 Apr 2026, 17:40"),
        ("The crane toppled at about 10.45am on Sunday.", "Sun 5 Apr 2026, 10:30–11:00"),
        ("The pier gave way at 21:50 on 5 April.", "Sun 5 Apr 2026, 21:50"),
        (
            "The roof fell in shortly before 10 p.m. on Sunday, April 5.",
            "Sun 5 Apr 2026, 21:30–22:00",
        ),
        ("The gates were shut at about 10:40 on Sunday night.", "Sun 5 Apr 2026, 22:25–22:55"),
        ("The ransomware was triggered in the early hours of Sunday.", "Sun 5 Apr 2026, early"),
        ("The storm made landfall late on Sunday.", "Sun 5 Apr 2026, late"),
        ("The ferry sailed on Sunday at 6.42pm.", "Sun 5 Apr 2026, 18:42"),
    ],
)
def test_a_clock_time_keeps_its_day_whatever_way_it_is_written(nlp, text, shown):
    found = claims(nlp, text, MON, "datetime")
    assert [c.display for c in found] == [shown]


def test_a_clock_time_of_a_kind_of_thing_is_not_a_moment(nlp):
    text = "Pilots want a cap on duty periods starting before 06:00 local time."
    assert claims(nlp, text, MON, "datetime") == []


def test_times_written_differently_for_one_moment_agree_and_a_clock_hour_apart_clashes(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The bridge collapsed at 6:42 p.m. on Sunday, police said."),
        ("Daily", MON, "The bridge collapsed at 18:42 yesterday."),
        ("Tabloid", MON, "The bridge collapsed at 17:40 local time on Sunday."),
    )
    assert len(found) == 1
    assert {c.outlet for c in found[0].claims} == {"Wire", "Daily", "Tabloid"}
    assert "17:40" in found[0].explanation and "18:42" in found[0].explanation


def test_a_named_nights_ends_at_midnight():
    night = resolve_date("Saturday night", MON, "past")
    assert night is not None and night.end == dt.datetime(2026, 4, 4, 23, 59)


@pytest.mark.parametrize(
    "text,months",
    [
        ("the second quarter of 2027", (4, 6)),
        ("the fourth quarter of next year", (10, 12)),
        ("Q1", (1, 3)),
    ],
)
def test_quarters(text, months):
    interval = resolve_date(text, MON, "future")
    assert interval is not None
    assert (interval.start.month, interval.end.month) == months


def test_tremor_time_vs_previous_night(nlp):
    found = conflicts(
        nlp,
        ("A", MON, "The earthquake struck at 4:12 a.m. on Sunday, waking the whole town."),
        ("B", MON, "A strong quake hit the hill towns shortly after 4 a.m. Sunday."),
        ("C", MON, "An earthquake that hit the hill towns late on Saturday night left damage."),
    )
    assert len(found) == 1
    assert {ec.outlet for ec in found[0].claims} == {"A", "B", "C"}


def test_past_verb_with_to_infinitive_is_past(nlp):
    claim = one(nlp, "Windows began to rattle at 4:12 a.m. on Sunday.", WED, "Sunday")
    assert claim.normalized["start"].startswith("2026-04-05")


def test_possessive_weekday_dates_the_event_noun(nlp):
    found = conflicts(
        nlp,
        ("A", THU, "Councillors slept through last Tuesday's budget vote, critics said."),
        ("B", THU, "The mayor won the budget vote on Wednesday by a wide margin."),
    )
    assert len(found) == 1
    assert found[0].key == "datetime|event|vote|"


def test_closing_quarter_vs_month(nlp):
    found = conflicts(
        nlp,
        ("A", MON, "The merger is expected to close in the third quarter of 2026."),
        ("B", MON, "The merger is not expected to close until December."),
    )
    assert len(found) == 1


def test_a_date_on_a_place_noun_is_not_an_event(nlp):
    dated = claims(
        nlp, "The convoy reached Tarn, the market town on the river, on Sunday evening.", MON
    )
    assert not any(c.key.startswith("datetime|event|town") for c in dated)


# --------------------------------------------------------------------------- sport


@pytest.mark.parametrize(
    "text",
    [
        "Moreno scored in the 63rd minute to settle it.",
        "Moreno's 63rd-minute header settled it.",
        "Moreno's finish in the 63rd minute settled it.",
    ],
)
def test_minute_of_a_goal_is_an_ordinal(nlp, text):
    claim = one(nlp, text, MON, "63rd")
    assert claim.kind == "ordinal"
    assert claim.normalized["value"] == 63
    assert claim.key.startswith("ordinal|minute|goal|")


def test_minute_of_a_red_card_is_not_the_minute_of_the_goal(nlp):
    goal = one(nlp, "Moreno scored in the 63rd minute.", MON, "63rd")
    card = one(nlp, "Diaz was sent off in the 55th minute.", MON, "55th")
    assert goal.key != card.key


@pytest.mark.parametrize(
    "text,value",
    [
        ("The board showed five minutes of stoppage time.", "five minutes"),
        ("They held on through three minutes of added time.", "three minutes"),
        ("Seven minutes of injury time were played.", "Seven minutes"),
    ],
)
def test_added_time_wordings(nlp, text, value):
    claim = one(nlp, text, MON, value)
    assert claim.key == "duration|last|added time"


# --------------------------------------------------------------------------- subjects


def test_common_noun_subjects_do_not_split_a_count(nlp):
    found = conflicts(
        nlp,
        ("A", TUE, "The two delegations signed eleven accords on Monday."),
        ("B", TUE, "The ministers signed twelve accords in the capital."),
    )
    assert len(found) == 1


def test_a_count_buried_in_a_phrase_keeps_its_subject(nlp):
    found = conflicts(
        nlp,
        ("A", TUE, "Officials expect 40 delegates to attend the summit."),
        ("B", TUE, "Analysts are watching for a meeting among the three delegates."),
    )
    assert found == []


# --------------------------------------------------------------------------- headquarters


@pytest.mark.parametrize(
    "text,company,place",
    [
        ("Oslo-based Fjordline Shipping posted a loss.", "Fjordline Shipping", "Oslo"),
        (
            "The deal values Leeds-headquartered Brantwell Foods at £2 billion.",
            "Brantwell",
            "Leeds",
        ),
        (
            "The group will be run from Turin, where Vellano Motors has been based since 1950.",
            "Vellano Motors",
            "Turin",
        ),
    ],
)
def test_home_city_wordings(nlp, text, company, place):
    found = [c for c in claims(nlp, text, MON, "place") if c.predicate == "headquarter"]
    assert found, [(c.value_text, c.key) for c in claims(nlp, text, MON)]
    assert found[0].display == place
    assert company.split()[0].lower() in found[0].key


def test_two_home_cities_disagree_but_a_city_in_its_region_does_not(nlp):
    a = ("A", MON, "Fjordline Shipping, based in Bergen, Vestland, posted a loss.")
    b = ("B", MON, "Oslo-based Fjordline Shipping posted a loss on Monday.")
    c = ("C", MON, "Vestland-based Fjordline Shipping posted a loss on Monday.")
    found = conflicts(nlp, a, b)
    assert len(found) == 1
    assert {ec.claim.display for ec in found[0].claims} == {"Bergen", "Oslo"}
    assert conflicts(nlp, a, c) == []


def test_company_short_name_joins_its_full_name():
    from claims.nlp.entities import canonicalize_entities
    from claims.nlp.types import MentionData

    mentions = [
        MentionData(0, 17, "Fjordline Shipping", "ORG"),
        MentionData(20, 29, "Fjordline", "ORG"),
        MentionData(30, 40, "Brantwell", "ORG"),
        MentionData(41, 55, "Brantwell Foods", "ORG"),
        MentionData(56, 70, "Brantwell Bank", "ORG"),
    ]
    clusters, assignment = canonicalize_entities(mentions)
    assert assignment[0] == assignment[1]
    assert assignment[2] not in (assignment[3], assignment[4])  # ambiguous: left alone
    assert len(clusters) == 4


# --------------------------------------------------------------------------- negation


def test_a_denial_of_the_same_day_is_a_conflict(nlp):
    found = conflicts(
        nlp,
        ("A", WED, "The minister arrived in Tarn on Monday evening, aides said."),
        ("B", WED, "Her office said the minister did not arrive in Tarn on Monday."),
    )
    assert len(found) == 1
    assert "not Mon" in found[0].explanation


def test_not_until_is_when_it_happened(nlp):
    claim = one(nlp, "The minister did not arrive in Tarn until Tuesday.", WED, "Tuesday")
    assert not claim.negated
    found = conflicts(
        nlp,
        ("A", WED, "The minister arrived in Tarn on Tuesday, aides said."),
        ("B", WED, "The minister did not arrive in Tarn until Tuesday."),
    )
    assert found == []


def test_a_denial_of_another_day_is_not_a_conflict(nlp):
    found = conflicts(
        nlp,
        ("A", WED, "The minister arrived in Tarn on Tuesday morning, aides said."),
        ("B", WED, "Her office said the minister did not arrive in Tarn on Monday."),
    )
    assert found == []


def test_two_denials_agree(nlp):
    found = conflicts(
        nlp,
        ("A", WED, "The minister did not arrive in Tarn on Monday, aides said."),
        ("B", WED, "The minister did not arrive in Tarn on Monday, her office said."),
    )
    assert found == []


def test_irregular_demonyms_join_their_country():
    from claims.nlp.entities import canonicalize_entities
    from claims.nlp.types import MentionData

    mentions = [
        MentionData(0, 5, "Dutch", "NORP"),
        MentionData(6, 21, "the Netherlands", "GPE"),
        MentionData(22, 28, "French", "NORP"),
        MentionData(29, 35, "France", "GPE"),
        MentionData(36, 41, "Swiss", "NORP"),
        MentionData(42, 53, "Switzerland", "GPE"),
    ]
    _, assignment = canonicalize_entities(mentions)
    assert assignment[0] == assignment[1]
    assert assignment[2] == assignment[3]
    assert assignment[4] == assignment[5]
    assert len({assignment[0], assignment[2], assignment[4]}) == 3


# --------------------------------------------------------------------------- scope and quotes


@pytest.mark.parametrize(
    "text,year",
    [
        ("It was the deadliest storm since 1998, when 40 people died in the delta.", "1998"),
        ("The 2017 floods killed 55 people in the same valley.", "2017"),
        ("Trade in 2019 reached $4 billion, the ministry said.", "2019"),
    ],
)
def test_figures_about_another_year_get_their_own_key(nlp, text, year):
    claim = next(
        c
        for c in claims(nlp, text, MON, "count")
        if c.value_text[-1].isdigit() or "$" in c.value_text
    )
    assert claim.key.endswith(f"y:{year}"), claim.key


def test_a_figure_inside_a_quotation_keeps_the_quote_and_speaker(nlp):
    text = 'Mayor Lena Ostrova said: "We have found 14 bodies so far and we fear more."'
    claim = one(nlp, text, MON, "14")
    assert "14 bodies" in claim.quote
    assert "Ostrova" in claim.speaker


def test_a_figure_outside_quotes_has_no_quote(nlp):
    claim = one(nlp, "Rescuers have found 14 bodies, the mayor said.", MON, "14")
    assert claim.quote == ""


# --------------------------------------------------------------------------- "the nth time that"


def test_nth_time_that_is_keyed_by_its_clause(nlp):
    visit = one(nlp, "It is the second time that Ostrova has visited the delta.", MON, "second")
    met = one(nlp, "It was the second time that Ostrova has met the council.", MON, "second")
    assert visit.kind == met.kind == "ordinal"
    assert visit.key != met.key
    assert "visited the delta" in visit.about


def test_nth_time_disagreement(nlp):
    found = conflicts(
        nlp,
        ("A", MON, "It is the second time that Ostrova has visited the delta."),
        ("B", MON, "This is the third time that Ostrova has visited the delta."),
    )
    assert len(found) == 1


def test_first_time_since_a_year(nlp):
    claim = one(
        nlp, "It was the first time that Ostrova had visited the delta since 2019.", MON, "first"
    )
    assert claim.key.startswith("ordinal|first since|time:visit")
    assert claim.normalized["previous_high"] == 2019


# --------------------------------------------------------------------------- attribution


def test_attribution_is_per_clause(nlp):
    text = "Police said 12 people died, while medics told reporters that 15 people were killed."
    assert one(nlp, text, MON, "12").attribution == "Police"
    assert one(nlp, text, MON, "15").attribution == "medics"


@pytest.mark.parametrize(
    "text,source",
    [
        ("The storm killed 12 people, according to the fire service.", "fire service"),
        ("At least 12 people died, the interior ministry said on Monday.", "interior ministry"),
        ("Officials told a briefing that 12 people had died.", "Officials"),
    ],
)
def test_attribution_wordings(nlp, text, source):
    claim = next(c for c in claims(nlp, text, MON, "count"))
    assert claim.attribution == source


# --------------------------------------------------------------------------- background figures


def test_a_population_is_not_a_toll(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Lorvik, a harbour town of about 38,000 people, was shaken by the blast."),
        ("Daily", MON, "The number of people killed in the blast rose to nine on Monday."),
    )
    assert not found
    toll = one(nlp, "The number of people killed in the blast rose to nine.", MON, "nine")
    assert toll.key == one(nlp, "Nine people were killed in the blast.", MON, "Nine").key


def test_the_parts_of_a_match_are_not_ranks(nlp):
    text = "She took the first set, lost the second set and won 40% of her second-serve points."
    assert not claims(nlp, text, MON, "ordinal")
    assert claims(nlp, "It was her first-ever title.", MON, "ordinal")


def test_a_bracket_of_a_ranking_is_not_a_count(nlp):
    assert not claims(nlp, "He is expected to break into the top 20 next year.", MON, "count")


def test_a_further_fall_is_another_fall(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Shares in the airline fell 9 per cent on Monday."),
        ("Daily", TUE, "The shares, down 9 per cent on Monday, fell a further 2 per cent today."),
    )
    assert not found


def test_a_forecast_year_is_not_when_it_happened(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The economy grew by 0.4% in the last quarter of 2025."),
        ("Daily", TUE, "The central bank expects the economy to grow by 1.1 per cent in 2026."),
    )
    assert not found


def test_declaring_something_is_an_act_with_a_date(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The health agency declared an emergency on Monday."),
        ("Daily", THU, "The health agency, which declared the emergency on Tuesday, said…"),
    )
    assert [c.kind for c in found] == ["datetime"]


def test_the_month_may_is_not_a_hedge(nlp):
    claim = one(nlp, "The jury convicted Ana Brell on May 14.", MON, "May 14")
    assert "may" not in claim.hedges
    assert "may" in one(nlp, "Ana Brell may appeal on May 20.", MON, "May 20").hedges


# --------------------------------------------------------------------------- wordings of one fact


def test_walkouts_in_other_words_are_one_count(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "About 1,200 miners walked out on Monday over pay."),
        ("Daily", TUE, "The 1,900 miners who downed tools on Monday want a new contract."),
        ("Trade", TUE, "Some 1,250 miners are on strike at the pit."),
    )
    (conflict,) = found
    assert {ec.outlet for ec in conflict.claims} == {"Wire", "Daily", "Trade"}


def test_the_size_of_a_change_is_asked_about_what_changed(nlp):
    a = one(nlp, "The union accepted a 4.5% pay rise.", MON, "4.5")
    b = one(nlp, "The offer is a pay increase of 5 per cent.", MON, "5 per cent")
    c = one(nlp, "The airline reported a 7% drop in passenger numbers.", MON, "7")
    assert a.key == b.key == "count|rise|percent|pay|"
    assert c.key.startswith("count|fall|percent|")
    assert a.about == "how much the pay rose"


def test_a_bare_clock_time_is_on_the_day_last_named(nlp):
    text = "The final was played on Saturday night. The final ended at 11:42 p.m."
    claim = one(nlp, text, MON, "11:42")
    assert claim.display == "Sat 4 Apr 2026, 23:42"
    assert claim.about == "when the final ended"


def test_a_rate_move_is_sized_in_basis_points_and_its_new_level_is_the_rate(nlp):
    found = conflicts(
        nlp,
        (
            "Wire",
            THU,
            "The bank cut its main policy rate by a quarter of a percentage point to 3%.",
        ),
        ("Daily", THU, "It reduced the benchmark rate by 25 basis points to 3 per cent."),
        ("Tabloid", THU, "Bosses cut interest rates, bringing them down to 3.5 per cent."),
        ("Trade", THU, "The bank lowered its policy rate by half a percentage point."),
        ("Weekly", THU, "The bank also lowered its deposit rate to 2.5 per cent."),
    )
    by_question = {c.about.split(" the ")[0]: {ec.claim.display for ec in c.claims} for c in found}
    assert by_question == {  # the question's wording takes one outlet's name for the rate
        "the new level of": {"3%", "3.5%"},
        "how much": {"a quarter (25 bp)", "25 bp", "half (50 bp)"},
    }
    assert all(" rate" in c.about for c in found)


def test_a_percentage_keeps_what_it_is_a_percentage_of(nlp):
    a = one(nlp, "Inflation was 3.1 per cent in March.", MON, "3.1")
    b = one(nlp, "Unemployment was 3.1 per cent in March.", MON, "3.1")
    c = one(nlp, "Roughly two-thirds of mortgages are on fixed rates.", MON, "two-thirds")
    assert len({a.key, b.key, c.key}) == 3
    assert a.about == "the percentage for inflation"


# --------------------------------------------------------------------------- scopes of a figure


def test_a_figure_for_the_whole_year_or_the_whole_event_is_another_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The group now expects full-year revenue of $8.1 billion."),
        ("Daily", THU, "Analysts had expected quarterly revenue of $2.2 billion."),
        ("Trade", THU, "Organisers reported total attendance of 95,000 across the week."),
        ("Sport", THU, "The final was watched by a crowd of 11,000."),
    )
    assert not found


def test_who_employs_is_part_of_the_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The group employs about 12,000 people worldwide."),
        ("Local", THU, "The plant employs around 2,100 people."),
    )
    assert not found


def test_an_age_after_a_name_is_not_a_date(nlp):
    text = "Otto Brandt, 29, was playing his first final since returning in June."
    assert not [c for c in claims(nlp, text, MON, "datetime") if "29" in c.value_text]


def test_evening_starts_before_six(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The roof of the hall fell in at about 5:40 p.m. on Monday, police said."),
        ("Daily", TUE, "The roof of the hall fell in on Monday evening."),
    )
    assert not found


def test_half_a_million_is_five_hundred_thousand():
    from claims.nlp.normalize import parse_number

    assert parse_number("half a million") == (500_000, 500_000)
    assert parse_number("a quarter of a million") == (250_000, 250_000)


def test_crowds_along_a_route_in_other_words_are_one_count(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "An estimated 300,000 spectators lined the route on Sunday."),
        ("Daily", MON, "Around half a million people lined the course, police said."),
    )
    (conflict,) = found
    assert {ec.claim.display for ec in conflict.claims} == {"270,000–330,000", "450,000–550,000"}


def test_an_ordinal_after_the_verb_be_ranks_the_subject(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The walkout was the second at the mine this year."),
        ("Daily", MON, "It was the third walkout at the mine this year."),
    )
    (conflict,) = found
    assert conflict.kind == "ordinal"


def test_a_document_is_not_who_demands(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The hackers demanded $3 million in cryptocurrency."),
        ("Daily", MON, "The gang sent a ransom note demanding $7 million."),
    )
    (conflict,) = found
    assert conflict.kind == "count"


def test_a_replacement_is_another_instance(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The plane was due to leave on Thursday at 1.40pm."),
        ("Daily", THU, "On Thursday a replacement plane left shortly after 9 p.m."),
    )
    assert not found


def test_a_bare_clock_time_is_on_its_paragraphs_day_or_the_storys_opening_day(nlp):
    text = (
        "The vote was held on Tuesday across the country.\n\n"
        "The count ended at 11 p.m.\n\n"
        "Protests began on Wednesday. Crowds gathered at 6 p.m."
    )
    found = {c.value_text: c.display for c in claims(nlp, text, THU, "datetime")}
    assert found["11 p.m."].startswith("Tue 7 Apr 2026, 23:00")
    assert found["6 p.m."].startswith("Wed 8 Apr 2026, 18:00")
    assert not claims(nlp, "The count ended at 11 p.m.", THU, "datetime")


def test_a_regional_share_is_not_the_national_one(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The Green Union took 38.5 per cent of the vote."),
        ("Daily", THU, "The Green Union took 51% in Tarsk province."),
        ("Local", THU, "The Green Union took 55% in the city of Vienna."),
    )
    assert not found


def test_turnout_hitting_a_figure_is_the_turnout(nlp):
    a = one(nlp, "Turnout hit 71% on Sunday.", MON, "71")
    b = one(nlp, "Turnout was 68.4 per cent.", MON, "68.4")
    assert a.key == b.key == "count|measure|turnout||"


def test_failures_of_a_structure_in_other_words_are_one_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The embankment gave way shortly before 2 a.m. on Monday."),
        ("Daily", TUE, "The levee burst late on Sunday evening."),
    )
    (conflict,) = found
    assert conflict.about in ("when the embankment gave way", "when the levee burst")


def test_people_forced_from_their_homes_were_evacuated(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "About 23,000 people had been evacuated by Monday."),
        ("Daily", TUE, "Nearly 40,000 people were forced from their homes."),
    )
    assert [c.kind for c in found] == ["count"]


def test_lengths_compare_in_metres(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The 300-metre viaduct carried two tracks."),
        ("Daily", MON, "The 1,500-foot viaduct was built of brick."),
        ("Trade", MON, "The plane was cruising at 35,000 feet when the engine failed."),
        ("Local", MON, "The plane was flying at about 9,000 metres when the engine failed."),
    )
    about = {c.about: {ec.claim.display for ec in c.claims} for c in found}
    assert about == {
        "the length of the viaduct": {"300-metre", "1,500-foot (≈457 m)"},
        "the altitude": {"35,000 feet (≈10,668 m)", "about 9,000 metres"},
    }


def test_a_distance_without_a_thing_is_not_a_length(nlp):
    text = "The river runs for about 300 kilometres. The runners passed the 30-kilometre mark."
    assert all("length" not in c.key for c in claims(nlp, text, MON, "count"))


def test_active_and_passive_ask_one_date(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Its security team detected the intrusion late on Saturday."),
        ("Daily", TUE, "The intrusion was first detected on March 2."),
        ("Trade", TUE, "The judge did not make a confiscation order on Friday."),
        ("Local", TUE, "No confiscation order was made on Friday."),
    )
    (conflict,) = found  # the two denials of a Friday order agree
    assert {ec.outlet for ec in conflict.claims} == {"Wire", "Daily"}


@pytest.mark.parametrize(
    "text,tally",
    [
        ("The board voted 7-2 in favour of the cut.", "7–2"),
        ("The board was split by five votes to four.", "5–4"),
        ("The nine-judge panel divided five to four.", "5–4"),
        ("The 6–3 vote has left lawyers arguing.", "6–3"),
        ("Seven of the nine board members backed the reduction.", "7–2"),
        ("Councillors passed the plan with 31 in favour and 12 against.", "31–12"),
        ("The bill carried, 208 votes in favor, 190 votes against.", "208–190"),
    ],
)
def test_vote_tallies_in_their_usual_wordings(nlp, text, tally):
    (claim,) = [c for c in claims(nlp, text, MON, "count") if c.key.startswith("count|tally")]
    assert claim.display == tally
    assert "has left" not in claim.value_text


def test_a_dateline_is_neither_the_subject_nor_the_date_of_the_first_sentence(nlp):
    text = "HARLOW BAY, May 6 (Coast Wire) - Councillors voted on Monday to close the pier."
    dates = claims(nlp, text, dt.date(2026, 5, 6), "datetime")
    assert [c.normalized["start"][:10] for c in dates] == ["2026-05-04"]
    assert "harlow" not in dates[0].key
    assert text[dates[0].sentence_start :].startswith("Councillors voted")
    sentence = analyse_article(text, published=dt.date(2026, 5, 6), nlp=nlp).sentences[0]
    assert text[sentence[0] : sentence[1]].startswith("Councillors voted")


def test_the_age_of_the_one_who_died_and_of_a_named_person(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "An 84-year-old man has died in hospital, health officials said."),
        ("Daily", MON, "A man aged 79 died on Sunday, officials said."),
        ("Trade", MON, "Police arrested a 40-year-old woman and a 23-year-old man."),
    )
    (conflict,) = found
    assert conflict.about == "the age of the man who died"
    assert {ec.claim.display for ec in conflict.claims} == {"84 years old", "79 years old"}


def test_dying_in_hospital_is_a_death_not_a_hospital_stay(nlp):
    claim = one(nlp, "Two more people died in hospital overnight.", MON, "Two")
    assert claim.key.startswith("count|die|")


@pytest.mark.parametrize(
    "text,display",
    [
        ("the small hours of Sunday", "Sun 5 Apr 2026, early"),
        ("the small hours of this morning", "Mon 6 Apr 2026, early"),
        ("this evening", "Mon 6 Apr 2026, evening"),
    ],
)
def test_parts_of_today_and_the_small_hours(text, display):
    assert resolve_date(text, MON, "past").display == display


def test_a_deal_and_an_agreement_reached_are_one_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The union reached a pay deal shortly after 2 a.m. on Sunday."),
        ("Daily", MON, "The agreement was reached late on Friday."),
    )
    assert [c.kind for c in found] == ["datetime"]


@pytest.mark.parametrize(
    "text,display",
    [
        ("shortly before midnight on Sunday", "Sun 5 Apr 2026, just before midnight"),
        ("just after midnight on Sunday", "Mon 6 Apr 2026, just after midnight"),
    ],
)
def test_midnight_belongs_to_the_evening_it_ends(text, display):
    assert resolve_date(text, MON, "past").display == display


def test_figures_converted_from_other_units_agree_when_they_round_alike(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The storm hit the coast with sustained winds of 185 km/h."),
        ("Daily", MON, "The storm hit the coast with sustained winds of 115 mph."),
        ("Trade", MON, "The miners were trapped about 840 metres below the surface."),
        ("Local", MON, "The miners were trapped at a depth of 2,750 feet."),
    )
    assert not found


def test_different_budgets_and_different_movers_are_different_questions(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Health spending will reach 61 billion dollars."),
        ("Daily", MON, "Defence spending rises by 6.5 per cent to 14.2 billion dollars."),
        ("Trade", MON, "The first miner reached the surface at 19:30 on Sunday."),
        ("Local", MON, "The last of the men reached the surface at 2:15 a.m. on Monday."),
        ("Tabloid", MON, "The storm cut power to more than a million homes on Sunday."),
        ("Weekly", MON, "Power has been restored to around 400,000 homes."),
    )
    assert not found


def test_a_part_of_a_group_that_did_not_vote_is_not_a_tally(nlp):
    text = "Two of the five victims were children."
    assert not [c for c in claims(nlp, text, MON, "count") if c.key.startswith("count|tally")]


# --------------------------------------------------------------------------- compact figures


@pytest.mark.parametrize(
    "text,display",
    [
        ("The club paid €64m for the striker.", "€64m"),
        ("The insurer set aside £12.5m for claims.", "£12.5m"),
        ("The start-up raised $3bn from investors.", "$3bn"),
    ],
)
def test_compact_money_keeps_its_currency(nlp, text, display):
    found = claims(nlp, text, MON, "count")
    assert [(c.display, c.normalized["unit"]) for c in found] == [(display, "money")]


def test_an_m_after_a_length_is_metres_not_millions(nlp):
    found = claims(nlp, "The new sea wall is 410m long.", MON, "count")
    assert all(c.normalized["high"] < 1000 for c in found), [c.display for c in found]


def test_what_is_left_is_not_what_was_done(nlp):
    """ "with six kilometres remaining" vs "after 30 km": two different distances."""
    found = conflicts(
        nlp,
        ("Wire", MON, "The leader attacked with eight kilometres remaining."),
        ("Daily", MON, "The leader attacked after 30 kilometres of the stage."),
    )
    assert found == []


def test_until_bounds_a_state_it_does_not_date_a_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", THU, "The minister flew to the coast on Thursday."),
        ("Daily", THU, "Flags will fly at half-mast until Sunday evening, the minister said."),
    )
    assert found == []


def test_floors_are_asked_about_what_happened_there(nlp):
    """Which floor a fire began on is a question; where a witness lives is another."""
    found = conflicts(
        nlp,
        ("Wire", MON, "The fire began in a kitchen on the ninth floor, officials said."),
        (
            "Daily",
            MON,
            "The blaze started on the 12th floor. A neighbour who lives on the fourth "
            "floor raised the alarm.",
        ),
    )
    assert len(found) == 1
    assert {ec.claim.display for ec in found[0].claims} == {"9th", "12th"}


def test_a_fee_and_a_sum_paid_are_one_price(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Rovers will pay a fee of 40 million euros for the midfielder."),
        ("Daily", MON, "Rovers have agreed a guaranteed €46m fee with Lisle United."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"40 million", "€46m"}]


def test_sums_owned_by_different_people_or_per_unit_are_different_sums(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The champion took home a winner's cheque of $2.1 million."),
        ("Daily", MON, "Her opponent left with a runner-up cheque of $900,000."),
        ("Trade", MON, "Korvath will pay $41 a share, valuing the deal at $3.3 billion."),
    )
    assert found == []


def test_people_set_free_are_one_count_whatever_the_verb(nlp):
    """ "handed over 118 prisoners" / "released 126 people held in its jails": one question;
    "over" here is the verb's particle, not "more than"."""
    found = conflicts(
        nlp,
        ("Wire", MON, "The rebels handed over 118 prisoners at the border post."),
        ("Daily", MON, "The rebels released 126 people held in their camps."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"118", "126"}]


def test_a_winning_margin_is_one_question_whatever_the_verb(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Lindqvist crossed the line 31 seconds ahead of Arno Pelt."),
        ("Daily", MON, "Lindqvist won the stage by 19 seconds from Arno Pelt."),
        ("Radio", MON, "Lindqvist beat his team-mate Oskar Brede by 12 seconds last week."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"31 seconds", "19 seconds"}]


def test_time_spent_in_custody_is_time_held(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The reporter had been held for 14 months."),
        (
            "Daily",
            MON,
            "The reporter, who spent more than two years in a military prison, flew home.",
        ),
    )
    assert len(found) == 1 and found[0].kind == "duration"


def test_went_down_and_sank_are_one_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", SAT, "The ferry went down shortly before 3am on Saturday."),
        ("Daily", SAT, "The ferry sank at about 10.50pm on Friday, the coastguard said."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_a_rank_by_size_is_one_question_whatever_the_superlative(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "It is the second-most expensive signing in the club's history."),
        ("Daily", MON, "He becomes the fourth-biggest signing in the club's history."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [
        {"2nd-biggest", "4th-biggest"}
    ]


def test_a_compound_ordinal_counts_the_head_noun(nlp):
    """ "his third stage win" counts wins (of stages), not stages."""
    found = claims(nlp, "Kessler took his third stage win on Friday.", MON, "ordinal")
    assert [c.key.split("|")[2] for c in found] == ["title"]


def test_a_small_hours_time_with_no_day_is_on_the_publication_day(nlp):
    """A Sunday paper: "the final finished just after midnight" is Sunday 00:0x; "ended at
    11:40 p.m." could be either day, so it stays unread without a day."""
    sun = dt.date(2026, 4, 12)
    found = claims(nlp, "The final finished just after midnight.", sun, "datetime")
    assert [c.normalized["start"][:10] for c in found] == ["2026-04-12"]
    assert claims(nlp, "The final ended at 11:40 p.m.", sun, "datetime") == []


def test_people_on_board_are_people_carried(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The airliner was carrying 142 passengers and five crew."),
        ("Daily", MON, "The 158 passengers on board flight KX20 were told to brace."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"142", "158"}]


def test_a_kind_of_worker_is_a_worker(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "About 2,400 steelworkers joined the walkout on Monday."),
        ("Daily", MON, "Some 1,500 workers are taking part in the walkout, the company said."),
    )
    assert len(found) == 1


def test_people_known_to_have_died_are_a_toll(nlp):
    found = claims(
        nlp, "The number of people known to have died rose to 31 on Monday.", MON, "count"
    )
    assert [c.key for c in found] == ["count|die|death||"]


def test_when_the_disaster_happened_is_one_question_across_verbs(nlp):
    """ "the span gave way at 4:10" / "the disaster struck just before 6pm": one happening;
    "the storage unit blew up" / "the blast happened": one blast."""
    found = conflicts(
        nlp,
        ("Wire", MON, "The span gave way at about 4:10 p.m. on Monday, officials said."),
        ("Daily", MON, "The disaster struck just before 6pm on Monday."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"
    found = conflicts(
        nlp,
        ("Wire", MON, "The blast happened at 1.30am on Monday, the company said."),
        ("Daily", MON, "The storage unit blew up shortly before 4am on Monday."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_two_different_things_failing_are_not_one_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The quake struck at 5:02 a.m. on Monday."),
        ("Daily", MON, "The old bridge collapsed at about 9 a.m. on Monday."),
    )
    assert found == []


def test_a_price_per_share_is_one_question_however_written(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Orvik agreed to buy Tessel Labs for $31.20 a share in cash."),
        ("Daily", MON, "The $31.20-a-share cash deal was announced on Monday."),
        ("Radio", MON, "Orvik said it would pay $29.80 for each Tessel share."),
    )
    assert len(found) == 1
    assert {ec.claim.display for ec in found[0].claims} >= {"$31.20", "$29.80"}


def test_a_year_inside_a_relative_clause_does_not_date_the_figure(nlp):
    found = claims(
        nlp,
        "Orvik will pay $29.80 a share, in a deal that ends the independence of a firm "
        "founded in 1988.",
        MON,
        "count",
    )
    assert all("y:1988" not in c.key for c in found), [c.key for c in found]


def test_a_share_measured_by_a_noun_is_that_nouns_whoever_forecasts_it(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The plan forecasts a deficit of 2.9 per cent of GDP in 2027."),
        ("Daily", MON, "Ministers were left with a deficit of 3.6% of GDP in 2027."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"2.9%", "3.6%"}]


def test_a_season_named_is_a_scope_and_a_bare_distance_asks_nothing(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The striker scored 22 league goals last season."),
        ("Daily", MON, "He scored 9 goals in his first season at the club."),
        ("Radio", MON, "Tuesday's stage is a flat 182km. The final climb is 7.4km long."),
    )
    assert found == []


def test_a_figure_put_on_something_belongs_to_that_thing(nlp):
    """ "figures put the bus's speed at 60 mph" is the bus's speed, not the speed limit."""
    found = conflicts(
        nlp,
        ("Wire", MON, "Early figures put the bus's speed at roughly 60 mph on the bend."),
        ("Daily", MON, "The speed limit on the bend is 50 km/h, the council said."),
    )
    assert found == []


def test_who_freed_whom_keeps_the_two_directions_of_an_exchange_apart(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Ostland freed 80 prisoners on Monday. Velmar freed 45 prisoners in return."),
        ("Daily", MON, "Ostland released 92 prisoners held in its jails, officials said."),
    )
    assert [{ec.claim.display for ec in c.claims} for c in found] == [{"80", "92"}]


def test_unnamed_sources_and_changes_of_nothing_named_are_not_counts(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The exchange employed about 450 people before the collapse."),
        ("Daily", MON, "Two people with knowledge of its finances put the hole at $2.4bn."),
    )
    assert found == []
    text = "For a fitter, the first increase of 4 percent in April will be worth 900 crowns."
    assert [c.normalized.get("unit") for c in claims(nlp, text, MON, "count")] == ["money"]


def test_a_deadline_met_or_a_time_allowed_is_not_how_long_something_lasted(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Firefighters were at the scene within 12 minutes."),
        ("Daily", MON, "The firefighters were at the scene for 18 minutes."),
        (
            "Radio",
            MON,
            "The residents were given two hours to leave. The residents lived there for 39 years.",
        ),
    )
    assert [c for c in found if c.kind == "duration"] == []


# --------------------------------------------------------------------------- one fact, other words


def test_taking_part_in_a_contest_is_one_question_whatever_the_verb(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Four cyclists competed for the final sprint, race officials said."),
        ("Daily", TUE, "Six cyclists took part in the final sprint."),
        ("Local", TUE, "Six cyclists were in contention at the end."),
    )
    (conflict,) = [c for c in found if c.kind == "count"]
    assert {ec.claim.display for ec in conflict.claims} >= {"4", "6"}


def test_abducted_kidnapped_and_seized_people_are_one_happening(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Gunmen kidnapped three engineers on Monday morning."),
        ("Daily", TUE, "Three engineers were seized late on Sunday, police said."),
        ("Local", TUE, "It was the fourth abduction of engineers in the region."),
        ("Radio", TUE, "It is the third kidnapping of engineers in the region."),
    )
    kinds = sorted(c.kind for c in found)
    assert kinds == ["datetime", "ordinal"]


def test_a_demand_received_and_a_demand_made_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The company said it had not received any demand from the hackers."),
        ("Daily", TUE, "Investigators confirmed that the hackers had made a demand."),
    )
    (conflict,) = found
    assert conflict.kind == "negation"


def test_members_of_staff_are_staff_and_staff_are_workers(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The workers were attacked near the town of Oskel on Monday."),
        ("Daily", TUE, "The staff members were attacked outside Vardin on Monday."),
    )
    assert [c.kind for c in found] == ["place"]


def test_a_guarantee_carried_backed_or_lacked_is_whether_it_was_guaranteed(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The house confirmed that the sculpture had been backed by a guarantee."),
        ("Daily", TUE, "The sculpture carried no guarantee, a spokesman said."),
        ("Local", TUE, "The sculpture was not guaranteed."),
    )
    (conflict,) = found
    assert conflict.kind == "negation"
    assert {ec.outlet for ec in conflict.claims} == {"Wire", "Daily", "Local"}


def test_a_lot_that_fetched_a_sum_was_sold_for_it(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The vase sold for 4.1 million pounds on Monday."),
        ("Daily", TUE, "The vase fetched 4.6 million pounds."),
    )
    (conflict,) = found
    assert conflict.kind == "count"


def test_a_share_of_voters_backing_a_side_is_not_the_turnout(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "In all, 53.1% of voters backed the new charter, officials said."),
        ("Daily", TUE, "Turnout was 71.4 per cent."),
        ("Local", TUE, "Turnout reached 71.4%."),
    )
    assert found == []


def test_people_told_to_do_something_are_not_a_reported_figure(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The refinery employs 410 people."),
        ("Daily", TUE, "About 9,000 people were told to keep their windows shut."),
    )
    assert found == []


@pytest.mark.parametrize(
    "first,second",
    [
        ("The usual limit on the bridge is 40mph.", "Signs showed a 20mph limit during the storm."),
        ("Homes within 800 metres were cleared.", "Her house stands 300 metres from the gate."),
        ("The port handles about 1,200 lorries a day.", "Some 140 lorries were stuck in queues."),
    ],
)
def test_usual_figures_radii_and_rates_are_other_questions(nlp, first, second):
    assert conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second)) == []


def test_things_involved_in_a_crash_are_one_count_whatever_the_verb(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Police said 41 cars were involved."),
        ("Daily", TUE, "The crash involved 36 cars, police said."),
    )
    (conflict,) = found
    assert conflict.kind == "count"


def test_a_relative_day_inside_a_quotation_is_not_dated_by_the_story(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, '"Today we start again," the mayor said at the ceremony.'),
        ("Daily", TUE, '"Today we start again," the mayor told the crowd.'),
    )
    assert found == []


def test_a_finishing_place_is_asked_of_who_finished_there(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The Osprey took second place after a long night."),
        ("Daily", TUE, "Three yachts were still fighting for third place on Monday."),
        ("Local", TUE, "The Osprey finished in third place."),
    )
    (conflict,) = found
    assert {ec.outlet for ec in conflict.claims} == {"Wire", "Local"}


def test_a_visit_someone_said_they_would_make_is_dated_ahead_and_kept_apart(nlp):
    (planned,) = claims(nlp, "The minister said she would visit the site on Wednesday.", TUE)
    assert planned.normalized["start"].startswith("2026-04-08")
    found = conflicts(
        nlp,
        ("Wire", TUE, "The minister said she would visit the site on Wednesday."),
        ("Daily", WED, "The minister, who visited the site yesterday, promised a report."),
    )
    assert found == []


def test_a_change_by_a_figure_is_not_the_new_size(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The bank raised the bond sale from 30 million to 35 million notes."),
        ("Daily", TUE, "The bank enlarged the bond sale by five million notes."),
    )
    assert found == []


def test_the_northbound_and_the_southbound_lanes_are_two_things(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The northbound lanes reopened after nine hours."),
        ("Daily", TUE, "The southbound lanes reopened after three hours."),
    )
    assert found == []


def test_never_at_any_point_on_a_named_night_is_still_a_denial(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The alarms sounded within minutes, the operator said."),
        ("Daily", TUE, "The alarms did not sound at any point on Monday night."),
    )
    assert [c.kind for c in found] == ["negation"]


def test_a_one_word_town_a_company_is_based_in_is_a_place(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Vexa is based in Harrowgate, its filing says."),
        ("Daily", TUE, "Vexa, which is headquartered in Quillon, listed on Monday."),
    )
    assert [c.kind for c in found] == ["place"]


@pytest.mark.parametrize(
    "first,second,kind",
    [
        ("Holm Pharma recalled 12 batches on Monday.", "Holm Pharma pulled 15 batches.", "count"),
        (
            "The council will be abolished on 1 May 2027.",
            "The council will be scrapped on 1 March 2027.",
            "datetime",
        ),
        (
            "It is the second escape from the prison since 2020.",
            "It was the third breakout from the prison since 2020.",
            "ordinal",
        ),
        (
            "The two leaders met for more than two hours.",
            "After a 45-minute meeting, the leaders signed the accord.",
            "duration",
        ),
    ],
)
def test_one_fact_in_other_words(nlp, first, second, kind):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert [c.kind for c in found] == [kind]


def test_a_quotation_roared_to_a_crowd_has_a_speaker(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, '"No more waiting for anyone," Mayor Ilse Varga told supporters.'),
        ("Daily", TUE, '"No more waiting for anyone," Tomas Ree roared to the crowd.'),
    )
    assert [c.kind for c in found] == ["attribution"]


def test_a_descriptor_swallowed_into_a_company_name_is_the_same_company(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Drugmaker Holm Laboratories recalled 12 batches."),
        ("Daily", TUE, "Holm Laboratories has recalled 15 batches of the tablet."),
    )
    assert [c.kind for c in found] == ["count"]


def test_people_led_out_of_a_building_were_evacuated(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "About 150 diners were evacuated from the restaurant."),
        ("Daily", TUE, "More than 200 diners and staff were led out of the restaurant."),
    )
    assert [c.kind for c in found] == ["count"]


def test_the_halves_of_a_year_are_six_months_but_a_match_half_is_no_date():
    half = resolve_date("the first half of 2027", dt.date(2026, 5, 1))
    assert (half.start.date(), half.end.date()) == (dt.date(2027, 1, 1), dt.date(2027, 6, 30))
    later = resolve_date("the second half of next year", dt.date(2026, 5, 1))
    assert later.start.date() == dt.date(2027, 7, 1)
    assert resolve_date("the first half", dt.date(2026, 5, 1)) is None


@pytest.mark.parametrize(
    "first,second",
    [
        ("The levy will take effect on 1 March 2027.", "The levy will apply from 1 June 2027."),
        ("The tax cut starts on 1 May 2027.", "The tax reduction starts on 1 April 2027."),
        (
            "The council's next meeting is scheduled for June 11.",
            "The council will meet on June 4.",
        ),
    ],
)
def test_dates_of_one_happening_in_other_words(nlp, first, second):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert [c.kind for c in found] == ["datetime"]


def test_a_name_the_parser_read_as_an_adverb_is_still_the_subject(nlp):
    from spacy.tokens import Doc

    from claims.nlp.grammar import _subject_token

    # the parse the small model gives "Tolliver was convicted on 21 May" on its own
    words = ["Tolliver", "was", "convicted", "on", "21", "May", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[2, 2, 2, 2, 5, 3, 2],
        deps=["advmod", "auxpass", "ROOT", "prep", "nummod", "pobj", "punct"],
        ents=["B-PERSON", "O", "O", "O", "B-DATE", "I-DATE", "O"],
    )
    assert _subject_token(doc[2]).text == "Tolliver"
    doc.ents = [doc[4:6]]
    assert _subject_token(doc[2]) is None  # an adverb that is no name is no subject


def test_a_length_in_several_units_is_one_value_precise_to_its_last_unit(nlp):
    (length,) = claims(
        nlp, "The Osprey finished the race in 9 days, 4 hours and 12 minutes.", TUE, "duration"
    )
    assert length.normalized["seconds"] == 9 * 86400 + 4 * 3600 + 12 * 60
    assert length.display == "9 days, 4 hours and 12 minutes"
    found = conflicts(
        nlp,
        ("Wire", TUE, "The Osprey finished the race in 9 days, 4 hours and 12 minutes."),
        ("Daily", TUE, "The Osprey finished the race in 9 days, 8 hours and 12 minutes."),
    )
    assert [c.kind for c in found] == ["duration"]


def test_a_time_given_to_leave_and_a_time_someone_has_to_leave_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "The two envoys were given 48 hours to leave the country."),
        ("Daily", TUE, "The two envoys have one week to leave the country."),
    )
    assert [c.kind for c in found] == ["duration"]


@pytest.mark.parametrize(
    "first,second",
    [
        # a tally over years is not the story's toll
        (
            "Two workers were killed when the crane fell.",
            "The union says 14 people have been killed in crane accidents in the past decade.",
        ),
        # a usual figure is not the event's
        (
            "The gauge recorded 180 millimetres in two days.",
            "The town normally sees about 60 millimetres in a month.",
        ),
        # "confirmed dead" is a toll, not a reported count of the injured
        ("Three people were injured, officials said.", "Five people are confirmed dead."),
        # a time penalty is not the race time
        (
            "Her winning time was 1 hour 31 minutes and 4 seconds.",
            "Her rival was given a five-second time penalty.",
        ),
        # a count within a window of years is not a career count
        (
            "The Herons were chasing a second title in three years.",
            "The Kites won the final, their fifth title.",
        ),
    ],
)
def test_figures_that_only_look_like_the_same_question(nlp, first, second):
    assert conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second)) == []


def test_an_estimated_sum_keeps_its_number(nlp):
    text = "The contract, worth an estimated 900 million crowns, was signed."
    (sum_,) = claims(nlp, text, TUE, "count")
    assert sum_.normalized["value"] == 900_000_000


def test_elections_other_places_held_are_other_elections(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "Voters went to the polls in Thursday's election. Results came on May 1."),
        ("Daily", FRI, "Four other towns held elections on May 1, a week later."),
    )
    assert [c for c in found if c.kind == "datetime"] == []


@pytest.mark.parametrize(
    "first,second,kind",
    [
        ("The Herons won their third championship.", "The Herons won a fourth title.", "ordinal"),
        ("Anya Pell scored 28 points.", "Anya Pell poured in 25 points.", "count"),
        ("Ana Lind is the 12th mayor.", "Ana Lind is the 13th mayor in its history.", "ordinal"),
        (
            '"We kept our nerve at the end," Ilse Marn said afterwards.',
            '"We kept our nerve at the end," beamed coach Tomas Vell.',
            "attribution",
        ),
    ],
)
def test_more_facts_in_other_words(nlp, first, second, kind):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert [c.kind for c in found] == [kind]


@pytest.mark.parametrize(
    "first,second,kind",
    [
        (
            "The minister resigned on Monday evening.",
            "The minister quit on Tuesday morning.",
            "datetime",
        ),
        (
            "The tower buckled shortly after 9 a.m. on Monday.",
            "The tower toppled just before noon on Monday.",
            "datetime",
        ),
        (
            "The group will be headquartered in Ellisford.",
            "The enlarged group will be headquartered in Corvanton.",
            "place",
        ),
    ],
)
def test_still_more_facts_in_other_words(nlp, first, second, kind):
    found = conflicts(nlp, ("Wire", WED, first), ("Daily", WED, second))
    assert [c.kind for c in found] == [kind]


def test_a_place_written_as_an_adverb_is_a_finishing_or_a_starting_place(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Mira Solen finished second. Tomas Brek started third on the grid."),
        ("Daily", TUE, "Mira Solen took third place. Tomas Brek qualified third."),
    )
    (conflict,) = found
    assert conflict.kind == "ordinal"
    assert {ec.claim.display for ec in conflict.claims} == {"2nd", "3rd"}


@pytest.mark.parametrize(
    "first,second",
    [
        # a score during a match is a moment, not the result
        ("Lind had a match point at 5-4 in the third set.", "Lind won the final 6-3, 7-6."),
        # last year's and next year's race are other races
        ("Last year's race was run in heavy rain.", "Yesterday's race began at 8am."),
        # agreeing to do one thing is not agreeing on another
        (
            "The leaders agreed to set up a joint fund for ports.",
            "The leaders failed to agree on a migration pact.",
        ),
    ],
)
def test_moments_other_years_and_other_agreements_are_not_conflicts(nlp, first, second):
    assert conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second)) == []


def test_a_race_time_is_not_a_count(nlp):
    assert claims(nlp, "Solbeck took the women's title in 2:21:40.", TUE, "count") == []


def test_a_race_time_is_a_length_to_the_second(nlp):
    a = one(nlp, "Solbeck took the women's title in 2:21:40.", TUE, "2:21:40")
    assert a.kind == "duration" and a.normalized["seconds"] == 2 * 3600 + 21 * 60 + 40
    b = one(nlp, "Solbeck won in 2 hours 21 minutes 40 seconds.", TUE, "2 hours")
    assert b.normalized["seconds"] == a.normalized["seconds"]


def test_race_times_seconds_apart_clash_and_a_gap_behind_is_another_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Imre Solbeck won the city marathon in 2:08:11."),
        ("Daily", TUE, "Imre Solbeck won the city marathon in 2:08:26."),
        ("Weekly", TUE, "Imre Solbeck won the city marathon in 2 hours 8 minutes 11 seconds."),
    )
    assert len(found) == 1 and {c.outlet for c in found[0].claims} == {"Wire", "Daily", "Weekly"}
    gap = one(nlp, "Teodor Rask finished 24 seconds behind.", TUE, "24 seconds")
    race = one(nlp, "Teodor Rask finished second in 2:08:35.", TUE, "2:08:35")
    assert gap.key != race.key


@pytest.mark.parametrize(
    "text",
    [
        "It took crews about seven hours to reach the crashed coach.",
        "Rescuers needed seven hours to reach the crashed coach.",
        "Firefighters required seven hours to reach the crashed coach.",
    ],
)
def test_time_taken_to_do_something_is_asked_of_what_was_done(nlp, text):
    claim = one(nlp, text, TUE, "seven hours")
    assert claim.key == "duration|arrive|"


def test_time_taken_to_reach_a_place_disagrees_across_wordings(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "It took crews about seven hours to reach the crashed coach."),
        ("Daily", TUE, "Rescuers needed nearly four hours to reach the crashed coach."),
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    "first,second,clash",
    [
        ("The tank emptied in under an hour.", "The tank emptied in about 40 minutes.", False),
        ("The talks lasted more than three hours.", "The talks lasted four hours.", False),
        ("The talks lasted more than three hours.", "The talks lasted 90 minutes.", True),
    ],
)
def test_a_bounded_length_fits_the_lengths_inside_its_bound(nlp, first, second, clash):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert bool(found) is clash


def test_the_number_of_people_killed_is_a_toll_whatever_verb_moved_it(nlp):
    text = "The number of people killed when the wall gave way has risen to five, police said."
    (toll,) = claims(nlp, text, TUE, "count")
    assert toll.key.startswith("count|die|")


def test_a_tally_stated_with_a_copula_is_a_tally(nlp):
    (tally,) = claims(nlp, "The final tally was 229 to 187, the clerk said.", TUE, "count")
    assert tally.display == "229–187"


@pytest.mark.parametrize(
    "first,second",
    [
        (
            "The coach had passed its last safety inspection.",
            "The coach had not passed its inspection.",
        ),
        ("Ramos signed the declaration on Friday.", "Ramos did not sign the communique."),
    ],
)
def test_passing_an_inspection_and_signing_a_declaration_are_affirmed_or_denied(nlp, first, second):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert [c.kind for c in found] == ["negation"]


# --------------------------------------------------------------------------- session 7 rules


def test_a_common_noun_subject_with_a_name_in_apposition_is_that_name(nlp):
    found = conflicts(
        nlp,
        ("Daily", TUE, "The largest opposition party, National Renewal, has 52 seats."),
        ("Weekly", TUE, "The prime minister's Civic Union has 41 seats."),
    )
    assert found == []
    claim = one(nlp, "The largest opposition party, National Renewal, has 52 seats.", TUE, "52")
    assert claim.subject == "National Renewal"


def test_what_was_held_is_one_field_and_a_crash_taking_place_is_when_it_happened(nlp):
    vigil_vs_crash = conflicts(
        nlp,
        ("Wire", TUE, "A vigil will be held at the parish church on Friday evening."),
        ("Daily", TUE, "The collision took place at 06:42 on Monday."),
    )
    assert vigil_vs_crash == []
    crash = conflicts(
        nlp,
        ("Wire", TUE, "The collision took place at 06:42 on Monday."),
        ("Daily", TUE, "The crash happened shortly before 7.20am on Monday."),
    )
    assert len(crash) == 1


def test_shortly_before_is_the_half_hour_before():
    interval = resolve_date("shortly before 7.20am on Monday", TUE, "past")
    assert interval is not None
    assert (interval.start, interval.end) == (
        dt.datetime(2026, 4, 6, 6, 50),
        dt.datetime(2026, 4, 6, 7, 20),
    )


@pytest.mark.parametrize(
    "text",
    [
        "The mayor repeated on Monday that no ransom would be paid.",
        "The minister reiterated on Monday that the plan was safe.",
        "The remedies were narrower than many analysts had expected in March.",
        "Counters at the town hall will open from 8 a.m. to 6 p.m. on weekdays.",
    ],
)
def test_dates_of_saying_expecting_and_opening_hours_are_not_moments(nlp, text):
    assert claims(nlp, text, TUE, "datetime") == []


def test_a_participle_figure_takes_the_year_of_its_clause(nlp):
    claim = one(nlp, "In 2019 thieves stole paintings valued at €11 million.", TUE, "€11")
    assert claim.key.endswith("y:2019")


def test_a_when_clause_takes_the_years_ago_written_before_it(nlp):
    text = "Seventeen years ago the port mourned again when a ferry capsized, killing five."
    claim = one(nlp, text, TUE, "five")
    assert claim.key.endswith("y:2009")


def test_tallies_since_a_past_year_and_changes_since_an_event_are_other_questions(nlp):
    since_year = one(nlp, "Since 2000, 14 boats have been lost, with 31 deaths.", TUE, "31")
    assert since_year.key.endswith("|years")
    toll = one(nlp, "The storm has killed 31 people since Sunday.", TUE, "31")
    assert not toll.key.endswith("|years")
    found = conflicts(
        nlp,
        ("Wire", TUE, "Brightwell shares rose 3% on Monday."),
        ("Daily", TUE, "Brightwell shares have risen by about a fifth since the bid was made."),
    )
    assert found == []


def test_a_shootout_score_is_not_the_match_score(nlp):
    found = conflicts(
        nlp,
        ("Wire", TUE, "Rovers drew 2-2 after extra time and won the shootout 5-4."),
        ("Daily", TUE, "After a 2-2 draw, Rovers won 4-3 on penalties."),
    )
    assert len(found) == 1
    assert {c.claim.display for c in found[0].claims} == {"5–4", "4–3"}


@pytest.mark.parametrize(
    "text,seconds",
    [
        ("two and a half days", 2.5 * 86400),
        ("a day and a half", 1.5 * 86400),
        ("half an hour", 1800),
        ("an hour and a half", 5400),
        ("12 school days", 12 * 86400),
        ("three working days", 3 * 86400),
    ],
)
def test_halves_and_kinds_of_day_are_read_as_lengths(text, seconds):
    from claims.nlp.normalize import parse_duration

    parsed = parse_duration(text)
    assert parsed is not None and parsed[0] == seconds


def test_a_clock_time_the_tagger_calls_a_plural_noun_keeps_its_day(nlp):
    claim = one(nlp, "The skipper sent a mayday at 1.52am on Sunday.", MON, "1.52am")
    assert claim.display == "Sun 5 Apr 2026, 01:52"


def test_hours_adrift_are_not_a_gap_behind(nlp):
    claim = one(nlp, "The crew were rescued after roughly 11 hours adrift.", MON, "11 hours")
    assert not claim.key.endswith("gap")


def test_making_off_with_things_is_stealing_them(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The gang made off with eight pieces of jewellery."),
        ("Daily", MON, "Thieves stole nine pieces of jewellery."),
    )
    assert len(found) == 1


def test_a_clock_time_tagged_as_an_organisation_is_still_a_time(nlp):
    text = "The signal reached mission control at 04:17 GMT on Sunday."
    assert one(nlp, text, MON, "04:17").display == "Sun 5 Apr 2026, 04:17"


def test_it_in_the_next_sentence_is_the_thing_the_last_one_was_about(nlp):
    text = "The train left Dunmore at 3pm on Sunday. It derailed at 15:40."
    claim = one(nlp, text, MON, "15:40")
    assert claim.key == "datetime|derail|train|"
    linking = "The coach was calm on Sunday. On Sunday night, it looked like wisdom."
    assert [c.key for c in claims(nlp, linking, MON, "datetime") if "night" in c.display] == []


def test_a_town_someone_was_born_in_is_a_place_whatever_the_model_called_it(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Varrik Solen, who was born in Tessingen, won the stage."),
        ("Daily", MON, "Varrik Solen was born in Ulvsby, a lakeside village."),
    )
    assert len(found) == 1 and found[0].kind == "place"


def test_handing_in_a_resignation_is_resigning_and_a_joined_clause_is_not_a_detail(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Marit Eskeland tendered her resignation on Sunday morning."),
        (
            "Daily",
            MON,
            "Marit Eskeland has not resigned and insists she will stay until voters decide.",
        ),
    )
    assert [c.kind for c in found] == ["negation"]


def test_the_election_day_and_going_to_the_polls_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The election will be held on Sunday, June 7."),
        ("Daily", MON, "Voters will go to the polls on Sunday June 14."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_a_participle_dated_by_a_weekday_is_past_even_beside_a_future_clause(nlp):
    text = "Under the amendment approved on Sunday, the Senate will be dissolved next year."
    assert one(nlp, text, MON, "Sunday").display == "Sun 5 Apr 2026"


def test_detecting_noticing_and_spotting_an_attack_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "City staff detected the attack at around 2:30 a.m. on Sunday."),
        ("Daily", MON, "Council staff first spotted the attack late on Saturday evening."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_putting_a_name_to_agreements_is_signing_them(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The two leaders signed the agreements on Sunday afternoon."),
        ("Daily", MON, "The two leaders put their names to the agreements this morning."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_whose_nth_visit_is_soft_between_a_name_and_a_description(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "It is the prime minister's second visit to Qadira."),
        ("Daily", MON, "It is Ilse Brandvold's third visit to Qadira."),
    )
    assert len(found) == 1 and found[0].kind == "ordinal"
    two_people = conflicts(
        nlp,
        ("Wire", MON, "It is Ilse Brandvold's second visit to Qadira."),
        ("Daily", MON, "It is Omar Haddad's third visit to Qadira."),
    )
    assert two_people == []


def test_a_hoped_for_first_title_is_not_which_title_this_is(nlp):
    text = "Stravos will have to wait for the finals to try to win a first title of the year."
    assert one(nlp, text, MON, "first").key.endswith("|aim")


def test_her_is_the_clause_subject_and_a_score_is_not_part_of_a_name(nlp):
    text = "Nadia Korvel beat Emilia Stravos 6-4, 3-6, 7-5 in the final, claiming her second title."
    assert one(nlp, text, MON, "second").subject == "Nadia Korvel"


def test_a_score_in_the_other_semi_final_is_another_match(nlp):
    claim = one(nlp, "Athletic beat Ravensholm 3-1 in the other semi-final.", MON, "3-1")
    assert claim.key.endswith("other")


def test_a_distance_is_asked_of_the_place_it_is_measured_from(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "Radio signals from the probe, some 412 million kilometres from Earth, lag."),
        ("Daily", MON, "The probe is now 350 million kilometres from Earth."),
        ("Weekly", MON, "The exclusion zone reached 1.5km from the site."),
    )
    assert len(found) == 1 and {c.outlet for c in found[0].claims} == {"Wire", "Daily"}
    height = one(nlp, "It reached an orbit about 550 kilometres above the Earth.", MON, "550")
    assert height.key.startswith("count|height:")


def test_customers_cut_off_are_one_question_however_the_outage_is_told(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "About 620,000 customers lost electricity at the peak."),
        ("Daily", MON, "The fault cut electricity to some 620,000 households."),
        ("Weekly", MON, "Roughly 840,000 homes had been left without power."),
    )
    assert len(found) == 1 and {c.outlet for c in found[0].claims} == {"Wire", "Daily", "Weekly"}


@pytest.mark.parametrize(
    "yes,no",
    [
        ("The bank admitted the failings.", "The bank did not admit the failings."),
        (
            "The regulator opened an investigation.",
            "The regulator has not opened a formal investigation.",
        ),
        ("The mayor has requested a recount.", "The mayor did not request a recount."),
        ("The ministry ordered a halt to outdoor work.", "The ministry has not ordered a halt."),
    ],
)
def test_common_acts_asserted_and_denied_clash(nlp, yes, no):
    found = conflicts(nlp, ("Wire", MON, yes), ("Daily", MON, no))
    assert [c.kind for c in found] == ["negation"]


def test_a_criminal_investigation_is_not_the_regulators_investigation(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The regulator said it had opened an investigation."),
        ("Daily", MON, "Police said they had not opened a criminal investigation."),
    )
    assert found == []


def test_an_order_that_came_or_went_out_was_issued_then(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The evacuation order was issued at 6.15 p.m. on Sunday."),
        ("Daily", MON, "The order went out shortly before midnight on Sunday."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"


def test_a_happening_that_began_or_happened_at_a_time_is_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", MON, "The crush began at around 7pm on Sunday."),
        ("Daily", MON, "The crush happened shortly after 7.30pm on Sunday."),
    )
    assert len(found) == 1 and found[0].kind == "datetime"
    outage = conflicts(
        nlp,
        ("Wire", MON, "The blackout began at 6:42 p.m. on Sunday."),
        ("Daily", MON, "The blackout struck at 17:40 on Sunday."),
    )
    assert len(outage) == 1


@pytest.mark.parametrize(
    "text,place",
    [
        ("Rahn crashed under braking at the Korrig hairpin.", "Korrig hairpin"),
        ("The trouble started at the Korlan substation.", "Korlan substation"),
        ("The analyst was detained at his home in Valdrenne.", "Valdrenne"),
    ],
)
def test_named_sites_and_towns_after_a_home_are_places(nlp, text, place):
    assert [c.display for c in claims(nlp, text, MON, "place")] == [place]


def test_a_gathering_named_after_something_is_not_a_site(nlp):
    assert claims(nlp, "The deal was agreed at the Varna summit.", MON, "place") == []


@pytest.mark.parametrize(
    "yes,no",
    [
        # a shot fired is an act news asserts or denies
        (
            "Officers confirmed that one round had been fired at the van.",
            "No rounds were fired, the police said.",
        ),
        (
            "A marshal said two shots were fired near the gate.",
            "No shots were fired, the organisers said.",
        ),
        # "its yearly check" is what was passed, not when: the denial is about passing
        (
            "The operator says the lift passed its latest safety check.",
            "The lift had not passed its yearly safety check, the paper learned.",
        ),
        # an adverbial clause ("when asked whether … before the summer") is not a detail
        # of the refusal
        (
            "Chair Ilse Brandt ruled out further closures.",
            "Ilse Brandt declined to rule out further closures when asked whether more "
            "branches could shut before the summer.",
        ),
        # "it" is the thing named earlier in the sentence
        (
            "The works council has endorsed the pay agreement.",
            "The managers signed the agreement, but the works council has not yet endorsed it.",
        ),
    ],
)
def test_more_acts_asserted_and_denied_clash(nlp, yes, no):
    found = conflicts(nlp, ("Wire", MON, yes), ("Daily", MON, no))
    assert [c.kind for c in found] == ["negation"], found


def test_a_confirmed_and_a_denied_intention_clash_but_not_with_the_act(nlp):
    confirmed = "Goalkeeper Daniel Marsh confirmed that he will retire from international football."
    denied = (
        "Daniel Marsh spoke after the friendly. He denied reports that he would retire from "
        "international football."
    )
    found = conflicts(nlp, ("Wire", MON, confirmed), ("Daily", MON, denied))
    assert [c.kind for c in found] == ["negation"]
    assert "will retire" in found[0].explanation
    # whether he will retire is not whether he has retired
    done = "Marsh has not retired from international football, his club said."
    assert conflicts(nlp, ("Wire", MON, confirmed), ("Daily", MON, done)) == []


def test_an_annual_or_weekly_thing_is_not_the_time_a_denial_is_about(nlp):
    found = claims(nlp, "The crane had not passed its annual inspection.", MON, "negation")
    assert [(c.predicate, c.negated) for c in found] == [("pass", True)]


def test_a_two_word_name_tagged_as_an_organisation_is_the_person_named_by_surname():
    from claims.nlp.entities import canonicalize_entities
    from claims.nlp.types import MentionData

    mentions = [
        MentionData(0, 13, "Renata Voskuil", "ORG"),
        MentionData(20, 27, "Voskuil", "PERSON"),
        MentionData(40, 47, "Voskuil", "PERSON"),
    ]
    clusters, assignment = canonicalize_entities(mentions)
    assert len(clusters) == 1 and assignment == [0, 0, 0]
    assert clusters[0].label == "PERSON"


def test_votes_polled_taken_or_picked_up_are_the_votes_won_and_won_by_is_a_margin(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "Oksana Brel polled 9,214 votes, the returning officer said."),
        ("Daily", FRI, "Oksana Brel, who ran a bakery until last year, picked up 9,412 votes."),
    )
    assert [c.kind for c in found] == ["count"]
    # the winning margin is not the votes won
    assert (
        conflicts(
            nlp,
            ("Wire", FRI, "Oksana Brel took 9,214 votes."),
            ("Daily", FRI, "Oksana Brel won the seat by 1,870 votes."),
        )
        == []
    )


def test_a_number_naming_a_capitalised_noun_is_not_a_count(nlp):
    found = claims(nlp, "The Phase 3 results will be known in May.", MON, "count")
    assert found == []
    found = claims(nlp, "Flights from Terminal 2 carried 180 passengers.", MON, "count")
    assert [c.value_text for c in found] == ["180"]


def test_a_person_arrested_is_one_question_whether_named_or_described(nlp):
    found = conflicts(
        nlp,
        ("Wire", SUN, "Police confirmed that the skipper, Aldo Venn, had been arrested."),
        ("Daily", SUN, "Police said the skipper had not been arrested."),
    )
    assert [c.kind for c in found] == ["negation"]
    # two different people are two questions
    found = conflicts(
        nlp,
        ("Wire", SUN, "Police confirmed that the skipper had been arrested."),
        ("Daily", SUN, "Police said the suspect's driver had not been arrested."),
    )
    assert found == []


def test_the_whole_a_part_was_taken_from_is_not_what_the_verb_did(nlp):
    found = claims(nlp, "Veska Lind saved 9 of 14 break points.", SUN, "count")
    assert [c.value_text for c in found] == ["9"]
    assert (
        conflicts(
            nlp,
            ("Wire", SUN, "Veska Lind saved 9 of 14 break points."),
            ("Daily", SUN, "Veska Lind saved nine break points."),
        )
        == []
    )


def test_the_number_of_people_a_clause_defines_is_asked_by_that_clause(nlp):
    taken = "The number of people taken to hospital has risen to 15, the board said."
    found = conflicts(
        nlp,
        ("Wire", SUN, "Nine people were taken to hospital, the board said."),
        ("Daily", SUN, taken),
    )
    assert [c.kind for c in found] == ["count"]
    # a capacity is not the people taken to hospital
    assert (
        conflicts(
            nlp,
            ("Wire", SUN, "The arena, which can hold 16,500 people, stays shut."),
            ("Daily", SUN, taken),
        )
        == []
    )


def test_an_object_it_is_not_guessed_from_the_sentence_before(nlp):
    found = conflicts(
        nlp,
        (
            "Wire",
            FRI,
            "Talvik handed in his resignation. President Ana Dovre accepted it on Thursday.",
        ),
        ("Daily", FRI, "Talvik's party lost the vote. President Ana Dovre has not accepted it."),
    )
    assert [c.kind for c in found] == ["negation"]


@pytest.mark.parametrize(
    "text,value",
    [
        ("The treasurer moved 12.5 million marks out of the club's accounts.", "12.5 million"),
        ("The ferry operator owes 840 million crowns to its lenders.", "840 million"),
        ("The bank lent 3.2 billion kronor to the shipyard.", "3.2 billion"),
    ],
)
def test_sums_in_currencies_named_by_word_are_money(nlp, text, value):
    assert one(nlp, text, MON, value).normalized["unit"] == "money"


def test_one_of_a_group_singled_out_is_not_a_count(nlp):
    found = claims(nlp, "The sister of one patient said the ward was short-staffed.", MON)
    assert [c.value_text for c in found if c.kind == "count"] == []
    # "one patient died" is still a toll
    found = claims(nlp, "One patient died on the ward overnight.", MON, "count")
    assert [c.display for c in found] == ["1"]


@pytest.mark.parametrize(
    "yearly",
    [
        "About 300 cases of the infection are recorded each year across the region.",
        "About 300 cases of the infection are recorded annually across the region.",
    ],
)
def test_a_figure_for_every_period_is_a_rate_not_the_events_figure(nlp, yearly):
    assert (
        conflicts(
            nlp,
            ("Wire", THU, "Officials said 41 cases of the infection have been recorded."),
            ("Trade", THU, yearly),
        )
        == []
    )
    assert "per:year" in one(nlp, yearly, THU, "300").key


def test_how_long_a_statement_took_is_no_question(nlp):
    text = "The maker says the tablet charges fully in 50 minutes with its own adapter."
    assert claims(nlp, text, MON, "duration") == []


@pytest.mark.parametrize(
    "first,second",
    [
        ("The 24-hour strike began at dawn.", "The 36-hour walkout began at dawn."),
        ("The stoppage lasted 24 hours.", "The strike lasted 36 hours."),
        ("She signed a four-year contract.", "She signed a three-year deal."),
        ("The team needed a nine-hour climb to reach the hut.", "A five-hour ascent followed."),
    ],
)
def test_common_synonyms_of_what_lasted_are_one_question(nlp, first, second):
    found = conflicts(nlp, ("Wire", TUE, first), ("Daily", TUE, second))
    assert [c.kind for c in found] == ["duration"]


def test_verbs_of_taking_money_unlawfully_are_one_question(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "Prosecutors say Jorun Tesk embezzled 4.1 million euros."),
        ("Daily", FRI, "Jorun Tesk siphoned off 5.3 million euros, prosecutors say."),
    )
    assert [c.kind for c in found] == ["count"]


def test_a_meeting_or_a_statement_is_one_of_many_occasions_not_the_events(nlp):
    assert (
        conflicts(
            nlp,
            ("Wire", THU, "Staff heard the news at a meeting on Tuesday morning."),
            ("Daily", THU, "The council will hold an emergency meeting on Thursday."),
        )
        == []
    )
    assert (
        conflicts(
            nlp,
            ("Wire", THU, "The insurer rejected the claim in a statement issued on Tuesday."),
            ("Daily", THU, "In statements issued on Wednesday, the insurer stood firm."),
        )
        == []
    )
    # the meeting the story is about is still one question
    found = conflicts(
        nlp,
        ("Wire", THU, "The crisis meeting was held on Tuesday."),
        ("Daily", THU, "The crisis meeting was held on Wednesday."),
    )
    assert [c.kind for c in found] == ["datetime"]


def test_when_a_figure_stood_somewhere_is_a_state_not_a_happening(nlp):
    stood = "Unemployment stood at 5.2% in March, the agency said."
    assert claims(nlp, stood, MON, "datetime") == []
    assert (
        conflicts(
            nlp,
            ("Wire", MON, "Unemployment stood at 5.2% in March."),
            ("Daily", MON, "Ines Varga stood outside the depot this morning."),
        )
        == []
    )


def test_a_sum_something_unnamed_is_worth_asks_nothing(nlp):
    assert (
        conflicts(
            nlp,
            ("Wire", MON, "They were worth a combined 31 million crowns, records show."),
            ("Trade", MON, "A road tender worth an estimated 700 million crowns was due in May."),
        )
        == []
    )


def test_sums_in_ducats_are_money_and_read_as_sums(nlp):
    found = one(nlp, "The state agreed to restore 140 million ducats of grants.", MON, "140")
    assert found.normalized["unit"] == "money"
    assert found.about.startswith("the sum")


def test_a_complements_date_scopes_the_sum(nlp):
    last_year = "Trade between the two states was worth 2.7 billion euros last year."
    assert "y:2025" in one(nlp, last_year, dt.date(2026, 9, 16), "2.7").key


def test_a_weekday_and_its_date_are_one_day(nlp):
    found = claims(nlp, "The museum reopened on Thursday, 3 September, after repairs.", WED)
    dates = [c for c in found if c.kind == "datetime"]
    assert [c.display for c in dates] == ["Thu 3 Sep 2026"]


@pytest.mark.parametrize(
    "text,tense,shown",
    [
        ("Tuesday, February 17", "", "Tue 17 Feb 2026"),  # the weekday picks the year
        ("February 17", "past", "Tue 17 Feb 2026"),  # a past act: the February before
        ("February 17", "future", "Wed 17 Feb 2027"),  # a plan: the February to come
    ],
)
def test_the_year_of_a_day_written_without_one(text, tense, shown):
    assert resolve_date(text, dt.date(2026, 9, 16), tense).display == shown


def test_when_figures_showed_something_is_no_happening(nlp):
    text = "Projections in May already showed prices rising faster than wages."
    assert claims(nlp, text, MON, "datetime") == []


def test_people_confirmed_to_have_something_are_counted_not_quoted(nlp):
    text = "Cases have climbed again, with 52 people now confirmed to have the infection."
    found = one(nlp, text, FRI, "52")
    assert found.attribution == ""
    found = conflicts(
        nlp,
        ("Wire", FRI, "Officials said 47 people have been confirmed as infected."),
        ("Daily", FRI, text),
    )
    assert [c.kind for c in found] == ["count"]


@pytest.mark.parametrize(
    "verb,noun",
    [
        ("The alliance had governed the province for 12 years.", "It ended 9 years of rule."),
        ("The jurors deliberated for three days.", "Deliberations lasted five days."),
        ("Senators debated the bill for 11 hours.", "The 15-hour debate ended at dawn."),
    ],
)
def test_a_verb_and_the_noun_it_names_ask_how_long_alike(nlp, verb, noun):
    found = conflicts(nlp, ("Wire", TUE, verb), ("Daily", TUE, noun))
    assert [c.kind for c in found] == ["duration"]


@pytest.mark.parametrize(
    "national,regional",
    [
        ("The Yes side won 52.4% of the vote.", "In the capital, the Yes side won 61.2 percent."),
        (
            "In all, 52.4% of voters backed the change.",
            "City voters led the way, with 63.8 per cent of Kelsburg backing the change.",
        ),
        (
            "The Unity Front won 44.1% of the vote.",
            "It was weak in the capital, where the Unity Front won more than half of the vote.",
        ),
    ],
)
def test_a_share_in_one_part_of_the_country_is_not_the_national_share(nlp, national, regional):
    assert conflicts(nlp, ("Wire", MON, national), ("Daily", MON, regional)) == []


@pytest.mark.parametrize(
    "text", ["Turnout hit just over 63 per cent.", "Turnout reached just under 57 percent."]
)
def test_per_cent_written_after_a_qualified_number_is_still_a_share(nlp, text):
    """The model leaves "per cent" outside "just over 63": the share is still a percentage,
    so it can clash with "58.2%"."""
    assert next(c.display for c in claims(nlp, text, MON, "count")).endswith("%")
    found = conflicts(nlp, ("Wire", MON, "Turnout was 58.2%."), ("Daily", MON, text))
    assert [c.kind for c in found] == ["count"]


def test_the_month_a_named_person_did_something_before_the_story_is_one_question(nlp):
    """ "arrested in March 2024" / "arrested in January 2025": the same arrest, two months
    (a year alone, such as a founding year, stays apart from another year)."""
    day = dt.date(2026, 6, 1)
    found = conflicts(
        nlp,
        ("Wire", day, "Orlen Vask was arrested in March 2024, police said."),
        ("Daily", day, "Orlen Vask was arrested in January 2025."),
    )
    assert [c.kind for c in found] == ["datetime"]


@pytest.mark.parametrize(
    "first,second",
    [
        # "came down" is a fall
        ("The cabin came down at 10:20 on Saturday.", "The cabin fell at 11:05 on Saturday."),
        # pocketing or raking in a sum is receiving it
        ("Verlane received £412,000 in bribes.", "Verlane raked in £380,000 in dirty cash."),
        ("Verlane received £412,000 in bribes.", "Verlane pocketed £380,000."),
    ],
)
def test_one_act_told_with_a_particle_verb_or_a_slang_verb(nlp, first, second):
    found = conflicts(nlp, ("Wire", MON, first), ("Daily", MON, second))
    assert len(found) == 1, [(c.kind, c.about) for c in found]
