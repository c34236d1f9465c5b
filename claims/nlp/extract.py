# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Claim extraction from a parsed spaCy ``Doc``: one :class:`ClaimData` per value in a sentence.

Values come from spaCy's entities (DATE, TIME, CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL,
GPE/LOC/FAC) plus a few things spaCy does not mark (anaphoric times such as "that evening",
bare numerals that modify a noun). Each value is normalised (``normalize.py``) and placed in
its clause with the dependency parse: governing predicate, subject, counted noun, object or
destination, attribution, hedges and negation.

This module is the entry point: :func:`extract_claims` walks the sentences, spots their values
(``_find_values``: entity spans trimmed and joined, "€2.4m", "voted 7-2", "Leeds-based", a
clock time and its day as one value, named sites, spelled fractions, anaphoric times), tells
each value's kind (``_kind_of``), hands it to that kind's builder (``_BUILDERS``) and adds what
the whole sentence says (attribution, hedges, quotations). The builders, one module per claim
kind:

* :mod:`claims.nlp.counts` — how many, how much: numbers, money, percentages, changes and
  rates; with :mod:`claims.nlp.tallies` (vote tallies and scores) and
  :mod:`claims.nlp.measures` (the value of a measure noun, lengths, speeds, ages);
* :mod:`claims.nlp.ordinals` — which one in a series: "her third visit", "the
  second-biggest deal", "first since 2019", the minute of a goal;
* :mod:`claims.nlp.dates` — when something happened;
* :mod:`claims.nlp.durations` — how long something lasted, winning margins;
* :mod:`claims.nlp.places` — where something happened (PLACE);
* :mod:`claims.nlp.statements` — statements without a value (negations, quotations).

They share the clause helpers of :mod:`claims.nlp.grammar` (predicate, subject, references,
tense and plans, negation, attribution, the claim and its key). Imports go one way: grammar ←
the kind modules ← this module (which also imports the few value-spotting pieces a kind owns).

The alignment key (``ClaimData.key``) is built by the builders as ``kind|predicate class|thing|
subject|scope``; fields holding an entity surface form are prefixed with ``@`` so that
:func:`claims.nlp.align.find_conflicts` can replace them with the event's canonical entity key.

General rules of news language added for the labelled corpus (issue 3) are all lexicon-driven
(:mod:`claims.nlp.lexicon`), none keyed to a story; each claim-kind module lists its own.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp import places
from claims.nlp.counts import _build_count, _per_unit
from claims.nlp.dates import _build_datetime
from claims.nlp.durations import _build_duration
from claims.nlp.grammar import (
    _ANAPHORIC_BY_FIRST,
    _ANAPHORIC_FIRST,
    _CURRENCY_SIGNS,
    ANAPHORIC_DAY_WORDS,
    COUNT_LABELS,
    DATE_LABELS,
    PLACE_LABELS,
    ArticleState,
    _attribution,
    _clause_attribution,
    _sentence_hedges,
    _strip_possessive,
    _track_person,
    _Value,
    doc_text,
)
from claims.nlp.measures import _age_person, _build_age
from claims.nlp.ordinals import _MINUTE_RE, _build_minute, _build_ordinal
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token

__all__ = ["ArticleState", "extract_claims"]

logger = logging.getLogger(__name__)


# --------------------------------------------------------------------------- entry point


SentenceExtractor = Callable[["Span", ArticleState], list[ClaimData]]


def extract_claims(
    doc: Doc,
    state: ArticleState,
    *,
    offset: int = 0,
    extra: Sequence[SentenceExtractor] = (),
    sents: Sequence[Span] | None = None,
    strict: bool = True,
) -> list[ClaimData]:
    """Extract all claims of ``doc``; offsets are shifted by ``offset`` (chunked articles).

    ``strict=False`` (the web app's extraction tasks) logs an error raised on one sentence,
    records the sentence in ``state.unread`` and goes on with the next: one odd sentence
    does not cost the editor the whole article. Tests, the evaluation harness and the
    benchmark run strict, so a bug cannot hide behind a skipped sentence.

    ``extra`` extractors add claims of their own per sentence, before its values are read
    (:func:`claims.nlp.statements.statement_claims`: value-less statements); their claims get
    the same sentence offsets, attribution and hedges as the value claims. ``sents`` are the
    Doc's sentences when the caller already listed them (``Doc.sents`` is rebuilt each time)."""
    claims: list[ClaimData] = []
    state.consumed.clear()  # token indices are per Doc (per chunk)
    ents = list(doc.ents)
    starts = [e.start for e in ents]
    candidates = _value_candidates(doc)
    for sent in doc.sents if sents is None else sents:
        # Slicing the doc's entity list once per sentence: ``Span.ents`` rescans the whole doc.
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        c_lo, c_hi = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
        try:
            claims.extend(
                _sentence_claims(sent, ents[lo:hi], state, offset, extra, candidates[c_lo:c_hi])
            )
        except Exception:
            if strict:
                raise
            logger.exception("Claim extraction failed on a sentence; it was skipped")
            start, end = _stored_sentence(sent)
            state.unread.append((start + offset, end + offset))
        _track_thing(sent, state)
    return claims


