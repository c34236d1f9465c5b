# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""Claim extraction from a parsed spaCy ``Doc``: one :class:`ClaimData` per value in a sentence.

Values come from spaCy's entities (DATE, TIME, CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL,
GPE/LOC/FAC) plus a few things spaCy does not mark (anaphoric times such as "that evening",
bare numerals that modify a noun). Each value is normalised (``normalize.py``) and placed in
its clause with the dependency parse: governing predicate, subject, counted noun, object or
destination, attribution, hedges and negation.

The alignment key (``ClaimData.key``) is built here as ``kind|predicate class|thing|subject|
scope``; fields holding an entity surface form are prefixed with ``@`` so that
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
* Subjects "he"/"she" resolve to the most recent PERSON mentioned before (a cheap stand-in for
  coreference); other pronouns stay empty.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token

__all__ = ["ArticleState", "extract_claims"]

COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_LABELS = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PLACE_PREPS = frozenset({"in", "at", "into", "through", "to", "from", "via", "near", "across"})
DESTINATION_PREPS = ("into", "to", "toward", "towards", "for")
MOTION_CLASSES = frozenset({"arrive", "cross", "leave", "travel", "visit", "send"})
ANAPHORIC_DAY_WORDS = frozenset(
    {"day", "evening", "night", "morning", "afternoon", "overnight", "date"}
)
ANAPHORIC_DETERMINERS = (
    "later that",
    "later the same",
    "that",
    "the same",
    "the following",
    "the next",
    "the previous",
    "the day before",
    "earlier that",
)
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


@dataclass(slots=True)
class ArticleState:
    """What extraction remembers while walking one article, across chunks and sentences."""

    published: dt.date | None
    anchor: dt.date | None = None  # most recent explicit day mentioned
    last_person: str = ""  # most recent PERSON mention, for he/she
    consumed: set[tuple[int, int]] = field(default_factory=set)


@dataclass(slots=True)
class _Value:
    """A value span inside a sentence (token indices into the Doc, end exclusive)."""

    start: int
    end: int
    label: str  # spaCy label or a synthetic one ("ANAPHORIC", "NUM")


# --------------------------------------------------------------------------- entry point


def extract_claims(doc: Doc, state: ArticleState, *, offset: int = 0) -> list[ClaimData]:
    """Extract all claims of ``doc``; offsets are shifted by ``offset`` (chunked articles)."""
    claims: list[ClaimData] = []
    state.consumed.clear()  # token indices are per Doc (per chunk)
    ents = list(doc.ents)
    starts = [e.start for e in ents]
    for sent in doc.sents:
        # Slicing the doc's entity list once per sentence: ``Span.ents`` rescans the whole doc.
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        claims.extend(_sentence_claims(sent, ents[lo:hi], state, offset))
    return claims


def _sentence_claims(
    sent: Span, ents: list[Span], state: ArticleState, offset: int
) -> list[ClaimData]:
    out: list[ClaimData] = []
    values = _find_values(sent, ents)
    attribution = _attribution(sent)
    if attribution.lower() in lx.PRONOUNS_PERSON:
        attribution = state.last_person or attribution
    hedges = _sentence_hedges(sent)
    for value in values:
        builder = _BUILDERS.get(_kind_of(sent.doc, value))
        if builder is None:
            _track_person(sent.doc, value, state)
            continue
        claim = builder(sent, value, state)
        if claim is None:
            continue
        claim.sentence_start = sent.start_char + offset
        claim.sentence_end = sent.start_char + len(sent.text.rstrip()) + offset
        claim.value_start += offset
        claim.value_end += offset
        claim.attribution = claim.attribution or attribution
        claim.hedges = sorted(set(claim.hedges) | hedges)
        out.append(claim)
    return out


def _kind_of(doc: Doc, value: _Value) -> str | None:
    text = doc[value.start : value.end].text
    if value.label in DATE_LABELS:
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


