"""The page cache in front of Django (portal.pagecache.PageCacheFront, in portal/asgi.py): an
anonymous visitor's hit is sent without Django's ASGI handler, and it is exactly the answer
Django would send (status, headers, body, 304, language, Vary); whatever the page cache cannot
answer (a signed-in visitor, a page with personal data, a redirect to another language) goes on
to Django. Every request here goes through the portal's own ASGI application."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from asgiref.sync import async_to_sync
from django.core import signals
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.asgi import application, django_asgi_app
from tests.factories import UserFactory

# The ASGI app runs inside the test's transaction (connection_kept: tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("connection_kept", "actor")]

PROFILE = "/directory/willkommen-zeitz/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0"
# Headers that differ between any two answers: the nonce is new for every answer.
NONCE = re.compile(r"'nonce-[^']+'")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    queries: int
    through_django: bool

    def header(self, name: str) -> str | None:
        found = [value for key, value in self.headers if key.lower() == name.lower()]
        return found[0] if found else None

    def comparable_headers(self) -> list[tuple[str, str]]:
        return sorted((name.lower(), NONCE.sub("'nonce-…'", value)) for name, value in self.headers)


def request(
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    app=application,
) -> Answer:
    """One request through an ASGI application, as a server hands it over."""
    path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [
            (name.lower().encode(), value.encode())
            for name, value in {
                "host": "testserver",
                "user-agent": BROWSER,
                **(headers or {}),
            }.items()
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent: list[dict] = []
    started: list[object] = []

    async def exchange() -> None:
        import asyncio

        received = False
        disconnected = asyncio.Event()

        async def receive() -> dict:
            nonlocal received
            if not received:
                received = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict) -> None:
            sent.append(message)

        await app(scope, receive, send)

    def count_start(**kwargs: object) -> None:
        started.append(kwargs)

    signals.request_started.connect(count_start)
    try:
        with CaptureQueriesContext(connection) as queries:
            async_to_sync(exchange)()
    finally:
        signals.request_started.disconnect(count_start)
    start = sent[0]
    return Answer(
        status=start["status"],
        headers=[
            (name.decode("latin1"), value.decode("latin1")) for name, value in start["headers"]
        ],
        body=b"".join(message.get("body", b"") for message in sent[1:]),
        queries=len(queries),
        through_django=bool(started),
    )


def from_the_front(path: str, **kwargs) -> Answer:
    answer = request(path, **kwargs)
    assert not answer.through_django, f"{path} went through Django"
    assert answer.queries == 0
    return answer


def assert_same_answer(front: Answer, django: Answer) -> None:
    assert front.status == django.status
    assert front.body == django.body
    assert front.comparable_headers() == django.comparable_headers()


@pytest.mark.parametrize(
    "path",
    ["/", "/directory/?q=Zeitz&sort=name", "/en/directory/", PROFILE, "/ar/needs/", "/events/"],
)
def test_it_answers_a_hit_before_django_exactly_as_django_does(path):
    rendered = request(path)
    assert rendered.through_django
    assert rendered.queries > 0

    front = from_the_front(path)
    django = request(path, app=django_asgi_app)

    assert front.status == 200
    assert_same_answer(front, django)
    assert front.body == rendered.body
    assert front.header("Content-Length") == str(len(front.body))
    assert "nonce-" in front.header("Content-Security-Policy")
    assert front.header("X-Content-Type-Options") == "nosniff"
    assert front.header("X-Frame-Options") == "DENY"
    assert front.header("ETag")
    assert "public" in front.header("Cache-Control")


def test_each_hit_gets_a_fresh_nonce_in_its_policy():
    request("/directory/")

    policies = {from_the_front("/directory/").header("Content-Security-Policy") for _ in range(2)}

    assert len(policies) == 2


def test_it_answers_304_to_a_matching_etag_as_django_does():
    etag = request("/directory/").header("ETag")

    front = from_the_front("/directory/", headers={"If-None-Match": etag})
    django = request("/directory/", headers={"If-None-Match": etag}, app=django_asgi_app)

    assert front.status == 304
    assert front.body == b""
    assert_same_answer(front, django)
    assert from_the_front("/directory/", headers={"If-None-Match": '"other"'}).status == 200


def test_it_answers_head_as_django_does():
    request("/directory/")

    front = from_the_front("/directory/", method="HEAD")
    django = request("/directory/", method="HEAD", app=django_asgi_app)

    assert_same_answer(front, django)


def test_it_keys_by_language_and_keeps_vary_as_django_does():
    german, english = request("/directory/"), request("/en/directory/")

    assert b'lang="de"' in german.body
    assert b'lang="en"' in english.body
    assert from_the_front("/directory/").body == german.body
    assert from_the_front("/en/directory/").body == english.body
    assert from_the_front("/directory/").header("Vary") == "Accept-Language"
    assert from_the_front("/en/directory/").header("Vary") is None
    # A German visitor whose browser asks for German, or who chose it, gets the German copy.
    assert (
        from_the_front("/directory/", headers={"Accept-Language": "de-DE,de"}).body == german.body
    )
    assert (
        from_the_front("/directory/", headers={"Cookie": "django_language=de"}).body == german.body
    )
    # The query's parameters in any order share an entry.
    by_name = request("/directory/?q=Zeitz&sort=name")
    assert from_the_front("/directory/?sort=name&q=Zeitz").body == by_name.body


@pytest.mark.parametrize(
    "headers", [{"Accept-Language": "en-GB,en;q=0.8"}, {"Cookie": "django_language=ar"}]
)
def test_a_visitor_sent_to_their_language_is_sent_on_by_django(headers):
    request("/directory/")

    answer = request("/directory/", headers=headers)

    assert answer.through_django
    assert answer.status == 302
    assert answer.header("Location").endswith("/directory/")
    assert answer.header("Location").startswith(("/en/", "/ar/"))


def test_it_never_answers_a_signed_in_visitor_with_the_anonymous_copy(client):
    anonymous = request("/directory/")
    client.force_login(UserFactory(username="mira"))
    session = client.cookies["sessionid"].value

    answer = request("/directory/", headers={"Cookie": f"sessionid={session}"})

    assert answer.through_django
    assert answer.body != anonymous.body
    assert "Abmelden" in answer.body.decode()
    assert "private" in answer.header("Cache-Control")


def test_it_never_answers_a_visitor_with_pending_messages():
    request("/directory/")

    assert request("/directory/", headers={"Cookie": "messages=pending"}).through_django


@pytest.mark.parametrize("path", ["/referral/", "/accounts/login/"])
def test_pages_kept_out_of_caches_always_go_through_django(path):
    first = request(path)
    second = request(path)

    assert first.through_django and second.through_django
    assert second.status == 200
    assert "no-store" in second.header("Cache-Control")


def test_it_leaves_other_hosts_and_methods_to_django():
    request("/directory/")

    assert request("/directory/", headers={"Host": "evil.example"}).status == 400
    assert request("/directory/", method="POST").through_django


def test_without_the_page_cache_everything_goes_through_django(settings):
    request("/directory/")
    settings.PAGE_CACHE = False

    assert request("/directory/").through_django
