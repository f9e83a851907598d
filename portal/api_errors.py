"""Under /api/ every error is JSON with a reason, whoever produced it.

DRF answers its own views' errors in JSON, but a path that matches no route, Django's CSRF or
method checks, a rate limit outside DRF or the server's error page answer HTML, which API clients
cannot read. This middleware sits outside all of them and rewrites any error under /api/ that is
not JSON already into {"detail", "code"}, keeping headers such as Allow and Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions

API_PREFIX = "/api/"
JSON_TYPES = ("application/json", "application/problem+json")
KEPT_HEADERS = ("Allow", "Retry-After", "Cache-Control", "Vary")

# DRF's own messages, already translated into the interface languages DRF ships.
REASONS: dict[int, exceptions.APIException | type[exceptions.APIException]] = {
    400: exceptions.ParseError,
    401: exceptions.NotAuthenticated,
    403: exceptions.PermissionDenied,
    404: exceptions.NotFound,
    405: exceptions.MethodNotAllowed,
    406: exceptions.NotAcceptable,
    415: exceptions.UnsupportedMediaType,
    429: exceptions.Throttled,
    500: exceptions.APIException,
}


def _reason(request: HttpRequest, status: int) -> tuple[str, str]:
    """The message and the machine-readable code for a status."""
    known = REASONS.get(status)
    if known is None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        return phrase, phrase.lower().replace(" ", "_").replace("-", "_")
    detail = str(known.default_detail)
    if "{method}" in detail:
        detail = detail.format(method=request.method)
    elif "{media_type}" in detail:
        detail = detail.format(media_type=request.content_type)
    return detail, known.default_code


def as_json_error(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    detail, code = _reason(request, response.status_code)
    answer = JsonResponse({"detail": detail, "code": code}, status=response.status_code)
    for header in KEPT_HEADERS:
        if header in response:
            answer[header] = response[header]
    return answer


class ApiErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path.startswith(API_PREFIX)
            and not response.get("Content-Type", "").startswith(JSON_TYPES)
        ):
            return as_json_error(request, response)
        return response
