"""What a visitor sees when the server fails: a page in their language, never a stack trace.

The pages are rendered without the request's context processors and without anything that
reads the database, because the database may be the very thing that failed. A lost database
connection (OperationalError, InterfaceError) is temporary: the answer is 503 with Retry-After,
so browsers, proxies and API clients know to try again; the transaction it interrupted has
rolled back, so nothing is half-saved.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

RETRY_AFTER_SECONDS = 30


def database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError))


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 for a database that is gone for a moment."""
    if _wants_json(request):
        response: HttpResponse = JsonResponse(
            {"detail": gettext("Vorübergehend nicht erreichbar. Bitte später erneut versuchen.")},
            status=503,
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the database's outage as 503, every other failure as the plain 500 page."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    if _wants_json(request):
        return JsonResponse({"detail": gettext("Ein Fehler ist aufgetreten")}, status=500)
    return HttpResponse(render_to_string("500.html"), status=500)
