"""Writes: the thin layer between the plain-Python NLP pipeline and the models.

Every function is keyword-only, typed and transactional. Views and commands call these; the
NLP package never imports Django.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from claims.importing import (
    NOT_ENGLISH_MESSAGE,
    ArticleInputError,
    ParsedArticle,
    canonical_url,
    clean_line,
    looks_english,
    parse_upload,
    prepare_body,
)
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
        # Same page however it was linked (case, fragment, utm_* tags, trailing slash).
        urls = {url, canonical_url(url)}
        same_url = Article.objects.filter(event=event, url__in=urls).first()
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
    # No NUL or control characters in the one-line fields (Postgres refuses NUL in text).
    title, outlet_name, byline = clean_line(title), clean_line(outlet_name), clean_line(byline)
    url = canonical_url(clean_line(url))
    title = title[:500] or body.split("\n", 1)[0][:200]
    duplicate = find_duplicate(event=event, text=body, url=url.strip())
    if duplicate:
        raise DuplicateArticle(*duplicate)
    outlet = None
    if outlet_name.strip():
        outlet, _ = Outlet.objects.get_or_create(name=" ".join(outlet_name.split())[:200])
    try:
        with transaction.atomic():
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
    except IntegrityError:
        # Lost a race with the same text or URL added at the same moment (double-click, two
        # editors): the unique constraints kept one copy; name it, as for any duplicate.
        duplicate = find_duplicate(event=event, text=body, url=url.strip())
        if duplicate:
            raise DuplicateArticle(*duplicate) from None
        raise
    if enqueue:
        enqueue_extraction(article=article)
    return article


def enqueue_extraction(*, article: Article, delay: float = 0) -> None:
    """Queue extraction after commit, so the worker never sees an uncommitted article.

    ``delay`` (seconds) postpones it when the task backend can defer (the database one can)."""
    from claims.tasks import extract_article

    article_id = article.pk

    def send() -> None:
        task = extract_article
        if delay > 0 and task.get_backend().supports_defer:
            task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
        task.enqueue(article_id)

    transaction.on_commit(send)


def retry_extraction(*, article: Article) -> None:
    """An editor's Retry: a fresh round of attempts."""
    with transaction.atomic():
        article.mark_pending(reset_attempts=True)
        enqueue_extraction(article=article)


def add_parsed_article(
    *, event: Event, parsed: ParsedArticle, by=None, enqueue: bool = True
) -> Article:
    """``add_article`` for what the importers return (a paste, a file, a fetched page)."""
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


def import_file(*, event: Event, path: Path, by=None, enqueue: bool = True) -> Article:
    """Store one ``.txt`` (import format) or ``.html`` file as an article of ``event``."""
    parsed = parse_upload(path.name, path.read_bytes())
    return add_parsed_article(event=event, parsed=parsed, by=by, enqueue=enqueue)


# Advisory-lock namespace for "this article is being extracted" (two-int4 form: ns, id).
_EXTRACTION_LOCK_NS = 0x4E44_0001


def _lock_key(article_id: int) -> int:
    return article_id & 0x7FFF_FFFF


