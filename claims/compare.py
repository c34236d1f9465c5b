"""Everything the compare page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch

from claims.highlight import GROUP_NAMES, MarkSpan, SentenceSpan, label_group, render_article
from claims.models import Article, Claim, Conflict, ConflictStatus, Event, Mention


@dataclass(slots=True)
class Column:
    article: Article
    html: str
    mention_count: int


def build_columns(event: Event) -> tuple[list[Column], list[tuple[str, str]]]:
    articles = list(
        event.articles.select_related("outlet")
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("entity")),
            Prefetch("claims", queryset=Claim.objects.annotate(n_conflicts=Count("conflicts"))),
        )
        .order_by("published_on", "created_at", "pk")
    )
    groups: Counter[str] = Counter()
    columns = []
    for article in articles:
        marks = []
        for m in article.mentions.all():
            groups[label_group(m.label)] += 1
            name = m.entity.name if m.entity_id else m.text
            marks.append(MarkSpan(m.start, m.end, m.label, m.entity_id, f"{name} · {m.label}"))
        sentences = {}
        for c in article.claims.all():
            css = "claim-sentence disputed" if c.n_conflicts else "claim-sentence"
            if c.sentence_start not in sentences or c.n_conflicts:
                sentences[c.sentence_start] = SentenceSpan(
                    c.sentence_start, c.sentence_end, c.anchor, css
                )
        columns.append(
            Column(
                article=article,
                html=render_article(article.text, marks, sentences.values()),
                mention_count=len(marks),
            )
        )
    legend = [(g, name) for g, name in GROUP_NAMES.items() if groups[g]]
    return columns, legend


def conflict_panel(event: Event, status: str) -> dict:
    counts = dict(
        Conflict.objects.for_event(event).values_list("status").annotate(n=Count("pk")).order_by()
    )
    conflicts = Conflict.objects.for_event(event).with_claims()
    if status != "all":
        status = status if status in ConflictStatus.values else ConflictStatus.OPEN
        conflicts = conflicts.filter(status=status)
    tabs = [(value, label, counts.get(value, 0)) for value, label in ConflictStatus.choices]
    return {
        "conflicts": conflicts.prefetch_related("resolutions__editor"),
        "status": status,
        "tabs": tabs,
        "total": sum(counts.values()),
    }


def build_compare_context(event: Event, *, status: str = "open") -> dict:
    columns, legend = build_columns(event)
    return {"event": event, "columns": columns, "legend": legend, **conflict_panel(event, status)}
