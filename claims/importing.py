"""Turning what an editor gives us (pasted text, a .txt or .html file) into article fields.

Plain functions over bytes and strings, no database: the service layer stores the result.
Every refusal is an ``ArticleInputError`` whose message is shown to the editor as is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed; U+FFFD.
_BINARY_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode_bytes(data: bytes, *, filename: str = "the file") -> str:
    """Decode an upload, refusing binary content instead of storing mojibake.

    A byte-order mark wins; then UTF-8; then Windows-1252 (the usual legacy encoding of English
    news pages) when few bytes are non-ASCII, otherwise statistical detection. Raises
    ``ArticleInputError`` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise ArticleInputError(f"{filename} is empty.")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleInputError(
                    f"{filename} is not readable text: save it as UTF-8 and upload it again."
                ) from None
            break
    if text is None:
        if b"\x00" in data[:8192]:
            raise ArticleInputError(f"{filename} looks like a binary file, not text or HTML.")
        text = _decode_without_bom(data, filename)
    sample = text[:20_000]
    if sample and len(_BINARY_CHARS_RE.findall(sample)) > 0.01 * len(sample):
        raise ArticleInputError(f"{filename} looks like a binary file, not text or HTML.")
    if not text.strip():
        raise ArticleInputError(f"{filename} is empty.")
    return text


def _decode_without_bom(data: bytes, filename: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for byte in data[:65_536] if byte >= 0x80)
    if high <= 0.1 * min(len(data), 65_536):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    raise ArticleInputError(
        f"{filename} is not readable text: save it as UTF-8 and upload it again."
    )


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


def default_max_bytes() -> int:
    """``settings.NEWSDESK_MAX_ARTICLE_BYTES`` when Django is configured, else 2 MB."""
    try:
        from django.conf import settings

        return int(settings.NEWSDESK_MAX_ARTICLE_BYTES)
    except Exception:  # settings not configured: plain-Python use of this module
        return 2_000_000


def check_size(size: int, *, what: str = "The article", max_bytes: int | None = None) -> None:
    """Refuse more than ``max_bytes`` (default: the article limit), naming the limit."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if size > limit:
        raise ArticleInputError(
            f"{what} is {size / 1_000_000:.1f} MB; the limit is {limit / 1_000_000:g} MB."
        )


def parse_upload(filename: str, data: bytes, *, max_bytes: int | None = None) -> ParsedArticle:
    """Parse an uploaded ``.txt`` (import format) or ``.html`` file.

    Refuses (``ArticleInputError``) other suffixes, more than ``max_bytes`` (default:
    ``NEWSDESK_MAX_ARTICLE_BYTES``), empty, binary and undecodable files.
    """
    name = PurePath(filename or "upload").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleInputError(f"{name}: only .txt and .html files can be imported.")
    check_size(len(data), what=name, max_bytes=max_bytes)
    text = decode_bytes(data, filename=name)
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        return parse_html(text)
    return parse_import_text(text)


_CONTROL_CHARS_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_line(value: str) -> str:
    """A one-line field (headline, outlet, byline, URL): control characters and NUL removed,
    whitespace runs collapsed. Never raises."""
    return " ".join(_CONTROL_CHARS_RE.sub(" ", value or "").split())


# Longest run of text without a sentence end or line break that we accept. Real articles stay
# far below it; past it the language pipeline slows to a crawl on one giant "sentence".
MAX_SENTENCE_CHARS = 10_000
_SENTENCE_END_RE = re.compile(r"[.!?;:\n\u3002\uff01\uff1f]")


def longest_sentence(text: str) -> int:
    """Length of the longest stretch of ``text`` without a sentence end or line break."""
    longest, start = 0, 0
    for match in _SENTENCE_END_RE.finditer(text):
        longest = max(longest, match.start() - start)
        start = match.end()
    return max(longest, len(text) - start)


def prepare_body(body: str) -> str:
    """Clean the body for storage; refuse what is empty once cleaned or cannot be read as
    sentences (a stretch longer than ``MAX_SENTENCE_CHARS`` without a full stop or line
    break)."""
    cleaned = clean_text(body)
    if not cleaned.strip():
        raise ArticleInputError("The article text is empty once cleaned.")
    longest = longest_sentence(cleaned)
    if longest > MAX_SENTENCE_CHARS:
        raise ArticleInputError(
            f"The article has a {longest:,}-character stretch without a full stop or line "
            f"break (the limit is {MAX_SENTENCE_CHARS:,}): it does not look like prose. Add "
            "the paragraph breaks and try again."
        )
    return cleaned


# --------------------------------------------------------------------------- language check

# The most frequent English function words: running English prose is 30-50 % these; other
# languages written in Latin script rarely reach 10 % (a few shared words: "a", "in", "on").
_STOPWORDS = """
a about after all also an and are as at be been but by can could did do for from had has have
he her his i if in into is it its more my no not of on one or our out said she so than that the
their them there they this to up was we were what when which who will with would you
"""
ENGLISH_STOPWORDS = frozenset(_STOPWORDS.split())
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


NOT_ENGLISH_MESSAGE = "Looks like it is not in English; claims were not extracted."


def looks_english(text: str, *, min_words: int = 20, threshold: float = 0.12) -> bool:
    """Cheap guess whether ``text`` is English prose, for skipping claim extraction.

    A text mostly in another script (60 letters or more, under 80 % Latin) is not English; one
    too short to judge (fewer than ``min_words`` words) is. Otherwise at least ``threshold`` of
    its words must be common English function words. Never raises.
    """
    sample = text[:200_000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) >= 60:
        latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
        if latin < 0.8 * len(letters):
            return False
    words = _WORD_RE.findall(sample)
    if len(words) < min_words:
        return True
    common = sum(1 for w in words if w.lower() in ENGLISH_STOPWORDS)
    return common / len(words) >= threshold


# --------------------------------------------------------------------------- canonical URLs

_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "_ga"}
)


def canonical_url(url: str) -> str:
    """The form of an article URL used to spot duplicates; ``""`` for an empty URL.

    Lower-cases the scheme and host, drops default ports, user info, the fragment, ``utm_*``
    and other click-tracking parameters and a trailing slash; keeps the other parameters in
    their order. Not a URL validator: what it cannot parse comes back stripped. Never raises.
    """
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return url
    if not host:
        return url
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))
