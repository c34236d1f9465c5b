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
* this module — DATETIME, DURATION claims (the sections of those names below);
* :mod:`claims.nlp.places` — where something happened (PLACE);
* :mod:`claims.nlp.statements` — statements without a value (negations, quotations).

They share the clause helpers of :mod:`claims.nlp.grammar` (predicate, subject, references,
tense and plans, negation, attribution, the claim and its key). Imports go one way: grammar ←
the kind modules ← this module (which also imports the few value-spotting pieces a kind owns).

The alignment key (``ClaimData.key``) is built by the builders as ``kind|predicate class|thing|
subject|scope``; fields holding an entity surface form are prefixed with ``@`` so that
:func:`claims.nlp.align.find_conflicts` can replace them with the event's canonical entity key.

Design choices and departures from ENGINE.md:

* Discourse anchor: "that evening", "that day", "later the same day" resolve against the most
  recent day-level date mentioned earlier in the article (not the publication date).
* DATETIME claims whose predicate is a reporting verb ("said on Monday") are skipped: they
  time the reporting, not the event. So are claims whose key has neither subject nor object.

General rules of news language added for the labelled corpus (issue 3) are all lexicon-driven
(:mod:`claims.nlp.lexicon`), none keyed to a story. Those of the kinds still read here:

* Times: a clock time and its day are one value ("3:07 a.m. on Tuesday"), widened by what
  precedes it ("shortly after 3 a.m."); weekdays in a past-tense chain are past ("began to
  shake on Tuesday").
* Dates of event nouns: a possessive or compound weekday ("last Wednesday's vote"), "on
  Monday" on a happening noun, or a light verb framing one ("won its vote on Thursday") date
  the noun (``datetime|event|<noun>``), not the clause's verb.
* "six minutes of added time": a duration of the thing after "of".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp import places
from claims.nlp.counts import _build_count, _per_unit
from claims.nlp.grammar import (
    _ANAPHORIC_BY_FIRST,
    _ANAPHORIC_FIRST,
    _CURRENCY_SIGNS,
    ANAPHORIC_DAY_WORDS,
    ANAPHORIC_DETERMINERS,
    COUNT_LABELS,
    DATE_LABELS,
    PLACE_LABELS,
    ArticleState,
    _aspired,
    _attribution,
    _base_claim,
    _clause_attribution,
    _declared_act,
    _field,
    _governor,
    _inside_consumed,
    _instance_scope,
    _key,
    _negated,
    _other_instance,
    _participle,
    _passive,
    _past,
    _path_object,
    _place_object,
    _planned,
    _pred_class,
    _predicate,
    _Ref,
    _ref,
    _remaining,
    _reported_future,
    _sentence_hedges,
    _strip_possessive,
    _subject_token,
    _tense,
    _the,
    _track_person,
    _Value,
    _year_scope,
)
from claims.nlp.measures import _age_person, _build_age
from claims.nlp.ordinals import _MINUTE_RE, _build_minute, _build_ordinal
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token

__all__ = ["ArticleState", "extract_claims"]


VAGUE_DATES = frozenset(
    {
        "recent years",
        "years",
        "decades",
        "the future",
        "the past",
        "now",
        "recently",
        "once",
        "the time",
        "time",
        "today's",
        "modern",
        "daily",
        "annual",
        "weekly",
        "monthly",
    }
)


# --------------------------------------------------------------------------- entry point


SentenceExtractor = Callable[["Span", ArticleState], list[ClaimData]]


def extract_claims(
    doc: Doc,
    state: ArticleState,
    *,
    offset: int = 0,
    extra: Sequence[SentenceExtractor] = (),
    sents: Sequence[Span] | None = None,
) -> list[ClaimData]:
    """Extract all claims of ``doc``; offsets are shifted by ``offset`` (chunked articles).

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
        claims.extend(
            _sentence_claims(sent, ents[lo:hi], state, offset, extra, candidates[c_lo:c_hi])
        )
    return claims


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
    for claim, clause_source in found:
        source = clause_source or attribution
        for q_start, q_end, words in quotes:
            if q_start <= claim.value_start and claim.value_end <= q_end:
                claim.quote, claim.speaker = words.strip(), source
                break
        if claim.quote and claim.kind == ClaimKind.DATETIME and _relative(claim.value_text):
            continue  # "Today we open a new chapter": said on a day the story need not give
        claim.sentence_start = sent.start_char + offset
        claim.sentence_end = sent.start_char + len(sent.text.rstrip()) + offset
        claim.value_start += offset
        claim.value_end += offset
        claim.attribution = claim.attribution or source
        claim.hedges = sorted(set(claim.hedges) | hedges)
        out.append(claim)
    return out


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
            values.append(_Value(tok.i, tok.i + 1, "NUM"))
            covered.add(tok.i)
    values.sort(key=lambda v: v.start)
    return values


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
        or tok.lemma_.lower() not in lx.FACILITY_NOUNS
        or tok.head.lower_ not in ("at", "near", "outside")
        or tok.ent_type_ in PLACE_LABELS
    ):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if not any(t.pos_ == "PROPN" for c in mods for t in c.subtree):
        return None
    return _Value(min(c.left_edge.i for c in mods), tok.i + 1, "FAC")


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


def _is_anaphoric(text: str) -> bool:
    low = " ".join(text.lower().split())
    return any(low.startswith(det + " ") for det in ANAPHORIC_DETERMINERS)


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


# --------------------------------------------------------------------------- DATETIME


def _build_datetime(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if (span.start, span.end) in state.consumed or _inside_consumed(span, state):
        return None
    text = span.text
    if text.lower().strip() in VAGUE_DATES:
        return None
    if re.fullmatch(r"\d{1,2}", text.strip()):
        return None  # "Otterbeck, 29, was playing": an age, or a number with no month
    verb = _governor(span.root)
    if _in_absolute_phrase(span.root, verb):
        return None
    # "by Sunday morning it had burned…", "completed by the end of March": a deadline, which
    # is only comparable with other deadlines, not with when something happened
    deadline = span.root.head.lower_ == "by" and span.root.dep_ == "pobj"
    event_noun = _date_noun(span, verb)
    tense = ("past" if "last" in text.lower() else "") if event_noun is not None else _tense(verb)
    if nz.clock_time(text) is not None:
        text = _clock_prefix(span) + text
    if value.label == "ANAPHORIC" or _is_anaphoric(text):
        interval = _resolve_anaphoric(text, state)
    else:
        interval = nz.resolve_date(text, state.published, tense)
        clock = nz.clock_time(text) if interval is None else None
        if clock is not None:
            day = state.anchor if _anchor_near(span, state) else state.lead_day
            if day is None and state.published is not None and tense == "past":
                # "the final finished just after midnight" in a paper dated Sunday, with no
                # day named: the small hours of the publication day (a later hour could be
                # the day before, so it stays unread)
                day = state.published if clock[0] < 6 else None
                if day is not None and "midnight" in text.lower():
                    day -= dt.timedelta(days=1)  # a day's "midnight" is the end of that day
        else:
            day = None
        if day is not None:
            # "… on Saturday night. The final ended at 11:42 p.m.": a bare clock time is on
            # the day its paragraph last named, or else on the day the story opened with
            interval = nz.resolve_date(f"{day.day} {day:%B %Y} {text}", state.published, tense)
        if interval is None and re.search(r"\d", text) and not re.search(r"\b\d{4}\b", text):
            interval = nz.fallback_date(text, state.published)
    if interval is None:
        return None
    if interval.granularity in ("day", "time"):
        state.anchor = interval.start.date()
        state.anchor_at = (id(doc), span.start)
        if state.lead_day is None and span.start_char < _LEAD_CHARS:
            state.lead_day = state.anchor
    if event_noun is not None:
        return _noun_date_claim(sent, value, event_noun, interval)
    pred = _predicate(verb)
    pclass = _pred_class(pred)
    if pclass == "say":
        pclass = _declared_act(verb)  # "declare outbreak"; the question reads "declared"
        pred = pclass.partition(" ")[0]
    if not pred:
        return None
    subj = _subject_token(verb)
    subject = _ref(subj, state)
    role, place = _place_object(verb, state)
    obj = place if place.key else _path_object(span.root, verb, state)
    if pclass == "strike" and verb is not None:
        # "A magnitude 6.1 earthquake struck X" / "the quake hit": the happening is its
        # subject's class; where it struck is a separate (place) question.
        kinds = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        known = [c for c in kinds if c.lemma_.lower() in lx.NOUN_CLASSES]
        if known:
            cls = lx.NOUN_CLASSES[known[0].lemma_.lower()]
            subject = _Ref(known[0].text, cls)
        obj = _Ref.empty()
    if not subject.key and not obj.key:
        return None
    if pred in ("be", "have", "do") and not obj.key:
        return None
    claim = _base_claim(sent, value, ClaimKind.DATETIME)
    claim.normalized.update(interval.as_json())
    claim.display = interval.display
    claim.subject = subject.display
    claim.predicate = pred
    claim.about = _when_about(subject.display, pred, role, obj.display, _passive(verb))
    key_subject, key_obj = subject.key, obj.key
    participle = verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN"
    if participle and subj is not None and subj.i == verb.head.i and not obj.key:
        key_subject, key_obj = "", subject.key  # "the contract signed on Monday"
    elif _passive(verb) and not obj.key and subj is not None and subj.dep_ == "nsubjpass":
        # "the intrusion was detected on March 2" asks what "the team detected the intrusion
        # late on Saturday" asks: the passive subject is the object, the agent the subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb else None
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        key_subject, key_obj = _ref(by, state).key, subject.key
    claim.key = _key(ClaimKind.DATETIME, pclass, key_subject, key_obj)
    background = ""
    if (
        interval.granularity in ("year", "month", "season")
        and state.published is not None
        and interval.start.year < state.published.year
    ):
        background = f"y:{interval.start.year}"  # "in 2019, a train derailed…": another one
    scope = [
        x
        for x in (
            "aim" if _aspired(verb) or (verb is not None and _reported_future(verb)) else "",
            "forecast" if _forecast(verb) else "",
            _instance_scope(subj),
            _rank_scope(subj),
            background,
            "by" * deadline,
            # "flags will fly at half-mast until Monday": how long a state lasts, not when
            "until" * (_until(span) and not _negated_through_control(verb)),
            "more" if _repeated(verb) else "",
        )
        if x
    ]
    if scope:
        # "hopes to fly by 2028" is an aim; "a smaller fire in July burned" another fire
        claim.key += "|" + ",".join(scope)
    # "did not arrive until Tuesday" says when it happened: not a denial; "no order was
    # made on Friday" is one
    claim.negated = _negated(verb, subj) and not _until(span)
    return claim


def _rank_scope(subj: Token | None) -> str:
    """ "The first miner reached the surface at 19:30" / "the last of the men … at 2:15":
    the first and the last of a group arrive at different times."""
    if subj is None:
        return ""
    words = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ in ("amod", "advmod")}
    rank = words & {"first", "last", "final"}
    return f"rank:{min(rank)}" if rank else ""


def _forecast(verb: Token | None) -> bool:
    """ "The bank expects the economy to grow in 2026": someone's forecast, with an object
    of its own (a schedule reads "the deal is expected to close in June")."""
    if verb is None or verb.dep_ not in ("xcomp", "ccomp"):
        return False
    head = verb.head
    return head.lemma_.lower() in lx.FORECAST_VERBS and any(
        c.dep_ == "nsubj" for c in head.children
    )


def _repeated(verb: Token | None) -> bool:
    """ "fell a further 3 per cent on Tuesday", "rose again on Friday": another step of
    something that happened before, with a date of its own."""
    if verb is None:
        return False
    return any(
        t.lower_ in ("further", "again", "additional")
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass")
        for t in c.subtree
    )


_LEAD_CHARS = 800  # a story's opening: its first paragraph or two


def _anchor_near(span: Span, state: ArticleState) -> bool:
    """Was the story's last named day given earlier in this paragraph?"""
    doc_id, at = state.anchor_at
    if state.anchor is None or doc_id != id(span.doc) or at > span.start:
        return False
    return not any("\n" in t.whitespace_ or "\n" in t.text for t in span.doc[at : span.start])


def _negated_through_control(verb: Token | None) -> bool:
    """ "is not expected to close until June": the denial sits on the control verb."""
    while verb is not None:
        if _negated(verb):
            return True
        verb = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else None
    return False


def _until(span: Span) -> bool:
    doc = span.doc
    return (span.root.dep_ == "pobj" and span.root.head.lower_ in ("until", "till")) or (
        span.start > 0 and doc[span.start - 1].lower_ in ("until", "till")
    )


_CLOCK_PREFIXES = (
    ("shortly", "after"),
    ("just", "after"),
    ("soon", "after"),
    ("shortly", "before"),
    ("just", "before"),
    ("around",),
    ("about",),
    ("approximately",),
    ("roughly",),
    ("before",),
    ("after",),
)


def _clock_prefix(span: Span) -> str:
    """The words before a clock time that widen it ("shortly after 3 a.m.") plus a space."""
    doc = span.doc
    for words in _CLOCK_PREFIXES:
        n = len(words)
        lo = span.start - n
        if lo >= 0 and tuple(t.lower_ for t in doc[lo : span.start]) == words:
            return " ".join(words) + " "
        if (
            lo - 1 >= 0
            and doc[span.start - 1].lower_ == "at"
            and tuple(t.lower_ for t in doc[lo - 1 : span.start - 1]) == words
        ):
            return " ".join(words) + " "
    return ""


def _frames_event(root: Token, verb: Token | None) -> bool:
    """Does the date hang on a light verb ("won its vote on Thursday")?"""
    if verb is None or verb.lemma_.lower() not in lx.EVENT_LIGHT_VERBS:
        return False
    return root.head.i == verb.i or (root.dep_ == "pobj" and root.head.head.i == verb.i)


def _date_noun(span: Span, verb: Token | None = None) -> Token | None:
    """The event noun a date belongs to when it is not the verb's: "last Wednesday's vote",
    "the vote on Thursday", "the Thursday vote", "Friday's closing price", and a happening
    that a light verb only frames ("won its vote on Thursday", "held talks on Monday")."""
    root = span.root
    head = root.head
    noun: Token | None = None
    if root.dep_ in ("poss", "compound") and head.pos_ == "NOUN":
        noun = head
    elif verb is not None and _frames_event(root, verb):
        noun = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lx.EVENT_NOUNS
            ),
            None,
        )
    elif (
        root.dep_ == "pobj"
        and head.lower_ in ("on", "at")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in lx.EVENT_NOUNS
    ):
        # spaCy often hangs "on Monday" on the nearest noun; only a happening is dated so.
        noun = head.head
    if noun is None or noun.lemma_.lower() in lx.NOT_EVENT_NOUNS or noun.ent_type_:
        return None
    if noun.i in range(span.start, span.end):
        return None
    return noun


