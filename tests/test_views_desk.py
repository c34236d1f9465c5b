"""The editor's desk: conflict panel filters, claim highlights, entities, matrix, timeline,
exports and the corrections memo; and the compare page's query count."""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.compare import sentence_around
from claims.models import Agreement, Conflict, ConflictStatus, Entity
from tests.conftest import make_article, make_claim, make_event

pytestmark = pytest.mark.django_db


def compare_url(event, query=""):
    return reverse("claims:event_compare", args=[event.slug]) + query


def build_event(n_articles: int, n_conflicts: int):
    """An event with ``n_articles`` articles, entities in each, ``n_conflicts`` conflicts and one
    agreement."""
    event = make_event()
    entity = Entity.objects.create(event=event, key="harbour", name="Harbour", label="FAC")
    articles = []
    for i in range(n_articles):
        text = f"The fire at the Harbour started at {i} pm. Crews said {i + 10} homes burned."
        article = make_article(event, outlet=f"Outlet {i}", text=text)
        start = text.index("Harbour")
        article.mentions.create(entity=entity, start=start, end=start + 7, label="FAC", text="x")
        articles.append(article)
    for j in range(n_conflicts):
        conflict = Conflict.objects.create(
            event=event, kind="count", key=f"count|homes|{j}", about=f"homes burned {j}"
        )
        conflict.claims.set(
            [
                make_claim(a, display=f"{k + j}", kind="count", about=f"homes burned {j}")
                for k, a in enumerate(articles[:2])
            ]
        )
    agreement = Agreement.objects.create(event=event, kind="place", key="place|fire", about="where")
    agreement.claims.set(
        [make_claim(a, display="Harbour", kind="place", about="where") for a in articles]
    )
    return event, entity


# --- the conflict panel -----------------------------------------------------------------------


def test_panel_filters_by_kind_outlet_and_text(editor_client, conflict, htmx_headers):
    event = conflict.event
    headers = {**htmx_headers, "HTTP_HX_TARGET": "conflict-panel"}
    card = f'id="c-{conflict.pk}"'
    assert card in editor_client.get(compare_url(event, "?kind=datetime"), **headers).text
    assert card not in editor_client.get(compare_url(event, "?kind=count"), **headers).text
    outlet = conflict.claims.first().article.outlet
    assert card in editor_client.get(compare_url(event, f"?outlet={outlet.pk}"), **headers).text
    assert card not in editor_client.get(compare_url(event, "?outlet=999999"), **headers).text
    assert card in editor_client.get(compare_url(event, "?q=Tuesday"), **headers).text
    assert card in editor_client.get(compare_url(event, "?q=south+herald"), **headers).text
    response = editor_client.get(compare_url(event, "?q=volcano"), **headers)
    assert card not in response.text and "match these filters" in response.text


def test_panel_sorts_by_confidence_or_kind(editor_client, conflict):
    event = conflict.event
    other = Conflict.objects.create(
        event=event, kind="count", key="count|x", about="how many crews", confidence=0.3
    )
    by_confidence = editor_client.get(compare_url(event, "?sort=confidence")).text
    assert by_confidence.index(f'id="c-{conflict.pk}"') < by_confidence.index(f'id="c-{other.pk}"')
    by_kind = editor_client.get(compare_url(event, "?sort=kind")).text
    assert by_kind.index(f'id="c-{other.pk}"') < by_kind.index(f'id="c-{conflict.pk}"')


def test_panel_status_tabs_keep_the_other_filters(editor_client, conflict):
    response = editor_client.get(compare_url(conflict.event, "?kind=datetime&q=fire"))
    assert 'href="?status=resolved&amp;kind=datetime&amp;sort=confidence&amp;q=fire"' in (
        response.text
    )
    assert "1 open" in response.text


def test_unknown_filter_values_fall_back(editor_client, conflict):
    response = editor_client.get(compare_url(conflict.event, "?status=x&kind=y&outlet=z&sort=w"))
    assert response.status_code == 200
    assert f'id="c-{conflict.pk}"' in response.text


