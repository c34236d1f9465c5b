"""Hostile and broken input, through the real views and through ``import_articles``.

Each case is refused with a message that says why, or stored cleaned; nothing already stored
is lost.
"""

from __future__ import annotations

import io
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims import services
from claims.importing import (
    MAX_SENTENCE_CHARS,
    NOT_ENGLISH_MESSAGE,
    ArticleInputError,
    canonical_url,
    decode_bytes,
    looks_english,
    parse_upload,
)
from claims.models import Article, ExtractionStatus
from tests.conftest import make_event

pytestmark = pytest.mark.django_db

BODY = (
    "The river burst its banks on Monday evening and flooded 300 homes, the mayor said.\n"
    "About 2,000 residents were moved to the sports hall."
)
PASTE = "River floods market town\nOUTLET: Valley Courier\nDATE: 2025-03-04\n\n" + BODY


@pytest.fixture
def event():
    return make_event()


@pytest.fixture
def stored(event):
    """An article already in the event: every refusal below must leave it untouched."""
    return services.add_article(
        event=event, title="Earlier report", text="Crews reached the quay at dawn.", enqueue=False
    )


def add(client, event, data, **headers):
    return client.post(reverse("claims:article_add", args=[event.slug]), data, **headers)


def upload(name: str, data: bytes) -> io.BytesIO:
    f = io.BytesIO(data)
    f.name = name
    return f


def assert_only(stored_article, *extra_titles):
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {stored_article.title, *extra_titles}
    stored_article.refresh_from_db()
    assert stored_article.text == "Crews reached the quay at dawn."


def import_files(event, *paths) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command(
            "import_articles", "--event", event.slug, "--no-wait", *map(str, paths),
            stdout=out, stderr=err,
        )  # fmt: skip
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


# --- empty ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\u00a0\u2003\n", "\x00\x00"])
def test_empty_or_blank_paste_is_refused(editor_client, event, stored, text):
    response = add(editor_client, event, {"text": text})
    assert response.status_code == 400
    assert "Paste the article" in response.text or "empty" in response.text
    assert_only(stored)


def test_headline_only_paste_is_refused(editor_client, event, stored):
    response = add(editor_client, event, {"text": "Just a headline\n\n   \n"})
    assert response.status_code == 400
    assert "no body text" in response.text
    assert_only(stored)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf  \n"])
def test_empty_upload_is_refused(editor_client, event, stored, data):
    response = add(editor_client, event, {"file": upload("empty.txt", data)})
    assert response.status_code == 400
    assert "empty" in response.text
    assert_only(stored)


def test_empty_and_broken_files_through_import_articles(event, stored, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "good.txt").write_text(PASTE, encoding="utf-8")
    out, err, exc = import_files(event, *sorted(tmp_path.iterdir()))
    assert exc is not None and "3 file(s) could not be imported" in str(exc)
    assert "empty.txt: empty.txt is empty" in err
    assert "photo.txt: photo.txt looks like a binary file" in err
    assert "notes.pdf: notes.pdf: only .txt and .html files" in err
    assert "queued   " in out and "good.txt" in out
    assert_only(stored, "River floods market town")


# --- NUL and control characters -------------------------------------------------------------


def test_nul_and_control_characters_are_cleaned_before_storage(editor_client, event, stored):
    text = "River\x00 floods\x07 town\n\n" + BODY.replace("river", "ri\x00ver\x1b\x08")
    response = add(editor_client, event, {"text": text})
    assert response.status_code == 302, response.text
    article = Article.objects.get(title__startswith="River")
    assert article.title == "River floods town"
    assert "river burst" in article.text
    for ch in "\x00\x07\x1b\x08":
        assert ch not in article.text and ch not in article.title


def test_nul_in_the_headline_field_is_refused_by_the_form(editor_client, event, stored):
    response = add(editor_client, event, {"text": BODY, "title": "Flood\x00"})
    assert response.status_code == 400
    assert_only(stored)


def test_nul_in_every_field_is_cleaned_by_the_service(event, stored):
    article = services.add_article(
        event=event,
        title="Flood\x00 warning",
        text=BODY + "\x00",
        outlet_name="Valley\x00 Courier\x1f",
        url="https://example.org/flood\x00",
        byline="By\x00 Ann",
        enqueue=False,
    )
    article.refresh_from_db()
    assert article.title == "Flood warning"
    assert article.outlet.name == "Valley Courier"
    assert article.byline == "By Ann"
    assert "\x00" not in article.text and "\x00" not in article.url


def test_nul_deep_inside_an_uploaded_text_file_is_cleaned(editor_client, event, stored):
    data = (PASTE + "\n" + "Filler sentence for the file. " * 400 + "\x00\x00 End.").encode()
    response = add(editor_client, event, {"file": upload("flood.txt", data)})
    assert response.status_code == 302, response.text
    article = Article.objects.get(title="River floods market town")
    assert "\x00" not in article.text and article.text.endswith("End.")


# --- encodings and binary files -------------------------------------------------------------


