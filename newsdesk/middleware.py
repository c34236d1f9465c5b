"""A clean 503 page while the database is unreachable (restart, failover, network blip).

Django turns an exception raised anywhere below a middleware into a 500 response before the
outer middleware sees it, and the session and user lookups that hit the database first happen
in other middleware. So a ``got_request_exception`` receiver notes a database connection
error on the request, and this middleware, first in ``MIDDLEWARE``, swaps the 500 for a 503
page that needs no database, with ``Retry-After``. Nothing has to restart afterwards: with
``CONN_HEALTH_CHECKS`` the next request drops the broken connection and opens a new one.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.html import escape

logger = logging.getLogger(__name__)

_FLAG = "_newsdesk_database_unavailable"
RETRY_AFTER_SECONDS = 5
MESSAGE = "The database is not reachable right now."

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Newsdesk is briefly unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{css}"></head>
<body><main class="container"><h1>Newsdesk is briefly unavailable</h1>
<p>{message} Nothing you saved is lost; decisions and articles already stored are safe.</p>
<p>Newsdesk reconnects by itself: <a href="">try again</a> in a few seconds. If this lasts,
tell whoever runs the server that PostgreSQL is down.</p></main></body></html>
"""


def _note_database_error(sender, request: HttpRequest | None = None, **kwargs) -> None:
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, OperationalError | InterfaceError):
        setattr(request, _FLAG, True)


got_request_exception.connect(_note_database_error, dispatch_uid="newsdesk-database-down")


def database_unavailable_response() -> HttpResponse:
    # No template engine, context processors or database: just the site's stylesheet.
    try:
        css = static("css/newsdesk.css")
    except ValueError:  # a manifest storage without its manifest: the page still renders
        css = ""
    page = PAGE.format(css=escape(css), message=MESSAGE)
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, _FLAG, False):
            logger.warning("Database unavailable: answered %s with 503", request.path)
            return database_unavailable_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable in a view (%s): 503", exception)
            return database_unavailable_response()
        return None