def test_card_shows_keys_qualifiers_and_confidence(editor_client, conflict):
    claim = conflict.claims.first()
    claim.attribution = "the fire chief"
    claim.hedges = ["about"]
    claim.save()
    text = editor_client.get(compare_url(conflict.event)).text
    assert "according to the fire chief" in text and "hedged: about" in text
    assert "Confidence 0.80" in text
    assert 'data-key="1"' in text and 'data-key="2"' in text
    assert '<dialog id="shortcuts"' in text


def test_compare_has_no_inline_script(editor_client, conflict):
    text = editor_client.get(compare_url(conflict.event)).text
    for chunk in text.split("<script")[1:]:
        assert chunk.lstrip().startswith("src="), chunk[:80]
    assert " onclick=" not in text and "hx-on" not in text


def test_decision_event_carries_the_new_sentence_highlights(editor_client, conflict, htmx_headers):
    event_text = editor_client.get(compare_url(conflict.event)).text
    assert "claim-sentence disputed" in event_text
    response = editor_client.post(
        reverse("claims:conflict_resolve", args=[conflict.pk]),
        {"version": 0, "decision": "not_conflict"},
        **htmx_headers,
    )
    payload = json.loads(response["HX-Trigger"])["conflictResolved"]
    assert payload["status"] == ConflictStatus.DISMISSED
    anchors = {c.anchor for c in conflict.claims.all()}
    assert set(payload["sentences"]) == anchors
    assert all(s["css"] == "claim-sentence" for s in payload["sentences"].values())
    # and the page, reloaded, agrees
    assert "claim-sentence disputed" not in editor_client.get(compare_url(conflict.event)).text


# --- columns, highlights, entities --------------------------------------------------------


def test_disputed_and_corroborated_sentences_name_the_outlets(editor_client):
    event, _ = build_event(3, 1)
    text = editor_client.get(compare_url(event)).text
    assert "claim-sentence disputed" in text
    assert "Disputed: homes burned 0 (Outlet 0: 0; Outlet 1: 1)" in text
    assert "claim-sentence corroborated" in text  # Outlet 2 is only in the agreement
    assert "Corroborated: where (agreed by Outlet 0, Outlet 1, Outlet 2)" in text


def test_columns_order_and_hide_without_js(editor_client):
    event = make_event()
    a = make_article(event, outlet="Zeta News", title="Zeta headline")
    b = make_article(event, outlet="Alpha Post", title="Alpha headline")
    by_time = editor_client.get(compare_url(event)).text
    assert by_time.index("Zeta headline") < by_time.index("Alpha headline")
    by_outlet = editor_client.get(compare_url(event, "?order=outlet")).text
    assert by_outlet.index("Alpha headline") < by_outlet.index("Zeta headline")
    hidden = editor_client.get(compare_url(event, f"?cols=1&show={b.pk}")).text
    assert f'id="col-{a.pk}" data-article="{a.pk}" aria-labelledby="col-title-{a.pk}" hidden' in (
        hidden
    )
    assert f'aria-labelledby="col-title-{b.pk}">' in hidden


def test_column_head_shows_byline_and_date(editor_client):
    event = make_event()
    make_article(event, byline="Ana Reyes")
    text = editor_client.get(compare_url(event)).text
    assert "Ana Reyes" in text and '<time datetime="2025-09-02">Tue 2 Sep 2025</time>' in text


def test_entity_side_list_groups_sentences_by_outlet(editor_client, htmx_headers):
    event, entity = build_event(2, 0)
    url = reverse("claims:entity_detail", args=[event.slug, entity.pk])
    fragment = editor_client.get(url, **htmx_headers)
    assert fragment.text.lstrip().startswith('<section id="entity-panel"')
    assert fragment.text.count('class="entity-outlet"') == 2
    assert "The fire at the Harbour started at 0 pm." in fragment.text
    page = editor_client.get(url)  # without JS: the compare page with the list filled in
    assert page.status_code == 200 and "<html" in page.text and "Outlet 1" in page.text