def _noun_date_claim(
    sent: Span, value: _Value, noun: Token, interval: nz.DateInterval
) -> ClaimData:
    lemma = noun.lemma_.lower()
    cls = lx.NOUN_CLASSES.get(lemma, lemma)
    mods = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and not c.ent_type_]
    claim = _base_claim(sent, value, ClaimKind.DATETIME)
    claim.normalized.update(interval.as_json())
    claim.display = interval.display
    claim.predicate = lemma
    phrase = " ".join([*mods, noun.text])
    claim.about = f"when the {phrase} took place"
    claim.key = _key(ClaimKind.DATETIME, "event", cls, "")
    return claim


def _in_absolute_phrase(tok: Token, verb: Token | None) -> bool:
    """ "…, with Oslo as its last stop on Tuesday": the date times the stop, not the verb."""
    cur = tok
    for _ in range(10):
        if verb is None or cur.i == verb.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in ("with", "as", "without", "like", "than"):
            return True
        cur = cur.head
    return False


def _resolve_anaphoric(text: str, state: ArticleState) -> nz.DateInterval | None:
    """'that evening' / 'later the same day' / 'the next day' against the discourse anchor."""
    if state.anchor is None:
        return None
    words = text.lower().split()
    day = state.anchor
    if "next" in words or "following" in words:
        day = day + dt.timedelta(days=1)
    elif "previous" in words or "before" in words:
        day = day - dt.timedelta(days=1)
    part = nz._part_of(words)
    if part is None and words[-1] in ("evening", "night", "morning", "afternoon"):
        part = words[-1]
    return nz.day_part(day, part) if part else nz.day_part(day, "")