def _find_values(sent: Span, ents: list[Span]) -> list[_Value]:
    """Entity values of the sentence plus anaphoric times and bare numerals, in text order."""
    doc = sent.doc
    values: list[_Value] = []
    covered: set[int] = set()
    for ent in ents:
        start, end = _trim_value(ent)
        if start >= end:
            continue
        prev = values[-1] if values else None
        if (
            prev is not None
            and prev.label in DATE_LABELS
            and ent.label_ in DATE_LABELS
            and prev.end == start
        ):
            # "Monday" (DATE) + "evening" (TIME) → one value "Monday evening".
            prev.end = end
            prev.label = "DATE"
        elif ent.label_ in COUNT_LABELS and end < sent.end and doc[end].text in ("-", "‐"):
            pass  # "three-way", "five-year": an adjective, not a count
        else:
            values.append(_Value(start, end, ent.label_))
        covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered:
            continue
        anaphoric = _anaphoric_at(doc, tok, sent.end)
        if anaphoric is not None:
            values.append(_Value(tok.i, anaphoric, "ANAPHORIC"))
            covered.update(range(tok.i, anaphoric))
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


def _trim_value(ent: Span) -> tuple[int, int]:
    """Trim tokens that spaCy glued to a value ("last 70 minutes" → "70 minutes")."""
    start, end = ent.start, ent.end
    doc = ent.doc
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
    words = [t.lower_ for t in doc[tok.i : min(limit, tok.i + 5)]]
    for det in ANAPHORIC_DETERMINERS:
        parts = det.split()
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


# --------------------------------------------------------------------------- clause helpers


def _governor(tok: Token) -> Token | None:
    """Nearest verb (or predicative adjective) above ``tok``, skipping control verbs.

    "expected to reach Oslo on Tuesday": the date hangs off "reach"; "leaders ... plan to
    take part": from the subject we go down the xcomp chain to "take".
    """
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB",) or (cur.pos_ == "AUX" and cur.dep_ == "ROOT"):
            return _through_control(cur)
        if cur.head.i == cur.i:
            return _through_control(cur) if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _through_control(verb: Token) -> Token:
    """Descend xcomp chains of control verbs ("plan to take part" → take)."""
    for _ in range(4):
        if verb.lemma_.lower() not in lx.CONTROL_VERBS:
            break
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if nxt is None:
            break
        verb = nxt
    return verb


def _predicate(verb: Token | None) -> str:
    """Lemma of the governing verb, with particle/light-verb objects folded in."""
    if verb is None:
        return ""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        key = (lemma, child.lemma_.lower())
        if key in lx.PARTICLE_PREDICATES and child.dep_ in ("dobj", "prt", "prep", "attr"):
            return lx.PARTICLE_PREDICATES[key]
    return lemma


def _pred_class(pred: str) -> str:
    return lx.PREDICATE_CLASSES.get(pred, pred)


def _subject_token(verb: Token | None) -> Token | None:
    """Subject of ``verb``, inherited through xcomp/conj/advcl/control chains."""
    cur = verb
    for _ in range(5):
        if cur is None:
            return None
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl") and cur.head.i != cur.i:
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            cur = cur.head
            continue
        return None
    return None


def _entity_of(tok: Token) -> Span | None:
    """The named entity containing ``tok`` (found from IOB tags, not by scanning doc.ents)."""
    if not tok.ent_type_ or tok.ent_type_ not in ENTITY_LABELS:
        return None
    return _ent_span(tok)


def _ent_span(tok: Token) -> Span:
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip()).strip()


@dataclass(slots=True)
class _Ref:
    """A referring expression reduced to a display text and a key field."""

    display: str
    key: str

    @classmethod
    def empty(cls) -> _Ref:
        return cls("", "")