def test_entity_of_another_event_is_404(editor_client):
    event, entity = build_event(1, 0)
    other = make_event()
    url = reverse("claims:entity_detail", args=[other.slug, entity.pk])
    assert editor_client.get(url).status_code == 404
    assert (
        editor_client.post(
            reverse("claims:entity_detail", args=[event.slug, entity.pk])
        ).status_code
        == 405
    )


def test_sentence_around():
    text = "First one. The Harbour  burned at 3pm today!\nNext line"
    start = text.index("Harbour")
    assert sentence_around(text, start, start + 7) == "The Harbour burned at 3pm today!"
    assert sentence_around(text, 0, 5) == "First one."


@pytest.mark.parametrize("n", [2, 10])
def test_compare_page_queries_do_not_grow(editor_client, django_assert_max_num_queries, n):
    event, _ = build_event(n, n)
    with django_assert_max_num_queries(20):
        response = editor_client.get(compare_url(event, "?status=all"))
    assert response.text.count('class="conflict-card') == n


@pytest.mark.parametrize("n", [2, 10])
def test_matrix_timeline_memo_queries_do_not_grow(editor_client, django_assert_max_num_queries, n):
    event, _ = build_event(n, n)
    for name in ["event_matrix", "event_timeline", "event_memo", "event_export_csv"]:
        with django_assert_max_num_queries(16):
            assert (
                editor_client.get(reverse(f"claims:{name}", args=[event.slug])).status_code == 200
            )


# --- matrix, timeline, exports, memo -----------------------------------------------------------


def test_matrix_labels_cells_and_links_to_sentences(editor_client, conflict, editor):
    chosen = conflict.claims.first()
    conflict.resolve(decision="pick", by=editor, seen_version=0, chosen_claim=chosen)
    make_article(conflict.event, outlet="Quiet Times")
    text = editor_client.get(reverse("claims:event_matrix", args=[conflict.event.slug])).text
    assert '<th scope="col">Quiet Times</th>' in text
    assert text.count('<span class="state">Agrees</span>') == 1
    assert text.count('<span class="state">Disagrees</span>') == 1
    assert text.count('<span class="state">Silent</span>') == 1
    assert f'compare/#{chosen.anchor}"' in text


def test_matrix_open_conflict_without_majority_is_all_disagree(editor_client, conflict):
    text = editor_client.get(reverse("claims:event_matrix", args=[conflict.event.slug])).text
    assert text.count('<span class="state">Disagrees</span>') == 2


def test_timeline_is_inline_svg_with_first_reports(editor_client, conflict):
    text = editor_client.get(reverse("claims:event_timeline", args=[conflict.event.slug])).text
    assert "<svg" in text and "<circle" in text and "<script" not in text.split("<svg")[1]
    assert "1 new fact" in text and "When the fire started" in text


