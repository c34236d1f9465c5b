"""Everything the compare, matrix and timeline pages show, gathered in a fixed number of queries.

No function here issues a query per article, claim or conflict: the pages' query counts do not
grow with the size of the event (tests/test_views_desk.py checks this).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from claims.highlight import GROUP_NAMES, MarkSpan, SentenceSpan, label_group, render_article
from claims.models import (
    Agreement,
    Article,
    Claim,
    ClaimKind,
    Conflict,
    ConflictStatus,
    Decision,
    Event,
    Mention,
    Outlet,
    Resolution,
)
from claims.nlp.types import ROLE_LABEL

COLUMN_ORDERS = {"time": "Publication time", "outlet": "Outlet"}
PANEL_SORTS = {"confidence": "Confidence", "kind": "Kind"}
STATUS_FILTERS = [*ConflictStatus.choices, ("all", "All")]


# --- claim highlights in the columns ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceMark:
    css: str
    title: str


def _values(claims: Iterable[Claim]) -> str:
    ordered = sorted(claims, key=lambda c: (c.article.outlet_name, c.pk))
    return "; ".join(f"{c.article.outlet_name}: {c.display}" for c in ordered)


def sentence_marks(
    event: Event, *, anchors: Iterable[str] | None = None
) -> dict[str, SentenceMark]:
    """How each claim sentence is highlighted: disputed (in an open conflict), corroborated (in an
    agreement) or a plain claim sentence, with a title naming who disagrees or agrees.

    Three queries whatever the size of the event."""
    claims = {
        c.pk: c
        for c in Claim.objects.filter(article__event=event)
        .select_related("article__outlet")
        .only(
            "pk",
            "article_id",
            "sentence_start",
            "sentence_end",
            "display",
            "article__outlet__name",
        )
    }
    conflict_links = Conflict.claims.through.objects.filter(conflict__event=event).values_list(
        "conflict_id", "claim_id", "conflict__status", "conflict__about"
    )
    agreement_links = Agreement.claims.through.objects.filter(agreement__event=event).values_list(
        "agreement_id", "claim_id", "agreement__about"
    )
    members: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    about: dict[tuple[str, int], str] = {}
    open_of: dict[int, list[tuple[str, int]]] = defaultdict(list)
    agreed_of: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for conflict_id, claim_id, status, text in conflict_links:
        if claim_id not in claims:
            continue
        key = ("c", conflict_id)
        members[key].append(claims[claim_id])
        about[key] = text
        if status == ConflictStatus.OPEN:
            open_of[claim_id].append(key)
    for agreement_id, claim_id, text in agreement_links:
        if claim_id not in claims:
            continue
        key = ("a", agreement_id)
        members[key].append(claims[claim_id])
        about[key] = text
        agreed_of[claim_id].append(key)

    wanted = set(anchors) if anchors is not None else None
    by_anchor: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims.values():
        if wanted is None or claim.anchor in wanted:
            by_anchor[claim.anchor].append(claim)
    marks: dict[str, SentenceMark] = {}
    for anchor, sentence_claims in by_anchor.items():
        disputes = {k for c in sentence_claims for k in open_of[c.pk]}
        agreements = {k for c in sentence_claims for k in agreed_of[c.pk]}
        lines = [f"Disputed: {about[k]} ({_values(members[k])})" for k in sorted(disputes)]
        for k in sorted(agreements):
            outlets = sorted({c.article.outlet_name for c in members[k]})
            lines.append(f"Corroborated: {about[k]} (agreed by {', '.join(outlets)})")
        css = "claim-sentence"
        if disputes:
            css += " disputed"
        elif agreements:
            css += " corroborated"
        marks[anchor] = SentenceMark(css, "\n".join(lines))
    # Anchors asked for that no longer hold any claim go back to plain text.
    for anchor in (wanted or set()) - marks.keys():
        marks[anchor] = SentenceMark("claim-sentence", "")
    return marks


# --- columns ------------------------------------------------------------------------------


@dataclass(slots=True)
class Column:
    article: Article
    html: str
    mention_count: int
    hidden: bool = False


@dataclass(slots=True)
class ColumnOptions:
    order: str = "time"
    shown: set[int] | None = None  # None: every column

    @classmethod
    def from_query(cls, query: QueryDict) -> ColumnOptions:
        order = query.get("order", "time")
        shown = None
        if query.get("cols"):
            shown = {int(v) for v in query.getlist("show") if v.isdigit()}
        return cls(order=order if order in COLUMN_ORDERS else "time", shown=shown)


def ordered_articles(event: Event, order: str = "time") -> QuerySet[Article]:
    articles = event.articles.select_related("outlet")
    if order == "outlet":
        return articles.order_by("outlet__name", "published_on", "created_at", "pk")
    return articles.order_by("published_on", "created_at", "pk")


def build_columns(
    event: Event, options: ColumnOptions | None = None
) -> tuple[list[Column], list[tuple[str, str]]]:
    options = options or ColumnOptions()
    articles = list(
        ordered_articles(event, options.order).prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("entity")),
            Prefetch(
                "claims",
                queryset=Claim.objects.only("pk", "article_id", "sentence_start", "sentence_end"),
            ),
        )
    )
    sentence_state = sentence_marks(event)
    groups: Counter[str] = Counter()
    columns = []
    for article in articles:
        marks = []
        for m in article.mentions.all():
            label = m.label
            if label == ROLE_LABEL:
                if not m.entity_id:
                    continue  # "the minister" no article tied to one person: not marked
                label = m.entity.label  # "the Ruritanian leader": marked as the person
            groups[label_group(label)] += 1
            name = m.entity.name if m.entity_id else m.text
            marks.append(MarkSpan(m.start, m.end, label, m.entity_id, f"{name} · {label}"))
        sentences = {}
        for c in article.claims.all():
            state = sentence_state.get(c.anchor, SentenceMark("claim-sentence", ""))
            sentences[c.sentence_start] = SentenceSpan(
                c.sentence_start, c.sentence_end, c.anchor, state.css, state.title
            )
        hidden = options.shown is not None and article.pk not in options.shown
        columns.append(
            Column(
                article=article,
                html=render_article(article.text, marks, sentences.values()),
                mention_count=len(marks),
                hidden=hidden,
            )
        )
    legend = [(g, name) for g, name in GROUP_NAMES.items() if groups[g]]
    return columns, legend


# --- the conflict panel ---------------------------------------------------------------------


@dataclass(slots=True)
class PanelFilters:
    status: str = ConflictStatus.OPEN
    kind: str = ""
    outlet: int | None = None
    sort: str = "confidence"
    q: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> PanelFilters:
        status = query.get("status", ConflictStatus.OPEN)
        if status != "all" and status not in ConflictStatus.values:
            status = ConflictStatus.OPEN
        kind = query.get("kind", "")
        outlet = query.get("outlet", "")
        sort = query.get("sort", "confidence")
        return cls(
            status=status,
            kind=kind if kind in ClaimKind.values else "",
            outlet=int(outlet) if outlet.isdigit() else None,
            sort=sort if sort in PANEL_SORTS else "confidence",
            q=" ".join(query.get("q", "").split())[:200],
        )

    def query(self, **changes: object) -> str:
        """The query string for these filters with ``changes`` applied (for links)."""
        params = {
            "status": self.status,
            "kind": self.kind,
            "outlet": self.outlet or "",
            "sort": self.sort,
            "q": self.q,
            **changes,
        }
        return urlencode({k: v for k, v in params.items() if v not in ("", None)})

    @property
    def narrowed(self) -> bool:
        return bool(self.kind or self.outlet or self.q)


def filtered_conflicts(event: Event, filters: PanelFilters) -> QuerySet[Conflict]:
    conflicts = Conflict.objects.for_event(event)
    if filters.status != "all":
        conflicts = conflicts.filter(status=filters.status)
    if filters.kind:
        conflicts = conflicts.filter(kind=filters.kind)
    if filters.outlet:
        conflicts = conflicts.filter(
            pk__in=Conflict.claims.through.objects.filter(
                claim__article__outlet_id=filters.outlet
            ).values("conflict_id")
        )
    if filters.q:
        matching = Conflict.claims.through.objects.filter(
            Q(claim__sentence__icontains=filters.q)
            | Q(claim__article__outlet__name__icontains=filters.q)
        ).values("conflict_id")
        conflicts = conflicts.filter(
            Q(about__icontains=filters.q) | Q(explanation__icontains=filters.q) | Q(pk__in=matching)
        )
    order = ["-confidence", "pk"] if filters.sort == "confidence" else ["kind", "-confidence", "pk"]
    return conflicts.order_by(*order)


def conflict_panel(event: Event, filters: PanelFilters | None = None) -> dict:
    filters = filters or PanelFilters()
    counts = dict(
        Conflict.objects.for_event(event).values_list("status").annotate(n=Count("pk")).order_by()
    )
    conflicts = (
        filtered_conflicts(event, filters).with_claims().prefetch_related("resolutions__editor")
    )
    tabs = [(value, label, counts.get(value, 0)) for value, label in ConflictStatus.choices]
    tabs.append(("all", "All", sum(counts.values())))
    tab_links = [(value, label, n, filters.query(status=value)) for value, label, n in tabs]
    return {
        "conflicts": conflicts,
        "filters": filters,
        "status": filters.status,
        "tabs": tab_links,
        "open_count": counts.get(ConflictStatus.OPEN, 0),
        "total": sum(counts.values()),
        "kinds": ClaimKind.choices,
        "outlets": Outlet.objects.filter(articles__event=event).distinct().order_by("name"),
        "sorts": PANEL_SORTS,
    }


def build_compare_context(
    event: Event, *, filters: PanelFilters | None = None, options: ColumnOptions | None = None
) -> dict:
    options = options or ColumnOptions()
    columns, legend = build_columns(event, options)
    return {
        "event": event,
        "columns": columns,
        "legend": legend,
        "column_options": options,
        "column_orders": COLUMN_ORDERS,
        **conflict_panel(event, filters),
    }


# --- entities -------------------------------------------------------------------------------

_SENTENCE_ENDS = ".!?\n"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (a light heuristic, for display)."""
    left = start
    while left > 0 and not (
        text[left - 1] == "\n"
        or (text[left - 1] in ".!?" and left < len(text) and text[left].isspace())
    ):
        left -= 1
    right = end
    while right < len(text) and not (
        text[right] == "\n"
        or (text[right] in ".!?" and (right + 1 == len(text) or text[right + 1].isspace()))
    ):
        right += 1
    if right < len(text) and text[right] in ".!?":
        right += 1
    return " ".join(text[left:right].split())