def _track_thing(sent: Span, state: ArticleState) -> None:
    """Remember the sentence's subject when it is a thing ("The train left Dunmore at 3pm.
    It derailed at 3.40pm."): the referent of a next sentence's "it". A person subject
    leaves the thing as it was; an "it" subject keeps the chain."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ == "it":
        return
    if subj.pos_ == "NOUN" or (subj.pos_ == "PROPN" and subj.ent_type_ not in ("PERSON", "")):
        state.last_thing = subj


def _value_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may start a value outside the model's entities: objects of
    prepositions (named sites), numbers, tokens starting with a digit ("3.40pm", "2bn") and
    the first words of anaphoric times and spelled fractions. Read from the Doc's arrays in
    one pass (a Python test on every token costs more than the rest of the extraction)."""
    import numpy as np
    from spacy.attrs import DEP, LIKE_NUM, LOWER, PREFIX

    global _CANDIDATE_IDS
    if _CANDIDATE_IDS is None:  # spaCy's string ids are hashes: the same in every store
        strings = doc.vocab.strings
        firsts = np.array([strings.add(w) for w in _VALUE_FIRST_WORDS], dtype="uint64")
        digits = np.array([strings.add(str(d)) for d in range(10)], dtype="uint64")
        _CANDIDATE_IDS = (strings["pobj"], firsts, digits)
    pobj, firsts, digits = _CANDIDATE_IDS
    arr = doc.to_array([DEP, LIKE_NUM, PREFIX, LOWER])
    mask = (
        (arr[:, 0] == pobj)
        | (arr[:, 1] == 1)
        | np.isin(arr[:, 2], digits)
        | np.isin(arr[:, 3], firsts)
    )
    return np.flatnonzero(mask).tolist()


_CANDIDATE_IDS: tuple[int, Any, Any] | None = None


def _sentence_claims(
    sent: Span,
    ents: list[Span],
    state: ArticleState,
    offset: int,
    extra: Sequence[SentenceExtractor] = (),
    candidates: Sequence[int] | None = None,
) -> list[ClaimData]:
    out: list[ClaimData] = []
    values = _find_values(sent, ents, candidates)
    found: list[tuple[ClaimData, str]] = []  # (claim, who says it in its own clause)
    for extractor in extra:
        for claim in extractor(sent, state):
            first = sent.doc.char_span(claim.value_start, claim.value_end, alignment_mode="expand")
            tok = first[0] if first is not None and len(first) else sent.root
            found.append((claim, _clause_attribution(tok, state)))
    for value in values:
        builder = _BUILDERS.get(_kind_of(sent.doc, value))
        if builder is None:
            _track_person(sent.doc, value, state)
            continue
        built = builder(sent, value, state)
        source = _clause_attribution(sent.doc[value.start], state)
        found.extend((c, source) for c in (built if isinstance(built, list) else [built]) if c)
    if not found:
        return out  # most sentences: no need to read their attribution, hedges and quotes
    attribution = _attribution(sent)
    if attribution.lower() in lx.PRONOUNS_PERSON:
        attribution = state.last_person or attribution
    hedges = _sentence_hedges(sent)
    quotes = [
        (sent.start_char + m.start(1), sent.start_char + m.end(1), m.group(1))
        for m in _QUOTE_RE.finditer(sent.text)
    ]
    sent_start, sent_end = _stored_sentence(sent)
    for claim, clause_source in found:
        source = clause_source or attribution
        for q_start, q_end, words in quotes:
            if q_start <= claim.value_start and claim.value_end <= q_end:
                claim.quote, claim.speaker = words.strip(), source
                break
        if claim.quote and claim.kind == ClaimKind.DATETIME and _relative(claim.value_text):
            continue  # "Today we open a new chapter": said on a day the story need not give
        claim.sentence_start = sent_start + offset
        claim.sentence_end = sent_end + offset
        claim.value_start += offset
        claim.value_end += offset
        claim.attribution = claim.attribution or source
        claim.hedges = sorted(set(claim.hedges) | hedges)
        out.append(claim)
    return out