# utf-16 and utf-32 with their byte-order marks
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-32"]
)
def test_uploads_in_other_encodings_are_decoded(editor_client, event, encoding):
    text = PASTE.replace("mayor", "maire's café señor")
    response = add(editor_client, event, {"file": upload("flood.txt", text.encode(encoding))})
    assert response.status_code == 302, response.text
    article = Article.objects.get()
    assert "café señor" in article.text
    assert article.outlet.name == "Valley Courier"


def test_invalid_utf8_is_read_as_windows_1252_not_refused(event):
    data = PASTE.encode() + b"\nThe \x93quoted\x94 word and a stray \xff byte."
    parsed = parse_upload("flood.txt", data)
    assert "\u201cquoted\u201d" in parsed.body


def test_a_non_latin_legacy_encoding_is_detected():
    text = "Новости: река вышла из берегов и затопила более трехсот домов в городе. " * 5
    assert "затопила" in decode_bytes(text.encode("cp1251"))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,  # a .docx / .zip
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(1, 32)) * 40,  # NUL-free binary
        bytes((i * 37) % 256 for i in range(1, 5000) if (i * 37) % 256),  # random, no NUL
    ],
)
def test_binary_renamed_txt_is_refused(editor_client, event, stored, data):
    response = add(editor_client, event, {"file": upload("article.txt", data)})
    assert response.status_code == 400
    assert "binary file" in response.text or "not readable text" in response.text
    assert_only(stored)


# --- HTML and scripts -----------------------------------------------------------------------


def test_pasted_html_with_scripts_is_stored_as_text_and_always_escaped(editor_client, event):
    hostile = (
        "<script>alert('headline')</script><img src=x onerror=alert(1)>\n\n"
        "<script>alert('x')</script> The river burst its banks. "
        "<iframe src='javascript:alert(2)'></iframe> <b onmouseover=alert(3)>Flood</b>."
    )
    response = add(editor_client, event, {"text": hostile, "outlet": "<i>Evil</i> Post"})
    assert response.status_code == 302, response.text
    pages = [
        editor_client.get(event.get_absolute_url()),
        editor_client.get(reverse("claims:event_compare", args=[event.slug])),
        editor_client.get(reverse("claims:event_memo", args=[event.slug])),
        editor_client.get(reverse("claims:event_list")),
    ]
    for page in pages:
        assert page.status_code == 200
        text = page.text
        assert "<script>alert" not in text
        assert "<img src=x" not in text and "<iframe" not in text and "<b onmouseover" not in text
        assert "<i>Evil</i>" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in pages[1].text


def test_uploaded_html_loses_scripts_styles_and_handlers(editor_client, event):
    page = (
        "<html><head><title>Quay fire</title><script>steal()</script>"
        "<style>body{display:none}</style></head><body onload='steal()'><article>"
        "<h1>Quay fire</h1><p>Fire crews fought a blaze at the quay on Monday evening, "
        "officials said.<script>document.write('x')</script></p>"
        "<p onclick='steal()'>About 40 firefighters attended and nobody was hurt.</p>"
        "</article></body></html>"
    )
    response = add(editor_client, event, {"file": upload("quay.html", page.encode())})
    assert response.status_code == 302, response.text
    text = Article.objects.get().text
    assert "steal" not in text and "document.write" not in text and "display:none" not in text
    assert "blaze at the quay" in text


# --- size -----------------------------------------------------------------------------------


def test_a_20_mb_upload_is_refused_with_the_limit(editor_client, event, stored):
    data = PASTE.encode() + b"\n" + b"The river rose again. " * 950_000  # ~20 MB
    response = add(editor_client, event, {"file": upload("huge.txt", data)})
    assert response.status_code == 400
    assert "huge.txt is 20.9 MB; the limit is 2 MB." in response.text
    assert_only(stored)


def test_an_upload_request_over_the_request_cap_is_refused_unread(
    editor_client, event, stored, settings
):
    settings.NEWSDESK_MAX_REQUEST_BYTES = 5_000_000
    data = PASTE.encode() + b"\n" + b"The river rose again. " * 300_000  # ~6.6 MB
    response = add(editor_client, event, {"file": upload("huge.txt", data)})
    assert response.status_code == 413
    assert "articles are limited to 2 MB" in response.text
    assert_only(stored)


def test_an_upload_just_over_the_limit_is_refused_by_the_form(editor_client, event, stored):
    data = PASTE.encode() + b"\n" + b"The river rose again. " * 110_000  # ~2.4 MB
    response = add(editor_client, event, {"file": upload("big.txt", data)})
    assert response.status_code == 400
    assert "the limit is 2 MB" in response.text
    assert_only(stored)


