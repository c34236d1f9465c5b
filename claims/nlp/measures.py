# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Measures: a figure that is the value of a measure noun, a length, a speed, an age.

* Measures: a figure that is the value of a measure noun ("a magnitude of 6.3", "the toll
  stood at 23", "turnout was 61%", "a crowd of 72,000", "gave the attendance as 71,800",
  "in front of 65,000 fans", "two-thirds of voters took part", "the number of dead") is keyed
  by the measure (``count|measure|<class>|<owner>|<scope>``, tolls as ``count|die|death``),
  not by whoever reports or causes it. Only recurring things own their measure (the magnitude
  of the quake vs of an aftershock).
* Lengths and speeds: "the 410-metre bridge" is the bridge's length, "cruising at 37,000
  feet" an altitude, "at a depth of 2,750 feet" a depth (``_length_unit``,
  ``_length_measure``); "75 mph" is read in km/h (``_speed_factor``).
* A measure given for a named area ("turnout in the North") has its own scope
  (``_place_scope``); "the normal limit", "its usual capacity" are not today's figure
  (``_usual``).

These are helpers of :func:`claims.nlp.counts._build_count`. Ages are a builder of their own
(:func:`_build_age`, called by :mod:`claims.nlp.extract`): a named person's age, or the age of
the one who died or was hurt, keyed ``count|measure|age|<who>|``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp.grammar import (
    _CURRENCY_SIGNS,
    ArticleState,
    _base_claim,
    _field,
    _governor,
    _key,
    _passive,
    _past,
    _pred_class,
    _predicate,
    _ref,
    _Value,
    part_of_predicate,
)
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


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
        if tok.dep_ != "pobj":
            continue
        if tok.head.lower_ == "of" and tok.head.head.lower_ in ("cent", "percent", "%"):
            if tok.ent_type_ in ("GPE", "LOC"):
                return "in:" + _ref(tok, state).key  # "63.8 per cent of Tessburg"
            continue
        if tok.head.lower_ not in ("in", "across"):
            continue
        area = _area_scope(tok, state)
        if area:
            return area
        # "across Marsk's four constituencies", "in the city of Marsk"
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None:
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
        if owner is not None and owner.ent_type_ in ("GPE", "LOC"):
            return "in:" + _ref(owner, state).key
    # "the capital, where the party won more than half of the vote"
    verb = _governor(num)
    where = verb is not None and verb.dep_ == "relcl"
    if where and any(c.lower_ == "where" for c in verb.children):
        return _area_scope(verb.head, state)
    return ""


def _area_scope(tok: Token, state: ArticleState) -> str:
    """ "in:<area>" when ``tok`` names a place or a part of a country, else ""."""
    if tok.ent_type_ in ("GPE", "LOC"):
        return "in:" + _ref(tok, state).key
    if tok.lemma_.lower() in lx.PARTS_OF_A_COUNTRY:
        # "in the capital, Medrova, Yes won 68.2%", "in the rural north"
        named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_), None)
        return "in:" + (_ref(named, state).key if named is not None else tok.lemma_.lower())
    return ""


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
