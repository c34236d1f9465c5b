"""Every view: the page, its HTMX fragment, the wrong method, anonymous and read-only users."""

import io

import pytest
from django.urls import reverse

from claims.models import Article, ConflictStatus, Event, ExtractionStatus, Resolution
from tests.conftest import make_article, make_event

pytestmark = pytest.mark.django_db

PASTE = (
    "River floods market town\n"
    "OUTLET: Valley Courier\n"
    "DATE: 2025-03-04\n"
    "\n"
    "The river burst its banks on Monday evening and flooded 300 homes, the mayor said.\n"
    "About 2,000 residents were moved to the sports hall."
)


# --- access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/events/some-event/",
        "/events/some-event/compare/",
        "/conflicts/1/",
    ],
)
def test_anonymous_users_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_public(client):
    assert client.get(reverse("login")).status_code == 200


# --- events ---------------------------------------------------------------------------------


def test_event_list_shows_events_with_counts(editor_client, conflict):
    response = editor_client.get("/")
    assert response.status_code == 200
    assert conflict.event.title in response.text
    assert 'class="badge open">1<' in response.text


def test_editor_creates_an_event(editor_client, editor):
    response = editor_client.post("/", {"title": "  Dam   breach upriver ", "description": ""})
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.title == "Dam breach upriver" and event.slug == "dam-breach-upriver"
    assert event.created_by == editor


def test_event_slugs_stay_unique(editor_client):
    editor_client.post("/", {"title": "Storm"})
    editor_client.post("/", {"title": "Storm"})
    assert sorted(Event.objects.values_list("slug", flat=True)) == ["storm", "storm-2"]


def test_create_event_htmx_redirects_client_side(editor_client, htmx_headers):
    response = editor_client.post("/", {"title": "Storm"}, **htmx_headers)
    assert response.status_code == 200
    assert response["HX-Redirect"] == Event.objects.get().get_absolute_url()


def test_invalid_event_form_re_renders_the_fragment(editor_client, htmx_headers):
    response = editor_client.post("/", {"title": "   "}, **htmx_headers)
    assert response.status_code == 400
    assert response.text.lstrip().startswith('<section class="card" id="event-form">')
    assert "<html" not in response.text
    assert not Event.objects.exists()


def test_viewer_cannot_create_events(viewer_client):
    assert viewer_client.post("/", {"title": "Storm"}).status_code == 403
    assert not Event.objects.exists()


def test_event_list_rejects_other_methods(editor_client):
    assert editor_client.put("/").status_code == 405


# --- event page and adding articles -----------------------------------------------------------


def test_event_detail_lists_articles_and_the_form(editor_client):
    event = make_event()
    make_article(event, title="Quay fire spreads")
    response = editor_client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Quay fire spreads" in response.text
    assert 'name="text"' in response.text


def test_event_detail_polls_only_while_extraction_is_unfinished(editor_client, htmx_headers):
    event = make_event()
    article = make_article(event, status=ExtractionStatus.PENDING)
    headers = {**htmx_headers, "HTTP_HX_TARGET": "article-list"}
    response = editor_client.get(event.get_absolute_url(), **headers)
    assert response.text.lstrip().startswith('<section id="article-list"')
    assert 'hx-trigger="every 2s"' in response.text
    article.mark_done()
    response = editor_client.get(event.get_absolute_url(), **headers)
    assert "every 2s" not in response.text


def test_viewer_sees_no_add_form(viewer_client):
    event = make_event()
    response = viewer_client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert 'name="text"' not in response.text


def test_unknown_event_is_404(editor_client):
    assert editor_client.get("/events/nope/").status_code == 404


def test_paste_stores_the_article_and_runs_extraction(
    editor_client, editor, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("claims:article_add", args=[event.slug]), {"text": PASTE}
        )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "River floods market town"
    assert article.outlet.name == "Valley Courier"
    assert str(article.published_on) == "2025-03-04"
    assert article.created_by == editor
    assert article.status == ExtractionStatus.DONE, article.error
    assert article.mentions.exists()
    assert article.claims.exists()


def test_paste_via_htmx_returns_the_workspace_fragment(editor_client, htmx_headers):
    event = make_event()
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"text": PASTE}, **htmx_headers
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="article-workspace"')
    assert "River floods market town" in response.text
    assert 'hx-swap-oob="true"' in response.text  # the success message


