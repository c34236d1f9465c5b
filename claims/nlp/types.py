"""Plain data passed between the steps of the NLP pipeline.

Nothing here touches Django or the database: the pipeline is functions from text and these
dataclasses to these dataclasses, and ``claims.services`` stores the results in models.
All character offsets index the article's stored text (``Article.text``) so highlights stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ClaimKind:
    """Kinds of claims; the same strings are ``claims.models.ClaimKind`` values."""

    COUNT = "count"  # "26 foreign leaders", "about 15,000 troops", "$1.2 billion", "40%"
    ORDINAL = "ordinal"  # "his fifth visit", "the 11th trip", "the first time since 2019"
    DATETIME = "datetime"  # "Monday evening", "Sept. 3", "early Tuesday", "last year"
    DURATION = "duration"  # "a 70-minute parade", "24 hours"
    PLACE = "place"  # where something happened: "crossed into X through Y", "at Z Square"
    # Statements without a value name the question they answer:
    NEGATION = "negation"  # did it happen / was it confirmed: "met", "has not confirmed"
    ATTRIBUTION = "attribution"  # who said the quoted words: "…," the mayor said

    ALL = (COUNT, ORDINAL, DATETIME, DURATION, PLACE, NEGATION, ATTRIBUTION)


# The label of a description ("the governor") its article did not tie to a named person:
# the event links it when another article ties that role to exactly one person.
ROLE_LABEL = "ROLE"


@dataclass(slots=True)
class MentionData:
    """One named-entity mention as spaCy found it (label is spaCy's: PERSON, GPE, ORG...),
    or a description of a person the article named ("the governor" → ``refers_to``)."""

    start: int
    end: int
    text: str
    label: str
    # A description ("the regional governor") the article tied to one named person: the name
    refers_to: str = ""


@dataclass(slots=True)
class ClaimData:
    """A checkable statement with one value, extracted from one sentence.

    ``normalized`` is JSON-serialisable and always has ``"type"`` (the kind) plus the parsed
    value: intervals as ``low``/``high`` (``None`` = unbounded) for numbers, ISO strings
    ``start``/``end`` for dates and times, ``seconds`` for durations, ``place`` for places.
    ``display`` is the normalised value for people ("Mon 1 Sep, evening", "5th", "≥ 26").
    ``key`` is the alignment key, ``kind|predicate|thing|subject|scope`` for counts (formats
    per kind in the claim-kind modules, see :mod:`claims.nlp.extract`): :mod:`claims.nlp.align`
    blocks claims on its hard fields and matches the rest softly; ``about`` is the human
    wording of the question.
    """

    kind: str
    sentence_start: int
    sentence_end: int
    value_start: int
    value_end: int
    value_text: str
    normalized: dict[str, Any]
    display: str
    about: str
    key: str
    subject: str = ""
    predicate: str = ""
    attribution: str = ""
    hedges: list[str] = field(default_factory=list)
    negated: bool = False
    # When the value sits inside a quotation: the quoted words and who said them (optional;
    # not stored in the database yet).
    quote: str = ""
    speaker: str = ""


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything extracted from one article."""

    mentions: list[MentionData]
    claims: list[ClaimData]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # sentences skipped because their extraction raised (lenient runs; see extract_claims)
    unread_sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class EntityCluster:
    """One real-world thing in an event: its display name, label and every surface form."""

    key: str
    name: str
    label: str
    aliases: list[str]


@dataclass(slots=True)
class EventClaim:
    """A claim placed in its event: which article and outlet it comes from."""

    article_id: int
    outlet: str
    claim_index: int
    claim: ClaimData


@dataclass(slots=True)
class ConflictData:
    """Two or more outlets giving incompatible values for the same question."""

    kind: str
    key: str
    about: str
    explanation: str
    confidence: float
    claims: list[EventClaim]


@dataclass(slots=True)
class AgreementData:
    """Two or more outlets giving compatible values for the same question."""

    kind: str
    key: str
    about: str
    claims: list[EventClaim]
