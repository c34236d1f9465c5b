# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
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

* this module — COUNT, ORDINAL, DATETIME, DURATION claims (the sections of those names below);
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
* "first … since 2019" / "first … in five years" is its own ordinal flavour (``first_since``)
  whose value is the interval of the previous occurrence; it never aligns with plain ordinals.
* ORDINAL claims about "time" ("the first time that…") are skipped: their scope lives in a
  relative clause we do not model yet, so keys would collide across unrelated facts.

General rules of news language added for the labelled corpus (issue 3) are all lexicon-driven
(:mod:`claims.nlp.lexicon`), none keyed to a story. Those of the kinds still read here:

* Measures: a figure that is the value of a measure noun ("a magnitude of 6.3", "the toll
  stood at 23", "turnout was 61%", "a crowd of 72,000", "gave the attendance as 71,800",
  "in front of 65,000 fans", "two-thirds of voters took part", "the number of dead") is keyed
  by the measure (``count|measure|<class>|<owner>|<scope>``, tolls as ``count|die|death``),
  not by whoever reports or causes it. Only recurring things own their measure (the magnitude
  of the quake vs of an aftershock).
* Counts whose predicate names the victims (killed, injured, evacuated…) and counts that are
  the direct subject/object of their verb drop a common-noun subject from the key ("the
  ministers"/"the two governments signed nine agreements"); named subjects stay.
* Scope: an explicit other year ("the 2009 quake killed 41", "last year's crowd"), a named
  area for a measure ("turnout in the North") and a plan ("expected to be signed") each give
  a claim its own key; a plain "will" does not make a plan.
* Tallies: "214–198", "by 214 to 198", "by 212 votes to 198" are one value (for, against),
  in a vote or score domain decided by the sentence's words; "from 12 to 19" is not a tally.
* Fractions are percentages ("nearly two-thirds" → 63.3–66.7 %); "nearly" means within 5 %.
* Money needs a currency: spaCy's MONEY on "eleven accords" is read as a count of accords.
* Times: a clock time and its day are one value ("3:07 a.m. on Tuesday"), widened by what
  precedes it ("shortly after 3 a.m."); weekdays in a past-tense chain are past ("began to
  shake on Tuesday").
* Dates of event nouns: a possessive or compound weekday ("last Wednesday's vote"), "on
  Monday" on a happening noun, or a light verb framing one ("won its vote on Thursday") date
  the noun (``datetime|event|<noun>``), not the clause's verb.
* "the 87th minute" / "89th-minute goal": an ordinal keyed by what happened (goal words) and
  who did it. "six minutes of added time": a duration of the thing after "of".
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
    _ent_span,
    _entity_of,
    _field,
    _governor,
    _ing,
    _inside_consumed,
    _instance_scope,
    _key,
    _negated,
    _noun_phrase,
    _other_instance,
    _owner,
    _participle,
    _participle_lemma,
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
    part_of_predicate,
)
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


_MINUTE_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)[\s-]*minute\b", re.I)
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


# --------------------------------------------------------------------------- COUNT


_QUALIFIER_PARTS = [(q, q.split()) for q in nz.QUALIFIERS]


def _qualifier_before(doc: Doc, start: int, floor: int) -> tuple[int, str]:
    """Qualifier phrase right before token ``start`` ("at least", "about") → (new start, q)."""
    if start > floor and doc[start - 1].dep_ == "prt":
        return start, ""  # "handed over 118 prisoners": a particle, not "more than"
    before = [t.lower_ for t in doc[max(floor, start - 4) : start]]
    for q, parts in _QUALIFIER_PARTS:
        n = len(parts)
        if n <= len(before) and before[len(before) - n :] == parts:
            return start - n, q
    return start, ""


def _qualifier_inside(span: Span) -> tuple[int, str]:
    words = [t.lower_ for t in span[:4]]
    for q, parts in _QUALIFIER_PARTS:
        if words[: len(parts)] == parts:
            return span.start + len(parts), q
    return span.start, ""


def _counted_noun(span: Span) -> Token | None:
    """The noun a number counts: "26 foreign leaders" → leaders; "leaders from 26 countries"
    → leaders; "2,000 of them" → None (pronoun)."""
    root = span.root
    if (
        root.lower_.rstrip(".") in nz.SCALE_SUFFIXES
        and root.i > span.start
        and root.nbor(-1).like_num
        and not root.nbor(-1).whitespace_
    ):
        # "€70m", "a €70m offer": the suffix is part of the figure, not what it counts
        head = root.head
        if root.dep_ in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
            return head
        return None
    if root.dep_ in ("det", "amod", "advmod"):
        # "an estimated 400,000 spectators": the span's words all hang from the noun
        root = next((t for t in reversed(span) if t.like_num or t.pos_ == "NUM"), root)
    noun: Token | None = None
    if (
        root.text[:1].isdigit()
        and root.pos_ in ("NOUN", "PROPN")
        and root.dep_ not in ("nummod", "quantmod", "amod", "compound")
    ):
        return None  # "raised $2bn": the figure itself, tagged as a noun
    if (
        root.pos_ in ("NOUN", "PROPN")
        and root.i >= span.end - 1
        and root.ent_type_
        not in (
            "CARDINAL",
            "MONEY",
            "PERCENT",
            "QUANTITY",
        )
    ):
        noun = root
    elif root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = root.head
    elif root.pos_ in ("NOUN", "PROPN") and root.i >= span.end - 1:
        noun = root
    if noun is None:
        return None
    if (
        noun.lemma_.lower() in lx.PER_COUNTRY_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "from"
        and noun.head.head.pos_ == "NOUN"
    ):
        return noun.head.head
    return noun


