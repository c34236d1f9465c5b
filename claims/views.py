"""Thin function views: parse the request, call a model verb or a service, render.

Every page works without JavaScript; with HTMX the same views return the page's partials.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from claims import exports, fetching, services
from claims.compare import (
    ColumnOptions,
    PanelFilters,
    build_compare_context,
    conflict_panel,
    entity_mentions,
    event_facts,
    sentence_marks,
    timeline,
)
from claims.forms import ArticleForm, BulkUploadForm, EventForm, FetchForm, ResolveForm
from claims.http import HtmxHttpRequest, get_article, get_conflict, get_event, require_perm
from claims.importing import ArticleInputError, parse_upload
from claims.models import Conflict, Entity, Event, InvalidDecision, StaleDecision

# Seconds of URL fetching one bulk request may start (gunicorn is given 120 s).
BULK_FETCH_BUDGET = 45


@require_http_methods(["GET", "POST"])
def event_list(request: HtmxHttpRequest) -> HttpResponse:
    form = EventForm()
    if request.method == "POST":
        require_perm(request, "claims.add_event")
        form = EventForm(request.POST)
        if form.is_valid():
            event = form.save(commit=False)
            event.slug = services.unique_event_slug(event.title)
            event.created_by = request.user
            event.save()
            messages.success(request, f"Event “{event.title}” created. Add its coverage below.")
            if request.htmx:
                return HttpResponseClientRedirect(event.get_absolute_url())
            return redirect(event)
    events = Event.objects.with_counts().order_by("-created_at")
    template = "claims/event_list.html#event-form" if request.htmx and form.errors else None
    return render(
        request,
        template or "claims/event_list.html",
        {"events": events, "form": form},
        status=400 if form.errors else 200,
    )


def _event_detail_context(event: Event, form: ArticleForm | None = None, **extra: object) -> dict:
    articles = list(event.articles.select_related("outlet").order_by("created_at", "pk"))
    return {
        "event": event,
        "articles": articles,
        "polling": any(not a.is_finished for a in articles),
        "form": form or ArticleForm(),
        "bulk_form": BulkUploadForm(),
        "fetch_form": FetchForm(),
        "here": "articles",
        **extra,
    }


@require_GET
def event_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    context = _event_detail_context(event)
    if request.htmx and request.htmx.target == "article-list":
        return render(request, "claims/event_detail.html#article-list", context)
    return render(request, "claims/event_detail.html", context)


@require_POST
def article_add(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    require_perm(request, "claims.add_article")
    form = ArticleForm(request.POST, request.FILES)
    if form.is_valid():
        parsed = form.cleaned_data["parsed"]
        try:
            article = services.add_parsed_article(event=event, parsed=parsed, by=request.user)
        except ArticleInputError as exc:
            form.add_error(None, str(exc))
        except IntegrityError:
            # Lost a race with an identical submission (double-click): the first one is stored.
            form.add_error(None, "This article was just added; nothing was added twice.")
        else:
            messages.success(request, f"Added “{article.title}”; extraction is running.")
            if not request.htmx:
                return redirect(event)
            form = None
    context = _event_detail_context(event, form)
    if not request.htmx:
        return render(request, "claims/event_detail.html", context, status=400)
    status = 400 if form is not None and form.errors else 200
    return render(
        request,
        "claims/event_detail.html#article-workspace",
        {**context, "oob": True},
        status=status,
    )


def _store(event: Event, user, name: str, read) -> dict:
    """Parse (``read()`` returns a ``ParsedArticle``) and store one article; say what happened."""
    try:
        article = services.add_parsed_article(event=event, parsed=read(), by=user)
    except services.DuplicateArticle as exc:
        return {"name": name, "outcome": "duplicate", "detail": str(exc)}
    except ArticleInputError as exc:
        return {"name": name, "outcome": "error", "detail": str(exc)}
    except IntegrityError:
        return {"name": name, "outcome": "duplicate", "detail": "Added twice at once."}
    return {"name": name, "outcome": "added", "detail": article.title}


@require_POST
def articles_bulk(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Several files and URLs at once; each is reported on its own: added, duplicate or error."""
    event = get_event(request, slug)
    require_perm(request, "claims.add_article")
    bulk_form = BulkUploadForm(request.POST, request.FILES)
    results: list[dict] = []
    if bulk_form.is_valid():
        limit = settings.NEWSDESK_MAX_ARTICLE_BYTES
        for upload in bulk_form.cleaned_data["files"]:
            if upload.size > limit:
                detail = f"Larger than the {limit / 1_000_000:g} MB limit."
                results.append({"name": upload.name, "outcome": "error", "detail": detail})
                continue
            results.append(
                _store(
                    event,
                    request.user,
                    upload.name,
                    lambda u=upload: parse_upload(u.name, u.read()),
                )
            )
        # Each fetch may take up to fetching.TOTAL_TIMEOUT; stop starting new ones once the
        # batch has used its budget, so the request ends well inside the server's timeout.
        started = time.monotonic()
        for url in bulk_form.cleaned_data["urls"]:
            if time.monotonic() - started > BULK_FETCH_BUDGET:
                detail = "Not fetched: the batch ran out of time. Add this address again."
                results.append({"name": url, "outcome": "error", "detail": detail})
                continue
            results.append(
                _store(event, request.user, url, lambda u=url: fetching.fetch_article(u))
            )
    context = _event_detail_context(event, bulk_results=results)
    context["bulk_form"] = bulk_form
    status = 400 if bulk_form.errors else 200
    if request.htmx:
        return render(request, "claims/event_detail.html#article-workspace", context, status=status)
    return render(request, "claims/event_detail.html", context, status=status)