@dataclass(slots=True)
class EntityArticle:
    article: Article
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (anchor-ish id, sentence)


def entity_mentions(event: Event, entity_id: int) -> list[EntityArticle]:
    """Every sentence that mentions the entity, grouped by article (one query)."""
    mentions = (
        Mention.objects.filter(entity_id=entity_id, article__event=event)
        .select_related("article__outlet")
        .order_by("article__published_on", "article__created_at", "article_id", "start")
    )
    grouped: dict[int, EntityArticle] = {}
    for m in mentions:
        group = grouped.setdefault(m.article_id, EntityArticle(m.article))
        sentence = sentence_around(m.article.text, m.start, m.end)
        if all(s != sentence for _, s in group.sentences):
            group.sentences.append((f"m-{m.pk}", sentence))
    return list(grouped.values())


# --- facts: the matrix and the timeline ---------------------------------------------------


@dataclass(slots=True)
class Cell:
    state: str  # "agrees", "disagrees", "silent"
    claim: Claim | None = None

    @property
    def label(self) -> str:
        return {"agrees": "Agrees", "disagrees": "Disagrees", "silent": "Silent"}[self.state]


@dataclass(slots=True)
class Fact:
    kind: str  # "conflict" or "agreement"
    pk: int
    about: str
    status: str
    reference: str  # the value "agrees" means: the desk's pick, or the majority
    claims: list[Claim]
    cells: list[Cell] = field(default_factory=list)


