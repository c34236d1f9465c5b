"""Turning what an editor gives us (pasted text, a .txt or .html file) into article fields.

Plain functions over bytes and strings, no database: the service layer stores the result.
Every refusal is an ``ArticleInputError`` whose message is shown to the editor as is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from claims.nlp.clean import clean_text

HEADER_RE = re.compile(r"^(URL|OUTLET|DATE|BYLINE|AUTHOR):\s*(.*)$", re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ArticleInputError(ValueError):
    """Input we cannot turn into an article; the message is meant for the editor."""


@dataclass(slots=True)
class ParsedArticle:
    title: str
    body: str
    url: str = ""
    outlet: str = ""
    published_on: dt.date | None = None
    byline: str = ""


def parse_date(value: str) -> dt.date | None:
    """Parse an ISO date (``2025-09-02``, or the date part of an ISO timestamp)."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ArticleInputError(f"DATE must look like 2025-09-02, got {value!r}.") from None


def decode_bytes(data: bytes, *, filename: str = "the file") -> str:
    """Decode an upload, refusing binary content instead of storing mojibake."""
    if not data.strip():
        raise ArticleInputError(f"{filename} is empty.")
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleInputError(f"{filename} looks like a binary file, not text or HTML.")
    # UTF-8 first, then Windows-1252 (the usual legacy encoding of English news pages), and
    # only then statistical detection, which guesses poorly on short English texts.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleInputError(
            f"{filename} is not readable text: save it as UTF-8 and upload it again."
        )
    return str(best)


def parse_import_text(raw: str) -> ParsedArticle:
    """Parse the import format: headline, optional ``URL:``/``OUTLET:``/``DATE:`` lines, body."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ArticleInputError("The article is empty.")
    title = lines.pop(0).strip()
    fields: dict[str, str] = {}
    while lines and (match := HEADER_RE.match(lines[0].strip())):
        fields[match.group(1).upper()] = match.group(2).strip()
        lines.pop(0)
    body = "\n".join(lines).strip()
    if not body:
        raise ArticleInputError("The article has a headline but no body text.")
    return ParsedArticle(
        title=title[:500],
        body=body,
        url=fields.get("URL", ""),
        outlet=fields.get("OUTLET", ""),
        published_on=parse_date(fields.get("DATE", "")),
        byline=fields.get("BYLINE") or fields.get("AUTHOR", ""),
    )


def parse_html(html: str, *, url: str = "") -> ParsedArticle:
    """Extract the article from a web page with trafilatura (scripts and chrome dropped)."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False
        )
        doc = document.as_dict() if document is not None else None
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise ArticleInputError(
            f"Could not read that HTML page ({exc.__class__.__name__})."
        ) from exc
    if not doc or not (doc.get("text") or "").strip():
        raise ArticleInputError("No article text found in that HTML page.")
    title = (doc.get("title") or "").strip()
    paragraphs = [p.strip() for p in doc["text"].split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs.pop(0)
    body = "\n\n".join(paragraphs)
    if not body:
        raise ArticleInputError("No article text found in that HTML page.")
    published = None
    if doc.get("date"):
        try:
            published = dt.date.fromisoformat(doc["date"][:10])
        except ValueError:
            published = None
    return ParsedArticle(
        title=(title or paragraphs[0][:120])[:500],
        body=body,
        url=url or (doc.get("url") or ""),
        outlet=(doc.get("sitename") or doc.get("hostname") or "").strip()[:200],
        published_on=published,
        byline=(doc.get("author") or "").strip()[:300],
    )


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def parse_upload(filename: str, data: bytes) -> ParsedArticle:
    """Parse an uploaded ``.txt`` (import format) or ``.html`` file."""
    name = PurePath(filename or "upload").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleInputError(f"{name}: only .txt and .html files can be imported.")
    text = decode_bytes(data, filename=name)
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        return parse_html(text)
    return parse_import_text(text)


def prepare_body(body: str) -> str:
    """Clean the body for storage; refuse what is empty once cleaned."""
    cleaned = clean_text(body)
    if not cleaned.strip():
        raise ArticleInputError("The article text is empty once cleaned.")
    return cleaned
