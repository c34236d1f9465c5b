"""Newsdesk's domain: events, their articles, what was extracted, and the desk's decisions.

Domain verbs live here (``Conflict.resolve``, ``Article.mark_failed``); views call them and never
set a status field themselves. Integrity that matters is enforced by Postgres constraints.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


def content_hash(text: str) -> str:
    """Hash of an article's text with whitespace and case folded, to spot the same text twice."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EventQuerySet(models.QuerySet["Event"]):
    def with_counts(self) -> EventQuerySet:
        return self.annotate(
            article_count=models.Count("articles", distinct=True),
            open_conflict_count=models.Count(
                "conflicts", filter=Q(conflicts__status="open"), distinct=True
            ),
        )


class Event(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("claims:event_detail", args=[self.slug])


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ArticleQuerySet(models.QuerySet["Article"]):
    def for_event(self, event: Event) -> ArticleQuerySet:
        return self.filter(event=event)

    def unfinished(self) -> ArticleQuerySet:
        return self.filter(status__in=[ExtractionStatus.PENDING, ExtractionStatus.RUNNING])


class Article(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="articles")
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=2000, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Extraction runs started, counting runs whose worker died."
    )
    status_changed_at = models.DateTimeField(
        default=timezone.now, help_text="When the extraction status last changed."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    extracted_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["published_on", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "content_hash"], name="article_unique_text_per_event"
            ),
            models.UniqueConstraint(
                fields=["event", "url"],
                condition=~Q(url=""),
                name="article_unique_url_per_event",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ExtractionStatus.values), name="article_status_valid"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    @property
    def outlet_name(self) -> str:
        return self.outlet.name if self.outlet_id else "Unknown outlet"

    @property
    def is_finished(self) -> bool:
        return self.status in (ExtractionStatus.DONE, ExtractionStatus.FAILED)

    def mark_running(self) -> None:
        self.status = ExtractionStatus.RUNNING
        self.attempts = F("attempts") + 1
        self.error = ""
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "attempts", "error", "status_changed_at"])
        self.refresh_from_db(fields=["attempts"])

    def mark_done(self, *, notice: str = "") -> None:
        """Extraction finished; ``notice`` keeps a note for the editor (e.g. not English)."""
        self.status = ExtractionStatus.DONE
        self.extracted_at = self.status_changed_at = timezone.now()
        self.error = notice
        self.save(update_fields=["status", "extracted_at", "error", "status_changed_at"])

    def mark_failed(self, error: str) -> None:
        self.status = ExtractionStatus.FAILED
        self.error = error[:2000]
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "error", "status_changed_at"])

    def mark_pending(self, *, error: str = "", reset_attempts: bool = False) -> None:
        """Back in the queue; ``error`` says why when an earlier attempt failed (a retry).

        An editor's Retry starts a fresh round of attempts (``reset_attempts``)."""
        self.status = ExtractionStatus.PENDING
        self.error = error[:2000]
        self.status_changed_at = timezone.now()
        fields = ["status", "error", "status_changed_at"]
        if reset_attempts:
            self.attempts = 0
            fields.append("attempts")
        self.save(update_fields=fields)