def test_the_same_text_twice_is_refused_with_a_message(editor_client):
    event = make_event()
    url = reverse("claims:article_add", args=[event.slug])
    editor_client.post(url, {"text": PASTE})
    response = editor_client.post(url, {"text": PASTE.replace("\n\n", "\n\n  ")})
    assert response.status_code == 400
    assert "already in the event" in response.text
    assert Article.objects.count() == 1


def test_empty_paste_is_refused(editor_client):
    event = make_event()
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"text": " \n "}
    )
    assert response.status_code == 400
    assert "Paste the article" in response.text
    assert not Article.objects.exists()


def test_upload_txt_file(editor_client):
    event = make_event()
    upload = io.BytesIO(PASTE.encode())
    upload.name = "flood.txt"
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"file": upload}
    )
    assert response.status_code == 302
    assert Article.objects.get().outlet.name == "Valley Courier"


def test_upload_html_file_is_cleaned(editor_client):
    event = make_event()
    html = (
        "<html><head><title>Quay fire</title><meta property='og:site_name' content='Port Times'>"
        "</head><body><nav>Home | World</nav><article><h1>Quay fire</h1>"
        "<p>Fire crews fought a blaze at the quay on Monday evening, officials said.</p>"
        "<p>About 40 firefighters attended and nobody was hurt.</p></article>"
        "<script>alert('x')</script></body></html>"
    )
    upload = io.BytesIO(html.encode())
    upload.name = "quay.html"
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"file": upload}
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Quay fire"
    assert "blaze at the quay" in article.text
    assert "alert" not in article.text


def test_binary_upload_is_refused(editor_client):
    event = make_event()
    upload = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    upload.name = "photo.txt"
    response = editor_client.post(
        reverse("claims:article_add", args=[event.slug]), {"file": upload}
    )
    assert response.status_code == 400
    assert "binary" in response.text
    assert not Article.objects.exists()


def test_viewer_cannot_add_articles(viewer_client):
    event = make_event()
    response = viewer_client.post(reverse("claims:article_add", args=[event.slug]), {"text": PASTE})
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_add_article_rejects_get(editor_client):
    event = make_event()
    assert editor_client.get(reverse("claims:article_add", args=[event.slug])).status_code == 405


def test_retry_failed_extraction(editor_client, django_capture_on_commit_callbacks):
    event = make_event()
    article = make_article(
        event, text="The quay fire started on Monday evening.", status=ExtractionStatus.FAILED
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("claims:article_retry", args=[article.pk]))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ExtractionStatus.DONE
    assert article.attempts == 1


def test_retry_rejects_get_and_viewers(editor_client, viewer_client):
    article = make_article(make_event(), status=ExtractionStatus.FAILED)
    url = reverse("claims:article_retry", args=[article.pk])
    assert editor_client.get(url).status_code == 405
    assert viewer_client.post(url).status_code == 403


# --- compare view and conflicts ---------------------------------------------------------------


def test_compare_shows_columns_and_the_conflict_panel(editor_client, conflict):
    article = conflict.claims.first().article
    article.mentions.create(start=0, end=3, label="ORG", text="The")
    response = editor_client.get(reverse("claims:event_compare", args=[conflict.event.slug]))
    assert response.status_code == 200
    assert response.text.count('class="column"') == 2
    assert 'class="ent ent-org"' in response.text
    assert conflict.about.capitalize() in response.text
    assert f'id="c-{conflict.pk}"' in response.text
    for claim in conflict.claims.all():
        assert f'id="{claim.anchor}"' in response.text
        assert f'href="#{claim.anchor}"' in response.text


def test_compare_escapes_article_text(editor_client):
    event = make_event()
    make_article(event, text="<script>alert('x')</script> Crews arrived.")
    response = editor_client.get(reverse("claims:event_compare", args=[event.slug]))
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_conflict_panel_fragment_filters_by_status(editor_client, conflict, htmx_headers):
    url = reverse("claims:event_compare", args=[conflict.event.slug])
    headers = {**htmx_headers, "HTTP_HX_TARGET": "conflict-panel"}
    response = editor_client.get(url + "?status=open", **headers)
    assert response.text.lstrip().startswith('<aside class="panel" id="conflict-panel"')
    assert f'id="c-{conflict.pk}"' in response.text
    response = editor_client.get(url + "?status=resolved", **headers)
    assert f'id="c-{conflict.pk}"' not in response.text