def _ref(tok: Token | None, state: ArticleState) -> _Ref:
    """Display text and key field for a noun/entity/pronoun token."""
    if tok is None:
        return _Ref.empty()
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if appos is not None and tok.ent_type_ != "PERSON":
        # "OSLO (Agency) - Norwegian minister X left…": a dateline parsed as the subject.
        tok = appos
    ent = _entity_of(tok)
    if ent is not None:
        text = _strip_possessive(re.sub(r"\s*\([^)]*$", "", ent.text))
        return _Ref(text, "@" + _field(text))
    low = tok.lower_
    if low in lx.PRONOUNS_PERSON:
        if state.last_person:
            return _Ref(state.last_person, "@" + _field(state.last_person))
        return _Ref.empty()
    if low in lx.PRONOUNS_OTHER or tok.pos_ == "PRON":
        return _Ref.empty()
    if tok.pos_ in ("NOUN", "PROPN"):
        lemma = tok.lemma_.lower()
        return _Ref(tok.text if tok.pos_ == "PROPN" else lemma, _field(lemma))
    return _Ref.empty()


def _field(text: str) -> str:
    """A key field: case-folded, hyphens as spaces, no separators."""
    t = text.casefold().replace("|", " ").replace("-", " ").replace("‐", " ")
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _place_object(verb: Token | None, state: ArticleState) -> tuple[str, _Ref]:
    """The destination / object place of ``verb`` for keys: (role, ref).

    "in"/"at" places count only for motion predicates ("arrived in X"); for other verbs a
    location is a detail that outlets often omit ("held on Wednesday [in X]"), so keeping it
    in the key would only split groups that are about the same thing.
    """
    if verb is None:
        return ("", _Ref.empty())
    motion = _pred_class(_predicate(verb)) in MOTION_CLASSES
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for wanted in DESTINATION_PREPS:
        for prep in preps:
            if prep.lower_ == wanted:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in PLACE_LABELS:
                    return (wanted, _ref(obj, state))
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and child.ent_type_ in PLACE_LABELS:
            return ("obj", _ref(child, state))
    for prep in preps:
        if motion and prep.lower_ in ("in", "at"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in PLACE_LABELS:
                return (prep.lower_, _ref(obj, state))
    return ("", _Ref.empty())


def _path_object(tok: Token, verb: Token | None, state: ArticleState) -> _Ref:
    """The object noun on the path from the value up to the verb, else the verb's dobj."""
    cur = tok
    for _ in range(8):
        if verb is None or cur.i == verb.i or cur.head.i == cur.i:
            break
        # a conjoined object ("a museum on Monday and a factory on Sunday") is its own
        if (
            cur.dep_ in ("dobj", "conj")
            and cur.pos_ in ("NOUN", "PROPN")
            and (cur.dep_ == "dobj" or cur.head.dep_ == "dobj")
        ):
            return _ref(cur, state)
        cur = cur.head
    if verb is not None:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None:
            return _ref(dobj, state)
    return _Ref.empty()


def _negated(verb: Token | None, noun: Token | None = None) -> bool:
    if verb is not None:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.lemma_.lower() in ("deny", "refute", "reject"):
            return True
    return noun is not None and any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children
    )


def _attribution(sent: Span) -> str:
    """Who says it: "according to X", "X said/told/reported…" → X (as written)."""
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            prep = sent.doc[tok.i + 1]
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _span_text(pobj)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lx.REPORTING_VERBS:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and subj.lower_ not in lx.PRONOUNS_OTHER | {"i", "we"}:
                return _span_text(subj)
    return ""


_CHUNK_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case", "quantmod"})


def _span_text(tok: Token) -> str:
    """The source's noun phrase: its entity, else its noun chunk, else its subtree."""
    doc = tok.doc
    ent = _entity_of(tok)
    # A cheap noun chunk: the head with its left-hand modifiers (doc.noun_chunks rescans).
    mods = [c for c in tok.lefts if c.dep_ in _CHUNK_DEPS]
    left = min((m.left_edge.i for m in mods), default=tok.i)
    right = tok.i + 1
    if ent is not None and len(ent) >= right - left:
        return _strip_possessive(ent.text)
    while left < right and doc[left].lower_ in ("the",):
        left += 1
    text = doc[left:right].text
    text = re.split(r"\n\s*|,\s+", text)[-1].lstrip("•*-–— ").strip()
    return text[:120]


