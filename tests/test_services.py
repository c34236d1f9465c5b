"""Storing extraction results: idempotent re-runs that never drop an editor's decision."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims import services
from claims.models import Agreement, Claim, Conflict, ConflictStatus, Entity, Event, Mention

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path) -> Event:
    call_command("load_demo", "--password-file", str(tmp_path / "login"), stdout=StringIO())
    return Event.objects.get()


def counts(event):
    return (
        Entity.objects.filter(event=event).count(),
        Mention.objects.filter(article__event=event).count(),
        Claim.objects.filter(article__event=event).count(),
        Conflict.objects.filter(event=event).count(),
        Agreement.objects.filter(event=event).count(),
    )


def test_demo_alignment_stores_conflicts_agreements_and_linked_entities(demo):
    assert Conflict.objects.filter(event=demo).count() >= 1
    assert Agreement.objects.filter(event=demo).exists()
    linked = Entity.objects.filter(event=demo, mentions__article__isnull=False).distinct()
    # At least one entity is mentioned by every article of the demo.
    assert any(e.mentions.values("article").distinct().count() == 4 for e in linked)
    for agreement in Agreement.objects.filter(event=demo):
        outlets = {c.article.outlet_id for c in agreement.claims.all()}
        assert len(outlets) >= 2


def test_rerunning_extraction_is_idempotent_and_keeps_decisions(demo, editor):
    before = counts(demo)
    conflict = Conflict.objects.filter(event=demo).first()
    key = (conflict.kind, conflict.key)
    conflict.resolve(
        decision="pick", by=editor, seen_version=0, chosen_claim=conflict.claims.first()
    )
    call_command("extract_event", "--event", demo.slug, stdout=StringIO())
    call_command("extract_event", "--event", demo.slug, stdout=StringIO())
    assert counts(demo) == before
    again = Conflict.objects.get(event=demo, kind=key[0], key=key[1])
    assert again.pk == conflict.pk
    assert again.status == ConflictStatus.RESOLVED
    assert again.resolutions.count() == 1
    assert again.claims.count() >= 2  # re-linked to the fresh claims


def test_a_conflict_no_longer_found_is_kept_when_decided_and_dropped_when_untouched(demo, editor):
    decided, untouched = Conflict.objects.filter(event=demo)[:2]
    decided.resolve(decision="not_conflict", by=editor, seen_version=0)
    # Remove the articles' claims that created both conflicts, as if the texts changed.
    Claim.objects.filter(conflicts__in=[decided, untouched]).delete()
    services.rebuild_event(event=demo)
    decided.refresh_from_db()
    assert decided.stale and decided.status == ConflictStatus.DISMISSED
    assert not Conflict.objects.filter(pk=untouched.pk).exists()


def test_failed_extraction_is_recorded_and_keeps_the_article(monkeypatch):
    from tests.conftest import make_article, make_event

    article = make_article(make_event(), status="pending")

    def boom(*args, **kwargs):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr("claims.nlp.pipeline.analyse_article", boom)
    with pytest.raises(RuntimeError):
        services.run_extraction(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == "failed"
    assert "parser crashed" in article.error
    assert article.text


def _poison(monkeypatch, word: str) -> None:
    """Make the extraction of any sentence containing ``word`` raise."""
    from claims.nlp import extract

    real = extract._sentence_claims

    def flaky(sent, *args, **kwargs):
        if word in sent.text:
            raise ValueError("a rule tripped on this sentence")
        return real(sent, *args, **kwargs)

    monkeypatch.setattr(extract, "_sentence_claims", flaky)


SKIP_TEXT = (
    "The ferry left Orrin Quay at 9:15 on Monday with 212 passengers aboard.\n\n"
    "The Zebrant crossing took 40 minutes longer than planned.\n\n"
    "Coastguards said 38 people were treated for minor injuries."
)


def test_a_sentence_that_trips_a_rule_is_skipped_not_the_article(monkeypatch, settings):
    from tests.conftest import make_article, make_event

    settings.NEWSDESK_SKIP_FAILING_SENTENCES = True
    _poison(monkeypatch, "Zebrant")
    article = make_article(make_event(), status="pending", text=SKIP_TEXT)
    services.run_extraction(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == "done"
    assert article.error.startswith("1 sentence could not be analysed and was skipped")
    assert "“The Zebrant crossing took 40 minutes longer than…”" in article.error
    values = {c.value_text for c in article.claims.all()}
    assert {"212", "38"} <= values  # the sentences around it were read
    assert not any("40 minutes" in v for v in values)


def test_tests_and_strict_runs_still_fail_on_such_a_sentence(monkeypatch):
    from tests.conftest import make_article, make_event

    _poison(monkeypatch, "Zebrant")
    article = make_article(make_event(), status="pending", text=SKIP_TEXT)
    with pytest.raises(ValueError, match="tripped"):
        services.run_extraction(article_id=article.pk, max_attempts=1)
    article.refresh_from_db()
    assert article.status == "failed"


def test_quoted_values_keep_the_quote_and_speaker(django_capture_on_commit_callbacks):
    from tests.conftest import make_event

    event = make_event()
    text = (
        "The mayor spoke at noon on Monday.\n\n"
        '"We moved 2,000 people out of the valley overnight," said Mayor Lina Ortez.'
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = services.add_article(event=event, title="Flood", text=text, outlet_name="Post")
    article.refresh_from_db()
    quoted = [c for c in article.claims.all() if c.quote]
    assert quoted, [(c.value_text, c.quote) for c in article.claims.all()]
    assert "2,000 people" in quoted[0].quote
    assert "Ortez" in quoted[0].speaker


def test_a_description_of_a_named_person_is_linked_to_her_entity(
    django_capture_on_commit_callbacks,
):
    from tests.conftest import make_event

    event = make_event()
    first = "Governor Maria Olsen visited the flooded towns on Monday. The governor met families."
    second = "Maria Olsen toured the shelters on Tuesday."
    with django_capture_on_commit_callbacks(execute=True):
        services.add_article(event=event, title="Visit", text=first, outlet_name="Post")
        services.add_article(event=event, title="Tour", text=second, outlet_name="Herald")
    description = Mention.objects.get(article__event=event, text="governor")
    assert description.refers_to == "Maria Olsen"
    assert description.entity is not None
    assert description.entity == Mention.objects.get(article__title="Tour", label="PERSON").entity
    assert "governor" in description.entity.aliases
