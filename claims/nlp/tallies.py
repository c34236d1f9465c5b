# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""Vote tallies and scores: one COUNT claim for two figures (for, against).

* Tallies: "214–198", "by 214 to 198", "by 212 votes to 198" are one value (for, against),
  in a vote or score domain decided by the sentence's words; "from 12 to 19" is not a tally.

Keyed ``count|tally|<vote or score>||<scope>``. :func:`claims.nlp.counts._build_count` asks
here first (``_tally``, ``_tally_claim``); a tally written "7-2" is spotted as one value by
:mod:`claims.nlp.extract`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.grammar import (
    ArticleState,
    _base_claim,
    _governor,
    _key,
    _predicate,
    _subject_token,
    _Value,
    _year_scope,
)
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


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
    by = span.start > sent.start and (
        doc[span.start - 1].lower_ == "by" or _tally_copula(doc[span.start - 1])
    )
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


def _tally_copula(tok: Token) -> bool:
    """ "The final tally was 229 to 187": a copula whose subject names a tally."""
    return tok.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ("tally", "result", "vote", "count", "score")
        for c in tok.children
    )


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
    if verb is not None and any(
        m.lower_ in ("other", "another")
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
        for m in g.children
    ):
        scope = ",".join(x for x in (scope, "other") if x)  # "3-1 in the other semi-final"
    if domain == "score" and _SHOOTOUT.search(
        doc[max(sent.start, start - 8) : min(sent.end, end + 6)].text
    ):
        # "won the shootout 5-4", "4-3 on penalties": the shootout's score, not the match's
        scope = ",".join(x for x in (scope, "shootout") if x)
        claim.about = "the shootout score"
    claim.key = _key(ClaimKind.COUNT, "tally", domain, "", scope)
    return claim


_SHOOTOUT = re.compile(r"\b(?:shoot-?out|on penalties|on pens|from the (?:penalty )?spot)\b", re.I)
