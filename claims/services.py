"""Writes: the thin layer between the plain-Python NLP pipeline and the models.

Every function is keyword-only, typed and transactional. Views and commands call these; the
NLP package never imports Django.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from claims.importing import ArticleInputError, parse_upload, prepare_body
from claims.models import (
    Agreement,
    Article,
    Claim,
    Conflict,
    ConflictStatus,
    Entity,
    Event,
    ExtractionStatus,
    Mention,
    Outlet,
    content_hash,
)
from claims.nlp.types import ArticleAnalysis, ClaimData, MentionData

logger = logging.getLogger(__name__)


class DuplicateArticle(ArticleInputError):
    """The same text or URL is already stored in this event."""

    def __init__(self, existing: Article, reason: str) -> None:
        self.existing = existing
        super().__init__(
            f"This {reason} is already in the event as “{existing.title}” "
            f"({existing.outlet_name}); nothing was added."
        )


def unique_event_slug(title: str) -> str:
    base = slugify(title)[:100] or "event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def find_duplicate(*, event: Event, text: str, url: str) -> tuple[Article, str] | None:
    same_text = Article.objects.filter(event=event, content_hash=content_hash(text)).first()
    if same_text:
        return same_text, "text"
    if url:
        same_url = Article.objects.filter(event=event, url=url).first()
        if same_url:
            return same_url, "URL"
    return None


@transaction.atomic
def add_article(
    *,
    event: Event,
    title: str,
    text: str,
    outlet_name: str = "",
    url: str = "",
    published_on: dt.date | None = None,
    byline: str = "",
    by=None,
    enqueue: bool = True,
) -> Article:
    """Store an article (cleaned) and queue its extraction once the transaction commits.

    Raises ``ArticleInputError`` for empty or oversized text and ``DuplicateArticle`` when the
    event already holds the same text or URL.
    """
    limit = settings.NEWSDESK_MAX_ARTICLE_BYTES
    if len(text.encode("utf-8", errors="replace")) > limit:
        raise ArticleInputError(f"The article is larger than the {limit // 1_000_000} MB limit.")
    body = prepare_body(text)
    title = " ".join(title.split())[:500] or body.split("\n", 1)[0][:200]
    duplicate = find_duplicate(event=event, text=body, url=url.strip())
    if duplicate:
        raise DuplicateArticle(*duplicate)
    outlet = None
    if outlet_name.strip():
        outlet, _ = Outlet.objects.get_or_create(name=" ".join(outlet_name.split())[:200])
    article = Article.objects.create(
        event=event,
        outlet=outlet,
        title=title,
        url=url.strip(),
        published_on=published_on,
        byline=byline.strip()[:300],
        text=body,
        created_by=by if getattr(by, "pk", None) else None,
    )
    if enqueue:
        enqueue_extraction(article=article)
    return article


def enqueue_extraction(*, article: Article) -> None:
    """Queue extraction after commit, so the worker never sees an uncommitted article."""
    from claims.tasks import extract_article

    article_id = article.pk
    transaction.on_commit(lambda: extract_article.enqueue(article_id))


def retry_extraction(*, article: Article) -> None:
    with transaction.atomic():
        article.mark_pending()
        enqueue_extraction(article=article)


def import_file(*, event: Event, path: Path, by=None, enqueue: bool = True) -> Article:
    """Store one ``.txt`` (import format) or ``.html`` file as an article of ``event``."""
    parsed = parse_upload(path.name, path.read_bytes())
    return add_article(
        event=event,
        title=parsed.title,
        text=parsed.body,
        outlet_name=parsed.outlet,
        url=parsed.url,
        published_on=parsed.published_on,
        byline=parsed.byline,
        by=by,
        enqueue=enqueue,
    )


def run_extraction(*, article_id: int, rebuild: bool = True) -> Article | None:
    """Extract one article (spaCy), store its mentions and claims, then re-align the event.

    Failures are recorded on the article (status ``failed`` and the reason) and re-raised so
    the task backend records them too; what was stored before stays untouched.
    """
    from claims.nlp.pipeline import analyse_article, get_nlp

    article = Article.objects.filter(pk=article_id).select_related("event").first()
    if article is None:
        logger.info("Article %s was deleted before its extraction ran", article_id)
        return None
    article.mark_running()
    try:
        analysis = analyse_article(
            article.text,
            published=article.published_on,
            nlp=get_nlp(settings.NEWSDESK_SPACY_MODEL),
        )
        with transaction.atomic():
            store_analysis(article=article, analysis=analysis)
            article.mark_done()
            if rebuild:
                rebuild_event(event=article.event)
    except Exception as exc:
        logger.exception("Extraction failed for article %s", article_id)
        article.mark_failed(f"{exc.__class__.__name__}: {exc}")
        raise
    return article


def store_analysis(*, article: Article, analysis: ArticleAnalysis) -> None:
    """Replace an article's mentions and claims with a fresh analysis."""
    article.mentions.all().delete()
    article.claims.all().delete()
    text = article.text
    Mention.objects.bulk_create(
        Mention(article=article, start=m.start, end=m.end, label=m.label, text=m.text[:500])
        for m in _unique_mentions(analysis.mentions)
    )
    Claim.objects.bulk_create(
        Claim(
            article=article,
            kind=c.kind,
            sentence_start=c.sentence_start,
            sentence_end=c.sentence_end,
            value_start=c.value_start,
            value_end=c.value_end,
            sentence=text[c.sentence_start : c.sentence_end],
            value_text=c.value_text[:300],
            normalized=c.normalized,
            display=c.display[:200],
            about=c.about[:300],
            key=c.key[:300],
            subject=c.subject[:300],
            predicate=c.predicate[:100],
            attribution=c.attribution[:300],
            hedges=list(c.hedges),
            negated=c.negated,
        )
        for c in analysis.claims
    )


