"""The event-level step: link entities across articles, then align claims (plain data in/out).

``claims.services.rebuild_event`` feeds it from the database and the evaluation harness feeds
it straight from files, so both judge exactly the same engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.nlp.align import find_agreements, find_conflicts
from claims.nlp.entities import canonicalize_entities
from claims.nlp.types import (
    AgreementData,
    ClaimData,
    ConflictData,
    EntityCluster,
    EventClaim,
    MentionData,
)


@dataclass(slots=True)
class EventArticle:
    article_id: int
    outlet: str
    mentions: Sequence[MentionData]
    claims: Sequence[ClaimData]


@dataclass(slots=True)
class EventAnalysis:
    clusters: list[EntityCluster]
    # For each mention, in article order then mention order: index into ``clusters`` or None.
    assignment: list[int | None]
    claims: list[EventClaim]
    conflicts: list[ConflictData]
    agreements: list[AgreementData]


def analyse_event(articles: Sequence[EventArticle]) -> EventAnalysis:
    mentions = [m for article in articles for m in article.mentions]
    clusters, assignment = canonicalize_entities(mentions)
    alias_key = {alias.casefold(): c.key for c in clusters for alias in c.aliases}

    def entity_key(surface: str) -> str | None:
        return alias_key.get(surface.casefold())

    claims = [
        EventClaim(article_id=a.article_id, outlet=a.outlet, claim_index=i, claim=claim)
        for a in articles
        for i, claim in enumerate(a.claims)
    ]
    return EventAnalysis(
        clusters=clusters,
        assignment=assignment,
        claims=claims,
        conflicts=find_conflicts(claims, entity_key=entity_key),
        agreements=find_agreements(claims, entity_key=entity_key),
    )