def _stored_sentence(sent: Span) -> tuple[int, int]:
    """The sentence's character range as stored: without the blanks around it (a dateline
    left some, :func:`blank_datelines`)."""
    body = doc_text(sent.doc)[sent.start_char : sent.end_char]
    start = sent.start_char + len(body) - len(body.lstrip())
    return start, sent.start_char + len(body.rstrip())


_ABSOLUTE_DATE_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)


def _relative(date_text: str) -> bool:
    """ "today", "on Monday", "last night": a date read from the day it was said."""
    return _ABSOLUTE_DATE_RE.search(date_text) is None


# A quotation inside one sentence: “…” or "…" (at least two words).
_QUOTE_RE = re.compile(r"[“\"]([^“”\"]*?\s[^“”\"]*?)[”\"]")


def _kind_of(doc: Doc, value: _Value) -> str | None:
    text = doc[value.start : value.end].text
    maybe_age = "old" in text or (len(text) <= 3 and text.isdigit())
    if maybe_age and _age_person(doc[value.start : value.end]) is not None:
        return "age"
    if nz.RACE_TIME_RE.fullmatch(text.strip()):
        return ClaimKind.DURATION  # "won in 2:05:38"
    if value.label in DATE_LABELS:
        if _MINUTE_RE.search(text):
            return "minute"
        return ClaimKind.DURATION if _is_duration(text) else ClaimKind.DATETIME
    if value.label == "ANAPHORIC":
        return ClaimKind.DATETIME
    if value.label in COUNT_LABELS or value.label == "NUM":
        if nz.parse_duration(text) is not None and value.label in ("QUANTITY", "CARDINAL"):
            return ClaimKind.DURATION
        return ClaimKind.COUNT
    if value.label == "ORDINAL":
        return ClaimKind.ORDINAL
    if value.label in PLACE_LABELS:
        return ClaimKind.PLACE
    return None


_DURATION_HINT = re.compile(
    r"\b(?:\d[\d,.]*|[a-z]+)[\s-]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?)\b(?!\s+ago)",
    re.I,
)


def _is_duration(text: str) -> bool:
    t = text.lower()
    if re.search(r"\b(?:ago|last|next|this|past|earlier|later|since)\b", t):
        return bool(
            re.match(
                r"^(?:the\s+)?(?:last|past|next)\s+\S+\s+(?:hours?|days|weeks|months"
                r"|years)",
                t,
            )
        )
    return bool(_DURATION_HINT.search(t)) and nz.parse_duration(t) is not None


# --------------------------------------------------------------------------- value spans