def _when_about(subject: str, pred: str, role: str, obj: str, passive: bool = False) -> str:
    subj = _the(subject)
    verb = ("was " + _participle(pred)) if passive else _past(pred)
    tail = ""
    if obj:
        if role and role != "obj" and not verb.endswith(" " + role):
            tail = f" {role} {obj}"
        else:
            tail = f" {_the(obj)}"
    return f"when {subj} {verb}{tail}".replace("  ", " ").strip()


# --------------------------------------------------------------------------- DURATION


def _build_duration(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if _inside_consumed(span, state):
        return None
    if _NOT_A_LENGTH.search(span.text) or (span[0].ent_type_ == "ORDINAL"):
        return None  # "an 81-year-old woman", "the third day": an age, a day number
    parsed = nz.parse_duration(span.text)
    if parsed is None:
        return None
    seconds, unit = parsed
    root = span.root
    noun = None
    if root.dep_ in ("amod", "compound", "nummod") and root.head.pos_ == "NOUN":
        noun = root.head
    elif span[-1].dep_ in ("amod", "compound") and span[-1].head.pos_ == "NOUN":
        noun = span[-1].head
    of_thing = _of_phrase(span)
    scope = ""
    if of_thing:
        thing = _Ref(of_thing, _field(of_thing))
        pred = "last"
        verb = _governor(root)
        scope = _duration_scope(None, verb)
    elif noun is not None and noun.i not in range(span.start, span.end):
        thing = _Ref(noun.lemma_.lower(), _field(noun.lemma_.lower()))
        pred = "last"
        verb = _governor(noun)
        scope = _duration_scope(noun, verb)
    else:
        verb = _governor(root)
        pred = _predicate(verb)
        subj = _subject_token(verb)
        thing = _ref(subj, state)
        # "the last strike, in 2019, lasted 16 days": another year's happening
        scope = _year_scope(root, None, verb, subj, state) or _instance_scope(subj)
        if pred == "spend" and _held_in(verb):
            pred = "hold"  # "spent 19 months in custody" = "was held for 19 months"
    rival = _margin_over(doc, value.end, sent.end) or _won_by(doc, value.start, value.end)
    if rival is not None:
        # "42 seconds ahead of Ferrou", "28 seconds clear of the champion": a winning margin,
        # whatever the verb ("crossed the line", "finished", "won")
        verb = _governor(root)
        pred, thing = "margin", _ref(rival, state)
        scope = ""
        if not thing.key:
            return None
    if not pred or not thing.key:
        return None
    pclass = _pred_class(pred)
    claim = _base_claim(sent, value, ClaimKind.DURATION)
    claim.normalized.update({"seconds": seconds, "unit": unit})
    claim.display = _duration_display(seconds, unit)
    claim.subject = thing.display
    claim.predicate = pred
    claim.about = (
        f"how long {_the(thing.display)} lasts"
        if pclass == "last"
        else f"how long {_the(thing.display)} "
        + (f"was {_participle(pred)}" if _passive(verb) else _past(pred))
    )
    if rival is not None:
        claim.about = f"the winning margin over {_the(thing.display)}"
    elif pred == "hold" and verb is not None and verb.lemma_.lower() == "spend":
        claim.about = f"how long {_the(thing.display)} was held"
    claim.key = _key(ClaimKind.DURATION, pclass, thing.key)
    if _remaining(doc, value.end, sent.end):
        scope = ",".join(x for x in (scope, "left") if x)  # "with a week of racing left"
    # "within 12 minutes" is a deadline met; "given two hours to leave" a time allowed
    offset = _duration_offset(doc, value, sent, verb) if rival is None else ""
    if offset:
        scope = ",".join(x for x in (scope, offset) if x)
    if _planned(verb):
        claim.key += "|plan"  # "expected to last two hours" is a plan, not what happened
    elif scope:
        claim.key += "|" + scope
    claim.negated = _negated(verb)
    return claim


def _duration_offset(doc: Doc, value: _Value, sent: Span, verb: Token | None) -> str:
    """A scope for a length of time that is not how long something lasted: a deadline met
    ("within 12 minutes") or a time allowed ("given two hours to leave"). ("35 minutes after
    the distress call" stays plain: it says how long the sinking took.)"""
    end = value.end
    if value.start > sent.start and doc[value.start - 1].lower_ == "within":
        return "within"
    allowing = verb is not None and verb.lemma_.lower() in ("give", "allow", "grant")
    if allowing and (
        any(c.dep_ == "xcomp" for c in verb.children)
        or (end < sent.end and doc[end].lower_ == "to")
    ):
        return "allowed"
    return ""


_MARGIN_WORDS = frozenset({"ahead", "clear", "behind", "adrift", "short"})


def _margin_over(doc: Doc, end: int, limit: int) -> Token | None:
    """The rival of a margin written "<time> ahead of / clear of / behind <rival>"."""
    if end + 2 < limit and doc[end].lower_ in _MARGIN_WORDS and doc[end + 1].lower_ == "of":
        return next((c for c in doc[end + 1].children if c.dep_ == "pobj"), None)
    return None


def _won_by(doc: Doc, start: int, end: int) -> Token | None:
    """ "beat Orindo by 11 seconds", "won by 14 seconds from Orindo": the rival of a margin."""
    if start == 0 or doc[start - 1].lower_ != "by":
        return None
    verb = doc[start - 1].head
    if verb.lemma_.lower() not in ("beat", "win", "defeat", "edge", "lead", "outsprint"):
        return None
    rival = None
    if verb.lemma_.lower() not in ("win", "lead"):  # "won the marathon": the race
        rival = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if rival is not None and rival.pos_ != "PROPN":
        # "beat his compatriot Samuel Orindo": the name in apposition
        rival = next((c for c in rival.children if c.dep_ == "appos"), rival)
    if rival is None and end + 1 < len(doc) and doc[end].lower_ in ("from", "over"):
        rival = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    return rival


def _held_in(verb: Token | None) -> bool:
    """ "spent two years in a Karskian prison / in custody": time held."""
    if verb is None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "behind"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lx.DETENTION_NOUNS:
                return True
    return False


_NOT_A_LENGTH = re.compile(
    r"\byears?[\s-]+old\b|\baged\b|^(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
    re.I,
)


def _duration_scope(noun: Token | None, verb: Token | None) -> str:
    """What a length is besides what lasted: "sought a 12-year sentence" (asked for), "served
    18 months of it" (so far), "the original ten-year term" (another instance)."""
    if noun is not None and _other_instance(noun):
        return "other"
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in lx.DEMAND_VERBS:
        return "sought"
    if lemma in lx.SO_FAR_VERBS:
        return "so far"
    return ""


def _of_phrase(span: Span) -> str:
    """ "six minutes of added time" → "added time": the thing the duration measures."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ != "of":
        return ""
    pobj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "NOUN":
        return ""
    # "added time" keeps its participle; "torrential rain" is rain
    mods = [
        c.text.lower()
        for c in pobj.lefts
        if c.dep_ == "compound" or (c.dep_ == "amod" and c.tag_ != "JJ")
    ]
    phrase = " ".join([*mods, pobj.lemma_.lower()])
    return lx.TIME_PHRASES.get(phrase, phrase)


def _duration_display(seconds: float, unit: str) -> str:
    size = nz._UNIT_SECONDS[unit]
    n = seconds / size
    n_text = f"{n:g}"
    return f"{n_text} {unit}{'' if n == 1 else 's'}"


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
