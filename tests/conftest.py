"""Shared fixtures: personas (editor, viewer, admin) and small builders of domain objects."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from claims.models import Article, Claim, Conflict, Event, ExtractionStatus, Outlet

IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Tasks run in the test's own thread (the database backend is exercised separately),
    and a sentence whose extraction raises fails the test instead of being skipped."""
    settings.TASKS = IMMEDIATE_TASKS
    settings.NEWSDESK_SKIP_FAILING_SENTENCES = False


def _user(django_user_model, username: str, group: str | None = None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="pw-" + username, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _user(django_user_model, "eddie", "Editors")


@pytest.fixture
def other_editor(db, django_user_model):
    return _user(django_user_model, "olga", "Editors")


@pytest.fixture
def viewer(db, django_user_model):
    return _user(django_user_model, "vera", "Viewers")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("ada", password="pw-ada")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor) -> Client:
    return client_for(editor)


@pytest.fixture
def viewer_client(viewer) -> Client:
    return client_for(viewer)


@pytest.fixture
def htmx_headers():
    return {"HTTP_HX_REQUEST": "true"}


def make_event(**kwargs) -> Event:
    n = next(_counter)
    defaults = {"slug": f"event-{n}", "title": f"Harbour fire {n}"}
    return Event.objects.create(**{**defaults, **kwargs})


def make_article(event: Event, *, outlet: str = "North Gazette", text: str | None = None, **kw):
    n = next(_counter)
    return Article.objects.create(
        event=event,
        outlet=Outlet.objects.get_or_create(name=outlet)[0],
        title=kw.pop("title", f"Fire at the harbour ({n})"),
        text=text or f"Fire crews fought a blaze at the harbour on Monday evening. Report {n}.",
        published_on=kw.pop("published_on", dt.date(2025, 9, 2)),
        status=kw.pop("status", ExtractionStatus.DONE),
        **kw,
    )


def make_claim(article: Article, *, display: str, value_text: str | None = None, **kw) -> Claim:
    text = article.text
    value_text = value_text or display
    start = max(text.find(value_text), 0)
    return Claim.objects.create(
        article=article,
        kind=kw.pop("kind", "datetime"),
        sentence_start=0,
        sentence_end=len(text),
        value_start=start,
        value_end=start + len(value_text),
        sentence=text,
        value_text=value_text,
        normalized=kw.pop("normalized", {"type": "datetime"}),
        display=display,
        about=kw.pop("about", "when the fire started"),
        key=kw.pop("key", "datetime|start|fire"),
        **kw,
    )


@pytest.fixture
def conflict(db) -> Conflict:
    """An open conflict between two outlets about when a fire started."""
    event = make_event()
    a = make_article(event, outlet="North Gazette", text="The fire started on Monday evening.")
    b = make_article(event, outlet="South Herald", text="The fire started early on Tuesday.")
    ca = make_claim(a, display="Mon 1 Sep 2025, evening", value_text="Monday evening")
    cb = make_claim(b, display="Tue 2 Sep 2025, early", value_text="early on Tuesday")
    conflict = Conflict.objects.create(
        event=event,
        kind="datetime",
        key="datetime|start|fire",
        about="when the fire started",
        explanation=(
            "When the fire started: North Gazette says Monday evening; "
            "South Herald says early Tuesday."
        ),
        confidence=0.8,
    )
    conflict.claims.set([ca, cb])
    return conflict