def _find_values(
    sent: Span, ents: list[Span], candidates: Sequence[int] | None = None
) -> list[_Value]:
    """Entity values of the sentence plus anaphoric times and bare numerals, in text order.
    ``candidates``: the indices of the sentence's tokens that may start a value outside the
    entities (:func:`_value_candidates`); all tokens when not given."""
    doc = sent.doc
    values: list[_Value] = []
    covered: set[int] = set()
    for ent in ents:
        label = ent.label_
        if label in _NOT_VALUE_LABELS and (ent.end >= sent.end or doc[ent.end].text != "-"):
            covered.update(range(ent.start, ent.end))
            continue  # an organisation, a nationality…: no value (unless "Leeds-based")
        start, end = _trim_value(ent)
        if start >= end:
            continue
        if (
            end - start == 1
            and doc[start].lower_ in ("a", "an")
            and any(t.like_num for t in doc[end : min(end + 2, sent.end)])
        ):
            continue  # "an estimated 900 million": the article, not a number of its own
        if (
            end < sent.end
            and doc[end].lower_.rstrip(".") in nz.SCALE_SUFFIXES
            and not doc[end - 1].whitespace_
            and doc[end - 1].like_num
            and not _metres(doc, end)
        ):
            end += 1  # "€2.4m": spaCy leaves the "m" outside the entity
        if (
            label in COUNT_LABELS
            and start > sent.start
            and doc[start - 1].text in _CURRENCY_SIGNS
            and not doc[start - 1].whitespace_
        ):
            start -= 1  # "€70m", "$2bn": … and often the currency sign too
        tally_end = _tally_at(doc, doc[end - 1], sent.end) if end - start == 1 else None
        if tally_end is not None:
            end = tally_end  # "voted 7-2": spaCy's entity is the "7" alone
        prev = values[-1] if values else None
        if (
            end + 1 < sent.end
            and doc[end].text in ("-", "‐")
            and doc[end + 1].lower_ in ("based", "headquartered")
            and doc[end - 1].pos_ == "PROPN"
        ):
            label = "GPE"  # "Leeds-based": whatever spaCy called it, a place
        if label in COUNT_LABELS and _CLOCK_ONLY.fullmatch(doc[start:end].text):
            label = "TIME"  # "about 3.40pm" read as a number: a clock time
        if label == "DATE" and _ordinal_of_noun(doc[start:end]):
            label, start = "ORDINAL", end - 1  # "the 12th floor" read as a date
        if (
            prev is not None
            and prev.label in DATE_LABELS
            and label in DATE_LABELS
            and (
                prev.end == start
                # "at 3:07 a.m. on Tuesday": a clock time and its day are one value
                or (
                    prev.end + 1 == start
                    and doc[prev.end].lower_ == "on"
                    and nz.clock_time(doc[prev.start : prev.end].text) is not None
                )
                # "on Tuesday at 6.42pm", "the early hours of Sunday": one moment
                or (
                    prev.end + 1 == start
                    and (
                        (doc[prev.end].lower_ == "at" and nz.clock_time(doc[start:end].text))
                        or (doc[prev.end].lower_ == "of" and prev.label == "TIME")
                    )
                )
                # "on Wednesday, 9 September": a weekday and its date are one day
                or (
                    start - prev.end == 1
                    and doc[prev.end].text == ","
                    and prev.label == "DATE"
                    and doc[prev.start : prev.end].text.lower() in nz.WEEKDAYS
                    and _ABSOLUTE_DATE_RE.search(doc[start:end].text) is not None
                )
                # "11 days, 7 hours and 14 minutes": one length in several pieces
                or (
                    0 < start - prev.end <= 2
                    and all(t.lower_ in (",", "and") for t in doc[prev.end : start])
                    and _is_duration(doc[prev.start : prev.end].text)
                    and _is_duration(doc[start:end].text)
                )
            )
        ):
            # "Monday" (DATE) + "evening" (TIME) → one value "Monday evening".
            prev.end = end
            prev.label = "DATE"
        elif (
            label in COUNT_LABELS
            and end < sent.end
            and doc[end].text in ("-", "‐")
            and not (label == "MONEY" and _per_unit(doc, end, sent.end))
        ):
            pass  # "three-way", "five-year": an adjective, not a count ("$48.50-a-share" is)
        else:
            values.append(_Value(start, end, label))
        covered.update(range(ent.start, ent.end))
    tokens = sent if candidates is None else (doc[i] for i in candidates)
    for tok in tokens:
        if candidates is None and not (
            tok.dep_ == "pobj"
            or tok.like_num
            or tok.text[:1].isdigit()
            or tok.lower_ in _VALUE_FIRST_WORDS
        ):
            continue
        facility = _facility_at(tok)
        if facility is not None and not any(
            v.start <= tok.i < v.end and v.label in PLACE_LABELS for v in values
        ):
            # "at the Dervan border crossing": a named site the model did not call a place
            values = [v for v in values if not facility.start <= v.start < facility.end]
            values.append(facility)
            covered.update(range(facility.start, facility.end))
            continue
        if tok.i in covered:
            continue
        anaphoric = _anaphoric_at(doc, tok, sent.end)
        if anaphoric is not None:
            values.append(_Value(tok.i, anaphoric, "ANAPHORIC"))
            covered.update(range(tok.i, anaphoric))
        elif (fraction := _fraction_at(doc, tok, sent.start)) is not None:
            values.append(_Value(fraction, tok.i + 1, "CARDINAL"))
            covered.update(range(fraction, tok.i + 1))
        elif (tally := _tally_at(doc, tok, sent.end)) is not None:
            values.append(_Value(tok.i, tally, "CARDINAL"))  # "voted 7-2", "a 6-3 vote"
            covered.update(range(tok.i, tally))
        elif (
            tok.like_num
            and tok.dep_ == "nummod"
            and tok.head.pos_ == "NOUN"
            and not (tok.i + 1 < sent.end and doc[tok.i + 1].text in ("-", "‐"))
        ):
            first = tok.i
            while (
                first - 1 > sent.start
                and doc[first - 1].like_num
                and doc[first - 1].i not in covered
            ):
                first -= 1  # "900 million": the scale word's number too
            values.append(_Value(first, tok.i + 1, "NUM"))
            covered.update(range(first, tok.i + 1))
    for value in values:
        if value.label in COUNT_LABELS or value.label == "NUM":
            pct = _percent_sign_end(doc, value.end, sent.end)
            if pct:
                # "at least 50 per cent", "just over 61 percent": the model left the sign
                # outside its number, which is then a share like any "61%"
                value.end, value.label = pct, "PERCENT"
    values.sort(key=lambda v: v.start)
    return values