def _reference_value(claims: list[Claim], chosen: Claim | None) -> str:
    if chosen is not None:
        return chosen.display
    counts = Counter(c.display for c in claims)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ""  # no majority: every outlet disagrees with the others
    return ranked[0][0]


def event_facts(event: Event) -> tuple[list[Fact], list[Outlet]]:
    """Conflicts and agreements as rows, the event's outlets as columns (constant queries)."""
    claim_qs = Claim.objects.select_related("article__outlet").order_by(
        "article__published_on", "article__created_at", "article_id", "sentence_start"
    )
    conflicts = (
        Conflict.objects.for_event(event)
        .prefetch_related(Prefetch("claims", queryset=claim_qs))
        .order_by("-confidence", "pk")
    )
    agreements = Agreement.objects.filter(event=event).prefetch_related(
        Prefetch("claims", queryset=claim_qs)
    )
    latest_pick = {
        conflict_id: claim_id
        for conflict_id, decision, claim_id in Resolution.objects.filter(
            conflict__event=event, applied=True
        )
        .order_by("conflict_id", "-created_at", "-pk")
        .distinct("conflict_id")
        .values_list("conflict_id", "decision", "chosen_claim_id")
        if decision == Decision.PICK
    }
    outlets = list(Outlet.objects.filter(articles__event=event).distinct().order_by("name"))
    facts: list[Fact] = []
    for conflict in conflicts:
        claims = list(conflict.claims.all())
        chosen = next((c for c in claims if c.pk == latest_pick.get(conflict.pk)), None)
        facts.append(
            Fact(
                "conflict",
                conflict.pk,
                conflict.about,
                conflict.get_status_display(),
                _reference_value(claims, chosen),
                claims,
            )
        )
    for agreement in agreements:
        claims = list(agreement.claims.all())
        reference = claims[0].display if claims else ""
        facts.append(Fact("agreement", agreement.pk, agreement.about, "Agreed", reference, claims))
    for fact in facts:
        by_outlet: dict[int | None, Claim] = {}
        for claim in fact.claims:
            by_outlet.setdefault(claim.article.outlet_id, claim)
        for outlet in outlets:
            claim = by_outlet.get(outlet.pk)
            if claim is None:
                fact.cells.append(Cell("silent"))
            elif fact.kind == "agreement" or (fact.reference and claim.display == fact.reference):
                fact.cells.append(Cell("agrees", claim))
            else:
                fact.cells.append(Cell("disagrees", claim))
    return facts, outlets