@contextlib.contextmanager
def extraction_lock(article_id: int) -> Iterator[bool]:
    """Hold Postgres's session-level advisory lock for this article's extraction; yield whether
    it was free. Postgres releases it when the session ends, including when the worker holding it
    is killed: that is how ``recover_stale_extractions`` tells a dead run from a slow one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_try_advisory_lock(%s, %s)", [_EXTRACTION_LOCK_NS, _lock_key(article_id)]
        )
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            # If the connection was lost, the lock went with it.
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_unlock(%s, %s)",
                    [_EXTRACTION_LOCK_NS, _lock_key(article_id)],
                )


def extraction_in_progress(article_ids: Iterable[int]) -> set[int]:
    """Which of these articles a live session (any worker, any machine) is extracting now."""
    keys = {_lock_key(pk): pk for pk in article_ids}
    if not keys:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND classid = %s AND objsubid = 2 AND objid = ANY(%s)",
            [_EXTRACTION_LOCK_NS, list(keys)],
        )
        return {keys[int(row[0])] for row in cursor.fetchall()}


def run_extraction(
    *, article_id: int, rebuild: bool = True, max_attempts: int = 1
) -> Article | None:
    """Extract one article (spaCy), store its mentions and claims, then re-align the event.

    One run per article at a time: the run holds ``extraction_lock`` from before the article is
    marked running until its final status is written; a second task for the same article (a
    double-clicked Retry, a re-queued task whose first worker was only slow) returns at once.

    Failures are recorded on the article and re-raised so the task backend records them too;
    what was stored before stays untouched. While attempts are left (``max_attempts``; the task
    passes ``NEWSDESK_EXTRACTION_MAX_ATTEMPTS``) the article goes back to pending with the error
    and a new task is queued after ``NEWSDESK_EXTRACTION_RETRY_DELAY`` seconds; the last failure
    marks it failed with the error. ``attempts`` counts runs started, including runs whose
    worker died (see ``recover_stale_extractions``).
    """
    from claims.nlp.pipeline import analyse_article, get_nlp

    with extraction_lock(article_id) as free:
        if not free:
            logger.info("Article %s is being extracted by another worker; skipped", article_id)
            return None
        article = Article.objects.filter(pk=article_id).select_related("event").first()
        if article is None:
            logger.info("Article %s was deleted before its extraction ran", article_id)
            return None
        article.mark_running()
        try:
            # Stored either way; the English pipeline would only mis-extract other languages.
            english = looks_english(article.text)
            analysis = (
                analyse_article(
                    article.text,
                    published=article.published_on,
                    nlp=get_nlp(settings.NEWSDESK_SPACY_MODEL),
                    strict=not settings.NEWSDESK_SKIP_FAILING_SENTENCES,
                )
                if english
                else ArticleAnalysis(mentions=[], claims=[])
            )
            with transaction.atomic():
                store_analysis(article=article, analysis=analysis)
                article.mark_done(notice=_extraction_notice(english, analysis, article.text))
                if rebuild:
                    rebuild_event(event=article.event)
        except Exception as exc:
            logger.exception("Extraction failed for article %s", article_id)
            error = f"{exc.__class__.__name__}: {exc}"
            if article.attempts < max_attempts:
                article.mark_pending(
                    error=f"Attempt {article.attempts} of {max_attempts} failed ({error}); "
                    "retrying."
                )
                enqueue_extraction(article=article, delay=settings.NEWSDESK_EXTRACTION_RETRY_DELAY)
            else:
                article.mark_failed(error)
            raise
    return article


def _extraction_notice(english: bool, analysis: ArticleAnalysis, text: str) -> str:
    """What the editor should know about a finished extraction ("" when nothing)."""
    if not english:
        return NOT_ENGLISH_MESSAGE
    skipped = len(analysis.unread_sentences)
    if skipped:
        start, end = analysis.unread_sentences[0]
        opening = " ".join(text[start:end].split()[:8])
        return (
            f"{skipped} sentence{'s' if skipped > 1 else ''} could not be analysed and "
            f"{'were' if skipped > 1 else 'was'} skipped (the first begins “{opening}…”); "
            "the rest of the article was. The error is in the server log."
        )
    return ""


class WorkerLost(Exception):
    """Recorded on a task whose worker stopped mid-run (killed, crashed, machine lost)."""


@dataclass(slots=True)
class RecoverySummary:
    requeued: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def recover_stale_extractions(
    *, pending_grace: float | None = None, max_attempts: int | None = None, limit: int = 200
) -> RecoverySummary:
    """Put back in the queue the extractions whose worker died; fail those out of attempts.

    django-tasks-db never retries: a worker killed mid-task (SIGKILL, out of memory, machine
    lost) leaves its task and the article ``running`` forever. This pass repairs that. It runs
    when ``manage.py run_worker`` starts and then every minute (and on demand with
    ``manage.py recover_extractions``). An article is dead when

    * it is ``running`` but nobody holds its ``extraction_lock``: a run takes the lock before
      marking the article running and writes the final status before releasing it, and
      Postgres drops the lock as soon as the run's connection dies; or
    * it has been ``pending`` for longer than ``pending_grace`` seconds
      (``NEWSDESK_EXTRACTION_STALE_AFTER``) with no task waiting for it and none started within
      that time (its worker died between claiming the task and starting the run, or the
      enqueue was lost).

    A dead article with attempts left goes back to ``pending`` and gets a new task (on commit);
    one that used its ``max_attempts`` (``NEWSDESK_EXTRACTION_MAX_ATTEMPTS``) is marked
    ``failed`` with the reason. Its orphaned ``RUNNING`` task rows are marked failed
    (``WorkerLost``) so the task table tells the truth.

    Safe with several workers on several machines: the candidate rows are taken with
    ``SELECT ... FOR UPDATE SKIP LOCKED``, so two passes never handle the same article, and a
    run starting meanwhile waits for this pass to commit before it marks the article running.
    The worst a race can cause is one extra run, and runs are idempotent.
    (A run on a machine that vanished without closing its TCP connection keeps its lock until
    Postgres's TCP keepalive drops the connection.)
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from claims.tasks import extract_article

    if pending_grace is None:
        pending_grace = settings.NEWSDESK_EXTRACTION_STALE_AFTER
    if max_attempts is None:
        max_attempts = settings.NEWSDESK_EXTRACTION_MAX_ATTEMPTS
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=pending_grace)
    summary = RecoverySummary()
    tasks = DBTaskResult.objects.filter(task_path=extract_article.module_path)
    with transaction.atomic():
        candidates = list(
            Article.objects.filter(
                Q(status=ExtractionStatus.RUNNING)
                | Q(status=ExtractionStatus.PENDING, status_changed_at__lt=cutoff)
            )
            .select_for_update(skip_locked=True)
            .order_by("pk")[:limit]
        )
        alive = extraction_in_progress(a.pk for a in candidates)
        for article in candidates:
            if article.pk in alive:
                continue
            mine = tasks.filter(args_kwargs__contains={"args": [article.pk]})
            if article.status == ExtractionStatus.PENDING and (
                mine.filter(status=TaskResultStatus.READY).exists()
                or mine.filter(status=TaskResultStatus.RUNNING, started_at__gte=cutoff).exists()
            ):
                continue  # waiting in the queue, or a worker is just starting it
            running = article.status == ExtractionStatus.RUNNING
            orphan_cutoff = article.status_changed_at if running else cutoff
            mine.filter(status=TaskResultStatus.RUNNING, started_at__lte=orphan_cutoff).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.WorkerLost",
                traceback="WorkerLost: the worker running this task stopped (killed or "
                "crashed); recover_stale_extractions took over the article.\n",
            )
            how = (
                f"the worker running attempt {article.attempts} stopped (killed or crashed)"
                if running
                else "its queued task was lost"
            )
            if article.attempts >= max_attempts:
                article.mark_failed(
                    f"Extraction did not finish after {article.attempts} attempts: {how}."
                )
                summary.failed.append(article.pk)
            else:
                article.mark_pending(error=f"Queued again: {how}.")
                enqueue_extraction(article=article)
                summary.requeued.append(article.pk)
    if summary.requeued or summary.failed:
        logger.warning(
            "Recovered extractions: re-queued %s, failed %s", summary.requeued, summary.failed
        )
    return summary


