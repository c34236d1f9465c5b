"""Request-level protections: a readable refusal of oversized posts and login throttling."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape


def article_limit_text() -> str:
    return f"{settings.NEWSDESK_MAX_ARTICLE_BYTES / 1_000_000:g} MB"


def too_big_message(size: int) -> str:
    return (
        f"That submission is {size / 1_000_000:.1f} MB; articles are limited to "
        f"{article_limit_text()}. Nothing was stored. Split the article or upload a smaller file."
    )


class RequestSizeLimitMiddleware:
    """Refuse oversized posts with a message naming the article size limit.

    Left to Django, a huge paste raises ``RequestDataTooBig`` inside CSRF checking or form
    parsing and the editor gets a bare "400 Bad Request". Here, before anything else reads the
    body: a form post over ``DATA_UPLOAD_MAX_MEMORY_SIZE``, or a multipart post (file uploads)
    over ``NEWSDESK_MAX_REQUEST_BYTES``, is refused from its declared length; a multipart post
    in between is parsed now (files stream to disk) so that a too-long *text field* inside it
    is caught here too. The refusal is a page, or for HTMX a message swapped into the page's
    message area. Nothing is stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            multipart = request.content_type == "multipart/form-data"
            if not multipart or length > settings.NEWSDESK_MAX_REQUEST_BYTES:
                return self.refuse(request, length)
            try:
                request.POST  # noqa: B018  (parse now; the result is cached on the request)
            except RequestDataTooBig:
                return self.refuse(request, length)
        return self.get_response(request)

    @staticmethod
    def refuse(request: HttpRequest, size: int) -> HttpResponse:
        message = too_big_message(size)
        if request.headers.get("HX-Request") == "true":
            # htmx swaps 400 responses (see htmx-config); put the message where messages go.
            response = HttpResponse(
                f'<p class="message error" role="alert">{escape(message)}</p>', status=400
            )
            response["HX-Retarget"] = "#messages"
            response["HX-Reswap"] = "innerHTML"
            return response
        return TemplateResponse(request, "413.html", {"message": message}, status=413).render()


# --------------------------------------------------------------------------- login throttle


def _client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _throttle_key(request: HttpRequest) -> str:
    username = (request.POST.get("username") or "").strip().lower()
    raw = f"{username}\x00{_client_address(request)}"
    return "login-failures:" + hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


def login_failures(request: HttpRequest) -> int:
    """Failed logins for this username and address in the current window."""
    count, expires_at = cache.get(_throttle_key(request)) or (0, 0.0)
    return int(count) if expires_at > time.time() else 0


def record_login_failure(request: HttpRequest) -> None:
    """Count one failure. The window starts at the first failure and is not extended by later
    ones (``cache.incr`` would reset the expiry), so the block lifts when it ends."""
    key, now = _throttle_key(request), time.time()
    count, expires_at = cache.get(key) or (0, 0.0)
    if expires_at <= now:
        count, expires_at = 0, now + settings.NEWSDESK_LOGIN_WINDOW
    cache.set(key, (count + 1, expires_at), timeout=max(1, round(expires_at - now)))


def clear_login_failures(request: HttpRequest) -> None:
    cache.delete(_throttle_key(request))


class ThrottledLoginView(auth_views.LoginView):
    """Django's login view, answering 429 after too many failures for a username and address."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if login_failures(request) >= settings.NEWSDESK_LOGIN_MAX_FAILURES:
            minutes = max(1, round(settings.NEWSDESK_LOGIN_WINDOW / 60))
            # An unbound form: a throttled attempt never checks the password.
            form = self.get_form_class()(request=request)
            context = self.get_context_data(
                form=form,
                throttled=(
                    "Too many failed logins for this account from your address. "
                    f"Wait {minutes} minutes and try again, or ask an admin to reset "
                    "your password."
                ),
            )
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(settings.NEWSDESK_LOGIN_WINDOW)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        record_login_failure(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        clear_login_failures(self.request)
        return super().form_valid(form)