def _sentence_hedges(sent: Span) -> set[str]:
    found: set[str] = set()
    low = sent.text.lower()
    for phrase, label in lx.HEDGE_PHRASES.items():
        if phrase == "according to":
            continue
        if phrase in low:
            found.add(label)
    for tok in sent:
        label = lx.HEDGE_WORDS.get(tok.lower_)
        if label:
            found.add(label)
    return found


def _track_person(doc: Doc, value: _Value, state: ArticleState) -> None:
    """Remember the last PERSON that was a clause subject (or its possessor: "Ruiz's jet").

    A person merely mentioned ("accompanied by Minister X") does not become the referent of
    a later "he"/"his"; subjects are a much better cheap guess.
    """
    if value.label != "PERSON":
        return
    span = doc[value.start : value.end]
    root = span.root
    subjectish = root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")
    )
    if subjectish or not state.last_person:
        state.last_person = _strip_possessive(span.text)


def _tense(verb: Token | None) -> str:
    """'past' / 'future' / '' for weekday resolution."""
    if verb is None:
        return ""
    chain = [verb, *verb.ancestors][:4]
    for tok in chain:
        for c in tok.children:
            if c.lower_ in ("will", "'ll", "shall") or (c.dep_ == "aux" and c.lower_ == "to"):
                return "future"
        if tok.lemma_.lower() in ("expect", "schedule", "set", "plan", "due") and tok is not verb:
            return "future"
        if tok.tag_ in ("VBD",):
            return "past"
    if verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "past"
    return ""


def _past(pred: str) -> str:
    if pred in lx.IRREGULAR_PAST:
        return lx.IRREGULAR_PAST[pred]
    if not pred:
        return ""
    if pred.endswith("e"):
        return pred + "d"
    if re.search(r"[^aeiou]y$", pred):
        return pred[:-1] + "ied"
    return pred + "ed"


def _ing(pred: str) -> str:
    head, _, rest = pred.partition(" ")
    if head.endswith("ie"):
        head = head[:-2] + "y"
    elif head.endswith("e") and not head.endswith("ee") and len(head) > 2:
        head = head[:-1]
    return (head + "ing" + (" " + rest if rest else "")).strip()


def _base_claim(sent: Span, value: _Value, kind: str) -> ClaimData:
    span = sent.doc[value.start : value.end]
    return ClaimData(
        kind=kind,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        value_start=span.start_char,
        value_end=span.end_char,
        value_text=span.text,
        normalized={"type": kind},
        display="",
        about="",
        key="",
    )


def _key(*parts: str) -> str:
    return "|".join(parts)


# --------------------------------------------------------------------------- COUNT


def _qualifier_before(doc: Doc, start: int, floor: int) -> tuple[int, str]:
    """Qualifier phrase right before token ``start`` ("at least", "about") → (new start, q)."""
    for q in nz.QUALIFIERS:
        parts = q.split()
        n = len(parts)
        if start - n < floor:
            continue
        if [t.lower_ for t in doc[start - n : start]] == parts:
            return start - n, q
    return start, ""


def _qualifier_inside(span: Span) -> tuple[int, str]:
    words = [t.lower_ for t in span]
    for q in nz.QUALIFIERS:
        parts = q.split()
        if words[: len(parts)] == parts:
            return span.start + len(parts), q
    return span.start, ""


