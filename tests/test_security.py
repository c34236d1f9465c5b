"""Access rules, production settings, security headers (CSP), login throttling, request size."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims.models import Article, ConflictStatus, Event, ExtractionStatus, Resolution
from tests.conftest import make_article, make_event

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Even if a view lost its permission check, no test here may fetch from the internet."""
    from claims import fetching
    from claims.importing import ArticleInputError

    def offline(host, port):
        raise ArticleInputError("No network in tests.")

    monkeypatch.setattr(fetching, "resolve", offline)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The login tests log in dozens of times; the production hasher takes ~0.3 s a time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _site_patterns(resolver: URLResolver | None = None, prefix: str = ""):
    """(route, pattern) for every URL of the site except the admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from _site_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _concrete(route: str) -> str:
    """A URL for a route, with made-up values for its parameters."""
    url = re.sub(r"<int:\w+>", "1", route)
    url = re.sub(r"<(?:slug:)?\w+>", "some-event", url)
    return "/" + url.lstrip("^").rstrip("$")


SITE_URLS = [
    _concrete(route)
    for route, p in _site_patterns()
    if p.name not in {"login", "logout"} and not route.startswith("admin/")
]


# --- 1. access --------------------------------------------------------------------------------


def test_the_url_list_covers_the_site():
    assert len(SITE_URLS) >= 13
    assert "/events/some-event/articles/add/" in SITE_URLS
    assert "/conflicts/1/resolve/" in SITE_URLS


@pytest.mark.parametrize("url", SITE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_page_needs_login(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_only_the_login_page_is_public(client):
    assert client.get(reverse("login")).status_code == 200
    # The admin's own login page sends to ours, so it is throttled too.
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"
    assert client.get("/admin/").status_code == 302


@pytest.fixture
def world(conflict):
    failed = make_article(conflict.event, outlet="East Post", status=ExtractionStatus.FAILED)
    return {"event": conflict.event, "conflict": conflict, "failed": failed}


def _viewer_posts(world):
    event, conflict = world["event"], world["conflict"]
    claim = conflict.claims.first()
    return {
        "event create": (reverse("claims:event_list"), {"title": "Storm"}),
        "article add": (
            reverse("claims:article_add", args=[event.slug]),
            {"text": "Headline\n\nBody text of a new article about the storm."},
        ),
        "article fetch": (
            reverse("claims:article_fetch", args=[event.slug]),
            {"fetch_url": "https://example.org/news/flood"},
        ),
        "bulk add": (
            reverse("claims:articles_bulk", args=[event.slug]),
            {"urls": "https://example.org/news/flood"},
        ),
        "retry": (reverse("claims:article_retry", args=[world["failed"].pk]), {}),
        "conflict resolve": (
            reverse("claims:conflict_resolve", args=[conflict.pk]),
            {"decision": "pick", "claim": claim.pk, "version": conflict.version},
        ),
    }


@pytest.mark.parametrize(
    "action",
    ["event create", "article add", "article fetch", "bulk add", "retry", "conflict resolve"],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_viewers_get_403_on_every_action_and_nothing_changes(viewer_client, world, action, htmx):
    url, data = _viewer_posts(world)[action]
    before = (Event.objects.count(), Article.objects.count(), Resolution.objects.count())
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = viewer_client.post(url, data, **headers)
    assert response.status_code == 403
    assert (Event.objects.count(), Article.objects.count(), Resolution.objects.count()) == before
    world["failed"].refresh_from_db()
    assert world["failed"].status == ExtractionStatus.FAILED
    world["conflict"].refresh_from_db()
    assert world["conflict"].status == ConflictStatus.OPEN


def test_a_viewer_post_to_any_url_is_refused(viewer_client, world):
    """Catches a new POST view without ``require_perm``: every URL, with real ids, answers a
    viewer's POST with 403 (or 405 where only GET is allowed), and nothing changes."""
    ids = {"articles": world["failed"].pk, "conflicts": world["conflict"].pk}
    before = (Event.objects.count(), Article.objects.count(), Resolution.objects.count())
    for route, _pattern in _site_patterns():
        if _pattern.name in {"login", "logout"} or route.startswith("admin/"):
            continue
        url = re.sub(r"<slug:\w+>", world["event"].slug, route)
        url = re.sub(r"(\w+)/<int:\w+>", lambda m: f"{m.group(1)}/{ids.get(m.group(1), 1)}", url)
        response = viewer_client.post("/" + url, {"title": "Storm", "decision": "unverifiable"})
        assert response.status_code in {403, 405}, (url, response.status_code)
    after = (Event.objects.count(), Article.objects.count(), Resolution.objects.count())
    assert after == before


