"""Every response carries the security headers; pages of personal data are never stored.

The matrix walks public pages in three languages (one of them right-to-left), error pages, the
API, the calendar feed, a static file, the member area, the chat, the agency inbox and the admin.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import RequestFactory

from chat.models import Channel, ChannelMembership
from network.models import Membership
from portal.security import SecurityHeadersMiddleware
from tests.browser.public_site import PublicSite, make_public_site
from tests.chat.factories import ChannelFactory
from tests.factories import ActorFactory, MembershipFactory, UserFactory

LANGUAGES = ("", "/en", "/ar")
PUBLIC_PAGES = (
    "home",
    "directory",
    "profile",
    "needs",
    "need",
    "events",
    "event",
    "search",
    "privacy",
)
PERMISSIONS_DENIED = ("camera", "microphone", "geolocation", "payment", "usb")
INLINE_HANDLER = re.compile(r"<[^>]*\son\w+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>", re.IGNORECASE)
INLINE_CODE_IN_TEMPLATES = re.compile(
    r"<[^>]*\son\w+\s*=|javascript:|<[^>]*\sstyle\s*=|<style|" + INLINE_SCRIPT.pattern,
    re.IGNORECASE,
)


def policy(response: HttpResponse) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


def nonce_of(response: HttpResponse) -> str:
    sources = [s for s in policy(response)["script-src"] if s.startswith("'nonce-")]
    assert len(sources) == 1, sources
    return sources[0].removeprefix("'nonce-").removesuffix("'")


def assert_common_headers(response: HttpResponse) -> dict[str, list[str]]:
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"][:2] == ["'self'", "data:"]
    assert csp["connect-src"][0] == "'self'"
    assert {source.split(":")[0] for source in csp["connect-src"][1:]} <= {"ws", "wss"}
    assert "'unsafe-eval'" not in csp["script-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    denied = {item.strip() for item in response["Permissions-Policy"].split(",")}
    assert {f"{feature}=()" for feature in PERMISSIONS_DENIED} <= denied
    return csp


def assert_strict_headers(response: HttpResponse) -> None:
    csp = assert_common_headers(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["script-src"][0] == "'self'"
    assert nonce_of(response)
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]


def assert_no_store(response: HttpResponse) -> None:
    assert "no-store" in response["Cache-Control"], response.get("Cache-Control")
    assert response["Pragma"] == "no-cache"


def assert_no_inline_code(response: HttpResponse) -> None:
    """No event handler attributes, javascript: links or inline styles; inline scripts only with
    this response's nonce."""
    html = response.content.decode()
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html).group(0)
    assert "javascript:" not in html.lower()
    assert not re.search(r"<[^>]*\sstyle\s*=", html), "style attributes need 'unsafe-inline'"
    assert "<style" not in html.lower()
    for attributes in INLINE_SCRIPT.findall(html):
        if "application/json" in attributes or "application/ld+json" in attributes:
            continue
        assert f'nonce="{nonce_of(response)}"' in attributes, attributes


@pytest.fixture
def site(db) -> PublicSite:
    return make_public_site()


@pytest.fixture
def member(db):
    user = UserFactory(username="mira", first_name="Mira", last_name="Meier")
    actor = ActorFactory(name="Lernpaten Zeitz", slug="lernpaten-zeitz")
    MembershipFactory(user=user, actor=actor, role=Membership.Role.COORDINATOR)
    team = ChannelFactory(slug="team", name="Team", kind=Channel.Kind.PRIVATE)
    ChannelMembership.objects.create(channel=team, user=user)
    return user


@pytest.fixture
def agency_staff(db):
    from network.models import AgencyUnit

    user = UserFactory(username="sachbearbeitung")
    unit, _ = AgencyUnit.objects.get_or_create(
        slug="eingangszone", defaults={"name": "Eingangszone", "is_intake": True}
    )
    unit.staff.add(user)
    return user