def _counted_noun(span: Span) -> Token | None:
    """The noun a number counts: "26 foreign leaders" → leaders; "leaders from 26 countries"
    → leaders; "2,000 of them" → None (pronoun)."""
    root = span.root
    noun: Token | None = None
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
    num_start, qualifier = _qualifier_inside(span)
    start = value.start
    if not qualifier:
        start, qualifier = _qualifier_before(doc, value.start, sent.start)
        num_start = value.start
    number_text = doc[num_start : value.end].text
    if _looks_like_year(number_text, value.label):
        return None
    parsed = nz.parse_number(number_text)
    if parsed is None:
        return None
    low, high = nz.count_interval(parsed, qualifier)
    noun = _counted_noun(span)
    if value.label == "MONEY":
        thing = "money"
    elif value.label == "PERCENT":
        thing = "percent"
    elif noun is not None:
        thing = lx.NOUN_CLASSES.get(noun.lemma_.lower(), noun.lemma_.lower())
    else:
        thing = ""
    anchor_tok = noun if noun is not None else span.root
    verb = _governor(anchor_tok)
    pred = _predicate(verb)
    pclass = _pred_class(pred)
    if thing in ("death",) or (pclass == "die" and thing in ("", "person", "troop")):
        pclass, thing = "die", "death" if thing in ("", "death") else thing
    subj_tok = _subject_token(verb)
    same = subj_tok is None or (noun is not None and subj_tok.i == noun.i)
    subject = _Ref.empty() if same else _ref(subj_tok, state)
    if not thing and not subject.key:
        return None
    claim = _base_claim(sent, _Value(start, value.end, value.label), ClaimKind.COUNT)
    unit = "%" if value.label == "PERCENT" else ""
    claim.normalized.update(
        {
            "low": low,
            "high": high,
            "value": (parsed[0] + parsed[1]) / 2,
            "qualifier": qualifier,
            "unit": unit or ("money" if value.label == "MONEY" else ""),
        }
    )
    claim.display = nz.format_count(low, high, unit=unit)
    noun_text = _noun_phrase(noun) if noun is not None else thing
    claim.subject = subject.display or (noun_text if noun is not None else "")
    claim.predicate = pred
    claim.about = _count_about(noun_text or "items", pred, subject.display, _passive(verb))
    claim.key = _key(ClaimKind.COUNT, pclass, thing, subject.key)
    claim.negated = _negated(verb, noun)
    if qualifier in nz.APPROX:
        claim.hedges.append(qualifier)
    return claim


def _looks_like_year(text: str, label: str) -> bool:
    return label in ("CARDINAL", "NUM") and bool(re.fullmatch(r"1[89]\d\d|20\d\d", text.strip()))


def _noun_phrase(noun: Token) -> str:
    """The counted noun with its adjectival modifiers ("foreign leaders")."""
    mods = [
        c
        for c in noun.lefts
        if c.dep_ in ("amod", "compound") and c.ent_type_ not in ("CARDINAL", "QUANTITY")
    ]
    return " ".join([*(m.text for m in mods), noun.text])


def _count_about(noun_text: str, pred: str, subject: str, passive: bool = False) -> str:
    if _pred_class(pred) == "die" or noun_text in ("death", "deaths", "fatalities"):
        return "number of people killed"
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
    noun = tok.head if tok.dep_ in ("amod", "nummod", "compound") else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() == "time":
        return None
    lemma = noun.lemma_.lower()
    thing = lx.NOUN_CLASSES.get(lemma, lemma)
    scope = _ordinal_scope(noun, span, state)
    owner = _owner(noun, state)
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
    verb = _governor(noun)
    claim.subject = owner.display
    claim.predicate = lemma
    claim.negated = _negated(verb, noun)
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


def _ordinal_scope(noun: Token, ordinal: Span, state: ArticleState) -> str:
    """Scope modifiers that change what is counted: destination, foreign/domestic, qualifiers.

    "fifth visit to Norway" → "to:@norway"; "11th foreign trip" / "trip abroad" → "foreign";
    "first Norway visit" → "to:@norway". Neutral modifiers ("latest", "overall") are ignored.
    """
    parts: list[str] = []
    for child in noun.children:
        low = child.lower_
        if child.i in range(ordinal.start, ordinal.end):
            continue
        if low in lx.FOREIGN_WORDS:
            parts.append("foreign")
        elif low in lx.DOMESTIC_WORDS:
            parts.append("domestic")
        elif child.dep_ == "compound" and child.ent_type_ in PLACE_LABELS:
            parts.append("to:" + _ref(child, state).key)
        elif child.dep_ == "prep" and low in ("to", "in", "outside"):
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


