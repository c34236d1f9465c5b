"""Thin function views: parse the request, call a model verb or a service, render.

Every page works without JavaScript; with HTMX the same views return the page's partials.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from claims import services
from claims.compare import build_compare_context, conflict_panel
from claims.forms import ArticleForm, EventForm, ResolveForm
from claims.http import HtmxHttpRequest, get_article, get_conflict, get_event, require_perm
from claims.importing import ArticleInputError
from claims.models import Conflict, Event, InvalidDecision, StaleDecision


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


def _event_detail_context(event: Event, form: ArticleForm | None = None) -> dict:
    articles = list(event.articles.select_related("outlet").order_by("created_at", "pk"))
    return {
        "event": event,
        "articles": articles,
        "polling": any(not a.is_finished for a in articles),
        "form": form or ArticleForm(),
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
            article = services.add_article(
                event=event,
                title=parsed.title,
                text=parsed.body,
                outlet_name=parsed.outlet,
                url=parsed.url,
                published_on=parsed.published_on,
                byline=parsed.byline,
                by=request.user,
            )
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


@require_GET
def event_compare(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request, slug)
    status = request.GET.get("status", "open")
    if request.htmx and request.htmx.target in {"conflict-panel", "conflict-tabs"}:
        context = {"event": event, **conflict_panel(event, status)}
        return render(request, f"claims/event_compare.html#{request.htmx.target}", context)
    return render(request, "claims/event_compare.html", build_compare_context(event, status=status))


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
    return trigger_client_event(
        response, "conflictResolved", {"id": conflict.pk, "status": conflict.status}
    )
