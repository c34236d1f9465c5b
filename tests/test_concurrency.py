"""Races between real database connections: each thread below has its own Postgres session
(Django keeps one connection per thread), and a barrier releases them at the same moment.

Committed data is needed for the threads to see each other's work, hence transactional tests.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from claims import services
from claims.models import (
    Article,
    Claim,
    Conflict,
    ConflictStatus,
    Entity,
    Mention,
    Resolution,
    StaleDecision,
)
from tests.conftest import client_for, make_article, make_claim, make_event

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 5


def at_once(*calls: Callable[[], Any]) -> list[tuple[str, Any]]:
    """Run each call in its own thread (own DB connection), released together by a barrier.

    Returns ``("ok", value)`` or ``("error", exception)`` per call, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[str, Any]] = [("error", RuntimeError("did not run"))] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            connection.ensure_connection()  # connect first, so the race is on the queries
            barrier.wait(timeout=20)
            results[i] = ("ok", call())
        except BaseException as exc:
            results[i] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a racing thread hung"
    return results


def fresh_conflict() -> Conflict:
    event = make_event()
    a = make_article(event, outlet="North Gazette", text="The fire started on Monday evening.")
    b = make_article(event, outlet="South Herald", text="The fire started early on Tuesday.")
    conflict = Conflict.objects.create(
        event=event, kind="datetime", key="datetime|start|fire", about="when the fire started"
    )
    conflict.claims.set(
        [
            make_claim(a, display="Mon evening", value_text="Monday evening"),
            make_claim(b, display="Tue early", value_text="early on Tuesday"),
        ]
    )
    return conflict


# --------------------------------------------------------------------------- 1. two editors


def test_two_editors_resolving_at_the_same_moment_exactly_one_wins(editor, other_editor):
    for _ in range(ROUNDS):
        conflict = fresh_conflict()
        north, south = conflict.claims.order_by("article__outlet__name")
        results = at_once(
            lambda c=conflict, cl=north: Conflict.objects.get(pk=c.pk).resolve(
                decision="pick", by=editor, seen_version=0, chosen_claim=cl
            ),
            lambda c=conflict, cl=south: Conflict.objects.get(pk=c.pk).resolve(
                decision="pick", by=other_editor, seen_version=0, chosen_claim=cl
            ),
        )
        outcomes = sorted(kind for kind, _ in results)
        assert outcomes == ["error", "ok"], results
        (_, winner), (_, loser) = sorted(results, key=lambda r: r[0] != "ok")
        assert isinstance(loser, StaleDecision), loser
        # The loser is told who decided what.
        assert loser.latest is not None and loser.latest.pk == winner.pk
        assert loser.latest.editor_id == winner.editor_id
        conflict.refresh_from_db()
        assert conflict.version == 1 and conflict.status == ConflictStatus.RESOLVED
        history = list(conflict.resolutions.order_by("pk"))
        assert len(history) == 2, "both attempts are kept"
        assert [r.applied for r in history].count(True) == 1
        assert {r.editor_id for r in history} == {editor.pk, other_editor.pk}
        assert conflict.latest_resolution().chosen_claim_id == winner.chosen_claim_id


def test_the_same_editor_double_clicking_at_the_same_moment_records_one_decision(editor):
    for _ in range(ROUNDS):
        conflict = fresh_conflict()
        claim = conflict.claims.first()

        def click(c=conflict, cl=claim):
            return Conflict.objects.get(pk=c.pk).resolve(
                decision="pick", by=editor, seen_version=0, chosen_claim=cl, note="sure"
            )

        results = at_once(click, click)
        assert [kind for kind, _ in results] == ["ok", "ok"], results
        assert results[0][1].pk == results[1][1].pk
        assert Resolution.objects.filter(conflict=conflict).count() == 1
        conflict.refresh_from_db()
        assert conflict.version == 1


def _post_decision(client: Client, conflict: Conflict, claim: Claim):
    return client.post(
        reverse("claims:conflict_resolve", args=[conflict.pk]),
        {"decision": "pick", "claim": claim.pk, "version": 0},
        HTTP_HX_REQUEST="true",
    )


def test_two_editors_posting_at_the_same_moment_one_gets_409_naming_the_winner(
    editor, other_editor
):
    clients = {editor.username: client_for(editor), other_editor.username: client_for(other_editor)}
    for _ in range(ROUNDS):
        conflict = fresh_conflict()
        north, south = conflict.claims.order_by("article__outlet__name")
        results = at_once(
            lambda c=conflict, cl=north: _post_decision(clients[editor.username], c, cl),
            lambda c=conflict, cl=south: _post_decision(clients[other_editor.username], c, cl),
        )
        assert all(kind == "ok" for kind, _ in results), results
        responses = [r for _, r in results]
        assert sorted(r.status_code for r in responses) == [200, 409]
        winner_response = next(r for r in responses if r.status_code == 200)
        loser_response = next(r for r in responses if r.status_code == 409)
        applied = Resolution.objects.get(conflict=conflict, applied=True)
        rejected = Resolution.objects.get(conflict=conflict, applied=False)
        assert applied.editor_id != rejected.editor_id
        # The loser's card says, in its alert, who decided what.
        alert = re.search(r'class="notice"[^>]*>(.*?)</', loser_response.content.decode(), re.S)
        assert alert, loser_response.content.decode()[:2000]
        assert applied.editor.username in alert.group(1)
        assert rejected.editor.username not in alert.group(1)
        assert "trust this version" in alert.group(1).lower()
        assert 'class="notice"' not in winner_response.content.decode()
        conflict.refresh_from_db()
        assert conflict.status == ConflictStatus.RESOLVED and conflict.version == 1


