import pytest
from django.db import IntegrityError, transaction

from claims.models import (
    Article,
    Conflict,
    ConflictStatus,
    Decision,
    InvalidDecision,
    Resolution,
    StaleDecision,
    content_hash,
)
from tests.conftest import make_article, make_claim, make_event

pytestmark = pytest.mark.django_db


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("The  fire\nspread.") == content_hash("the fire spread.")
    assert content_hash("The fire spread.") != content_hash("The fire stopped.")


def test_same_text_cannot_be_stored_twice_in_one_event():
    event = make_event()
    make_article(event, text="Crews fought the blaze for six hours.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(event, text="crews fought the blaze  for six hours.")


def test_same_text_is_allowed_in_another_event():
    make_article(make_event(), text="Crews fought the blaze for six hours.")
    make_article(make_event(), text="Crews fought the blaze for six hours.")
    assert Article.objects.count() == 2


def test_same_url_cannot_be_stored_twice_in_one_event_but_blank_urls_can():
    event = make_event()
    make_article(event, text="One.", url="https://example.org/a")
    make_article(event, text="Two.")
    make_article(event, text="Three.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(event, text="Four.", url="https://example.org/a")


def test_empty_text_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(event=make_event(), title="x", text="")


def test_confidence_must_be_between_zero_and_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        Conflict.objects.create(
            event=make_event(), kind="count", key="k", about="a", confidence=1.5
        )


def test_one_conflict_per_question_per_event():
    event = make_event()
    Conflict.objects.create(event=event, kind="count", key="count|troops", about="troops")
    with pytest.raises(IntegrityError), transaction.atomic():
        Conflict.objects.create(event=event, kind="count", key="count|troops", about="troops")


def test_resolve_picks_a_version_and_records_who_and_when(conflict, editor):
    claim = conflict.claims.first()
    resolution = conflict.resolve(
        decision=Decision.PICK,
        by=editor,
        seen_version=0,
        chosen_claim=claim,
        note="Border police confirmed",
        source_url="https://example.org/police",
    )
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.RESOLVED
    assert conflict.version == 1
    assert resolution.editor == editor and resolution.applied
    assert resolution.chosen_value == claim.display
    assert resolution.chosen_outlet == claim.article.outlet_name
    assert resolution.created_at is not None


def test_pick_requires_a_claim_of_this_conflict(conflict, editor):
    with pytest.raises(InvalidDecision):
        conflict.resolve(decision=Decision.PICK, by=editor, seen_version=0)
    stranger = make_claim(make_article(make_event()), display="Wed")
    with pytest.raises(InvalidDecision):
        conflict.resolve(decision=Decision.PICK, by=editor, seen_version=0, chosen_claim=stranger)
    assert conflict.resolutions.count() == 0


def test_decision_on_a_stale_version_is_refused_and_kept_in_history(conflict, editor, other_editor):
    conflict.resolve(decision=Decision.NOT_CONFLICT, by=editor, seen_version=0)
    with pytest.raises(StaleDecision) as exc:
        conflict.resolve(
            decision=Decision.PICK,
            by=other_editor,
            seen_version=0,
            chosen_claim=conflict.claims.last(),
        )
    assert exc.value.latest.editor == editor
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.DISMISSED
    attempts = list(conflict.resolutions.order_by("pk").values_list("editor__username", "applied"))
    assert attempts == [("eddie", True), ("olga", False)]


def test_repeating_the_same_decision_is_idempotent(conflict, editor):
    first = conflict.resolve(decision=Decision.CANT_VERIFY, by=editor, seen_version=0)
    again = conflict.resolve(decision=Decision.CANT_VERIFY, by=editor, seen_version=0)
    assert again.pk == first.pk
    assert conflict.resolutions.count() == 1


def test_reopen_after_a_decision(conflict, editor):
    conflict.resolve(decision=Decision.NOT_CONFLICT, by=editor, seen_version=0)
    conflict.resolve(decision=Decision.REOPEN, by=editor, seen_version=1)
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.OPEN
    assert conflict.resolutions.count() == 2


def test_resolutions_are_append_only(conflict, editor):
    resolution = conflict.resolve(decision=Decision.NOT_CONFLICT, by=editor, seen_version=0)
    resolution.note = "rewritten"
    with pytest.raises(ValueError):
        resolution.save()
    with pytest.raises(ValueError):
        resolution.delete()
    assert Resolution.objects.get(pk=resolution.pk).note == ""


def test_conflict_querysets(conflict, editor):
    assert list(Conflict.objects.open().for_event(conflict.event)) == [conflict]
    conflict.resolve(decision=Decision.NOT_CONFLICT, by=editor, seen_version=0)
    assert not Conflict.objects.open().exists()
    assert list(Conflict.objects.decided()) == [conflict]
