"""Hostile text typed into any field members (or helpers) can fill never runs on any page or API.

Each payload goes in through the forms people use: the invitation (names), the profile form
(actor, offers, locations, contacts, social links) with the staff approval, the need form and
the public "Ich kann helfen" form. Then every page that shows the text, and the JSON APIs, are
read the way a browser builds them (html.parser): no <script> but the page's own JSON-LD, no
on… event attribute, no javascript: link after the entities are decoded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape

from needs.models import HelpOffer, Need
from network.invitations import invite
from network.models import Actor, Membership, ProfileChange
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    ContactPersonFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    UserFactory,
)
from tests.html import form_data
from tests.network.test_profiles import field_with_value

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "&lt;script&gt;",
    "<scr<script>ipt>",
    "%3Cscript%3E",
    '<a href="jav&#x09;ascript:alert(1)">',
    '" onmouseover="alert(1)',
    "</script><script>alert(1)</script>",
]
IDS = [
    "script",
    "img-onerror",
    "a-javascript",
    "svg-onload",
    "entity-script",
    "nested-script",
    "urlencoded-script",
    "a-tab-javascript",
    "attribute-breakout",
    "close-script",
]
STRONG = "Wiesen-Weg-2024!"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers drop ASCII tabs and newlines inside URLs and trim control characters and spaces.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


# --- how a browser reads a page ----------------------------------------------------------------


class Browserish(HTMLParser):
    """Collects the elements and attributes a browser would build, and the script contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], list[str]]] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        if tag == "script":
            self._script = []
            self.scripts.append((dict(attrs), self._script))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES or name == "srcdoc":
                # Values arrive with their entities decoded (&#x09; is a tab here).
                url = URL_NOISE.sub("", value or "").lower().lstrip("\\\"'")
                if name == "srcdoc" or url.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")


# The page's own scripts: exactly the static files our templates load (editor, header,
# suggestions, map), read from the templates so that no other address passes as ours.
OWN_FILES = frozenset(
    "/static/" + path
    for template in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
    for path in re.findall(r"<script src=\"\{% static '([^']+)' %\}\"", template.read_text())
)


def _own_file(attrs: dict, content: list[str]) -> bool:
    return attrs.get("src") in OWN_FILES and not "".join(content).strip()


def problems(body: str, *, own_scripts: int = 0) -> list[str]:
    """What in `body` would run; `own_scripts` JSON-LD blocks are the page's own, and so are
    the script files our templates load (OWN_FILES), which carry no text of the page."""
    parser = Browserish()
    parser.feed(body)
    parser.close()
    found = list(parser.problems)
    parser.scripts = [script for script in parser.scripts if not _own_file(*script)]
    for attrs, content in parser.scripts:
        if attrs.get("type") != "application/ld+json":
            found.append(f"<script {attrs}>{''.join(content)[:80]}")
            continue
        try:
            json.loads("".join(content))
        except ValueError:
            found.append(f"JSON-LD that is no longer JSON: {''.join(content)[:120]}")
    if len(parser.scripts) != own_scripts:
        found.append(f"{len(parser.scripts)} script elements, expected {own_scripts}")
    # Whatever html.parser made of it, a browser's tokenizer may see more (<scr<script>ipt>).
    own = sum(body.count(f'<script src="{path}"') for path in OWN_FILES)
    raw = len(re.findall(r"<script[\s>/]", body, re.IGNORECASE)) - own
    if raw != len(parser.scripts):
        found.append(f"{raw} '<script' in the text, {len(parser.scripts)} script elements")
    return found


def assert_inert(response, *, own_scripts: int = 0, status: int = 200) -> None:
    assert response.status_code == status, response.content.decode()[:1500]
    assert problems(response.content.decode(), own_scripts=own_scripts) == []


def assert_shown(response, text: str) -> None:
    """The hostile text did reach the page, as text: the checks above are not vacuous."""
    assert escape(text) in response.content.decode(), f"{escape(text)!r} not on the page"


@pytest.mark.parametrize(
    "markup",
    [
        f"<p>{PAYLOADS[0]}</p>",
        f"<p>{PAYLOADS[1]}</p>",
        f"<p>{PAYLOADS[2]}</p>",
        f"<p>{PAYLOADS[3]}</p>",
        f"<p>{PAYLOADS[5]}</p>",
        f"<p>{PAYLOADS[7]}</p>",
        f'<input value="{PAYLOADS[8]}">',
        f"<p>{PAYLOADS[9]}</p>",
        '<script type="application/ld+json">{"name": "</script><script>alert(1)</script>"}',
        '<a href="  JaVa\nScRiPt:alert(1)">x</a>',
    ],
)
def test_the_checker_notices_markup_that_would_run(markup):
    assert problems(markup, own_scripts=1 if "ld+json" in markup else 0)