def _unique_mentions(mentions: Iterable[MentionData]) -> list[MentionData]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for m in mentions:
        if m.end > m.start and (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            unique.append(m)
    return unique


@dataclass(slots=True)
class RebuildSummary:
    entities: int
    conflicts: int
    new_conflicts: int
    agreements: int = 0


@transaction.atomic
def rebuild_event(*, event: Event) -> RebuildSummary:
    """Re-link entities and re-align claims across the event's extracted articles.

    Runs after every extraction. The event row is locked so two workers finishing articles of
    the same event apply their results one after the other. Conflicts are matched by
    (kind, key): one found again keeps its status and history; an open one no longer found is
    deleted unless someone already acted on it, in which case it is kept and marked stale.
    """
    from claims.nlp.event import EventArticle, analyse_event

    Event.objects.select_for_update().filter(pk=event.pk).first()
    articles = list(
        Article.objects.filter(event=event, status=ExtractionStatus.DONE)
        .select_related("outlet")
        .prefetch_related("mentions", "claims")
        .order_by("pk")
    )
    result = analyse_event(
        [
            EventArticle(
                article_id=article.pk,
                outlet=article.outlet_name if article.outlet_id else f"article-{article.pk}",
                mentions=[
                    MentionData(start=m.start, end=m.end, text=m.text, label=m.label)
                    for m in article.mentions.all()
                ],
                claims=[_claim_data(c) for c in article.claims.all()],
            )
            for article in articles
        ]
    )

    existing = {e.key: e for e in Entity.objects.filter(event=event)}
    entities: list[Entity] = []
    for cluster in result.clusters:
        entity = existing.pop(cluster.key, None) or Entity(event=event, key=cluster.key)
        entity.name, entity.label = cluster.name[:300], cluster.label
        entity.aliases = cluster.aliases
        entities.append(entity)
    Entity.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
    Entity.objects.bulk_create([e for e in entities if e.pk is None])
    Entity.objects.bulk_update([e for e in entities if e.pk], ["name", "label", "aliases"])
    mentions = [m for article in articles for m in article.mentions.all()]
    for mention, index in zip(mentions, result.assignment, strict=True):
        mention.entity = entities[index] if index is not None else None
    Mention.objects.bulk_update(mentions, ["entity"], batch_size=1000)

    claim_rows = {
        (article.pk, i): claim
        for article in articles
        for i, claim in enumerate(article.claims.all())
    }
    found = result.conflicts
    current = {(c.kind, c.key): c for c in Conflict.objects.filter(event=event)}
    new = 0
    for data in found:
        conflict = current.pop((data.kind, data.key[:300]), None)
        if conflict is None:
            conflict = Conflict(event=event, kind=data.kind, key=data.key[:300])
            new += 1
        conflict.about = data.about[:300]
        conflict.explanation = data.explanation
        conflict.confidence = min(1.0, max(0.0, data.confidence))
        conflict.stale = False
        conflict.save()
        conflict.claims.set([claim_rows[ec.article_id, ec.claim_index] for ec in data.claims])
    for gone in current.values():
        if gone.status == ConflictStatus.OPEN and not gone.resolutions.exists():
            gone.delete()
        elif not gone.stale:
            gone.stale = True
            gone.save(update_fields=["stale", "updated_at"])
    Agreement.objects.filter(event=event).delete()
    for data in result.agreements:
        agreement = Agreement.objects.create(
            event=event, kind=data.kind, key=data.key[:300], about=data.about[:300]
        )
        agreement.claims.set([claim_rows[ec.article_id, ec.claim_index] for ec in data.claims])
    return RebuildSummary(
        entities=len(entities),
        conflicts=len(found),
        new_conflicts=new,
        agreements=len(result.agreements),
    )


def _claim_data(claim: Claim) -> ClaimData:
    return ClaimData(
        kind=claim.kind,
        sentence_start=claim.sentence_start,
        sentence_end=claim.sentence_end,
        value_start=claim.value_start,
        value_end=claim.value_end,
        value_text=claim.value_text,
        normalized=claim.normalized,
        display=claim.display,
        about=claim.about,
        key=claim.key,
        subject=claim.subject,
        predicate=claim.predicate,
        attribution=claim.attribution,
        hedges=list(claim.hedges),
        negated=claim.negated,
    )