class Entity(models.Model):
    """One real-world thing within one event, with every surface form the articles use."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="entities")
    key = models.CharField(max_length=300)
    name = models.CharField(max_length=300)
    label = models.CharField(max_length=20)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="entity_unique_key_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.label})"


class Mention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label = models.CharField(max_length=20)
    text = models.CharField(max_length=500)
    refers_to = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="A description (“the governor”): the person it stands for.",
    )

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_valid"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_unique_span"),
        ]

    def __str__(self) -> str:
        return f"{self.text} [{self.label}]"


class ClaimKind(models.TextChoices):
    COUNT = "count", "Count or amount"
    ORDINAL = "ordinal", "Ordinal"
    DATETIME = "datetime", "Date or time"
    DURATION = "duration", "Duration"
    PLACE = "place", "Place"
    NEGATION = "negation", "Happened or not"
    ATTRIBUTION = "attribution", "Who said it"


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=12, choices=ClaimKind.choices)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    value_start = models.PositiveIntegerField()
    value_end = models.PositiveIntegerField()
    sentence = models.TextField()
    value_text = models.CharField(max_length=300)
    normalized = models.JSONField(default=dict)
    display = models.CharField(max_length=200)
    about = models.CharField(max_length=300)
    key = models.CharField(max_length=300)
    subject = models.CharField(max_length=300, blank=True)
    predicate = models.CharField(max_length=100, blank=True)
    attribution = models.CharField(max_length=300, blank=True)
    hedges = models.JSONField(default=list, blank=True)
    negated = models.BooleanField(default=False)
    quote = models.CharField(
        max_length=2000, blank=True, help_text="The quoted words, when the value is quoted."
    )
    speaker = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article", "sentence_start", "value_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sentence_end__gt=F("sentence_start")), name="claim_sentence_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="claim_kind_valid"),
        ]
        indexes = [models.Index(fields=["kind", "key"])]

    def __str__(self) -> str:
        return f"{self.about}: {self.value_text}"

    @property
    def anchor(self) -> str:
        """HTML id of the sentence in the compare view's column."""
        return f"s-{self.article_id}-{self.sentence_start}"

    @property
    def is_hedged(self) -> bool:
        return bool(self.hedges)


class ConflictStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Not a conflict"
    UNVERIFIABLE = "unverifiable", "Can't verify"


class Decision(models.TextChoices):
    PICK = "pick", "Trust this version"
    NOT_CONFLICT = "not_conflict", "Not a conflict"
    CANT_VERIFY = "cant_verify", "Can't verify"
    REOPEN = "reopen", "Reopen"


DECISION_STATUS = {
    Decision.PICK: ConflictStatus.RESOLVED,
    Decision.NOT_CONFLICT: ConflictStatus.DISMISSED,
    Decision.CANT_VERIFY: ConflictStatus.UNVERIFIABLE,
    Decision.REOPEN: ConflictStatus.OPEN,
}


class StaleDecision(Exception):
    """Another editor decided on this conflict after the page was loaded."""

    def __init__(self, conflict: Conflict, latest: Resolution | None) -> None:
        self.conflict = conflict
        self.latest = latest
        super().__init__(f"Conflict {conflict.pk} changed since it was loaded")


class InvalidDecision(ValueError):
    """A decision that cannot apply to this conflict (e.g. a claim from another conflict)."""


class ConflictQuerySet(models.QuerySet["Conflict"]):
    def for_event(self, event: Event) -> ConflictQuerySet:
        return self.filter(event=event)

    def open(self) -> ConflictQuerySet:
        return self.filter(status=ConflictStatus.OPEN)

    def decided(self) -> ConflictQuerySet:
        return self.exclude(status=ConflictStatus.OPEN)

    def with_claims(self) -> ConflictQuerySet:
        return self.prefetch_related(
            models.Prefetch(
                "claims",
                queryset=Claim.objects.select_related("article__outlet").order_by(
                    "article__published_on", "article_id", "sentence_start"
                ),
            )
        )