def test_csrf_is_enforced_on_posts(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("claims:event_list"), {"title": "Storm"}).status_code == 403
    assert not Event.objects.exists()
    # With the token (as htmx sends it from the body's hx-headers) the post goes through.
    page = client.get(reverse("claims:event_list"))
    token = re.search(r'"x-csrftoken": "([^"]+)"', page.text).group(1)
    response = client.post(reverse("claims:event_list"), {"title": "Storm"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 302
    assert Event.objects.count() == 1


# --- 2. production settings -------------------------------------------------------------------


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSDESK_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**keep, "DATABASE_URL": os.environ.get("DATABASE_URL", ""), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7Qp-2vLr9_mTzK4wYcB8nE1sFhJ6uGdA3oVbXiNqR5tPlMkWjZeHyCgU0aSfD",
    "NEWSDESK_REQUIRE_SECRET_KEY": "1",
    "DJANGO_SECURE": "1",
    "DJANGO_ALLOWED_HOSTS": "newsdesk.example.org",
}


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_warns_without_the_production_flag():
    """The check above is meaningful: drop DJANGO_SECURE and it finds the gaps."""
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECURE"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_local_http_defaults_stay_relaxed():
    """bin/run serves plain http on 127.0.0.1: no HTTPS redirect, cookies not Secure-only."""
    assert settings.SECURE_SSL_REDIRECT is False
    assert settings.SESSION_COOKIE_SECURE is False
    assert settings.CSRF_COOKIE_SECURE is False
    assert settings.SECURE_HSTS_SECONDS == 0


# --- 3. headers and CSP -----------------------------------------------------------------------


def test_pages_carry_csp_and_browser_protection_headers(editor_client, conflict):
    for url in (
        reverse("login"),
        reverse("claims:event_list"),
        reverse("claims:event_compare", args=[conflict.event.slug]),
    ):
        response = editor_client.get(url)
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
        )
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_templates_have_no_inline_scripts_or_handlers():
    """CSP blocks inline scripts and event-handler attributes: none may creep into templates."""
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            assert "src=" in match.group(0), f"inline <script> in {path}"
        assert not re.search(r"\son[a-z]+\s*=", text), f"event handler attribute in {path}"
        assert "javascript:" not in text, f"javascript: URL in {path}"
        assert not re.search(r"<style\b", text), f"inline <style> in {path}"


# --- 4. login throttling ----------------------------------------------------------------------


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _login(client, username: str, password: str, addr: str = "203.0.113.7"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=addr
    )


def test_login_is_throttled_after_repeated_failures(client, editor, fresh_cache):
    limit = settings.NEWSDESK_LOGIN_MAX_FAILURES
    for _ in range(limit):
        assert _login(client, "eddie", "wrong").status_code == 200
    response = _login(client, "eddie", "wrong")
    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    assert int(response["Retry-After"]) == settings.NEWSDESK_LOGIN_WINDOW
    # Even the right password is refused while throttled (no guessing through the block).
    response = _login(client, "eddie", "pw-eddie")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_throttle_is_per_username_and_address(client, editor, other_editor, fresh_cache):
    for _ in range(settings.NEWSDESK_LOGIN_MAX_FAILURES):
        _login(client, "eddie", "wrong")
    assert _login(client, "eddie", "wrong").status_code == 429
    # Another account from the same address, and the same account from elsewhere, still work.
    assert _login(client, "olga", "pw-olga").status_code == 302
    assert _login(client, "eddie", "pw-eddie", addr="198.51.100.9").status_code == 302


def test_throttle_counts_case_insensitively_and_success_resets(client, editor, fresh_cache):
    limit = settings.NEWSDESK_LOGIN_MAX_FAILURES
    for _ in range(limit - 1):
        _login(client, "Eddie", "wrong")
    assert _login(client, "eddie", "pw-eddie").status_code == 302
    client.logout()
    for _ in range(limit - 1):
        assert _login(client, "eddie", "wrong").status_code == 200


def test_throttle_window_expires(client, editor, fresh_cache, settings):
    settings.NEWSDESK_LOGIN_WINDOW = 2
    started = time.monotonic()
    for _ in range(settings.NEWSDESK_LOGIN_MAX_FAILURES):
        _login(client, "eddie", "wrong")
    assert _login(client, "eddie", "pw-eddie").status_code == 429
    time.sleep(max(0.0, 2.2 - (time.monotonic() - started)))
    assert _login(client, "eddie", "pw-eddie").status_code == 302


def test_throttle_is_shared_between_processes():
    """Three gunicorn workers must share the counts: the cache lives in PostgreSQL."""
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


# --- 5. oversized requests get a message, not a bare 400 --------------------------------------


def test_a_20_mb_paste_is_refused_with_the_limit(editor_client):
    event = make_event()
    text = "Headline\n\n" + "The river rose. " * 1_300_000  # ~20 MB
    response = editor_client.post(reverse("claims:article_add", args=[event.slug]), {"text": text})
    assert response.status_code == 413
    assert "limited to 2 MB" in response.text
    assert "Nothing was stored" in response.text
    assert not Article.objects.exists()


def test_a_20_mb_paste_via_htmx_shows_the_limit_in_the_messages(editor_client, htmx_headers):
    event = make_event()
    text = "Headline\n\n" + "x" * 20_000_000
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"text": text}, **htmx_headers
    )
    assert response.status_code == 400  # htmx swaps 400s (htmx-config)
    assert response["HX-Retarget"] == "#messages"
    assert "limited to 2 MB" in response.text
    assert not Article.objects.exists()


def test_a_20_mb_urlencoded_post_is_refused_unread(editor_client):
    from urllib.parse import urlencode

    event = make_event()
    body = urlencode({"text": "Headline\n\n" + "x" * 20_000_000})
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "limited to 2 MB" in response.text
    assert not Article.objects.exists()


def test_a_paste_just_over_the_limit_is_refused_by_the_form(editor_client):
    event = make_event()
    text = "Headline\n\n" + "The river rose. " * 140_000  # ~2.2 MB: under Django's cap
    response = editor_client.post(reverse("claims:article_add", args=[event.slug]), {"text": text})
    assert response.status_code == 400
    assert "2 MB" in response.text
    assert not Article.objects.exists()