def test_a_repeated_post_of_the_same_decision_is_idempotent(editor):
    conflict = fresh_conflict()
    claim = conflict.claims.first()
    client = client_for(editor)
    first = _post_decision(client, conflict, claim)
    again = _post_decision(client, conflict, claim)  # resubmitted form / double-click
    assert (first.status_code, again.status_code) == (200, 200)
    assert Resolution.objects.filter(conflict=conflict).count() == 1
    results = at_once(lambda: _post_decision(client, conflict, claim))
    assert results[0][1].status_code == 200
    assert Resolution.objects.filter(conflict=conflict).count() == 1


# --------------------------------------------------------------------------- 1. same article


TEXT = "Harbour fire\n\nFire crews fought a blaze at the harbour on Monday evening, officials said."


def test_adding_the_same_article_twice_at_the_same_moment_keeps_one_copy(editor):
    for _ in range(ROUNDS):
        event = make_event()

        def add(ev=event):
            return services.add_article(
                event=ev, title="Harbour fire", text=TEXT, by=editor, enqueue=False
            )

        results = at_once(add, add)
        kinds = sorted(kind for kind, _ in results)
        assert kinds == ["error", "ok"], results
        (_, stored), (_, refused) = sorted(results, key=lambda r: r[0] != "ok")
        assert isinstance(refused, services.DuplicateArticle), refused
        assert refused.existing.pk == stored.pk  # the loser is told which copy is stored
        assert Article.objects.filter(event=event).count() == 1


def test_two_editors_submitting_the_same_article_at_once_one_is_told(editor, other_editor):
    event = make_event()
    url = reverse("claims:article_add", args=[event.slug])
    clients = [client_for(editor), client_for(other_editor)]
    results = at_once(
        *[lambda c=c: c.post(url, {"text": TEXT}, HTTP_HX_REQUEST="true") for c in clients]
    )
    statuses = sorted(r.status_code for _, r in results)
    assert statuses == [200, 400], statuses
    refused = next(r for _, r in results if r.status_code == 400).content.decode()
    assert "already in the event" in refused or "just added" in refused
    assert Article.objects.filter(event=event).count() == 1


# --------------------------------------------------------------------------- 4. re-runs


def _event_with_extracted_articles():
    event = make_event()
    texts = [
        "Fire at the harbour\n\nAt least 12 people were injured in the fire at the harbour "
        "in Portmouth on Monday, police said.",
        "Harbour blaze\n\nEight people were injured in the fire at the harbour in Portmouth "
        "on Monday, the fire service said.",
        "Portmouth fire\n\nFifteen people were injured in the fire at the harbour in "
        "Portmouth on Monday.",
    ]
    articles = [
        services.add_article(event=event, title="", text=t, outlet_name=f"Outlet {i}")
        for i, t in enumerate(texts)
    ]
    for article in articles:
        services.run_extraction(article_id=article.pk, rebuild=False)
    services.rebuild_event(event=event)
    return event, articles


def _counts(event):
    return (
        Entity.objects.filter(event=event).count(),
        Mention.objects.filter(article__event=event).count(),
        Claim.objects.filter(article__event=event).count(),
        Conflict.objects.filter(event=event).count(),
    )


def test_two_workers_rebuilding_the_same_event_at_once_duplicate_nothing(editor):
    event, _ = _event_with_extracted_articles()
    conflict = Conflict.objects.filter(event=event).first()
    assert conflict is not None, "the texts disagree on how many were injured"
    conflict.resolve(decision="not_conflict", by=editor, seen_version=0)
    before = _counts(event)
    for _ in range(ROUNDS):
        # From scratch each round, so both rebuilds would insert the same rows.
        Entity.objects.filter(event=event).delete()
        results = at_once(
            lambda: services.rebuild_event(event=event),
            lambda: services.rebuild_event(event=event),
        )
        assert [kind for kind, _ in results] == ["ok", "ok"], results
        assert _counts(event) == before
    again = Conflict.objects.get(pk=conflict.pk)
    assert again.status == ConflictStatus.DISMISSED
    assert again.resolutions.count() == 1


def test_two_workers_extracting_the_same_article_at_once_duplicate_nothing(editor):
    event, articles = _event_with_extracted_articles()
    conflict = Conflict.objects.filter(event=event).first()
    conflict.resolve(decision="cant_verify", by=editor, seen_version=0)
    before = _counts(event)
    for _ in range(ROUNDS):
        target = articles[0].pk
        results = at_once(
            lambda t=target: services.run_extraction(article_id=t),
            lambda t=target: services.run_extraction(article_id=t),
        )
        assert [kind for kind, _ in results] == ["ok", "ok"], results
        assert _counts(event) == before
    again = Conflict.objects.get(pk=conflict.pk)
    assert again.status == ConflictStatus.UNVERIFIABLE
    assert again.resolutions.count() == 1
    assert Article.objects.get(pk=articles[0].pk).status == "done"