@require_POST
def article_fetch(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Add by URL, step one: fetch the page and show it in the add form to check and save."""
    event = get_event(request, slug)
    require_perm(request, "claims.add_article")
    fetch_form = FetchForm(request.POST)
    form = None
    if fetch_form.is_valid():
        url = fetch_form.cleaned_data["fetch_url"]
        try:
            parsed = fetching.fetch_article(url)
        except ArticleInputError as exc:
            fetch_form.add_error("fetch_url", str(exc))
        else:
            form = ArticleForm(
                initial={
                    "text": parsed.body,
                    "title": parsed.title,
                    "outlet": parsed.outlet,
                    "url": parsed.url or url,
                    "published_on": parsed.published_on,
                    "byline": parsed.byline,
                }
            )
    context = _event_detail_context(event, form, fetch_form=fetch_form, fetched=form is not None)
    status = 200 if form is not None else 400
    template = "claims/event_detail.html"
    if request.htmx:
        template += "#article-workspace"
    return render(request, template, context, status=status)


@require_POST
def article_retry(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_article(request, pk)
    require_perm(request, "claims.add_article")
    if article.status == "failed":
        services.retry_extraction(article=article)
        messages.info(request, f"Extraction of “{article.title}” queued again.")
    if request.htmx:
        context = _event_detail_context(article.event)
        return render(request, "claims/event_detail.html#article-list", context)
    return redirect(article.event)


PANEL_PARTIALS = {"conflict-panel", "conflict-tabs"}


@require_GET
def event_compare(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    filters = PanelFilters.from_query(request.GET)
    if request.htmx and request.htmx.target in PANEL_PARTIALS:
        context = {"event": event, **conflict_panel(event, filters)}
        return render(request, f"claims/event_compare.html#{request.htmx.target}", context)
    context = build_compare_context(
        event, filters=filters, options=ColumnOptions.from_query(request.GET)
    )
    return render(request, "claims/event_compare.html", context)


@require_GET
def entity_detail(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Every sentence naming one entity, by outlet: the compare page's side list when pinned."""
    event = get_event(request, slug)
    entity = get_object_or_404(Entity, event=event, pk=pk)
    context = {"event": event, "entity": entity, "entity_articles": entity_mentions(event, pk)}
    if request.htmx:
        return render(request, "claims/event_compare.html#entity-panel", context)
    return render(
        request,
        "claims/event_compare.html",
        {**build_compare_context(event), **context},
    )


@require_GET
def event_matrix(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    facts, outlets = event_facts(event)
    return render(
        request, "claims/event_matrix.html", {"event": event, "facts": facts, "outlets": outlets}
    )


@require_GET
def event_timeline(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    entries, geometry = timeline(event)
    return render(
        request,
        "claims/event_timeline.html",
        {"event": event, "entries": entries, "geometry": geometry},
    )


@require_GET
def event_export_json(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    response = JsonResponse(exports.event_to_json(event), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-conflicts.json"'
    return response


@require_GET
def event_export_csv(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    response = HttpResponse(exports.event_to_csv(event), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-conflicts.csv"'
    return response


@require_GET
def event_memo(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A printable corrections memo: what outlets disagree on and what the desk decided."""
    event = get_event(request, slug)
    conflicts = list(exports.event_conflicts(event).order_by("status", "-confidence", "pk"))
    decided = [c for c in conflicts if not c.is_open]
    still_open = [c for c in conflicts if c.is_open]
    return render(
        request,
        "claims/event_memo.html",
        {"event": event, "decided": decided, "still_open": still_open},
    )


def _conflict_card(
    request: HtmxHttpRequest,
    conflict: Conflict,
    *,
    form: ResolveForm | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    conflict = Conflict.objects.with_claims().select_related("event").get(pk=conflict.pk)
    context = {
        "conflict": conflict,
        "form": form or ResolveForm(conflict=conflict, initial={"version": conflict.version}),
        "history": conflict.resolutions.select_related("editor"),
        "notice": notice,
        "can_resolve": request.user.has_perm("claims.add_resolution"),
    }
    return render(request, "claims/event_compare.html#conflict-card", context, status=status)


@require_GET
def conflict_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    conflict = get_conflict(request, pk)
    if not request.htmx:
        return redirect(
            f"{conflict.event.get_absolute_url()}compare/?status={conflict.status}#c-{conflict.pk}"
        )
    return _conflict_card(request, conflict)


@require_POST
def conflict_resolve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    conflict = get_conflict(request, pk)
    require_perm(request, "claims.add_resolution")
    form = ResolveForm(request.POST, conflict=conflict)
    compare_url = f"{conflict.event.get_absolute_url()}compare/#c-{conflict.pk}"
    if not form.is_valid():
        if not request.htmx:
            messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
            return redirect(compare_url)
        return _conflict_card(request, conflict, form=form, status=400)
    data = form.cleaned_data
    notice = ""
    try:
        resolution = conflict.resolve(
            decision=data["decision"],
            by=request.user,
            seen_version=data["version"],
            chosen_claim=data.get("claim"),
            note=data.get("note", ""),
            source_url=data.get("source_url", ""),
        )
    except StaleDecision as stale:
        latest = stale.latest
        who = latest.editor.get_username() if latest else "another editor"
        what = latest.get_decision_display().lower() if latest else "a change"
        notice = (
            f"Not saved: {who} decided “{what}” on this conflict after you opened it. "
            "Your attempt is kept in the history; review and decide again if needed."
        )
        messages.warning(request, notice)
    except InvalidDecision as exc:
        form.add_error(None, str(exc))
        if not request.htmx:
            messages.error(request, str(exc))
            return redirect(compare_url)
        return _conflict_card(request, conflict, form=form, status=400)
    else:
        messages.success(request, f"Saved: {resolution.get_decision_display().lower()}.")
    if not request.htmx:
        return redirect(compare_url)
    response = _conflict_card(request, conflict, notice=notice, status=409 if notice else 200)
    conflict.refresh_from_db()
    anchors = [claim.anchor for claim in conflict.claims.all()]
    marks = sentence_marks(conflict.event, anchors=anchors)
    return trigger_client_event(
        response,
        "conflictResolved",
        {
            "id": conflict.pk,
            "status": conflict.status,
            # New highlight of each sentence the decision touched, for the columns.
            "sentences": {a: {"css": m.css, "title": m.title} for a, m in marks.items()},
        },
    )