def store_analysis(*, article: Article, analysis: ArticleAnalysis) -> None:
    """Replace an article's mentions and claims with a fresh analysis.

    Locks the article row first, so two runs storing the same article (which the extraction
    lock normally prevents) replace each other's rows instead of adding to them."""
    Article.objects.select_for_update().filter(pk=article.pk).first()
    article.mentions.all().delete()
    article.claims.all().delete()
    text = article.text
    Mention.objects.bulk_create(
        Mention(
            article=article,
            start=m.start,
            end=m.end,
            label=m.label,
            text=m.text[:500],
            refers_to=m.refers_to[:300],
        )
        for m in _unique_mentions(analysis.mentions)
    )
    Claim.objects.bulk_create(
        Claim(
            article=article,
            sentence=text[c.sentence_start : c.sentence_end],
            **{name: _fit(name, getattr(c, name)) for name in CLAIM_FIELDS},
        )
        for c in analysis.claims
    )


# The engine's ClaimData and the Claim model share these fields; both directions of the copy
# derive from the dataclass, so a field the engine adds cannot be dropped on the way.
CLAIM_FIELDS = tuple(f.name for f in dataclass_fields(ClaimData))


def _fit(name: str, value: object) -> object:
    """Cut a string to its model field's ``max_length`` (engine text is not length-bounded)."""
    max_length = Claim._meta.get_field(name).max_length
    if max_length and isinstance(value, str):
        return value[:max_length]
    return value


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
                    MentionData(
                        start=m.start, end=m.end, text=m.text, label=m.label, refers_to=m.refers_to
                    )
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
    return ClaimData(**{name: getattr(claim, name) for name in CLAIM_FIELDS})