def compare_link(event: Event, claim: Claim) -> str:
    return f"{reverse('claims:event_compare', args=[event.slug])}#{claim.anchor}"


@dataclass(slots=True)
class TimelineEntry:
    article: Article
    day: dt.date | None
    firsts: list[Fact]
    x: float = 0
    y: float = 0


def timeline(event: Event) -> tuple[list[TimelineEntry], dict]:
    """Articles in publication order with the facts each introduced first, plus SVG geometry."""
    facts, _ = event_facts(event)
    articles = list(ordered_articles(event, "time"))
    first_of: dict[int, list[Fact]] = defaultdict(list)
    rank = {a.pk: i for i, a in enumerate(articles)}
    for fact in facts:
        if fact.claims:
            earliest = min(fact.claims, key=lambda c: rank.get(c.article_id, len(rank)))
            first_of[earliest.article_id].append(fact)
    entries = [TimelineEntry(a, a.published_on, first_of[a.pk]) for a in articles]
    days = sorted({e.day for e in entries if e.day})
    width, left, right, row = 960, 150, 40, 46
    span = (days[-1] - days[0]).days if len(days) > 1 else 0
    for i, entry in enumerate(entries):
        if entry.day and span:
            entry.x = left + (entry.day - days[0]).days / span * (width - left - right - 260)
        else:
            entry.x = left
        entry.y = 40 + i * row
    ticks = []
    for day in days:
        x = left + ((day - days[0]).days / span * (width - left - right - 260) if span else 0)
        ticks.append({"x": x, "label": day.strftime("%-d %b %Y")})
    geometry = {
        "width": width,
        "height": 60 + len(entries) * row,
        "axis_y": 20,
        "left": left,
        "ticks": ticks,
        "undated": any(e.day is None for e in entries),
    }
    return entries, geometry