def _percent_sign_end(doc: Doc, end: int, sent_end: int) -> int:
    """The end of "per cent" / "percent" / "%" right after a number ending at ``end``, or 0."""
    if end >= sent_end:
        return 0
    word = doc[end].lower_
    if word in ("percent", "%"):
        return end + 1
    if word == "per" and end + 1 < sent_end and doc[end + 1].lower_ == "cent":
        return end + 2
    return 0


_ORDINAL_WORD = re.compile(r"(?:the\s+)?\d{1,3}(?:st|nd|rd|th)", re.I)


def _ordinal_of_noun(span: Span) -> bool:
    """ "the 12th floor": an ordinal modifying a noun that is not a month or a day."""
    root = span[-1]
    return (
        bool(_ORDINAL_WORD.fullmatch(span.text))
        and root.dep_ == "amod"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() in lx.POSITION_NOUNS
    )


_DIMENSIONS = frozenset({"long", "high", "deep", "tall", "wide", "away", "above", "below"})


def _metres(doc: Doc, suffix: int) -> bool:
    """ "410m long", "a 30m-high wall": the "m" after a figure is metres, not millions."""
    if doc[suffix].lower_ != "m" or doc[suffix - 2].text in _CURRENCY_SIGNS:
        return False
    nxt = suffix + 1
    while nxt < len(doc) and doc[nxt].text in ("-", "‐"):
        nxt += 1
    return nxt < len(doc) and doc[nxt].lower_ in _DIMENSIONS


def _facility_at(tok: Token) -> _Value | None:
    """A named site after "at"/"near" whose head is a facility noun ("the Harbour View
    Hotel", "the Dervan crossing point", "Pier 4 terminal"): a place value (FAC)."""
    if (
        tok.dep_ != "pobj"
        or tok.pos_ not in ("NOUN", "PROPN")
        or tok.head.lower_ not in ("at", "near", "outside")
        or tok.ent_type_ in PLACE_LABELS
    ):
        return None
    lemma = tok.lemma_.lower()
    if lemma not in lx.FACILITY_NOUNS and (tok.pos_ != "NOUN" or lemma in lx.GATHERING_NOUNS):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    names = [t for c in mods for t in c.subtree if t.pos_ == "PROPN"]
    if not names:
        return None
    if lemma not in lx.FACILITY_NOUNS and any(t.ent_type_ in _NOT_SITE_NAMES for t in names):
        return None  # "at the Sunday service", "near the Marvosian border"
    # "at the Korrig hairpin", "at the Korlan substation": a site named by its owner's name
    return _Value(min(c.left_edge.i for c in mods), tok.i + 1, "FAC")


# Names that make a noun a time, a people or an event, not a site
_NOT_SITE_NAMES = frozenset({"DATE", "TIME", "NORP", "EVENT", "PERSON", "ORG", "LAW"})


