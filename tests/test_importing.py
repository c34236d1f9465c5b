import datetime as dt

import pytest

from claims.importing import (
    ArticleInputError,
    decode_bytes,
    parse_html,
    parse_import_text,
    parse_upload,
)


def test_import_format_with_headers():
    parsed = parse_import_text(
        "\n  Bridge reopens after repairs\nURL: https://example.org/b\nOUTLET: City Post\n"
        "DATE: 2024-05-06\n\nThe bridge reopened on Friday.\n\nTraffic resumed at noon."
    )
    assert parsed.title == "Bridge reopens after repairs"
    assert parsed.url == "https://example.org/b"
    assert parsed.outlet == "City Post"
    assert parsed.published_on == dt.date(2024, 5, 6)
    assert parsed.body == "The bridge reopened on Friday.\n\nTraffic resumed at noon."


def test_import_format_without_headers():
    parsed = parse_import_text("Headline only\n\nBody text here.")
    assert (parsed.title, parsed.outlet, parsed.published_on) == ("Headline only", "", None)
    assert parsed.body == "Body text here."


@pytest.mark.parametrize("raw", ["", "   \n\n", "Just a headline\n\n   "])
def test_import_format_refuses_empty(raw):
    with pytest.raises(ArticleInputError):
        parse_import_text(raw)


def test_bad_date_header_is_a_clear_error():
    with pytest.raises(ArticleInputError, match="2025-09-02"):
        parse_import_text("Title\nDATE: last Tuesday\n\nBody.")


def test_decode_utf8_with_bom_and_latin1():
    assert decode_bytes("\ufeffCafé".encode()) == "Café"
    text = "Le café était fermé à midi, selon le maire de la ville.".encode("latin-1")
    assert "fermé" in decode_bytes(text)


def test_decode_refuses_binary_and_empty():
    with pytest.raises(ArticleInputError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00" + bytes(200), filename="x.txt")
    with pytest.raises(ArticleInputError, match="empty"):
        decode_bytes(b"  \n", filename="x.txt")


def test_upload_refuses_other_file_types():
    with pytest.raises(ArticleInputError, match=r"\.txt and \.html"):
        parse_upload("report.pdf", b"%PDF-1.7")


def test_html_extraction_drops_scripts_and_keeps_metadata():
    html = (
        "<html><head><title>Storm hits coast</title>"
        "<meta name='author' content='R. Lane'>"
        "<meta property='article:published_time' content='2024-10-09T08:00:00Z'></head>"
        "<body><article><h1>Storm hits coast</h1>"
        "<p>The storm made landfall on Wednesday night with winds of 120 km/h.</p>"
        "<p>Power was cut to about 50,000 homes, the utility said on Thursday.</p>"
        "</article><script>steal()</script></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.title == "Storm hits coast"
    assert "Lane" in parsed.byline
    assert parsed.published_on == dt.date(2024, 10, 9)
    assert "landfall on Wednesday night" in parsed.body
    assert "steal" not in parsed.body


def test_html_without_text_is_refused():
    with pytest.raises(ArticleInputError, match="No article text"):
        parse_html("<html><body><script>x()</script></body></html>")


def test_broken_html_does_not_crash():
    parsed = parse_upload(
        "broken.html",
        b"<html><body><p>The dam held overnight, engineers said on Sunday morning.<p>"
        b"Water levels fell by two metres<div><b>unclosed",
    )
    assert "dam held overnight" in parsed.body