def test_a_20_mb_file_through_import_articles(event, stored, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(PASTE.encode() + b"\n" + b"The river rose again. " * 950_000)
    _out, err, exc = import_files(event, path)
    assert exc is not None
    assert "huge.txt is 20.9 MB; the limit is 2 MB" in err
    assert_only(stored)


def test_a_long_paste_under_the_limit_is_refused_by_the_service(event, stored):
    with pytest.raises(ArticleInputError, match="2 MB limit"):
        services.add_article(event=event, title="Big", text="Word. " * 400_000, enqueue=False)
    assert_only(stored)


def test_ten_thousand_tiny_sentences_are_stored_and_extracted(
    editor_client, event, django_capture_on_commit_callbacks
):
    text = "Tiny sentences\n\n" + "The fire started. " * 10_000
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # immediate backend: runs now
        response = add(editor_client, event, {"text": text})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == ExtractionStatus.DONE, article.error
    assert time.monotonic() - started < 60


def test_a_one_megabyte_sentence_is_refused_with_a_reason(editor_client, event, stored):
    text = "One sentence\n\n" + " ".join(f"word{i % 97}" for i in range(150_000))
    started = time.monotonic()
    response = add(editor_client, event, {"text": text})
    assert response.status_code == 400
    assert f"the limit is {MAX_SENTENCE_CHARS:,}" in response.text
    assert "full stop or line" in response.text
    assert time.monotonic() - started < 10
    assert_only(stored)


# --- other languages ------------------------------------------------------------------------

GERMAN = (
    "Hochwasser in der Altstadt\n\n"
    "Der Fluss ist am Montagabend über die Ufer getreten und hat mehr als dreihundert Häuser "
    "überflutet, sagte der Bürgermeister. Rund zweitausend Bewohner wurden in die Sporthalle "
    "gebracht. Die Feuerwehr war die ganze Nacht im Einsatz, die Lage bleibt angespannt."
)
FRENCH = (
    "La rivière a débordé lundi soir et inondé plus de trois cents maisons, a déclaré le maire. "
    "Environ deux mille habitants ont été conduits au gymnase. Les pompiers sont restés "
    "mobilisés toute la nuit et la situation reste tendue selon les autorités."
)


def test_an_article_in_another_language_is_stored(editor_client, event):
    response = add(editor_client, event, {"text": GERMAN})
    assert response.status_code == 302
    assert Article.objects.get().title == "Hochwasser in der Altstadt"


def test_an_article_in_another_language_is_flagged_and_not_mis_extracted(
    editor_client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(editor_client, event, {"text": GERMAN})
    article = Article.objects.get()
    assert article.status == "done"
    assert article.error == NOT_ENGLISH_MESSAGE
    assert not article.claims.exists() and not article.mentions.exists()
    page = editor_client.get(event.get_absolute_url())
    assert NOT_ENGLISH_MESSAGE in page.text


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (BODY * 3, True),
        (GERMAN, False),
        (FRENCH, False),
        ("市长周一表示河水漫过堤岸淹没了三百多所房屋。" * 4, False),
        ("Путин заявил, что река вышла из берегов и затопила более трехсот домов." * 2, False),
        ("Short note.", True),  # too short to judge
        ("", True),
    ],
)
def test_looks_english(text, english):
    assert looks_english(text) is english


# --- duplicates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.org/news/flood", "HTTPS://EXAMPLE.org/news/flood/"),
        ("https://example.org/news/flood", "https://example.org/news/flood#comments"),
        (
            "https://example.org/news/flood?id=7",
            "https://example.org/news/flood?utm_source=tw&id=7&utm_medium=social&fbclid=x",
        ),
        ("http://example.org:80/a", "http://example.org/a"),
    ],
)
def test_the_same_url_in_another_form_is_one_copy(editor_client, event, first, second):
    add(editor_client, event, {"text": PASTE, "url": first})
    response = add(
        editor_client, event, {"text": "Other headline\n\n" + BODY + " More.", "url": second}
    )
    assert response.status_code == 400
    assert "This URL is already in the event" in response.text
    assert Article.objects.count() == 1
    assert Article.objects.get().url == canonical_url(first)


def test_the_same_text_is_one_copy_and_the_user_is_told(editor_client, event):
    add(editor_client, event, {"text": PASTE})
    response = add(editor_client, event, {"text": PASTE.replace("\n\n", "\n\n\x00 ")})
    assert response.status_code == 400
    assert "This text is already in the event as “River floods market town”" in response.text
    assert Article.objects.count() == 1


def test_duplicate_through_import_articles_is_skipped(event, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Flood\nURL: https://Example.org/flood/?utm_campaign=x\n\n" + BODY
    )
    (tmp_path / "b.txt").write_text("Flood again\nURL: https://example.org/flood#top\n\nOther.")
    out, _err, exc = import_files(event, tmp_path / "a.txt", tmp_path / "b.txt")
    assert exc is None
    assert "skipped  " in out and "duplicate of article" in out
    assert Article.objects.get().url == "https://example.org/flood"


def test_the_same_url_in_another_event_is_fine(event):
    other = make_event()
    services.add_article(event=event, title="A", text=BODY, url="https://x.org/a", enqueue=False)
    services.add_article(event=other, title="A", text=BODY, url="https://x.org/a/", enqueue=False)
    assert Article.objects.count() == 2