@pytest.fixture
def administrator(db):
    return UserFactory(username="verwaltung", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_sends_the_strict_policy_on_public_pages(client, site, name):
    for language in LANGUAGES:
        response = client.get(language + site.pages[name])

        assert response.status_code == 200, language
        assert_strict_headers(response)
        assert_no_inline_code(response)
        assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/gibt-es-nicht/", 404),
        ("/en/gibt-es-nicht/", 404),
        ("/api/v1/actors/", 200),
        ("/api/v1/actors/gibt-es-nicht/", 404),
        ("/api/schema/docs/", 200),
        ("/events/calendar.ics", 200),
        ("/static/css/portal.css", 200),
        ("/jsi18n/", 200),
        ("/healthz", 200),
    ],
)
def test_it_sends_the_headers_on_errors_feeds_json_and_files(client, db, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert_strict_headers(response)


def test_it_sends_the_headers_on_a_server_error(client, db, monkeypatch):
    def broken() -> tuple[bool, str]:
        raise RuntimeError("the database fell over")

    monkeypatch.setattr("portal.views.check_database", broken)
    client.raise_request_exception = False

    response = client.get("/healthz")

    assert response.status_code == 500
    assert_strict_headers(response)


def test_it_sends_the_api_docs_without_inline_styles(client, db):
    response = client.get("/api/schema/docs/")

    assert_no_inline_code(response)


@pytest.mark.parametrize(
    "path",
    [
        "/referral/",
        "/en/referral/",
        "/ar/referral/",
        "/referral/thanks/",
        "/en/referral/thanks/",
        "/accounts/login/",
        "/ar/accounts/login/",
        "/accounts/password-reset/",
        "/en/accounts/password-reset/done/",
    ],
)
def test_it_forbids_storing_referral_and_account_pages(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_strict_headers(response)
    assert_no_store(response)
    assert_no_inline_code(response)


def test_it_forbids_storing_a_submitted_form(client, db):
    response = client.post("/referral/", {"person_name": "Olena Bondar"})

    assert_no_store(response)
    assert_strict_headers(response)


@pytest.mark.parametrize(
    "path",
    [
        "/my/",
        "/en/my/",
        "/my/referrals/",
        "/ar/my/referrals/",
        "/accounts/password-change/",
        "/chat/",
        "/chat/team/",
        "/en/chat/team/",
        "/api/v1/chat/channels/",
    ],
)
def test_it_forbids_storing_member_pages(client, member, path):
    client.force_login(member)

    response = client.get(path)

    assert response.status_code == 200
    assert_strict_headers(response)
    assert_no_store(response)
    if response["Content-Type"].startswith("text/html"):
        assert_no_inline_code(response)


@pytest.mark.parametrize(
    "path",
    ["/agency/referrals/", "/en/agency/referrals/", "/agency/statistics/", "/api/v1/referrals/"],
)
def test_it_forbids_storing_the_agency_inbox(client, agency_staff, path):
    client.force_login(agency_staff)

    response = client.get(path)

    assert response.status_code == 200
    assert_strict_headers(response)
    assert_no_store(response)
    if response["Content-Type"].startswith("text/html"):
        assert_no_inline_code(response)


def test_it_lets_the_chat_page_open_its_socket_on_our_host_only(client, member):
    client.force_login(member)

    plain = policy(client.get("/chat/team/"))["connect-src"]
    secure = policy(client.get("/chat/team/", secure=True))["connect-src"]

    assert plain == ["'self'", "ws://testserver", "wss://testserver"]
    assert secure == ["'self'", "wss://testserver"]


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/"])
def test_it_gives_the_admin_a_policy_wagtail_works_with(client, administrator, path):
    client.force_login(administrator)

    response = client.get(path)

    assert response.status_code == 200
    csp = assert_common_headers(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert_no_store(response)


def test_it_keeps_the_strict_policy_on_public_pages_for_editors(client, administrator):
    client.force_login(administrator)

    response = client.get("/")

    assert_strict_headers(response)


def test_it_changes_the_nonce_with_every_request(client, db):
    nonces = {nonce_of(client.get("/directory/")) for _ in range(5)}

    assert len(nonces) == 5
    assert all(len(nonce) >= 22 for nonce in nonces)


def test_it_hands_the_nonce_to_templates():
    template = Template('<script nonce="{{ csp_nonce }}">1</script>|{{ request.csp_nonce }}')

    def view(request) -> HttpResponse:
        return HttpResponse(template.render(RequestContext(request)))

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))

    script, from_request = response.content.decode().split("|")
    assert from_request == nonce_of(response)
    assert_no_inline_code(HttpResponse(script, headers=dict(response.headers)))


def test_it_keeps_every_template_free_of_inline_code():
    """Templates added later stay within the strict policy too (the rendered pages above cover
    only what the matrix visits)."""
    offending = {
        str(path.relative_to(settings.BASE_DIR)): match.group(0)
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if (match := INLINE_CODE_IN_TEMPLATES.search(path.read_text()))
        and 'nonce="{{ csp_nonce }}"' not in match.group(0)
    }

    assert offending == {}