class Conflict(models.Model):
    """Outlets disagreeing on one question. Identified by (event, kind, key) so that re-running
    extraction finds the same conflict again and its resolution is kept."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(max_length=12, choices=ClaimKind.choices)
    key = models.CharField(max_length=300)
    about = models.CharField(max_length=300)
    explanation = models.TextField(blank=True)
    confidence = models.FloatField(default=0.5)
    status = models.CharField(
        max_length=12, choices=ConflictStatus.choices, default=ConflictStatus.OPEN
    )
    version = models.PositiveIntegerField(default=0)
    stale = models.BooleanField(
        default=False, help_text="No longer found by the engine after the articles changed."
    )
    claims = models.ManyToManyField(Claim, related_name="conflicts", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConflictQuerySet.as_manager()

    class Meta:
        ordering = ["-confidence", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "kind", "key"], name="conflict_unique_question"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="conflict_confidence_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ConflictStatus.values), name="conflict_status_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["event"], condition=Q(status="open"), name="conflict_open_by_event"
            )
        ]

    def __str__(self) -> str:
        return self.about

    @property
    def is_open(self) -> bool:
        return self.status == ConflictStatus.OPEN

    def latest_resolution(self) -> Resolution | None:
        return self.resolutions.filter(applied=True).select_related("editor").first()

    def resolve(
        self,
        *,
        decision: str,
        by: Any,
        seen_version: int,
        chosen_claim: Claim | None = None,
        note: str = "",
        source_url: str = "",
    ) -> Resolution:
        """Record an editor's decision, unless someone else decided since ``seen_version``.

        The status change is a conditional UPDATE on the version the editor saw, so of two
        editors deciding at once exactly one wins; the loser's attempt is kept in the history
        (``applied=False``) and ``StaleDecision`` tells who decided what. Repeating the very
        decision that is already in force (a double-click) returns that resolution unchanged.
        """
        decision = Decision(decision)
        if decision == Decision.PICK:
            if chosen_claim is None:
                raise InvalidDecision("Pick the version you trust.")
            if not self.claims.filter(pk=chosen_claim.pk).exists():
                raise InvalidDecision("That version does not belong to this conflict.")
        else:
            chosen_claim = None
        new_status = DECISION_STATUS[decision]
        snapshot = {
            "chosen_value": chosen_claim.display if chosen_claim else "",
            "chosen_outlet": chosen_claim.article.outlet_name if chosen_claim else "",
        }
        record = {
            "conflict": self,
            "editor": by,
            "decision": decision,
            "chosen_claim": chosen_claim,
            "note": note,
            "source_url": source_url,
            "based_on_version": seen_version,
            **snapshot,
        }
        with transaction.atomic():
            updated = Conflict.objects.filter(pk=self.pk, version=seen_version).update(
                status=new_status, version=F("version") + 1, updated_at=timezone.now()
            )
            if updated:
                resolution = Resolution.objects.create(applied=True, **record)
        if not updated:
            # Someone else decided first. A repeat of the decision in force (double-click,
            # resubmitted form) is a no-op; anything else is kept as a rejected attempt.
            latest = self.latest_resolution()
            self.refresh_from_db(fields=["status", "version"])
            if (
                latest is not None
                and latest.editor_id == getattr(by, "pk", None)
                and latest.decision == decision
                and latest.chosen_claim_id == (chosen_claim.pk if chosen_claim else None)
            ):
                return latest
            Resolution.objects.create(applied=False, **record)
            raise StaleDecision(self, latest)
        self.refresh_from_db(fields=["status", "version", "updated_at"])
        return resolution


class Agreement(models.Model):
    """Two or more outlets giving compatible values for one question (corroboration).

    Rebuilt from scratch on every alignment: agreements carry no editor state."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(max_length=12, choices=ClaimKind.choices)
    key = models.CharField(max_length=300)
    about = models.CharField(max_length=300)
    claims = models.ManyToManyField(Claim, related_name="agreements", blank=True)

    class Meta:
        ordering = ["kind", "about"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "kind", "key"], name="agreement_unique_question"
            ),
        ]

    def __str__(self) -> str:
        return self.about


class Resolution(models.Model):
    """An editor's decision on a conflict. Append-only: rows are never updated or deleted."""

    conflict = models.ForeignKey(Conflict, on_delete=models.CASCADE, related_name="resolutions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="resolutions"
    )
    decision = models.CharField(max_length=12, choices=Decision.choices)
    chosen_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_value = models.CharField(max_length=200, blank=True)
    chosen_outlet = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    based_on_version = models.PositiveIntegerField()
    applied = models.BooleanField(
        default=True, help_text="False when another editor had decided first."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values), name="resolution_decision_valid"
            ),
            models.UniqueConstraint(
                fields=["conflict", "based_on_version"],
                condition=Q(applied=True),
                name="resolution_one_winner_per_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.editor} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Resolutions are append-only; record a new decision instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Resolutions are append-only and cannot be deleted.")