def test_exports_include_decisions(editor_client, conflict, editor):
    claim = conflict.claims.first()
    conflict.resolve(
        decision="pick", by=editor, seen_version=0, chosen_claim=claim, note="=HYPERLINK(1)"
    )
    slug = conflict.event.slug
    response = editor_client.get(reverse("claims:event_export_json", args=[slug]))
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-conflicts.json"'
    data = json.loads(response.content)
    assert data["event"] == slug
    decision = data["conflicts"][0]["decision"]
    assert decision["decision"] == "pick" and decision["editor"] == "eddie"
    assert decision["chosen_outlet"] == claim.article.outlet_name
    response = editor_client.get(reverse("claims:event_export_csv", args=[slug]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["about"] == "when the fire started"
    assert rows[0]["decision"] == "Trust this version"
    assert rows[0]["note"] == "'=HYPERLINK(1)"  # never a live formula


def test_export_command_uses_the_same_shape(conflict):
    out = io.StringIO()
    call_command("export_conflicts", "--event", conflict.event.slug, stdout=out)
    data = json.loads(out.getvalue())
    assert data["conflicts"][0]["decision"] is None
    assert {"article_id", "outlet", "sentence", "normalized"} <= data["conflicts"][0]["claims"][
        0
    ].keys()


def test_memo_lists_decisions_with_reasons_and_sources(editor_client, conflict, editor):
    conflict.resolve(
        decision="cant_verify",
        by=editor,
        seen_version=0,
        note="Fire service will not confirm",
        source_url="https://example.org/statement",
    )
    text = editor_client.get(reverse("claims:event_memo", args=[conflict.event.slug])).text
    assert "Corrections memo" in text
    assert "Fire service will not confirm" in text and "https://example.org/statement" in text
    assert "Nothing left open." in text


@pytest.mark.parametrize(
    "name",
    ["event_matrix", "event_timeline", "event_memo", "event_export_csv", "event_export_json"],
)
def test_desk_pages_need_login_and_get(client, editor_client, conflict, name):
    url = reverse(f"claims:{name}", args=[conflict.event.slug])
    assert client.get(url).status_code == 302
    assert editor_client.post(url).status_code == 405
    assert editor_client.get(reverse(f"claims:{name}", args=["nope"])).status_code == 404


# --- accessibility of the colours -------------------------------------------------------------


def _css_vars() -> dict[str, str]:
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "static/css/newsdesk.css").read_text()
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_every_highlight_colour_meets_wcag_aa_with_its_text():
    colours = _css_vars()
    tints = ["person", "org", "place", "group", "time", "number", "other", "disputed"]
    for tint in tints:
        assert contrast(colours["ink"], colours[tint]) >= 4.5, tint
    # Symbols and matrix labels: coloured text on its tint, and on white.
    pairs = [
        (colours["disagree-ink"], colours["disputed"]),
        (colours["disagree-ink"], "#fde8e8"),
        (colours["agree-ink"], "#e3f4e6"),
        (colours["muted"], "#eef0f3"),
        (colours["agree-ink"], "#ffffff"),
        (colours["accent"], "#ffffff"),
        ("#ffffff", colours["accent"]),  # --accent-ink on buttons and active tabs
    ]
    for fg, bg in pairs:
        assert contrast(fg, bg) >= 4.5, (fg, bg)


# --- bulk add -------------------------------------------------------------------------------

ARTICLE = "Quay fire\nOUTLET: Port Times\n\nFire crews fought a blaze at the quay on {day}."


def _file(name: str, text: str | bytes):
    upload = io.BytesIO(text.encode() if isinstance(text, str) else text)
    upload.name = name
    return upload


def test_bulk_upload_reports_each_file(editor_client, htmx_headers):
    event = make_event()
    url = reverse("claims:articles_bulk", args=[event.slug])
    files = [
        _file("monday.txt", ARTICLE.format(day="Monday")),
        _file("tuesday.txt", ARTICLE.format(day="Tuesday")),
        _file("again.txt", ARTICLE.format(day="Monday")),
        _file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
    ]
    response = editor_client.post(url, {"files": files}, **htmx_headers)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="article-workspace"')
    assert event.articles.count() == 2
    text = response.text
    assert text.count('class="outcome outcome-added"') == 2
    assert text.count('class="outcome outcome-duplicate"') == 1
    assert text.count('class="outcome outcome-error"') == 1
    assert "again.txt" in text and "photo.txt" in text


def test_bulk_upload_without_js_and_without_files(editor_client, viewer_client):
    event = make_event()
    url = reverse("claims:articles_bulk", args=[event.slug])
    response = editor_client.post(url, {"files": [_file("a.txt", ARTICLE.format(day="Friday"))]})
    assert response.status_code == 200 and "<html" in response.text
    assert "outcome-added" in response.text
    assert editor_client.post(url, {}).status_code == 400
    assert editor_client.get(url).status_code == 405
    assert viewer_client.post(url, {"files": [_file("b.txt", ARTICLE)]}).status_code == 403


# --- add by URL (claims.fetching is replaced: no network in these tests) -------------------


@pytest.fixture
def fake_fetch(monkeypatch):
    from claims import fetching
    from claims.importing import ArticleInputError, ParsedArticle

    def fetch_article(url: str) -> ParsedArticle:
        if "blocked" in url:
            raise ArticleInputError("That address is inside a private network.")
        day = url.rsplit("/", 1)[-1]
        return ParsedArticle(
            title=f"Quay fire on {day}",
            body=f"Fire crews fought a blaze at the quay on {day}, the harbour master said.",
            url=url,
            outlet="Port Times",
            byline="Ana Reyes",
        )

    monkeypatch.setattr(fetching, "fetch_article", fetch_article)


def test_fetch_prefills_the_form_then_save_stores(editor_client, htmx_headers, fake_fetch):
    event = make_event()
    url = reverse("claims:article_fetch", args=[event.slug])
    response = editor_client.post(url, {"fetch_url": "https://news.example/monday"}, **htmx_headers)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="article-workspace"')
    assert 'value="Quay fire on monday"' in response.text
    assert 'value="https://news.example/monday"' in response.text
    assert "blaze at the quay on monday" in response.text
    assert not event.articles.exists()  # nothing stored before the editor saves
    add = reverse("claims:article_add", args=[event.slug])
    editor_client.post(
        add,
        {
            "text": "Fire crews fought a blaze at the quay on monday, the harbour master said.",
            "title": "Quay fire on monday",
            "outlet": "Port Times",
            "url": "https://news.example/monday",
            "byline": "Ana Reyes",
        },
    )
    article = event.articles.get()
    assert (article.title, article.byline, article.url) == (
        "Quay fire on monday",
        "Ana Reyes",
        "https://news.example/monday",
    )


def test_fetch_errors_are_shown_on_the_url_field(editor_client, viewer_client, fake_fetch):
    event = make_event()
    url = reverse("claims:article_fetch", args=[event.slug])
    response = editor_client.post(url, {"fetch_url": "https://blocked.example/x"})
    assert response.status_code == 400 and "private network" in response.text
    assert editor_client.post(url, {"fetch_url": "not a url"}).status_code == 400
    assert editor_client.get(url).status_code == 405
    assert viewer_client.post(url, {"fetch_url": "https://news.example/a"}).status_code == 403


def test_bulk_urls_report_each_address(editor_client, fake_fetch):
    event = make_event()
    urls = "\n".join(
        [
            "https://news.example/monday",
            "https://news.example/tuesday",
            "https://news.example/monday",  # the same line twice is fetched once
            "https://blocked.example/x",
        ]
    )
    make_article(event, url="https://news.example/tuesday")
    response = editor_client.post(
        reverse("claims:articles_bulk", args=[event.slug]), {"urls": urls}
    )
    assert response.status_code == 200
    assert response.text.count('class="outcome outcome-added"') == 1
    assert response.text.count('class="outcome outcome-duplicate"') == 1
    assert response.text.count('class="outcome outcome-error"') == 1
    assert event.articles.count() == 2


def test_bulk_urls_stop_starting_fetches_when_the_batch_runs_out_of_time(
    editor_client, fake_fetch, monkeypatch
):
    """A slow site must not hold the request past the server's timeout: once the budget is
    spent, the remaining addresses are reported as not fetched instead of being fetched."""
    import time

    from claims import fetching, views

    fetch = fetching.fetch_article

    def slow_fetch(url):
        time.sleep(0.2)
        return fetch(url)

    monkeypatch.setattr(fetching, "fetch_article", slow_fetch)
    monkeypatch.setattr(views, "BULK_FETCH_BUDGET", 0.1)
    event = make_event()
    urls = "https://news.example/monday\nhttps://news.example/tuesday"
    response = editor_client.post(
        reverse("claims:articles_bulk", args=[event.slug]), {"urls": urls}
    )
    assert response.status_code == 200
    assert event.articles.count() == 1
    assert "ran out of time" in response.text


def test_compare_query_count_is_the_same_for_2_and_10(editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (2, 10):
        event, _ = build_event(n, n)
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(compare_url(event, "?status=all"))
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
