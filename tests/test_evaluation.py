"""The harness's matching and scoring rules, on hand-made flags (no spaCy)."""

from claims.evaluation import CorpusEvent, Flag, FlagClaim, GoldItem, format_report, score


def gold(id, category, kind, *sides):
    return GoldItem(id=id, category=category, slot=id.lower(), kind=kind, sides=list(sides))


def side(value, **evidence):
    return {"value": value, "evidence": {f"{k}.txt": v for k, v in evidence.items()}}


def flag(kind, *claims):
    return Flag(
        event="e",
        kind=kind,
        about="about",
        explanation="",
        confidence=0.5,
        claims=[
            FlagClaim(file=f"{f}.txt", outlet=f, sentence=s, value="", display="")
            for f, s in claims
        ],
    )


EVENT = CorpusEvent(
    name="e",
    articles=[],
    gold=[
        gold(
            "C1",
            "conflicts",
            "datetime",
            side("Mon", a="struck late on Monday"),
            side("Tue", b="shortly after 3 a.m. Tuesday"),
        ),
        gold(
            "C2",
            "conflicts",
            "count",
            side("12", a="killed 12 people"),
            side("19", c="the toll rose to 19"),
        ),
        gold("A1", "agreements", "count", side("300", a="300 homes", b="some 300 homes")),
        gold(
            "N1",
            "near_misses",
            "ordinal",
            side("3rd", a="third title"),
            side("4th", b="fourth final"),
        ),
    ],
)


def test_a_flag_with_both_sides_matches_and_counts_for_precision_and_recall():
    flags = [
        flag(
            "datetime",
            ("a", "The quake struck late on Monday, police said."),
            ("b", "It hit shortly after 3 a.m. Tuesday."),
        )
    ]
    report = score([(EVENT, flags)])
    assert flags[0].verdict == "correct"
    assert (report.overall.true_flags, report.overall.flags) == (1, 1)
    assert (report.overall.found, report.overall.gold) == (1, 2)
    assert report.by_kind["datetime"].recall == 1.0
    assert report.by_kind["count"].recall == 0.0
    assert [item.id for _, item in report.misses] == ["C2"]


def test_one_side_only_is_not_a_match():
    flags = [flag("datetime", ("a", "struck late on Monday"), ("c", "something unrelated"))]
    report = score([(EVENT, flags)])
    assert flags[0].verdict == "false flag (unlabelled)"
    assert report.overall.precision == 0.0


def test_flags_on_agreements_and_near_misses_count_against_precision():
    agreement = flag(
        "count", ("a", "Flooding hit 300 homes."), ("b", "Water entered some 300 homes.")
    )
    near_miss = flag(
        "ordinal", ("a", "It was their third title."), ("b", "A fourth final in a row.")
    )
    report = score([(EVENT, [agreement, near_miss])])
    assert agreement.verdict == "false flag (agreement)"
    assert near_miss.verdict == "false flag (near-miss)"
    assert report.overall.precision == 0.0
    text = format_report(report)
    assert "False flags (2)" in text and "Missed gold conflicts (2)" in text


def test_evidence_matching_ignores_case_spacing_and_curly_apostrophes():
    item = gold("C", "conflicts", "count", side("x", a="the mayor's  office"), side("y", b="other"))
    assert item.side_of("a.txt", "The Mayor\u2019s office said so.") == 0
    assert item.side_of("b.txt", "The mayor's office said so.") is None


def test_evidence_may_list_several_sentences_of_one_file():
    item = gold(
        "C",
        "conflicts",
        "count",
        {"value": "19", "evidence": {"a.txt": ["rose to 19", "at least 19"]}},
    )
    assert item.side_of("a.txt", "It has killed at least 19 people.") == 0
    assert item.side_of("a.txt", "The toll rose to 19 on Wednesday.") == 0
    assert item.side_of("a.txt", "The toll was 12.") is None