# Entity labels that never hold a value (PERSON does: it is tracked for "he"/"she")
_NOT_VALUE_LABELS = frozenset({"ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
_ONE_TOKEN_TALLY = re.compile(r"\d{1,3}[-–—]\d{1,3}")
_SMALL_NUMBER = re.compile(r"\d{1,3}")


def _tally_at(doc: Doc, tok: Token, end: int) -> int | None:
    """End of a tally written "7-2" (one token or three), when it starts at ``tok``."""
    text = tok.text
    if not text[:1].isdigit():
        return None
    if _ONE_TOKEN_TALLY.fullmatch(text):
        return tok.i + 1
    if (
        tok.i + 2 < end
        and not tok.whitespace_
        and doc[tok.i + 1].text in ("-", "–", "—")
        and not doc[tok.i + 1].whitespace_
        and _SMALL_NUMBER.fullmatch(text)
        and _SMALL_NUMBER.fullmatch(doc[tok.i + 2].text)
    ):
        return tok.i + 3
    return None


_CLOCK_ONLY = re.compile(
    r"(?:(?:about|around|approximately|roughly|some|shortly after|just after|after|before)\s+)?"
    r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?",
    re.I,
)

_FRACTION_HEADS = frozenset(
    {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
)
# Words other than numbers that can start a value found outside the model's entities
_VALUE_FIRST_WORDS = _FRACTION_HEADS | _ANAPHORIC_FIRST


def _fraction_at(doc: Doc, tok: Token, floor: int) -> int | None:
    """Start index of a spelled fraction ending at ``tok`` and followed by "of" ("half of
    voters", "two-thirds of the seats", "a quarter of residents"), else None."""
    if tok.lower_ not in _FRACTION_HEADS or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return None
    start = tok.i
    if start - 2 >= floor and doc[start - 1].text in ("-", "‐") and doc[start - 2].like_num:
        start -= 2
    elif start - 1 >= floor and (doc[start - 1].like_num or doc[start - 1].lower_ in ("a", "one")):
        start -= 1
    if nz.parse_fraction(doc[start : tok.i + 1].text) is None:
        return None
    return start


def _trim_value(ent: Span) -> tuple[int, int]:
    """Trim tokens that spaCy glued to a value ("last 70 minutes" → "70 minutes")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].dep_ == "prt":
        start += 1  # "handed over 118 prisoners": the verb's particle, not "more than"
    while start < end and (
        doc[start].pos_ in ("VERB", "AUX", "ADP", "PUNCT")
        and doc[start].lower_ not in ("over", "under", "around", "about", "below", "above")
        and not _starts_qualifier(doc, start, end)
    ):
        start += 1
    while start < end and doc[start].lower_ in ("the", "'s", "’s") and ent.label_ in COUNT_LABELS:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _starts_qualifier(doc: Doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start : min(end, start + 4)]]
    return any(words[: len(q.split())] == q.split() for q in nz.QUALIFIERS)


def _anaphoric_at(doc: Doc, tok: Token, limit: int) -> int | None:
    """End index when an anaphoric time ("that evening", "later the same day") starts here."""
    candidates = _ANAPHORIC_BY_FIRST.get(tok.lower_)
    if candidates is None:
        return None  # cheap exit: this runs for every token
    words = [t.lower_ for t in doc[tok.i : min(limit, tok.i + 5)]]
    for det, parts in candidates:
        n = len(parts)
        if words[:n] != parts:
            continue
        if det == "the day before":
            return tok.i + n
        rest = words[n:]
        k = 0
        if rest[:1] and rest[0] in ("early", "late"):
            k = 1
        if len(rest) > k and rest[k] in ANAPHORIC_DAY_WORDS:
            if det in ("that", "the same") and rest[k] == "date":
                return None
            return tok.i + n + k + 1
    return None


# --------------------------------------------------------------------------- PLACE


def _build_place(
    sent: Span, value: _Value, state: ArticleState
) -> ClaimData | list[ClaimData | None] | None:
    """Places are read in :mod:`claims.nlp.places` (with the clause helpers of
    :mod:`claims.nlp.grammar`)."""
    return places.build_place(sent, value, state)


# --------------------------------------------------------------------------- builders


_BUILDERS: dict[str | None, Any] = {
    "minute": _build_minute,
    "age": _build_age,
    ClaimKind.COUNT: _build_count,
    ClaimKind.ORDINAL: _build_ordinal,
    ClaimKind.DATETIME: _build_datetime,
    ClaimKind.DURATION: _build_duration,
    ClaimKind.PLACE: _build_place,
}


def track_mentions(ents: Iterable[Span], state: ArticleState) -> None:
    """Carry the last subject PERSON across chunks (kept for API symmetry; a no-op when
    extraction already tracked it)."""
    for ent in ents:
        if ent.label_ == "PERSON" and not state.last_person:
            state.last_person = _strip_possessive(ent.text)