def test_the_checker_accepts_escaped_payloads_and_json_ld():
    escaped = "".join(f'<p title="{escape(p)}">{escape(p)}</p>' for p in PAYLOADS)
    page = escaped + '<script type="application/ld+json">{"name": "\\u003cscript\\u003e"}</script>'

    assert problems(page, own_scripts=1) == []


# --- the people and the actor ------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class Setting:
    actor: Actor
    staff: object
    place_pk: int


@pytest.fixture
def setting(db) -> Setting:
    actor = ActorFactory(
        name="Sprachcafé Zeitz",
        slug="sprachcafe-zeitz",
        short_description="Deutsch üben bei Kaffee und Kuchen.",
    )
    OfferFactory(actor=actor, name="Gesprächsrunde", description="Jeden Dienstag.")
    LocationFactory(actor=actor, street="Altmarkt 1", town="Zeitz")
    staff = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    place = MunicipalityFactory(slug="xss-ort", name="Testort Alpha")
    return Setting(actor=actor, staff=staff, place_pk=place.pk)


def valid(validator, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def as_email(payload: str) -> str | None:
    """The payload as the quoted local part of an address, when that is a valid address."""
    address = f'"{payload}"@example.org'
    return address if valid(EmailValidator(), address) else None


def as_url(payload: str) -> str | None:
    url = f"https://example.org/?q={payload}"
    return url if valid(URLValidator(), url) else None


def join_by_invitation(client, setting: Setting, payload: str, django_capture_on_commit_callbacks):
    """An editor whose first and last name are the payload, signed in through the link."""
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            acting_user=setting.staff, actor=setting.actor, email="nora@example.org", role="editor"
        )
    token = re.search(r"/accounts/invitation/([\w-]+)/", mail.outbox[-1].body).group(1)
    response = client.post(
        f"/accounts/invitation/{token}/",
        {"first_name": payload, "last_name": payload, "password1": STRONG, "password2": STRONG},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Membership.objects.get(actor=setting.actor, user__email="nora@example.org").user


def edit_url(actor: Actor) -> str:
    return f"/my/actors/{actor.slug}/edit/"


def hostile_profile(client, actor: Actor, payload: str) -> dict[str, list[str]]:
    """The profile form as it stands, with the payload in every field that takes free text."""
    data = form_data(client.get(edit_url(actor)))
    email, url = as_email(payload), as_url(payload)
    data.update(
        {
            "name": [f"Sprachcafé {payload}"],
            "short_description": [payload],
            "description": [f"<p>Willkommen!</p>{payload}"],
            "phone": [payload],
        }
    )
    if email:
        data["email"] = [email]
    if url:
        data["website"] = [url]
    offer = field_with_value(data, "offers-0-", "Gesprächsrunde").rsplit("-", 1)[0]
    data.pop(f"{offer}-is_free", None)
    for name in ("name", "description", "cost_note", "eligibility", "how_to_access"):
        data[f"{offer}-{name}"] = [payload]
    location = field_with_value(data, "locations-0-", "Altmarkt 1").rsplit("-", 1)[0]
    for name in ("name", "street", "town", "accessibility"):
        data[f"{location}-{name}"] = [payload]
    data[f"{location}-latitude"] = [""]
    data[f"{location}-longitude"] = [""]
    contact = f"contacts-{int(data['contacts-TOTAL_FORMS'][0]) - 1}"
    data.update(
        {
            f"{contact}-name": [payload],
            f"{contact}-role": [payload],
            f"{contact}-phone": [payload],
            f"{contact}-email": [email or "kontakt@example.org"],
        }
    )
    if url:
        link = f"social_links-{int(data['social_links-TOTAL_FORMS'][0]) - 1}"
        data.update({f"{link}-platform": ["other"], f"{link}-url": [url]})
    return data


def submit_hostile_profile(client, setting: Setting, payload: str) -> ProfileChange:
    response = client.post(edit_url(setting.actor), hostile_profile(client, setting.actor, payload))
    assert response.status_code == 302, response.content.decode()[:3000]
    return ProfileChange.objects.get(actor=setting.actor, status=ProfileChange.Status.PENDING)


# --- the profile -------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_a_hostile_profile_stays_inert_from_the_form_to_the_public_page(
    client, setting, payload, django_capture_on_commit_callbacks
):
    editor = join_by_invitation(client, setting, payload, django_capture_on_commit_callbacks)
    actor = setting.actor
    change = submit_hostile_profile(client, setting, payload)
    proposed = change.revision.as_object()
    assert proposed.short_description == payload  # kept as text, shown escaped
    assert problems(proposed.description) == []  # rich text is sanitised when it is saved

    # The member's own pages while the change waits.
    for url in ("/my/", f"/my/actors/{actor.slug}/", edit_url(actor)):
        assert_inert(client.get(url))

    # Staff review it: the queue, the difference, the member list; then approve.
    client.force_login(setting.staff)
    assert_inert(client.get("/my/"))
    for url in ("/my/review/", f"/my/actors/{actor.slug}/members/"):
        assert_inert(client.get(url))
        assert_shown(client.get(url), payload)  # the editor's name
    review = client.get(f"/my/review/{change.pk}/")
    assert_inert(review)
    assert_shown(review, payload)
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(f"/my/review/{change.pk}/approve/")
    assert approved.status_code == 302
    actor.refresh_from_db()
    assert actor.short_description == payload
    assert_inert(client.get(f"/my/review/{change.pk}/"))

    # The public: the profile (with its JSON-LD), the directory, the search echoing the words.
    client.logout()
    profile = client.get(actor.get_absolute_url())
    assert_inert(profile, own_scripts=1)
    assert_shown(profile, payload)
    listing = client.get("/directory/")
    assert_inert(listing)
    assert_shown(listing, payload)
    searched = client.get("/directory/", {"q": payload})
    assert_inert(searched)
    assert_shown(searched, payload)  # the words echoed in the search box
    assert_inert(client.get("/directory/", {"q": "Sprachcafé"}))
    assert_inert(client.get("/needs/", {"q": payload}))

    # The member's pages once it is published, and an invitation naming the actor.
    client.force_login(editor)
    for url in ("/my/", f"/my/actors/{actor.slug}/", edit_url(actor)):
        assert_inert(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        invite(acting_user=setting.staff, actor=actor, email="zweite@example.org", role="editor")
    token = re.search(r"/accounts/invitation/([\w-]+)/", mail.outbox[-1].body).group(1)
    client.logout()
    assert_inert(client.get(f"/accounts/invitation/{token}/"))


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_a_refused_profile_shows_the_hostile_input_inert_beside_the_fields(
    client, setting, payload
):
    """Addresses, links and the postcode are validated; the form comes back with the input."""
    editor = MembershipFactory(actor=setting.actor, role=Membership.Role.EDITOR).user
    client.force_login(editor)
    data = hostile_profile(client, setting.actor, payload)
    location = field_with_value(data, "locations-0-", payload).rsplit("-", 1)[0]
    link = f"social_links-{int(data['social_links-TOTAL_FORMS'][0]) - 1}"
    data.update(
        {
            "email": [payload],
            "website": [payload],
            f"{location}-postcode": [payload],
            f"{link}-platform": ["other"],
            f"{link}-url": [payload],
        }
    )

    response = client.post(edit_url(setting.actor), data)

    assert_inert(response)
    page = response.content.decode()
    assert 'id="id_email_error"' in page
    assert 'id="id_website_error"' in page
    assert not ProfileChange.objects.exists()


# --- needs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_a_hostile_need_stays_inert_on_the_board_the_profile_and_the_api(client, setting, payload):
    actor = setting.actor
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user
    client.force_login(editor)

    response = client.post(
        f"/my/actors/{actor.slug}/needs/new/",
        {
            "title": f"Lernpaten {payload}",
            "description": payload,
            "skills": payload,
            "municipality": setting.place_pk,
            "commitment": "regular",
            "hours": payload,
            "helpers_wanted": "1",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    need = Need.objects.get(actor=actor)
    assert need.title == f"Lernpaten {payload}"
    for url in (
        f"/my/actors/{actor.slug}/needs/",
        f"/my/actors/{actor.slug}/needs/{need.pk}/edit/",
        f"/my/actors/{actor.slug}/",
        "/my/",
    ):
        assert_inert(client.get(url))
    client.logout()
    board = client.get("/needs/")
    assert_inert(board)
    assert_shown(board, need.title)
    assert_inert(client.get("/needs/", {"q": "Lernpaten"}))
    assert_inert(client.get("/needs/", {"q": payload}))
    detail = client.get(f"/needs/{need.pk}/")
    assert_inert(detail)
    assert_shown(detail, need.hours)
    assert_inert(client.get(f"/needs/{need.pk}/thanks/"))
    assert_inert(client.get(actor.get_absolute_url()), own_scripts=1)
    for url in ("/api/v1/needs/", f"/api/v1/needs/{need.pk}/"):
        api = client.get(url)
        assert api.status_code == 200
        assert api["Content-Type"].startswith("application/json")
        assert problems(api.content.decode()) == []
        assert "<" not in api.content.decode()
    assert json.loads(client.get(f"/api/v1/needs/{need.pk}/").content)["title"] == need.title


# --- replies of helpers ------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_a_hostile_offer_of_help_stays_inert_for_the_actors_members(client, setting, payload):
    actor = setting.actor
    need = NeedFactory(actor=actor, title="Fahrdienst zum Sprachkurs")
    ContactPersonFactory(actor=actor)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user

    refused = client.post(
        f"/needs/{need.pk}/",
        {"name": payload, "email": payload, "phone": payload, "message": payload, "consent": "on"},
    )
    sent = client.post(
        f"/needs/{need.pk}/",
        {
            "name": payload,
            "email": as_email(payload) or "helferin@example.org",
            "phone": "03443 123456",
            "message": payload,
            "consent": "on",
        },
    )

    assert_inert(refused)  # shown again with the errors, the input in the fields
    assert sent.status_code == 302, sent.content.decode()[:2000]
    reply = HelpOffer.objects.get(need=need)
    assert (reply.name, reply.message) == (payload, payload)
    client.force_login(editor)
    for url in (
        f"/my/actors/{actor.slug}/needs/{need.pk}/replies/",
        f"/my/actors/{actor.slug}/needs/",
        f"/my/actors/{actor.slug}/",
        "/my/",
    ):
        assert_inert(client.get(url))
    assert_shown(client.get(f"/my/actors/{actor.slug}/needs/{need.pk}/replies/"), payload)
    assert_shown(client.get("/my/"), payload)  # the newest offers of help, by name
    status = client.post(
        f"/my/actors/{actor.slug}/needs/{need.pk}/replies/{reply.pk}/status/",
        {"status": "contacted"},
        follow=True,
    )
    assert_inert(status)  # the message naming the helper


# --- the directory's API -----------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_the_directory_api_returns_no_markup_from_a_hostile_profile(
    client, setting, payload, django_capture_on_commit_callbacks
):
    editor = MembershipFactory(actor=setting.actor, role=Membership.Role.EDITOR).user
    client.force_login(editor)
    change = submit_hostile_profile(client, setting, payload)
    client.force_login(setting.staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/my/review/{change.pk}/approve/").status_code == 302
    client.logout()

    responses = [
        client.get("/api/v1/actors/"),
        client.get("/api/v1/actors/", {"q": payload}),
        client.get(f"/api/v1/actors/{setting.actor.slug}/"),
    ]

    detail = json.loads(responses[-1].content)
    assert detail["short_description"] == payload  # the data itself is intact
    for response in responses:
        assert response.status_code == 200
        assert problems(response.content.decode()) == []
        assert "<" not in response.content.decode()  # escaped as \u003c inside the strings


@pytest.mark.parametrize(
    "payload",
    [pytest.param(p, id=i) for p, i in zip(PAYLOADS, IDS, strict=True) if "<" in p],
)
def test_the_directory_api_echoes_no_markup_in_an_error(client, db, payload):
    response = client.get("/api/v1/actors/", {"topic": payload})

    assert response.status_code == 400
    assert problems(response.content.decode()) == []
    assert "<" not in response.content.decode()


def test_the_apis_are_served_as_json_that_browsers_do_not_sniff(client, setting):
    need = NeedFactory(actor=setting.actor)

    for url in (
        "/api/v1/actors/",
        f"/api/v1/actors/{setting.actor.slug}/",
        "/api/v1/needs/",
        f"/api/v1/needs/{need.pk}/",
    ):
        response = client.get(url, HTTP_ACCEPT=BROWSER_ACCEPT)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json"), url
        assert response["X-Content-Type-Options"] == "nosniff"