def test_conflict_detail_fragment_and_redirect(editor_client, conflict, htmx_headers):
    url = reverse("claims:conflict_detail", args=[conflict.pk])
    fragment = editor_client.get(url, **htmx_headers)
    assert fragment.text.lstrip().startswith('<section class="conflict-card')
    page = editor_client.get(url)
    assert page.status_code == 302 and f"#c-{conflict.pk}" in page["Location"]


def _resolve(client, conflict, **data):
    payload = {"version": conflict.version, **data}
    return client.post(reverse("claims:conflict_resolve", args=[conflict.pk]), payload)


def test_resolve_pick_without_htmx_redirects_back(editor_client, conflict, editor):
    claim = conflict.claims.first()
    response = _resolve(
        editor_client, conflict, decision="pick", claim=claim.pk, note="Police log", source_url=""
    )
    assert response.status_code == 302
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.RESOLVED
    resolution = Resolution.objects.get()
    assert (resolution.editor, resolution.chosen_claim, resolution.note) == (
        editor,
        claim,
        "Police log",
    )


def test_resolve_with_htmx_returns_the_card_and_an_event(editor_client, conflict, htmx_headers):
    response = editor_client.post(
        reverse("claims:conflict_resolve", args=[conflict.pk]),
        {"version": 0, "decision": "not_conflict", "note": "Different fires"},
        **htmx_headers,
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section class="conflict-card status-dismissed"')
    assert "Different fires" in response.text  # the history shows the note
    assert "conflictResolved" in response["HX-Trigger"]


def test_pick_without_a_version_chosen_is_an_error(editor_client, conflict, htmx_headers):
    response = editor_client.post(
        reverse("claims:conflict_resolve", args=[conflict.pk]),
        {"version": 0, "decision": "pick"},
        **htmx_headers,
    )
    assert response.status_code == 400
    assert "Choose the version" in response.text
    assert not Resolution.objects.exists()


def test_a_stale_decision_tells_who_decided(editor_client, conflict, other_editor, htmx_headers):
    conflict.resolve(decision="cant_verify", by=other_editor, seen_version=0)
    response = editor_client.post(
        reverse("claims:conflict_resolve", args=[conflict.pk]),
        {"version": 0, "decision": "not_conflict"},
        **htmx_headers,
    )
    assert response.status_code == 409
    assert "olga" in response.text and "can&#x27;t verify" in response.text.lower()
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.UNVERIFIABLE
    assert Resolution.objects.filter(applied=False).count() == 1


def test_reopen(editor_client, conflict, editor):
    conflict.resolve(decision="not_conflict", by=editor, seen_version=0)
    conflict.refresh_from_db()
    _resolve(editor_client, conflict, decision="reopen")
    conflict.refresh_from_db()
    assert conflict.status == ConflictStatus.OPEN


def test_viewer_cannot_resolve(viewer_client, conflict):
    response = _resolve(viewer_client, conflict, decision="not_conflict")
    assert response.status_code == 403
    assert not Resolution.objects.exists()


def test_resolve_rejects_get(editor_client, conflict):
    assert (
        editor_client.get(reverse("claims:conflict_resolve", args=[conflict.pk])).status_code == 405
    )


# --- admin ----------------------------------------------------------------------------------


def test_admin_pages_render(client, admin_user, conflict, editor):
    conflict.resolve(decision="not_conflict", by=editor, seen_version=0)
    client.force_login(admin_user)
    article = conflict.claims.first().article
    for url in [
        "/admin/claims/event/",
        "/admin/claims/article/",
        f"/admin/claims/article/{article.pk}/change/",
        f"/admin/claims/conflict/{conflict.pk}/change/",
        "/admin/claims/resolution/",
        "/admin/claims/entity/",
        "/admin/claims/claim/",
        "/admin/auth/user/",
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/claims/resolution/add/").status_code == 403


def test_the_compare_page_marks_a_linked_description_as_the_person_and_hides_the_rest(
    editor_client, django_capture_on_commit_callbacks
):
    from claims import services
    from tests.conftest import make_event

    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_article(
            event=event,
            title="Visit",
            text="Governor Maria Olsen visited the towns on Monday. The governor met families.",
            outlet_name="Post",
        )
        services.add_article(
            event=event,
            title="Tour",
            text="The governor toured the shelters on Tuesday. The minister stayed away.",
            outlet_name="Herald",
        )
    html = editor_client.get(reverse("claims:event_compare", args=[event.slug])).content.decode()
    assert html.count("Maria Olsen · PERSON") >= 3  # the name and both descriptions
    assert "· ROLE" not in html  # "the minister": tied to nobody, not marked
