# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""ORDINAL claims: which one in a series.

"her third visit to Norway" (``ordinal|nth|<thing>|<owner>|<scope>``), "the second-biggest
deal" (``ordinal|rank|…``), "the first visit since 2019" (``ordinal|first since|…``), "the
sixth floor" (what happened there), and the minute of a game, "in the 87th minute"
(``ordinal|minute|<what>|<who>``; ``_MINUTE_RE`` also tells :mod:`claims.nlp.extract` which
values are minutes).

* "first … since 2019" / "first … in five years" is its own ordinal flavour (``first_since``)
  whose value is the interval of the previous occurrence; it never aligns with plain ordinals.
* ORDINAL claims about "time" ("the first time that…") are skipped: their scope lives in a
  relative clause we do not model yet, so keys would collide across unrelated facts.
* "the 87th minute" / "89th-minute goal": an ordinal keyed by what happened (goal words) and
  who did it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.grammar import (
    DATE_LABELS,
    PLACE_LABELS,
    ArticleState,
    _aspired,
    _base_claim,
    _ent_span,
    _entity_of,
    _governor,
    _key,
    _negated,
    _owner,
    _past,
    _path_object,
    _planned,
    _pred_class,
    _predicate,
    _Ref,
    _ref,
    _subject_token,
    _the,
    _Value,
)
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


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
    if noun is None and tok.dep_ == "advmod":
        return _finishing_position(sent, value, number, tok, state)
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
    if since is None and verb is not None and (_aspired(verb) or _planned(verb)):
        claim.key += "|aim"  # "will try to win a first title": a hope, not which title this is
    claim.subject = owner.display
    claim.predicate = lemma
    claim.negated = _negated(verb, noun)
    return claim


def _finishing_position(
    sent: Span, value: _Value, number: int, tok: Token, state: ArticleState
) -> ClaimData | None:
    """ "Castellane finished second", "qualified third", "started fifth on the grid": a
    place in a contest written as an adverb, asked of the named competitor (a finish is the
    question "took second place" asks; a start or qualifying place is the grid's)."""
    verb = tok.head
    what = lx.POSITION_VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    owner = _ref(_subject_token(verb), state) if what else _Ref.empty()
    if not what or not owner.key.startswith("@"):
        return None
    claim = _base_claim(sent, value, ClaimKind.ORDINAL)
    claim.normalized.update({"value": number})
    claim.display = _ordinal_display(number)
    claim.about = f"where {owner.display} " + ("finished" if what == "place" else "started")
    claim.key = _key(ClaimKind.ORDINAL, "nth", what, owner.key, "")
    claim.subject = owner.display
    claim.predicate = verb.lemma_.lower()
    claim.negated = _negated(verb)
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
            elif pobj is not None and pobj.lemma_.lower() == "history":
                pass  # "the 35th mayor in the city's history" counts them all, as "35th" does
            elif pobj is not None and pobj.ent_type_ not in DATE_LABELS:
                parts.append(f"{low}:{pobj.lemma_.lower()}")
            elif pobj is not None and low == "in" and pobj.lemma_.lower() in lx.LONG_PERIODS:
                parts.append("window")  # "a second title in three years": within a window
        elif (
            child.dep_ in ("amod", "compound")
            and low not in lx.NEUTRAL_MODIFIERS
            and child.ent_type_ not in ("ORDINAL", "DATE", "CARDINAL")
            and child.pos_ in ("ADJ", "NOUN")
        ):
            parts.append(child.lemma_.lower())
    host = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if host is not None and host.pos_ == "VERB":
        # "bidding for a second title in three years": the window hangs off the verb
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (
                    pobj is not None
                    and pobj.lemma_.lower() in lx.LONG_PERIODS
                    and any(c.dep_ == "nummod" for c in pobj.children)
                ):
                    parts.append("window")
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


# --------------------------------------------------------------------------- minute of a game


_MINUTE_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)[\s-]*minute\b", re.I)


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