def _build_count(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if (span.start, span.end) in state.consumed:
        return None  # the second figure of a tally ("by 214 to 198")
    num_start, qualifier = _qualifier_inside(span)
    start = value.start
    if not qualifier:
        start, qualifier = _qualifier_before(doc, value.start, sent.start)
        num_start = value.start
    number_text = doc[num_start : value.end].text
    if _looks_like_year(number_text, value.label):
        return None
    tally = _tally(sent, span, number_text, state)
    if tally is not None:
        return _tally_claim(sent, value, start, tally, state)
    parsed = nz.parse_number(number_text)
    if parsed is None:
        # "twelve accords" (QUANTITY): read the number words only
        digits = [t.text for t in doc[num_start : value.end] if t.like_num or t.pos_ == "NUM"]
        parsed = nz.parse_number(" ".join(digits)) if digits else None
        if parsed is None:
            return None
        number_text = " ".join(digits)
    fraction = nz.parse_fraction(number_text) is not None
    low, high = nz.count_interval(parsed, qualifier)
    noun = _counted_noun(span)
    points = _basis_points(doc, value.end, fraction)
    if points is not None:
        # "by 25 basis points", "by a quarter of a percentage point", "a half-point cut":
        # the size of a move in a rate, compared in basis points
        low = None if low is None else low * points
        high = None if high is None else high * points
        parsed = (parsed[0] * points, parsed[1] * points)
        fraction = False
    speed = _speed_factor(doc[value.start : min(len(doc), value.end + 3)].text)
    if speed is not None:
        # "120 km/h" and "75 mph" are one quantity: speeds compare in km/h
        low = None if low is None else low * speed
        high = None if high is None else high * speed
        parsed = (parsed[0] * speed, parsed[1] * speed)
        noun = None
    length = _length_unit(doc, span) if speed is None and points is None else None
    length_of = _length_measure(length[1], state) if length is not None else None
    if length is not None and length_of is not None:
        # "the 410-metre bridge" / "the 800-foot bridge", "at 37,000 feet" / "at 8,500
        # metres": lengths compare in metres
        factor = length[0]
        low = None if low is None else low * factor
        high = None if high is None else high * factor
        parsed = (parsed[0] * factor, parsed[1] * factor)
        noun = length_of[2]
    else:
        length = None  # "ran for 420 km", "over the final 10 km": a distance, read as before
    referential = (
        _referential(doc, start, sent.start)
        and parsed[0] < 100
        and span.text[:1] not in _CURRENCY_SIGNS  # "the $48.50-a-share deal" is a price
    )
    if referential or _partitive(doc, value.end):
        # "the two leaders", "two of them", "half that": not a count of its own ("the 3,100
        # dockers who downed tools" is: a number that large is the figure, not a pointer)
        return None
    if start > sent.start and doc[start - 1].lower_ == "top":
        return None  # "the top ten", "into the top 5": a bracket of a ranking
    if noun is not None and _is_source(noun):
        return None  # "according to two people familiar with…": who says, not what
    percent = points is None and (value.label == "PERCENT" or bool(_PER_CENT.search(span.text)))
    money = value.label == "MONEY" and not percent and bool(_CURRENCY.search(span.text))
    if not money and noun is not None and noun.lemma_.lower() in lx.CURRENCY_NOUNS:
        money = not percent  # "85 million euros": the model called it a cardinal
    if money:
        thing = "money"
    elif speed is not None:
        thing = "speed"
    elif length is not None:
        thing = "length"
    elif percent or fraction:
        thing = "percent"
    elif noun is not None and noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        thing = "person"  # "126 Moravelians walked free": people of a nation
    elif noun is not None:
        thing = lx.noun_class(noun.lemma_.lower())
    else:
        thing = ""
    anchor_tok = noun if noun is not None else span.root
    verb = _governor(anchor_tok)
    figure_pred = _figure_predicate(anchor_tok, verb)
    pred = figure_pred or _predicate(verb)
    if noun is not None and _on_board(noun):
        pred = "carry"  # "the 186 passengers on board", "lists 26 satellites on board"
    if _predicate(verb) in ("release", "free") and thing in ("person", "prisoner"):
        pred = "free"  # "released 126 people held in…" (not "released a statement")
    defining = _defining_clause(noun)
    if defining and pred != "free":  # "released 126 people held in…": they were freed
        pred = defining  # "the 3,100 dockers who downed tools want …": they downed tools
    pclass = _pred_class(pred)
    money_noun = _money_noun(noun, anchor_tok) if money else None
    if money:
        # "a fee of €85m" / "a guaranteed €92m fee" / "paid €85m": what the sum is
        thing = _money_thing(money_noun, pclass, value) or thing
    # "buy Lumen for $4.2bn": a price is the price of what was bought, whoever paid
    subj_override = _bought(verb) if money and thing == "price" else None
    level_of: Token | None = None
    moved = pclass in ("rise", "fall") or (
        verb is not None and _moves_a_level(verb) and (noun is None or percent or money)
    )  # "cut its rate to 4.25%" moves a level; "cut power to 1.2 million homes" does not
    if moved and _after_word(doc, start, "to"):
        pred = pclass = "total"  # "cases have risen to 87": the level, not the change
        # "cut its policy rate by a quarter point to 4.25%": the level of the rate
        level_of = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb else None
    elif pclass in lx.NEUTRAL_PREDICATES and anchor_tok.dep_ == "pobj" and pclass != "put at":
        # "reported in five countries" / "exported to 11 countries": the source verb says
        # nothing, but the preposition does
        pred = pclass = f"@{anchor_tok.head.lower_}"
    if (
        pclass in lx.WATCHING_VERBS
        and noun is not None
        and noun.lemma_.lower() in lx.SPECTATOR_NOUNS
    ):
        thing = "spectator"  # "400,000 spectators lined the route" = "half a million people"
    if thing in ("death",) or (pclass == "die" and thing in ("", "person", "troop")):
        pclass, thing = "die", "death" if thing in ("", "death", "person") else thing
    subj_tok = subj_override or _subject_token(verb)
    same = subj_tok is None or (
        noun is not None and subj_tok.i == noun.i and thing not in ("percent", "money")
    )
    subject = _Ref.empty() if same else _ref(subj_tok, state)
    if verb is not None and _pred_class(_predicate(verb)) == "put at":
        # "preliminary figures put the train's speed at 75 mph": the train's speed, whoever
        # gives the figure
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        owner = _owner(dobj, state) if dobj is not None else _Ref.empty()
        if owner.key:
            subject, pred, pclass = owner, "total", "total"
    measured = anchor_tok.head.head if anchor_tok.dep_ == "pobj" else None
    if (
        percent
        and figure_pred
        and measured is not None
        and measured.lemma_.lower() == figure_pred
        and not subject.key.startswith("@")
    ):
        # "the budget forecasts a deficit of 3.1%" / "with a deficit of 3.8% of GDP": the
        # share is the deficit's, whoever forecasts it (its owner, when written, counts)
        subject = _owner(measured, state)
    if subj_tok is not None and subj_tok.lemma_.lower() in lx.DOCUMENT_NOUNS:
        subject = _Ref.empty()  # "a ransom note demanding $12m": the note is not who asks
    own_subject = subject.key and not (subj_tok is not None and start <= subj_tok.i < value.end)
    share_of = _share_of(doc, value.end) if (percent or fraction) and not own_subject else None
    if share_of is not None:
        subject = _ref(share_of, state)  # "two-thirds of mortgages": a share of mortgages
    if level_of is not None and level_of.pos_ == "PRON" and verb is not None:
        # "cut interest rates, bringing them down to 4.5%": the rates the clause above moved
        level_of = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if level_of is not None and level_of.pos_ == "NOUN":
        subject = _level_name(level_of)
    else:
        level_of = None
    counted = _counted_by_subject(subj_tok) if not thing else None
    if counted is not None:
        # "the number of ships waiting has risen to 22": the figure counts the ships
        thing = lx.noun_class(counted.lemma_.lower())
        subject = _Ref.empty()
        # "the number of people killed rose to eight": a toll, whatever verb moved it
        rel_class = _pred_class(_defining_clause(counted))  # "people known to have died"
        if rel_class in lx.VICTIM_CLASSES:
            pred = pclass = rel_class
            thing = "death" if rel_class == "die" else thing
    measure = _measure(span.root, noun, verb, subj_tok)
    if length_of is not None:
        measure = length_of
    if noun is not None and measure is None and (town := _population_of(noun)) is not None:
        measure = ("population", _ref(town, state).key, None)  # "a city of 310,000 people"
    if not thing and not subject.key and measure is None:
        return None
    claim = _base_claim(sent, _Value(start, value.end, value.label), ClaimKind.COUNT)
    unit = "%" if percent or fraction else ""
    claim.normalized.update(
        {
            "low": low,
            "high": high,
            "value": (parsed[0] + parsed[1]) / 2,
            "qualifier": qualifier,
            "unit": unit or ("money" if money else "") or ("km/h" if speed else ""),
        }
    )
    if state.published is not None:
        claim.normalized["reported_on"] = state.published.isoformat()
    claim.display = nz.format_count(low, high, unit=unit)
    if money:
        claim.display = doc[start : value.end].text  # "$4.2 billion" reads better as written
    if length is not None:
        written = doc[start : max(value.end, length[1].i + 1)].text
        shown = f"{parsed[0]:,.0f} m" if parsed[0] >= 10 else f"{parsed[0]:.2g} m"
        claim.normalized["unit"] = "m"
        claim.display = written if length[0] == 1 else f"{written} (≈{shown})"
    if speed is not None:
        around = doc[start : min(len(doc), value.end + 3)].text
        unit_end = _SPEED_UNITS.search(around)
        written = around[: unit_end.end()] if unit_end else doc[start : value.end].text
        claim.display = written if speed == 1 else f"{written} (≈{parsed[0]:,.0f} km/h)"
    if fraction:
        claim.display = f"{number_text} ({claim.display})"
    noun_text = _noun_phrase(noun) if noun is not None else thing
    claim.subject = subject.display or (noun_text if noun is not None else "")
    claim.predicate = pred
    claim.about = _count_about(noun_text or "items", pred, subject.display, _passive(verb))
    if money and money_noun is not None:
        words = [
            t.text_with_ws
            for t in money_noun.doc[money_noun.left_edge.i : money_noun.i + 1]
            if not (value.start <= t.i < value.end) and t.dep_ != "det"
        ]
        claim.about = "the " + "".join(words).strip()  # "the ransom", "the winner's cheque"
    elif money and thing == "price":
        claim.about = "the price paid"
    scope = _year_scope(span.root, noun, verb, subj_tok, state)
    if _other_instance(subj_tok) or _other_instance(noun):
        scope = ",".join(x for x in (scope, "other") if x)
    if _previous_value(doc, start, value.end, sent.start):
        scope = ",".join(x for x in (scope, "before") if x)
    period = _period_scope(span)
    if period:
        scope = ",".join(x for x in (scope, period) if x)
    if start > sent.start and doc[start - 1].lower_ in lx.INCREMENT_WORDS:
        scope = ",".join(x for x in (scope, "more") if x)  # "fell a further 3%": another step
    if _remaining(doc, value.end, sent.end):
        scope = ",".join(x for x in (scope, "left") if x)  # "with six kilometres remaining"
    if _usual(noun) or _usual(subj_tok):
        scope = ",".join(x for x in (scope, "usual") if x)  # "the normal limit is 70mph"
    if (
        start > sent.start
        and doc[start - 1].lower_ == "by"
        and verb is not None
        and verb.lemma_.lower() in lx.CHANGE_VERBS
        and pclass not in ("rise", "fall")  # "rose by 12" is already a change
    ):
        scope = ",".join(x for x in (scope, "change") if x)  # "enlarged it by six million"
    if start > sent.start and doc[start - 1].lower_ == "within":
        scope = ",".join(x for x in (scope, "within") if x)  # a radius, not a distance
    after = noun.i + 1 if noun is not None and noun.i >= value.end else value.end
    if not money and (rate := _per_unit(doc, after, sent.end)) in lx.RATE_PERIODS:
        scope = ",".join(x for x in (scope, f"per:{rate}") if x)  # "90,000 vehicles a day"
    if money and (rate := _per_unit(doc, value.end, sent.end)):
        scope = ",".join(x for x in (scope, f"per:{rate}") if x)  # "$38 a share"
        if thing in ("money", "offer"):
            thing = "price"  # "a $48.50-per-share offer": a price per share, whatever the noun
        claim.about = f"the price per {rate}"
    if _planned(verb) and measure is None:
        # "three agreements are expected to be signed" is a plan; "signed seven" happened.
        scope = ",".join(x for x in (scope, "plan") if x)
    if length is not None:
        # "the 800-foot bridge, which opened in 1964": the year dates the bridge, not its length
        scope = ",".join(x for x in scope.split(",") if x and not x.startswith("y:"))
    if measure is not None and measure[0] not in ("death", "attendance"):
        # a turnout in one region is not the national one; a crowd has one venue
        where = _place_scope(span.root, measure[2], state)
        scope = ",".join(x for x in (scope, where) if x)
    if percent and measure is None and verb is not None:
        # "the party took 55.8% across the capital's constituencies": a regional share
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i != span.root.i]
        where = next(filter(None, (_place_scope(p, None, state) for p in preps)), "")
        where = where if where and not any(where in p for p in scope.split(",")) else ""
        scope = ",".join(x for x in (scope, where) if x)
    change = _change_of(span) if percent and measure is None else None
    if change is not None and change[1] is None:
        return None  # the size of a change of nothing named ("a 4% increase in April")
    if points is not None:
        change = _rate_move(span, verb)
        claim.normalized["unit"] = "bp"
        claim.display = f"{doc[start : value.end].text} ({nz.format_count(low, high)} bp)"
        if doc[start : value.end].text.replace(",", "") == f"{parsed[0]:g}":
            claim.display = f"{nz.format_count(low, high)} bp"
    what = _Ref.empty()
    if change is not None:
        c_class, changed = change
        what = _level_name(changed) if points is not None and changed else _ref(changed, state)
        if not what.key and points is None:
            change = None  # "up 1.8%": a change of what, the key cannot say
    if pclass == "free" and not subject.key:
        # "118 Moravelians freed by Karsk", "were released by the rebels": who freed them
        holders = [t for t in (verb, noun) if t is not None]
        holders += [c for t in holders for c in t.children if c.dep_ in ("acl", "relcl")]
        agent = next((c for t in holders for c in t.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subject = _ref(by, state) if by is not None else subject
    freed_by_name = pclass == "free" and subject.key.startswith("@")
    if change is not None:
        # "a 6.5% pay rise" / "a pay increase of 7.5 per cent" / "revenue down 6.1%": the
        # size of a change, asked about the thing that changed
        unit_thing = "percent" if points is None else "basis point"
        claim.key = _key(ClaimKind.COUNT, c_class, unit_thing, what.key, scope)
        claim.about = f"how much {_the(what.display) if what.display else 'it'} {_past(c_class)}"
    elif measure is not None:
        m_class, owner, m_tok = measure
        m_pclass = "die" if m_class == "death" else "measure"
        if m_tok is not None and _cumulative(m_tok):
            scope = ",".join(x for x in (scope, "total") if x)  # "total attendance of …"
        claim.key = _key(ClaimKind.COUNT, m_pclass, m_class, owner, scope)
        claim.about = lx.MEASURE_ABOUT.get(m_class, f"the {m_class}")
        if m_class == "length" and owner:
            claim.about = f"the length of the {owner}"
    elif (pclass in lx.VICTIM_CLASSES and not freed_by_name) or (
        thing
        and thing not in ("percent", "money")  # "inflation was 3.1%": a share of what
        and pclass not in lx.HOLDING_VERBS  # "the site employs 3,200" ≠ "the group employs"
        and pclass not in ("total", "arrive")  # "health spending will reach 61 billion"
        and not subject.key.startswith("@")
        and _direct_argument(noun, verb)
    ):
        # Who killed or injured does not change the count ("the quake killed 12" / "12 people
        # died"; but who freed whom does, in an exchange); nor does a common-noun subject
        # ("the ministers" / "the two governments signed nine agreements"): the counted thing
        # and the predicate carry the question.
        claim.key = _key(ClaimKind.COUNT, pclass, thing, "", scope)
        claim.about = _count_about(
            noun_text or "items",
            pred,
            "",
            _passive(verb),
            obj=noun is not None and noun.dep_ == "dobj",
        )
    else:
        claim.key = _key(ClaimKind.COUNT, pclass, thing, subject.key, scope)
    if pclass == "die" and measure is None:
        claim.about = "number of people killed"
    if speed is not None:
        claim.about = f"the speed of {_the(subject.display)}" if subject.display else "the speed"
    if level_of is not None:
        claim.about = f"the new level of {_the(subject.display)}"
    elif thing == "percent" and claim.about.startswith("number of ") and subject.display:
        claim.about = f"the percentage for {subject.display}"  # not "number of per cent"
    claim.negated = _negated(verb, noun)
    if qualifier in nz.APPROX:
        claim.hedges.append(qualifier)
    return claim


_PER_CENT = re.compile(r"\bper\s?cent\b|\bpercent\b|%", re.I)
_PARTITIVE_OBJECTS = frozenset({"them", "those", "these", "whom", "which", "us", "it"})
_REFERRING_DETERMINERS = frozenset({"the", "these", "those", "both"})


def _referential(doc: Doc, start: int, floor: int) -> bool:
    """ "the two leaders", "those 14 homes": a number inside a definite description refers
    back to a group; it is not itself a statement of how many."""
    return start > floor and doc[start - 1].lower_ in _REFERRING_DETERMINERS


def _partitive(doc: Doc, end: int) -> bool:
    """ "six were injured, two of them seriously": a part of a group counted elsewhere;
    "offered half that": a share of a figure given elsewhere."""
    if end < len(doc) and doc[end].lower_ in ("that", "this") and doc[end].dep_ != "mark":
        return nz.parse_fraction(doc[end - 1].text) is not None or doc[end - 1].lower_ in (
            "half",
            "twice",
            "double",
        )
    return (
        end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _PARTITIVE_OBJECTS
    )


def _counted_by_subject(subj: Token | None) -> Token | None:
    """ "the number/queue/tally of X" as the subject: X is what the figure counts."""
    if subj is None or subj.lemma_.lower() not in lx.COUNTING_SUBJECTS:
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None and pobj.pos_ == "NOUN" else None


_SPEED_UNITS = re.compile(
    r"\d\s*(?:(?P<km>km/h|kph|kmh|km\s*/\s*h|kilometres?\s+(?:per|an)\s+hour|kilometers?\s+"
    r"(?:per|an)\s+hour)|(?P<mi>mph|miles?\s+(?:per|an)\s+hour)|(?P<kn>knots?))",
    re.I,
)


def _length_unit(doc: Doc, span: Span) -> tuple[float, Token] | None:
    """Metres per unit and the unit's token when the figure is a length: "410-metre",
    "800-foot", "37,000 feet", "8,500 m", "2 km" (the unit inside the value or just after
    it, a hyphen allowed)."""
    if span.text[:1] in _CURRENCY_SIGNS:
        return None  # "€70m" is money, not metres
    if len(span) > 1 and span[-1].lower_ == "m" and not span[-2].whitespace_:
        return None  # "2.4m customers": millions (the value took the suffix as a scale)
    i = span.end
    while i < len(doc) and i <= span.end + 1 and doc[i].text in ("-", "‐"):
        i += 1
    for tok in (span[-1], doc[i] if i < len(doc) else None):
        if tok is not None and (factor := lx.LENGTH_UNITS.get(tok.lower_)) is not None:
            return factor, tok
    return None


def _length_measure(unit: Token, state: ArticleState) -> tuple[str, str, Token | None] | None:
    """What a length measures: the thing it is written into ("the 410-metre bridge" → the
    bridge's length) or the height something is at ("cruising at 37,000 feet" → altitude).
    None for other distances ("ran for 420 km", "the 30-kilometre mark"): without a thing,
    two distances in one story are rarely the same question."""
    noun = unit.head
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod") and noun.pos_ == "NOUN":
        lemma = noun.lemma_.lower()
        if noun.i > unit.i and lemma not in lx.MARKER_NOUNS:
            return "length", _field(lx.NOUN_CLASSES.get(lemma, lemma)), noun
        return None
    head = unit.head if unit.dep_ == "pobj" else None
    if head is not None and head.lower_ == "at" and head.head.pos_ in ("VERB", "AUX"):
        return "altitude", "", None
    if head is not None and head.lower_ == "of" and head.head.lemma_.lower() in lx.DEPTH_NOUNS:
        return lx.DEPTH_NOUNS[head.head.lemma_.lower()], "", None  # "at a depth of 2,750 feet"
    after = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if after is not None and after.lower_ in ("below", "underground", "beneath", "deep", "down"):
        return "depth", "", None  # "840 metres below the surface", "4,000 feet underground"
    return None


def _speed_factor(text: str) -> float | None:
    """km/h per unit when ``text`` gives a speed ("120 km/h" → 1, "75 mph" → 1.609)."""
    m = _SPEED_UNITS.search(text)
    if m is None:
        return None
    return 1.0 if m.group("km") else 1.609344 if m.group("mi") else 1.852


def _after_word(doc: Doc, start: int, word: str) -> bool:
    return start > 0 and doc[start - 1].lower_ == word


def _is_source(noun: Token) -> bool:
    """Is the counted noun who a statement comes from ("two officials said", "according to
    three people familiar with the plans")?"""
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in lx.REPORTING_VERBS:
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    # "two people with knowledge of the finances put the hole at…", "people familiar with"
    return noun.lemma_.lower() in lx.SOURCE_NOUNS and any(
        c.lower_ in ("familiar", "with", "close", "briefed") for c in noun.rights
    )


def _previous_value(doc: Doc, start: int, end: int, floor: int) -> bool:
    """ "up from 36.5 per cent", "cut from ten years to seven": the figure a change started
    from, not the current one."""
    before = [t.lower_ for t in doc[max(floor, start - 2) : start]]
    if before[-1:] != ["from"]:
        return before[-2:] in (["compared", "with"], ["compared", "to"])
    if before[-2:-1] and before[-2] in ("up", "down", "rising", "falling"):
        return True
    after = doc[end : end + 4]
    return any(t.lower_ == "to" for t in after) and any(t.like_num for t in after)


def _on_board(noun: Token) -> bool:
    """ "passengers on board (flight X)", "satellites aboard": what a vehicle carries."""
    after = [t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 3]]
    return after[:1] == ["aboard"] or after == ["on", "board"]


def _bought(verb: Token | None) -> Token | None:
    """What a paying verb pays for: "agreed to buy Lumen Optics for $4.2bn" → Lumen Optics."""
    if verb is None or _pred_class(_predicate(verb)) not in lx.PAYING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None


def _per_unit(doc: Doc, end: int, limit: int) -> str:
    """ "$38 a share", "€12 per hour", "£3 each": the sum is a rate, keyed by its unit."""
    if end + 1 < limit and doc[end].lower_ in ("a", "an", "per") and doc[end + 1].pos_ == "NOUN":
        return doc[end + 1].lemma_.lower()
    if end < limit and doc[end].lower_ == "each":
        return "each"
    if end + 2 < limit and doc[end].lower_ == "for" and doc[end + 1].lower_ in ("each", "every"):
        noun = next((t for t in doc[end + 2 : min(limit, end + 5)] if t.pos_ == "NOUN"), None)
        return noun.lemma_.lower() if noun is not None else "each"  # "$46.50 for each share"
    if end + 2 < limit and doc[end].text in ("-", "‐") and doc[end + 1].lower_ in ("a", "per"):
        return doc[end + 3].lemma_.lower() if doc[end + 2].text in ("-", "‐") else ""
    return ""


def _money_noun(noun: Token | None, anchor: Token) -> Token | None:
    """The noun that says what a sum is: "a guaranteed €92m fee", "a fee of €85m", "a demand
    for $7m"."""
    if noun is not None and noun.lemma_.lower() in lx.MONEY_NOUNS:
        return noun
    head = anchor.head
    if anchor.dep_ in ("nmod", "compound", "amod") and head.lemma_.lower() in lx.MONEY_NOUNS:
        return head  # "the $48.50-a-share cash deal"
    if (
        anchor.dep_ == "pobj"
        and head.lower_ in ("of", "for")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in lx.MONEY_NOUNS
    ):
        return head.head
    return None


def _money_thing(money_noun: Token | None, pclass: str, value: _Value) -> str:
    """What a sum of money is, as a class ("price", "demand", "prize"…), with the noun's
    owner when one is written ("the winner's cheque" is not "the runner-up cheque"); "" when
    nothing says (the predicate must then match)."""
    if money_noun is None:
        return "price" if pclass in lx.PAYING_VERBS else ""
    owners = [
        c.lemma_.lower()
        for c in money_noun.children
        if c.dep_ in ("poss", "compound")
        and c.pos_ in ("NOUN", "PROPN")
        and not value.start <= c.i < value.end
        and c.lemma_.lower() not in lx.NEUTRAL_MONEY_MODIFIERS
        and not c.ent_type_
    ]
    return " ".join([*owners, lx.MONEY_NOUNS[money_noun.lemma_.lower()]])


def _figure_predicate(anchor: Token, verb: Token | None) -> str:
    """What the figure is said to be, when the clause verb does not say it.

    * a participle on the figure itself: "20% contained", "the 216 seats needed";
    * a noun the figure hangs from: "a premium of 27%", "a meeting among three leaders";
    * the object of an estimating verb: "put the burned area at 5,800 hectares" → burn.
    """
    acl = next((c for c in anchor.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
    if acl is not None and acl.i == anchor.i + 1:
        return _participle_lemma(acl)
    head = anchor.head
    if (
        anchor.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("of", "among", "between", "with")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() not in lx.COUNT_NOUNS
        and head.head.lemma_.lower() not in lx.MEASURE_NOUNS
    ):
        return head.head.lemma_.lower()
    if verb is not None and _pred_class(_predicate(verb)) in lx.SOURCE_PREDICATES:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and dobj.i != anchor.i:
            participle = next(
                (c for c in dobj.children if c.dep_ == "amod" and c.tag_ == "VBN"), None
            )
            if participle is not None:
                return _participle_lemma(participle)
    return ""


_PERCENTAGE_POINT = re.compile(r"^(?:of\s+)?(?:a\s+)?percentage[\s-]+points?\b", re.I)
_BASIS_POINT = re.compile(r"^(?:basis[\s-]+points?|bps?)\b", re.I)
_HYPHEN_POINT = re.compile(r"^-\s*points?\b", re.I)


def _basis_points(doc: Doc, end: int, fraction: bool) -> float | None:
    """Basis points per unit of the figure ending at ``end``: 1 for "25 basis points", 100
    for "0.25 percentage points", 1 for "a quarter of a percentage point" and "a half-point"
    (fractions already read as 25 and 50); None when the figure is not in points."""
    after = doc[end : min(len(doc), end + 5)].text
    if _BASIS_POINT.match(after):
        return 1.0
    if _PERCENTAGE_POINT.match(after):
        return 1.0 if fraction else 100.0
    if fraction and _HYPHEN_POINT.match(after):
        return 1.0
    return None


def _rate_move(span: Span, verb: Token | None) -> tuple[str, Token | None] | None:
    """ "cut its rate by 25 basis points" → ("fall", rate); "a half-point cut" → ("fall", …)."""
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and tok.head != tok:
        tok = tok.head
        noun_class = lx.CHANGE_NOUNS.get(tok.lemma_.lower())
        if noun_class is not None and tok.pos_ == "NOUN":
            return noun_class, None
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    direction = lx.CHANGE_NOUNS.get(lemma) or ("rise" if lemma in ("raise", "lift") else "fall")
    deps = ("dobj",) if any(c.dep_ == "dobj" for c in verb.children) else ("nsubj",)
    obj = next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"), None)
    return direction, obj  # "cut its rate by 25bp" / "the rate rose by 0.5 points"


_YEAR_PERIOD = re.compile(r"\b(?:full[- ]year|annual|yearly|twelve[- ]month)\b", re.I)
_HALF_PERIOD = re.compile(r"\b(?:first|second)[- ]half|half[- ]year(?:ly)?\b", re.I)


def _period_scope(span: Span) -> str:
    """ "full-year revenue of $9.4 billion" is not the quarter's revenue: "p:year" / "p:half"
    when the figure's noun says it covers a year or a half (news figures default to the
    period the story is about, so a quarter needs no mark)."""
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    elif tok.dep_ in ("compound", "amod", "nummod") or tok.head.pos_ == "NOUN":
        noun = tok.head
    else:
        return ""
    if noun.pos_ != "NOUN":
        return ""
    mods = noun.doc[noun.left_edge.i : noun.i].text  # "full-year", "first-half"
    if _YEAR_PERIOD.search(mods):
        return "p:year"
    if _HALF_PERIOD.search(mods):
        return "p:half"
    return ""


def _cumulative(tok: Token) -> bool:
    """ "total attendance of 187,000 across the fortnight": a sum over many days."""
    return any(c.lower_ in lx.CUMULATIVE_WORDS for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("across", "throughout") for c in tok.children
    )


def _share_of(doc: Doc, end: int) -> Token | None:
    """ "two-thirds of mortgages", "40% of voters": the whole the share is of."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    return next((c for c in doc[end].children if c.dep_ == "pobj"), None)


def _moves_a_level(verb: Token) -> bool:
    """ "cut/lowered/raised its rate (by …) to 4.25%", "bringing them down to 4.5%"."""
    lemma = verb.lemma_.lower()
    if lemma in lx.LEVEL_VERBS:
        return True
    return lemma in ("bring", "take", "push")  # "brings the fleet to 96 satellites"


def _level_name(noun: Token) -> _Ref:
    """What a level belongs to, by its compound name with the words that only say it is the
    main one dropped: "its main policy rate" / "the benchmark rate" → "rate", while "the
    deposit rate" stays "deposit rate"."""
    words = [
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() not in lx.HEADLINE_MODIFIERS
    ]
    name = " ".join([*words, noun.lemma_.lower()])
    return _Ref(_noun_phrase(noun), _field(name))


def _change_of(span: Span) -> tuple[str, Token | None] | None:
    """A percentage that is the size of a change → (rise/fall, what changed): "a 6.5% pay
    rise" (pay), "a pay increase of 7.5 per cent", "a 9% drop in revenue" (revenue),
    "revenue down 6.1%" (revenue); what changed is None when only a date is named ("an
    increase of 4 percent in April")."""
    tok = span.root
    while tok.head.lower_ in ("%", "percent", "cent") and tok.head.i != tok.i:
        tok = tok.head  # "6.5" → "%" / "percent" / "per cent": the percentage's phrase
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nummod", "npadvmod") and head.pos_ == "NOUN":
        noun = head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("of", "by") and head.head.pos_ == "NOUN":
        noun = head.head
    elif tok.dep_ == "npadvmod" and head.lower_ in ("up", "down") and head.head.pos_ == "NOUN":
        return ("rise" if head.lower_ == "up" else "fall"), head.head
    else:
        return None
    c_class = lx.CHANGE_NOUNS.get(noun.lemma_.lower())
    if c_class is None:
        return None
    changed = next(
        (c for c in noun.children if c.dep_ == "compound" and c.i != tok.i and not c.like_num),
        None,
    )
    if changed is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        changed = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if changed is not None and changed.ent_type_ in DATE_LABELS:
        return (c_class, None)  # "an increase of 4 percent in April": when, not what
    return (c_class, changed) if changed is not None else None  # "a 2% rise" in what?


def _defining_clause(noun: Token | None) -> str:
    """The happening a relative clause on the counted noun names, when the lexicon knows it
    ("the 3,100 dockers who downed tools", "the 40 people killed in the blast")."""
    if noun is None:
        return ""
    for rel in noun.children:
        if rel.dep_ in ("relcl", "acl") and rel.pos_ == "VERB":
            if rel.lemma_.lower() in _EVIDENTIAL_PARTICIPLES:
                # "the people known to have died", "those feared dead": what they are known
                # or feared to have done
                rel = next((c for c in rel.children if c.dep_ == "xcomp"), rel)
            pred = _predicate(rel)
            if _pred_class(pred) in lx.KNOWN_HAPPENINGS:
                return pred
    return ""


_EVIDENTIAL_PARTICIPLES = frozenset({"know", "believe", "think", "fear", "report", "confirm"})


def _population_of(noun: Token) -> Token | None:
    """ "a city of 310,000 people", "home to 2 million residents": who lives there. Returns
    the place (the name the settlement noun stands beside, when it has one)."""
    if noun.lemma_.lower() not in lx.RESIDENT_NOUNS or noun.dep_ != "pobj":
        return None
    prep, head = noun.head, noun.head.head
    if prep.lower_ == "of" and head.lemma_.lower() in lx.SETTLEMENT_NOUNS:
        return head.head if head.dep_ == "appos" else head
    if prep.lower_ == "to" and head.lower_ == "home":
        return _subject_token(head.head) if head.dep_ == "attr" else head
    return None


def _direct_argument(noun: Token | None, verb: Token | None) -> bool:
    """Is the counted noun the verb's own subject or object ("signed nine agreements"), not a
    noun buried in a phrase ("watching for talks among the three leaders")?"""
    if noun is None or verb is None:
        return False
    cur = noun
    if cur.dep_ == "pobj" and cur.head.lower_ == "from" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head
    return cur.head.i == verb.i and cur.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")


# spaCy's small model sometimes calls "eleven accords" MONEY: money needs a currency.
_CURRENCY = re.compile(
    r"[$€£¥₹]|\b(?:dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|francs?|cents?|pence|"
    r"rubles?|roubles?|won|pesos?|[A-Z]{3})\b"
)
_TALLY_RE = re.compile(r"^(\d[\d,]*)\s*[–—-]\s*(\d[\d,]*)$")
_TALLY_WORDS_RE = re.compile(r"^([a-z]+)\s+(?:votes?\s+)?(?:to|against)\s+([a-z]+)$")
_TALLY_TO_RE = re.compile(r"^(\d[\d,]*)\s+(?:votes?\s+)?(?:to|against)\s+(\d[\d,]*)$")


def _tally(
    sent: Span, span: Span, number_text: str, state: ArticleState
) -> tuple[int, int, str] | None:
    """A vote tally or score: "214–198", "by 214 to 198", "by 212 votes to 198" → (a, b, domain).

    The domain is "vote" when the sentence is about voting, "score" when it is about a game;
    a pair of numbers in neither ("from 12 to 19") is not a tally."""
    doc = sent.doc
    out_of = _out_of_tally(doc, span, number_text, sent)
    if out_of is not None:
        return _tally_domain(sent, *out_of, None, state)
    m = _TALLY_RE.match(number_text.strip())
    by = span.start > sent.start and doc[span.start - 1].lower_ == "by"
    if m is None and (by or _after_split_verb(doc, span, sent)):
        m = _TALLY_TO_RE.match(number_text.strip())  # "by 61 to 38" as one entity
        words = _TALLY_WORDS_RE.match(number_text.strip().lower()) if m is None else None
        if words is not None:  # "divided five to four"
            a, b = _whole_number(words.group(1)), _whole_number(words.group(2))
            if a is not None and b is not None:
                return _tally_domain(sent, a, b, None, state)
    second: Token | None = None
    if m:
        a, b = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
    else:
        first = _whole_number(number_text)
        if first is None:
            return None
        i = span.end
        if i < sent.end and doc[i].lemma_.lower() in ("vote", "ballot"):
            i += 1
        if (against := _in_favour_against(doc, i, sent.end)) is not None:
            return _tally_domain(sent, first, *against, state)  # "173 in favour and 64 against"
        if i == span.end and not (by or _after_split_verb(doc, span, sent)):
            return None
        if i + 1 >= sent.end or doc[i].lower_ not in ("to", "against"):
            return None
        second = doc[i + 1]
        b_value = _whole_number(second.text)
        if b_value is None:
            return None
        a, b = first, b_value
    return _tally_domain(sent, a, b, second, state)


def _tally_domain(
    sent: Span, a: int, b: int, second: Token | None, state: ArticleState
) -> tuple[int, int, str] | None:
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & lx.VOTE_WORDS:
        domain = "vote"
    elif lemmas & lx.SCORE_WORDS:
        domain = "score"
    else:
        return None
    if second is not None:
        state.consumed.add((second.i, second.i + 1))
    return a, b, domain


def _out_of_tally(doc: Doc, span: Span, number_text: str, sent: Span) -> tuple[int, int] | None:
    """ "seven of the nine board members backed the cut" → 7–2: a split written as a part of
    the whole, when the part is the subject of a verb of voting or backing."""
    end = span.end
    if end + 2 >= sent.end or doc[end].lower_ != "of" or doc[end + 1].lower_ != "the":
        return None
    part, whole = _whole_number(number_text), _whole_number(doc[end + 2].text)
    if part is None or whole is None or not 0 < part < whole <= 1000:
        return None
    verb = span.root.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in lx.SPLIT_VERBS | lx.BACKING_VERBS:
        return None
    return part, whole - part


def _in_favour_against(doc: Doc, i: int, end: int) -> tuple[int, Token] | None:
    """ "… in favour and 64 against" / "in favor, 64 votes against" starting at ``i``: the
    votes against and their token."""
    if i + 3 >= end or doc[i].lower_ != "in" or doc[i + 1].lower_ not in ("favour", "favor"):
        return None
    j = i + 2
    while j < end and doc[j].lower_ in (",", "and", "with", "to", "while"):
        j += 1
    if j + 1 >= end:
        return None
    against = _whole_number(doc[j].text)
    k = j + 2 if doc[j + 1].lemma_.lower() in ("vote", "ballot") else j + 1
    if against is None or k >= end or doc[k].lower_ not in ("against", "opposed"):
        return None
    return against, doc[j]


def _after_split_verb(doc: Doc, span: Span, sent: Span) -> bool:
    """ "the panel divided five to four", "split 5 to 4": a verb of splitting just before."""
    return span.start > sent.start and doc[span.start - 1].lemma_.lower() in lx.SPLIT_VERBS


def _whole_number(text: str) -> int | None:
    """ "214" → 214, "five" → 5 (a vote count written out); None for anything else."""
    t = text.strip().replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    value = nz.parse_number_simple(t.lower()) if re.fullmatch(r"[a-z-]+", t.lower()) else None
    return int(value) if value is not None and value == int(value) else None


def _tally_claim(
    sent: Span, value: _Value, start: int, tally: tuple[int, int, str], state: ArticleState
) -> ClaimData:
    a, b, domain = tally
    doc = sent.doc
    end = value.end
    if (end + 2 < sent.end or end + 1 < sent.end) and doc[end].lower_ in ("to", "against"):
        end += 2
    elif (
        end + 2 < sent.end
        and doc[end].lemma_.lower() in ("vote", "ballot")
        and doc[end + 1].lower_ in ("to", "against")
    ):
        end += 3  # "212 votes to 198"
    claim = _base_claim(sent, _Value(start, min(end, sent.end), value.label), ClaimKind.COUNT)
    claim.normalized.update(
        {"low": a, "high": a, "value": a, "against": b, "qualifier": "", "unit": "tally"}
    )
    claim.display = f"{a}–{b}"
    verb = _governor(doc[value.start])
    claim.predicate = _predicate(verb)
    claim.about = "the vote tally (for–against)" if domain == "vote" else "the score"
    scope = _year_scope(doc[value.start], None, verb, _subject_token(verb), state)
    claim.key = _key(ClaimKind.COUNT, "tally", domain, "", scope)
    return claim


def _measure(
    num: Token, noun: Token | None, verb: Token | None, subj: Token | None
) -> tuple[str, str, Token] | None:
    """A measure noun the figure is the value of → (measure class, owner class, noun).

    "a magnitude of 6.3", "the toll stood at 23", "puts the magnitude at 6.1", "turnout was
    61%", "a crowd of about 72,000", "gave the attendance as 71,800", "a magnitude 6.1
    earthquake", "in front of 65,000 fans", "two-thirds of voters took part". The owner only
    matters for measures of a thing that recurs (the magnitude of a quake vs an aftershock).
    """
    doc = num.doc
    while num.dep_ in ("nummod", "quantmod", "compound") and num.head.lower_ in (
        "%",
        "percent",
        "cent",
        "per",
    ):
        num = num.head  # "61%", "61 per cent": the figure is the percent sign's phrase
    cands: list[Token] = []
    head = num.head
    if num.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in lx.REACH_VERBS:
        cands.extend(c for c in head.children if c.dep_ == "nsubj")  # "turnout hit 71%"
    if num.dep_ == "pobj":
        prep, host = head, head.head
        if prep.lower_ == "of" and host.pos_ in ("NOUN", "PROPN"):
            cands.append(host)
        if prep.lower_ in ("at", "to", "as", "of") and host.pos_ in ("VERB", "AUX"):
            cands.extend(c for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    if num.dep_ in ("attr", "acomp") or (head.lemma_ == "be" and num.dep_ != "nsubj"):
        cands.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if noun is not None:
        cands.append(noun)
        cands.extend(c for c in noun.children if c.dep_ == "compound")
    first = num.left_edge.i
    if first > 0:
        cands.append(doc[first - 1])
        if doc[first - 1].text in ("-", "‐") and first > 1:
            cands.append(doc[first - 2])
    if subj is not None and subj.dep_ == "nsubj" and verb is not None:
        cands.extend(c for c in verb.children if c.dep_ == "nsubj" and c.i != subj.i)
    for cand in list(cands):
        if cand.lemma_.lower() in lx.COUNT_NOUNS:
            # "the number of dead", "the tally of casualties": the noun after "of" decides
            cands.extend(
                p
                for c in cand.children
                if c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and lx.NOUN_CLASSES.get(p.lemma_.lower()) == "death"
            )
    for cand in cands:
        if lx.NOUN_CLASSES.get(cand.lemma_.lower()) == "death" and cand.i != num.i:
            return "death", "", cand
        m_class = lx.MEASURE_NOUNS.get(cand.lemma_.lower())
        if m_class is None:
            continue
        if m_class == "attendance" and cand.lemma_.lower() in lx.SPECTATOR_NOUNS:
            # "65,000 fans" is an attendance only "in front of" them.
            host = cand.head.head if cand.dep_ == "pobj" else None
            if host is None or host.lower_ != "front":
                continue
        owner = _measure_owner(cand, noun, verb) if m_class in lx.OWNED_MEASURES else ""
        return m_class, owner, cand
    # "two-thirds of voters took part" / "61% of registered voters cast a ballot".
    of_noun = next(
        (
            p
            for t in (num, *num.children)
            for c in t.children
            if c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    if (
        of_noun is not None
        and of_noun.lemma_.lower() in lx.ELECTORATE_NOUNS
        and verb is not None
        and _pred_class(_predicate(verb)) in lx.TURNOUT_CLASSES
        and not _takes_a_side(verb)
    ):
        return "turnout", "", of_noun
    return None


def _usual(tok: Token | None) -> bool:
    """ "the normal limit", "its usual capacity": the figure when nothing is happening."""
    return tok is not None and any(
        c.dep_ == "amod" and c.lemma_.lower() in lx.USUAL_WORDS for c in tok.children
    )


def _takes_a_side(verb: Token) -> bool:
    """ "51.6% of voters backed the change", "voted for / against it": a share of the vote,
    not the share of voters who voted at all."""
    if verb.lemma_.lower() in lx.BACKING_VERBS:
        return True
    return any(
        (
            c.dep_ in ("dobj", "xcomp", "ccomp")
            and not part_of_predicate(verb, c)
            and c.lemma_.lower() not in ("ballot", "vote")  # "cast a ballot"
        )
        or (c.dep_ == "prep" and c.lower_ in ("for", "against"))
        or c.lower_ in ("yes", "no", "against")
        or (c.lower_ == "in" and any(g.lower_ in ("favour", "favor") for g in c.children))
        for c in verb.children
    )


def _measure_owner(measure: Token, noun: Token | None, verb: Token | None) -> str:
    """What the measure belongs to: "magnitude 6.1 earthquake" → earthquake, "the quake had a
    magnitude of 6.3" → earthquake, "an aftershock of magnitude 4.8" → aftershock."""
    cands: list[Token] = []
    if noun is not None and noun.i != measure.i:
        cands.append(noun)
    if measure.dep_ == "compound" and measure.head.pos_ in ("NOUN", "PROPN"):
        cands.append(measure.head)
    if measure.dep_ == "pobj" and measure.head.head.pos_ in ("NOUN", "PROPN"):
        cands.append(measure.head.head)
    for child in measure.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            cands.extend(p for p in child.children if p.dep_ == "pobj")
    if verb is not None and verb.lemma_.lower() in ("have", "be", "measure", "register"):
        cands.extend(c for c in verb.children if c.dep_ == "nsubj")
    for c in cands:
        lemma = c.lemma_.lower()
        if c.pos_ == "NOUN" and lemma not in lx.MEASURE_NOUNS:
            return lx.NOUN_CLASSES.get(lemma, lemma)
    return ""


def _place_scope(num: Token, subj: Token | None, state: ArticleState) -> str:
    """ "in:@north" when a measure is given for a named area ("turnout in the North was 57%",
    "57% in the North"): a regional figure is not the national one."""
    toks = list(num.subtree) + (list(subj.subtree) if subj is not None else [])
    for tok in toks:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "across"):
            continue
        if tok.ent_type_ in ("GPE", "LOC"):
            return "in:" + _ref(tok, state).key
        # "across Marsk's four constituencies", "in the city of Marsk"
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None:
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
        if owner is not None and owner.ent_type_ in ("GPE", "LOC"):
            return "in:" + _ref(owner, state).key
    return ""


def _looks_like_year(text: str, label: str) -> bool:
    return label in ("CARDINAL", "NUM") and bool(re.fullmatch(r"1[89]\d\d|20\d\d", text.strip()))


def _count_about(
    noun_text: str, pred: str, subject: str, passive: bool = False, obj: bool = False
) -> str:
    if _pred_class(pred) == "die" or noun_text in ("death", "deaths", "fatalities"):
        return "number of people killed"
    if noun_text == "money":
        return f"the sum involved ({pred})" if pred and pred != "be" else "the sum involved"
    if obj and pred and pred != "be":
        return f"number of {noun_text} {_past(pred)}"  # "agreements signed"
    if passive and pred:
        return f"number of {noun_text} {_past(pred)}"
    if pred and pred != "be":
        if subject:
            return f"number of {noun_text} {subject} {_past(pred)}"
        return f"number of {noun_text} {_ing(pred)}"
    return f"number of {noun_text}"


# --------------------------------------------------------------------------- ORDINAL


def _build_ordinal(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    number = nz.parse_ordinal(span.text)
    if number is None:
        return None
    tok = span.root
    ranked = _ranked_by(doc, span.end)
    if ranked is not None:
        return _rank_claim(sent, value, number, ranked, state)
    noun = tok.head if tok.dep_ in ("amod", "nummod", "compound") else None
    if noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "his third stage win": the win (of a stage), not the stage
    copula = noun is None and tok.dep_ == "attr" and tok.head.lemma_ == "be"
    if copula:
        # "The strike was the third at the port this year": the subject is what is counted
        # ("the visit was the first by a president since 2014" is a first-since, left out)
        noun = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if any(c.lower_ in ("since", "by", "in") for c in tok.children):
            return None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text == "-" and doc[span.end + 1 :][:1].text != "ever":
        return None  # "first-serve points", "second-degree murder": a compound, not a rank
    lemma = noun.lemma_.lower()
    if lemma in lx.SEGMENT_NOUNS:
        return None  # "in the third set", "the second half": which part, not which time
    thing = lx.NOUN_CLASSES.get(lemma, lemma)
    scope = _ordinal_scope(noun, span, state, extra=tok.children if copula else ())
    owner = _owner(noun, state)
    position = ""
    if lemma in lx.FINISHING_NOUNS:
        # "the Osprey took second place": a finishing place is asked of who finished
        # there, by name ("the battle for third place" names no one)
        verb = _governor(noun)
        subject_tok = _subject_token(verb) if verb is not None else None
        if subject_tok is None or subject_tok.i == noun.i:
            return None
        owner = _ref(subject_tok, state)
        if not owner.key.startswith("@"):
            return None  # "eleven boats were racing, with a battle for third place"
    if lemma in lx.POSITION_NOUNS:
        # "began on the eleventh floor", "lives on the sixth floor": a floor or a row is
        # where something happened, so the question is what happened there and to whom
        verb = _governor(noun)
        subject = _ref(_subject_token(verb), state)
        if verb is None or not subject.key:
            return None
        what = _pred_class(_predicate(verb))
        thing = f"{lemma}:{what}"
        owner = _Ref(subject.display, lx.NOUN_CLASSES.get(subject.key, subject.key))
        position = f"{_the(subject.display)} {_past(_predicate(verb))}"
    time_words = ""
    if lemma == "time":
        # "the first time that X has attended Y": the scope is the relative clause — what
        # happens (its verb class and object) and who does it (its subject).
        rel = next((c for c in noun.children if c.dep_ in ("relcl", "acl")), None)
        if rel is None or rel.pos_ not in ("VERB", "AUX"):
            return None
        what = _pred_class(_predicate(rel))
        obj = _path_object(rel, rel, state)
        thing = f"time:{what}" + (f":{obj.key}" if obj.key else "")
        owner = _ref(_subject_token(rel), state)
        if not owner.key:
            return None
        scope = ""
        time_words = f"{_past(_predicate(rel))} {_the(obj.display) if obj.display else ''}"
    claim = _base_claim(sent, value, ClaimKind.ORDINAL)
    since = _first_since(sent, noun, state) if number == 1 else None
    scope_words = _scope_words(noun, span)
    if since is not None:
        low, high, text, _, _ = since
        claim.normalized.update({"value": 1, "previous_low": low, "previous_high": high})
        claim.display = f"first since {text}"
        claim.about = f"when {owner.display or 'it'} last made a {scope_words} before this one"
        claim.key = _key(ClaimKind.ORDINAL, "first since", thing, owner.key, scope)
        state.consumed.add((since[3], since[4]))
    else:
        claim.normalized.update({"value": number})
        claim.display = _ordinal_display(number)
        claim.about = f"which {scope_words} this is" + (
            f" for {owner.display}" if owner.display else ""
        )
        claim.key = _key(ClaimKind.ORDINAL, "nth", thing, owner.key, scope)
    if lemma == "time":
        who = _the(owner.display)
        claim.about = (
            f"when {who} last {time_words.strip()} before this"
            if since is not None
            else f"how many times {who} has {time_words.strip()}"
        )
    if position:
        claim.about = f"which {lemma} {position} on"
    verb = _governor(noun)
    claim.subject = owner.display
    claim.predicate = lemma
    claim.negated = _negated(verb, noun)
    return claim


def _ranked_by(doc: Doc, end: int) -> tuple[Token, str] | None:
    """ "the second-most expensive signing", "the third-biggest deal": (the ranked noun, how
    it is ranked: "top" for most/biggest/largest…, else the superlative's lemma)."""
    if end + 1 >= len(doc) or doc[end].text not in ("-", "‐"):
        return None
    sup = doc[end + 1]
    adjective = sup
    if sup.lower_ == "most" and end + 2 < len(doc):
        adjective = doc[end + 2]
    elif sup.tag_ != "JJS":
        return None
    noun = adjective.head
    if noun.pos_ != "NOUN" or adjective.dep_ != "amod":
        return None
    word = adjective.lemma_.lower() if sup.lower_ == "most" else sup.lower_
    return noun, "top" if word in lx.TOP_SUPERLATIVES else word


def _rank_claim(
    sent: Span, value: _Value, number: int, ranked: tuple[Token, str], state: ArticleState
) -> ClaimData:
    noun, how = ranked
    lemma = noun.lemma_.lower()
    owner = _owner(noun, state)
    claim = _base_claim(sent, value, ClaimKind.ORDINAL)
    claim.normalized.update({"value": number})
    claim.display = f"{_ordinal_display(number)}-{'biggest' if how == 'top' else how}"
    claim.subject = owner.display
    claim.predicate = lemma
    claim.about = f"where this {noun.text} ranks" + (f" for {owner.display}" if owner.key else "")
    claim.key = _key(ClaimKind.ORDINAL, "rank", lx.NOUN_CLASSES.get(lemma, lemma), owner.key, how)
    return claim


def _ordinal_display(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _scope_words(noun: Token, ordinal: Span) -> str:
    """Human wording of the ordinal's noun and its scope ("visit to Norway", "foreign trip")."""
    left = [t for t in noun.lefts if t.i >= ordinal.end and t.dep_ in ("amod", "compound")]
    right: list[str] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("to", "in", "abroad", "outside"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                ent = _entity_of(pobj)
                right.append(f"{child.text} {ent.text if ent is not None else pobj.text}")
        elif child.lower_ in lx.FOREIGN_WORDS:
            right.append(child.text)
    return " ".join([*(t.text for t in left), noun.text, *right])


def _ordinal_scope(
    noun: Token, ordinal: Span, state: ArticleState, extra: Iterable[Token] = ()
) -> str:
    """Scope modifiers that change what is counted: destination, foreign/domestic, qualifiers.

    "fifth visit to Norway" → "to:@norway"; "11th foreign trip" / "trip abroad" → "foreign";
    "first Norway visit" → "to:@norway". Neutral modifiers ("latest", "overall") are ignored.
    """
    parts: list[str] = []
    for child in [*noun.children, *extra]:
        low = child.lower_
        if child.i in range(ordinal.start, ordinal.end) or child.dep_ == "det":
            continue
        if low in lx.FOREIGN_WORDS:
            parts.append("foreign")
        elif low in lx.DOMESTIC_WORDS:
            parts.append("domestic")
        elif child.dep_ == "compound" and child.ent_type_ in PLACE_LABELS:
            parts.append("to:" + _ref(child, state).key)
        elif child.dep_ == "prep" and low in ("to", "in", "outside", "at", "of"):
            # "first title at this level" is not "third title of her career"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in PLACE_LABELS:
                parts.append(("to:" if low == "to" else f"{low}:") + _ref(pobj, state).key)
            elif pobj is not None and pobj.ent_type_ not in DATE_LABELS:
                parts.append(f"{low}:{pobj.lemma_.lower()}")
        elif (
            child.dep_ in ("amod", "compound")
            and low not in lx.NEUTRAL_MODIFIERS
            and child.ent_type_ not in ("ORDINAL", "DATE", "CARDINAL")
            and child.pos_ in ("ADJ", "NOUN")
        ):
            parts.append(child.lemma_.lower())
    return ",".join(sorted(set(parts)))


def _first_since(
    sent: Span, noun: Token, state: ArticleState
) -> tuple[int | None, int | None, str, int, int] | None:
    """'first … since 2019' / 'first … in five years' → (prev low, prev high, text, start, end).

    The interval bounds the year of the previous occurrence: "since 2019" → [2019, 2019];
    "since taking power in 2011" → (−∞, 2011]; "in five years" (article of 2025) →
    (−∞, 2021] (one year of slack for rounding).
    """
    doc = sent.doc
    stop = min(sent.end, noun.i + 14)
    i = noun.i + 1
    while i < stop:
        tok = doc[i]
        if tok.lower_ in (";",) or (tok.pos_ == "CCONJ" and tok.head.i <= noun.i):
            break
        if tok.lower_ in ("since", "in", "for"):
            for j in range(i + 1, min(stop, i + 7)):
                ent_type = doc[j].ent_type_
                if ent_type not in DATE_LABELS:
                    continue
                ent = _ent_span(doc[j])
                text = ent.text
                years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)
                if tok.lower_ == "since" and years:
                    y = int(years[0])
                    direct = j == i + 1
                    return (
                        y if direct else None,
                        y,
                        text if direct else doc[i + 1 : ent.end].text,
                        ent.start,
                        ent.end,
                    )
                duration = nz.parse_duration(text)
                if duration is not None and state.published is not None:
                    years_back = duration[0] / 31_557_600
                    high = int(state.published.year - years_back + 1)
                    return (None, high, f"{text} ago (≤ {high})", ent.start, ent.end)
                break
        i += 1
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


def _build_minute(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    """ "in the 87th minute" / "his 89th-minute goal": the minute of a moment in a game, an
    ordinal keyed by what happened (a goal, a red card…) and who did it."""
    doc = sent.doc
    span = doc[value.start : value.end]
    m = _MINUTE_RE.search(span.text)
    if m is None:
        return None
    minute = next((t for t in span if t.lower_ == "minute"), span.root)
    event: Token | None = None
    verb: Token | None = None
    if minute.dep_ in ("compound", "amod", "nmod") and minute.head.pos_ == "NOUN":
        event = minute.head
    elif minute.dep_ == "pobj" and minute.head.lower_ in ("in", "during", "by", "after"):
        host = minute.head.head
        if host.pos_ == "NOUN":
            event = host
        elif host.pos_ == "VERB":
            verb = host
            event = next((c for c in host.children if c.dep_ == "dobj"), None)
    if event is None and verb is None:
        return None
    lemma = (event if event is not None else verb).lemma_.lower()  # type: ignore[union-attr]
    what = "goal" if lemma in lx.GOAL_WORDS else lemma
    owner = _Ref.empty()
    if event is not None:
        owner = _owner(event, state)
        if not owner.key and event.dep_ in ("nsubj", "dobj"):
            v = event.head if event.dep_ == "dobj" else None
            owner = _ref(_subject_token(v), state) if v is not None else owner
    if not owner.key and verb is not None:
        owner = _ref(_subject_token(verb), state)
    claim = _base_claim(sent, value, ClaimKind.ORDINAL)
    n = int(m.group(1))
    claim.normalized.update({"value": n})
    claim.display = f"{_ordinal_display(n)} minute"
    claim.subject = owner.display
    claim.predicate = lemma
    claim.about = f"the minute of the {what}" + (f" by {owner.display}" if owner.display else "")
    claim.key = _key(ClaimKind.ORDINAL, "minute", what, owner.key)
    claim.negated = _negated(verb)
    return claim


# --------------------------------------------------------------------------- ages


_AGE_RE = re.compile(r"^(\d{1,3})[\s-]+years?[\s-]+old$", re.I)


def _age_person(span: Span) -> Token | None:
    """The person an age is given for: "an 81-year-old woman", "a woman aged 81",
    "Otterbeck, 29," (a bare number in apposition to a name)."""
    text = span.text.strip()
    root = span.root
    if _AGE_RE.match(text):
        old = next((t for t in span if t.lower_ == "old"), span[-1])
        head = old.head if old.dep_ in ("amod", "compound", "nmod") else None
        if head is None and span.end < len(span.doc):
            head = span.doc[span.end] if span.doc[span.end].pos_ in ("NOUN", "PROPN") else None
        return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None
    if not re.fullmatch(r"\d{1,3}", text):
        return None
    if root.head.lower_ == "aged" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head
    if root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
        return root.head
    return None


def _build_age(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    """How old someone is: a named person's age ("Otterbeck, 29" / "the 29-year-old
    Otterbeck"), or the age of the one who died or was hurt ("an 81-year-old woman has
    died" / "a woman aged 78 died"). Ages of other unnamed people are left out: a story
    often has several women or men in it."""
    doc = sent.doc
    span = doc[value.start : value.end]
    person = _age_person(span)
    if person is None:
        return None
    years = int(re.match(r"\d+", span.text.strip()).group(0))  # type: ignore[union-attr]
    named = person if person.ent_type_ == "PERSON" else None
    if named is None:
        named = next(
            (c for c in person.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
        )
    if named is not None:
        who = _ref(named, state)
        owner, shown = who.key, who.display
    else:
        clause = person.head if person.dep_ in ("nsubj", "nsubjpass") else _governor(person)
        pclass = _pred_class(_predicate(clause)) if clause is not None else ""
        lemma = person.lemma_.lower()
        if pclass not in lx.VICTIM_CLASSES or lemma not in lx.PERSON_NOUNS:
            return None
        was = "was " if _passive(clause) else ""
        owner, shown = f"{lemma}:{pclass}", f"the {lemma} who {was}{_past(pclass)}"
    if not owner:
        return None
    claim = _base_claim(sent, value, ClaimKind.COUNT)
    claim.normalized.update(
        {"low": years, "high": years, "value": years, "qualifier": "", "unit": "years"}
    )
    claim.display = f"{years} years old"
    claim.about = f"the age of {shown}"
    claim.subject = shown
    claim.predicate = "age"
    claim.key = _key(ClaimKind.COUNT, "measure", "age", owner, "")
    return claim


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
