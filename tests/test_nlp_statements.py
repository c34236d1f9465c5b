"""Negation and attribution: statements without a number (no database).

Every text is invented for these tests. Each test is a pair (or trio) of outlets, and checks
what an editor would see in the conflict panel: the right conflict, or none.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.event import EventAnalysis, EventArticle, analyse_event
from claims.nlp.pipeline import analyse_article, analyse_articles, get_nlp
from claims.nlp.types import ClaimData, ClaimKind

THU = dt.date(2026, 6, 11)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def event(nlp, *articles: tuple[str, str]) -> EventAnalysis:
    analyses = analyse_articles([(text, THU) for _, text in articles], nlp=nlp)
    return analyse_event(
        [
            EventArticle(article_id=i, outlet=outlet, mentions=a.mentions, claims=a.claims)
            for i, ((outlet, _), a) in enumerate(zip(articles, analyses, strict=True))
        ]
    )


def of_kind(items, kind: str) -> list:
    return [item for item in items if item.kind == kind]


def statements(nlp, text: str, kind: str) -> list[ClaimData]:
    return of_kind(analyse_article(text, published=THU, nlp=nlp).claims, kind)


# --------------------------------------------------------------------------- negation


def test_a_confirmation_and_a_denial_of_one_happening_conflict(nlp):
    found = event(
        nlp,
        ("Harbour Post", "Port officials confirmed that the fuel shipment had been seized."),
        ("Coast Radio", "A spokesman for the port authority denied that any shipment was seized."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert "seized" in conflict.about
    assert {c.claim.normalized["polarity"] for c in conflict.claims} == {"yes", "no"}
    assert "confirmed: seized" in conflict.explanation
    assert "denied: seized" in conflict.explanation


def test_an_act_and_its_denial_conflict_across_wordings(nlp):
    found = event(
        nlp,
        ("Daily Wire", "The two delegations signed the trade accord late on Tuesday."),
        ("Evening Star", "No treaty has been signed by the two governments, officials said."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert {c.claim.display for c in conflict.claims} == {"signed", "did not sign"}


def test_two_denials_agree(nlp):
    found = event(
        nlp,
        ("Metro Times", "No ransom was paid to the attackers, the company said on Monday."),
        ("Tech Ledger", "The retailer confirmed that no ransom had been paid."),
    )
    assert not of_kind(found.conflicts, ClaimKind.NEGATION)
    (agreement,) = of_kind(found.agreements, ClaimKind.NEGATION)
    assert {ec.outlet for ec in agreement.claims} == {"Metro Times", "Tech Ledger"}


def test_a_denied_detail_is_not_a_denied_happening(nlp):
    found = event(
        nlp,
        ("North Gazette", "The two foreign ministers did not meet on Tuesday."),
        ("South Courier", "The two foreign ministers met on Wednesday in the capital."),
        ("West Review", "The deputies did not vote as one bloc."),
        ("East Daily", "The deputies voted to approve the budget."),
    )
    assert not of_kind(found.conflicts, ClaimKind.NEGATION)


@pytest.mark.parametrize(
    "text",
    [
        "The union will sign the agreement next week.",
        "The union is expected to sign the agreement.",
        "It is unclear whether the union signed the agreement.",
        "If the union signs the agreement, the strike ends.",
        "Did the union sign the agreement?",
    ],
)
def test_plans_conditions_and_questions_are_not_statements_of_fact(nlp, text):
    assert not statements(nlp, text, ClaimKind.NEGATION)


def test_a_refusal_to_confirm_or_deny_is_neither(nlp):
    (claim,) = statements(
        nlp,
        "The inspectorate declined to confirm or deny the reports about the leak.",
        ClaimKind.NEGATION,
    )
    assert claim.normalized["polarity"] == "not confirmed"


def test_a_bare_confirmation_says_nothing_checkable(nlp):
    assert not statements(nlp, "The coroner confirmed on Friday.", ClaimKind.NEGATION)


def test_not_confirming_a_reported_happening_clashes_with_confirming_it(nlp):
    found = event(
        nlp,
        ("Capital News", "The regulator confirmed that customer records were accessed."),
        ("Finance Daily", "The regulator could not confirm that customer records were accessed."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    values = {c.claim.normalized["polarity"] for c in conflict.claims}
    assert values == {"yes", "unconfirmed"}


# --------------------------------------------------------------------------- attribution


def test_one_quotation_given_to_two_people_conflicts(nlp):
    found = event(
        nlp,
        (
            "River Times",
            "“Nobody will be left behind in this recovery,” Governor Maria Olsen said on Friday.",
        ),
        (
            "Valley Post",
            "Interior Minister Pavel Dorn told reporters: “Nobody will be left behind in this"
            " recovery.”",
        ),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.ATTRIBUTION)
    assert {c.claim.display for c in conflict.claims} == {"Maria Olsen", "Pavel Dorn"}
    assert "Nobody will be left behind" in conflict.about


def test_a_role_named_in_one_outlet_is_the_person_named_in_the_other(nlp):
    found = event(
        nlp,
        (
            "River Times",
            "Governor Maria Olsen visited the shelters on Friday. “Nobody will be left behind"
            " in this recovery,” the governor said.",
        ),
        (
            "Valley Post",
            "“Nobody will be left behind in this recovery,” Maria Olsen said at the shelter.",
        ),
    )
    assert not of_kind(found.conflicts, ClaimKind.ATTRIBUTION)
    assert of_kind(found.agreements, ClaimKind.ATTRIBUTION)


def test_a_former_or_deputy_holder_of_a_role_is_not_who_holds_it(nlp):
    """ "the former deputy mayor" does not make her the person "the mayor" names."""
    found = event(
        nlp,
        (
            "River Times",
            "Mara Quint, the former deputy mayor of Tolbridge, was jailed on Monday. The city's"
            " mayor said the verdict “closes a painful chapter for the town”.",
        ),
        (
            "Valley Post",
            "Mayor Ivo Brandt said the verdict “closes a painful chapter for the town”.",
        ),
    )
    assert not of_kind(found.conflicts, ClaimKind.ATTRIBUTION)


def test_outlets_quoting_more_or_less_of_the_same_words_meet(nlp):
    found = event(
        nlp,
        (
            "River Times",
            "“We rebuild the bridge first, and then we rebuild trust,” Maria Olsen said.",
        ),
        ("Valley Post", "“Then we rebuild trust,” said Pavel Dorn, the interior minister."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.ATTRIBUTION)
    assert {c.claim.display for c in conflict.claims} == {"Maria Olsen", "Pavel Dorn"}


def test_a_speaker_named_before_a_second_verb_is_found(nlp):
    (claim,) = statements(
        nlp,
        "The harbour master, speaking on Thursday, promised an inquiry and said: “Every"
        " crane on this quay will be inspected.”",
        ClaimKind.ATTRIBUTION,
    )
    assert claim.normalized["role"] == "master"
    assert claim.quote.startswith("Every crane")


def test_a_quotation_over_two_sentences_is_read_whole(nlp):
    (claim,) = statements(
        nlp,
        "“The pumps failed at midnight. Nobody was told until morning,” said Ines Kahl, a"
        " resident of the lower town.",
        ClaimKind.ATTRIBUTION,
    )
    assert claim.display == "Ines Kahl"
    assert "Nobody was told until morning" in claim.quote


def test_short_quotations_and_unnamed_speakers_make_no_claim(nlp):
    text = (
        "The mayor called the plan “a disgrace”. “We are not going anywhere until the"
        " pumps are fixed,” one resident said, before we said goodbye."
    )
    found = statements(nlp, text, ClaimKind.ATTRIBUTION)
    assert [c.normalized["role"] for c in found] == ["resident"]


def test_a_title_inside_the_name_is_the_same_speaker(nlp):
    found = event(
        nlp,
        ("Wire", "“We have not seen a storm like this in forty years,” Mayor Ilse Brandt said."),
        ("Daily", "“We have not seen a storm like this in forty years,” said Ilse Brandt."),
    )
    assert not of_kind(found.conflicts, ClaimKind.ATTRIBUTION)


def test_conceding_defeat_and_refusing_to_concede_conflict(nlp):
    found = event(
        nlp,
        ("Wire", "Anton Rell conceded defeat on Monday morning."),
        ("Daily", "Anton Rell has refused to concede."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert {c.claim.display for c in conflict.claims} == {"conceded", "did not concede"}


def test_a_description_is_linked_only_when_the_article_named_one_holder(nlp):
    text = (
        "Governor Maria Olsen visited the towns. The governor met families.\n\n"
        "A minister, Pavel Dorn, came too, as did Trade Minister Ivo Brandt. The minister left."
    )
    mentions = analyse_article(text, published=THU, nlp=nlp).mentions
    described = {m.text: m.refers_to for m in mentions if m.refers_to}
    assert described == {"governor": "Maria Olsen"}  # two ministers: "the minister" is unsure


@pytest.mark.parametrize(
    "text",
    [
        "No date has been confirmed.",
        "The ministry expects talks next week, but no summit has been confirmed.",
    ],
)
def test_nothing_confirmed_is_not_a_confirmation(nlp, text):
    (claim,) = statements(nlp, text, ClaimKind.NEGATION)
    assert claim.normalized["polarity"] == "not confirmed"
    assert claim.negated


def test_a_named_thing_and_its_head_noun_are_one_thing(nlp):
    found = event(
        nlp,
        ("Wire", "The water authority confirmed on Friday that the Vellan Dam had been breached."),
        ("Daily", "A spokesman for the authority denied that the dam had been breached."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert {c.claim.normalized["polarity"] for c in conflict.claims} == {"yes", "no"}


def test_a_description_is_linked_across_the_event_when_another_article_ties_the_role(nlp):
    from claims.nlp.entities import canonicalize_entities

    first = "Governor Maria Olsen visited the towns. The governor met families."
    second = "The regional governor toured the shelters on Tuesday. The two ministers stayed away."
    mentions = [
        m for a in analyse_articles([(first, THU), (second, THU)], nlp=nlp) for m in a.mentions
    ]
    clusters, assignment = canonicalize_entities(mentions)
    linked = {
        m.text: clusters[i].name for m, i in zip(mentions, assignment, strict=True) if i is not None
    }
    assert linked["regional governor"] == "Maria Olsen"
    assert not [m for m in mentions if m.text.endswith("ministers")]


def test_no_arrests_denies_an_arrest_of_anyone(nlp):
    """ "No arrests have been made" has no thing: it clashes with any arrest."""
    found = event(
        nlp,
        ("Courier", "A 35-year-old woman was arrested on suspicion of arson overnight."),
        ("Herald", "Detectives said on Friday that no arrests had been made."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert "anyone was arrested" in conflict.about or "arrested" in conflict.about


def test_an_intransitive_verb_and_a_passive_ask_about_one_thing(nlp):
    """ "the siren did not go off" / "the siren was triggered": the siren is the thing."""
    found = event(
        nlp,
        ("Courier", "The factory's siren was triggered as the fire spread."),
        ("Herald", "Workers said the siren did not go off at any point."),
    )
    assert len(of_kind(found.conflicts, ClaimKind.NEGATION)) == 1


def test_a_denial_of_a_submitted_request_meets_the_request(nlp):
    found = event(
        nlp,
        ("Courier", "The defender handed in a transfer request on Monday."),
        ("Herald", "His agent denied that the defender had submitted any transfer request."),
    )
    assert len(of_kind(found.conflicts, ClaimKind.NEGATION)) == 1


def test_a_name_ends_before_a_verb_the_model_swallowed(nlp):
    """The small model sometimes tags "Vennholt told Radio Kessa" as one title."""
    from spacy.tokens import Span

    from claims.nlp.places import mark_place_names

    doc = nlp.make_doc("Vennholt told Radio Kessa on Monday.")
    for name, proc in nlp.pipeline:
        if name != "newsdesk_place_names":
            doc = proc(doc)
    doc.ents = [Span(doc, 0, 4, label="WORK_OF_ART")]
    fixed = mark_place_names(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [("Vennholt", "PERSON")]


def test_claiming_an_attack_is_claiming_responsibility_for_it(nlp):
    found = event(
        nlp,
        ("Courier", "The Red Hand group has claimed responsibility for the attack."),
        ("Herald", "No group has publicly claimed the attack so far."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert conflict.about.endswith("claimed responsibility for the attack")


def test_records_taken_are_data_stolen(nlp):
    found = event(
        nlp,
        ("Courier", "The regulator confirmed that customer data had been stolen."),
        ("Herald", "The firm denied that any customer records had been taken."),
    )
    (conflict,) = of_kind(found.conflicts, ClaimKind.NEGATION)
    assert "stolen" in conflict.about


def test_a_thing_among_the_documents_signed_was_signed(nlp):
    found = event(
        nlp,
        ("Courier", "A fisheries accord was among the agreements signed on Monday."),
        ("Herald", "The fisheries accord was not among the documents signed."),
    )
    assert len(of_kind(found.conflicts, ClaimKind.NEGATION)) == 1


@pytest.mark.parametrize(
    "yes,no",
    [
        ("The minister said arson had been ruled out.", "Police have not ruled out arson."),
        ("Orlen recalled its ambassador on Monday.", "Orlen has not recalled its ambassador."),
        (
            "The regulator has suspended the ferry's licence.",
            "The regulator had not suspended the ferry's licence as of Friday, it said.",
        ),
    ],
)
def test_more_acts_that_outlets_affirm_and_deny(nlp, yes, no):
    found = event(nlp, ("Courier", yes), ("Herald", no))
    assert len(of_kind(found.conflicts, ClaimKind.NEGATION)) == 1
