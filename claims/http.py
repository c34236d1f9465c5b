"""Request typing and access-checked lookups shared by the views."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django_htmx.middleware import HtmxDetails

from claims.models import Article, Conflict, Event


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
    user: AbstractBaseUser | AnonymousUser


def require_perm(request: HttpRequest, perm: str) -> None:
    """403 unless the user holds ``perm`` (editors do; viewers only read)."""
    if not request.user.has_perm(perm):
        raise PermissionDenied("Your account can read events but not change them.")


def get_event(request: HttpRequest, slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def get_article(request: HttpRequest, pk: int) -> Article:
    return get_object_or_404(Article.objects.select_related("event", "outlet"), pk=pk)


def get_conflict(request: HttpRequest, pk: int) -> Conflict:
    return get_object_or_404(Conflict.objects.select_related("event"), pk=pk)