def _owner(noun: Token, state: ArticleState) -> _Ref:
    """Whose visit/trip: possessor ("Ruiz's", "his"), else the clause subject."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return _ref(poss, state)
    return _Ref.empty()


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
    verb = _governor(span.root)
    if _in_absolute_phrase(span.root, verb):
        return None
    tense = _tense(verb)
    if value.label == "ANAPHORIC" or _is_anaphoric(text):
        interval = _resolve_anaphoric(text, state)
    else:
        interval = nz.resolve_date(text, state.published, tense)
        if interval is None and re.search(r"\d", text) and not re.search(r"\b\d{4}\b", text):
            interval = nz.fallback_date(text, state.published)
    if interval is None:
        return None
    if interval.granularity in ("day", "time"):
        state.anchor = interval.start.date()
    pred = _predicate(verb)
    pclass = _pred_class(pred)
    if pclass == "say" or not pred:
        return None
    subj = _subject_token(verb)
    subject = _ref(subj, state)
    role, place = _place_object(verb, state)
    obj = place if place.key else _path_object(span.root, verb, state)
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
    claim.key = _key(ClaimKind.DATETIME, pclass, subject.key, obj.key)
    claim.negated = _negated(verb)
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


def _inside_consumed(span: Span, state: ArticleState) -> bool:
    return any(s <= span.start and span.end <= e for s, e in state.consumed)


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


def _passive(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _when_about(subject: str, pred: str, role: str, obj: str, passive: bool = False) -> str:
    subj = _the(subject)
    verb = ("was " if passive else "") + _past(pred)
    tail = ""
    if obj:
        if role and role != "obj" and not verb.endswith(" " + role):
            tail = f" {role} {obj}"
        else:
            tail = f" {_the(obj)}"
    return f"when {subj} {verb}{tail}".replace("  ", " ").strip()


def _the(text: str) -> str:
    if not text:
        return "it"
    if text[:1].isupper() or text.lower().startswith(("the ", "a ", "an ")):
        return text
    return f"the {text}"


# --------------------------------------------------------------------------- DURATION


def _build_duration(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if _inside_consumed(span, state):
        return None
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
    if noun is not None and noun.i not in range(span.start, span.end):
        thing = _Ref(noun.lemma_.lower(), _field(noun.lemma_.lower()))
        pred = "last"
        verb = _governor(noun)
    else:
        verb = _governor(root)
        pred = _predicate(verb)
        thing = _ref(_subject_token(verb), state)
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
        else f"how long {_the(thing.display)} {'was ' if _passive(verb) else ''}{_past(pred)}"
    )
    claim.key = _key(ClaimKind.DURATION, pclass, thing.key)
    claim.negated = _negated(verb)
    return claim


def _duration_display(seconds: float, unit: str) -> str:
    size = nz._UNIT_SECONDS[unit]
    n = seconds / size
    n_text = f"{n:g}"
    return f"{n_text} {unit}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- PLACE


def _build_place(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    root = span.root
    role = ""
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        role = root.head.lower_
        attach = root.head.head
    elif root.dep_ == "dobj":
        role = "obj"
        attach = root.head
    else:
        return None
    if attach.pos_ != "VERB":
        # "officials in X", "the parade in Y": nominal heads are too often not events (v1).
        return None
    verb = attach
    pred = _predicate(verb)
    subject = _ref(_subject_token(verb), state)
    pclass = _pred_class(pred)
    if pclass == "say" or not subject.key:
        return None
    text = _strip_possessive(span.text)
    claim = _base_claim(sent, value, ClaimKind.PLACE)
    claim.normalized.update({"place": text, "label": value.label, "role": role})
    claim.display = text
    claim.subject = subject.display
    claim.predicate = pred
    verb_text = _past(pred)
    tail = "" if role in ("obj", "in", "at") or verb_text.endswith(role) else f" {role}"
    claim.about = f"where {_the(subject.display)} {verb_text}{tail}"
    claim.key = _key(ClaimKind.PLACE, pclass, subject.key, role)
    claim.negated = _negated(verb)
    return claim


_BUILDERS: dict[str | None, Any] = {
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
