# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Text cleaning applied once, at import time, before an article's text is stored.

Everything downstream (mentions, claims, highlights) indexes the *cleaned* text, so the
offsets stay exact. Boilerplate removal is line-based and deliberately conservative: a line
is dropped only when the whole line matches a known boilerplate shape (a share prompt, a
"Read also" teaser, a lone section label, a trademark slogan); a line that reads like a
sentence of the story is never touched.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["blank_datelines", "clean_text", "is_boilerplate_line"]

# Control characters except \n and \t (\t becomes a space); \r is handled separately.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")

# Whole-line boilerplate. Each pattern is anchored and matched against the stripped line.
_BOILERPLATE_PATTERNS = [
    # Teasers pointing at other stories: "READ ALSO: ...", "Related: ...", "See also ...".
    r"(?:read|see)\s+(?:also|more)\s*[:\-–—|].*",
    r"(?:related|recommended|more from \w+|also read|must read|don'?t miss)\s*[:\-–—|].*",
    # Prompts and widgets.
    r"(?:read|see|view|show)\s+(?:more|less|all|full story|the full story)\W*",
    r"(?:share|tweet|email|print)(?:\s+(?:this|on \w+|article|story))*\W*",
    r"(?:leave|post|add|write)\s+a\s+(?:comment|reply)\W*",
    r"(?:\d+\s+)?comments?\W*",
    r"(?:sign\s+up|subscribe|register)\b.{0,60}\b(?:newsletter|alerts?|updates|our|email|inbox|"
    r"free|today|now|briefing)\b.{0,40}",
    r"(?:follow us|like us)\b.{0,60}",
    r"(?:click|tap)\s+here\b.{0,80}",
    r"(?:advertisement|sponsored(?: content)?|ad|promoted)\W*",
    r"(?:scroll|continue reading|story continues)\b.{0,40}",
    # Lone section labels that carry no claims.
    r"(?:sources?|references|tags?|topics|filed under|image|photo|video)\s*:?\s*",
    # Copyright and trademark slogans.
    r"(?:©|\(c\)|copyright)\s.{0,120}",
    r"all rights reserved\W*",
    r".{0,60}(?:™|\(tm\)|\btm)\W*",
]
_BOILERPLATE_RE = re.compile(
    "|".join(f"(?:{p})" for p in _BOILERPLATE_PATTERNS), re.IGNORECASE | re.DOTALL
)
# A slogan ending in a trademark sign is only boilerplate when it is short and made of
# fragments ("Unbiased. Straight Facts.TM"), never a full sentence with a verb-like length.
_TM_RE = re.compile(r"(?:™|\(tm\)|\btm)\W*$", re.IGNORECASE)


def is_boilerplate_line(line: str) -> bool:
    """True when the whole (stripped) line is boilerplate.

    Lines longer than 200 characters are never boilerplate: real paragraphs can start with
    words like "Share" or "Subscribe" but boilerplate is short.
    """
    text = line.strip()
    if not text or len(text) > 200:
        return False
    if _TM_RE.search(text):
        # Trademark slogans: short (≤ 8 words) and not ending like a reported sentence.
        return len(text.split()) <= 8
    match = _BOILERPLATE_RE.fullmatch(text)
    if match is None:
        return False
    # Keep anything that looks like prose: many words with a sentence break inside.
    return not (len(text.split()) > 14 and re.search(r"[.!?]\s+\S", text))


def clean_text(raw: str) -> str:
    """Normalise an article body for storage.

    Steps: newlines to ``\\n``; NUL and other control characters removed (tabs become
    spaces); NFC normalisation; trailing spaces stripped; boilerplate lines dropped; runs of
    three or more newlines collapsed to one blank line; leading/trailing blank lines removed.
    Bullet glyphs and indentation are kept.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ")
    text = _CONTROL_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not is_boilerplate_line(line)]
    text = "\n".join(kept)
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip("\n")


# A wire dateline opening a paragraph: the filing city in capitals, an optional date and
# agency, then a dash ("PORT ELLERY, Jan 18 (CPA) - ", "SARNOVA (EPA) — ").
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([^()\n]{1,40}\))? ?[-–—]{1,2} ",
    re.MULTILINE,
)


def blank_datelines(text: str) -> str:
    """``text`` with every paragraph-opening dateline replaced by spaces (same length, so
    offsets still index the stored text). A dateline is where the story was filed and when,
    not part of its first sentence: parsed with it, "OSLO, May 3 (Agency) - Ministers
    voted on Tuesday" has Oslo voting on May 3."""
    if not _DATELINE_RE.search(text):
        return text
    return _DATELINE_RE.sub(lambda m: " " * len(m.group()), text)
