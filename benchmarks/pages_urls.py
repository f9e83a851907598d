"""The portal's addresses plus a hello-world view, the in-process floor of benchmarks.pages:
the same middleware, test client and settings, no template and no query."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_patterns


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("bench-hello/", hello, name="bench-hello"), *portal_patterns]
