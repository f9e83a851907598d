"""Hostile text from members and helpers stays text: on the board, in the member area, in JSON."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation

from needs.models import HelpOffer, Need
from tests.factories import NeedFactory

PAYLOADS = [
    "<script>alert('t1')</script>",
    "<img src=x onerror=\"alert('t2')\">",
    "<a href=\"javascript:alert('t3')\">klick</a>",
    "<a href=\"JaVaScRiPt:alert('t4')\">klick</a>",
    "<a href=\"jav&#x09;ascript:alert('t5')\">klick</a>",
    "<svg onload=alert('t6')><circle r=5 /></svg>",
    "<svg><script>alert('t7')</script></svg>",
    "\"><script>alert('t8')</script>",
    "&lt;script&gt;alert('t9')&lt;/script&gt;",
    "<iframe src=\"javascript:alert('t10')\"></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('t11')>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">t12</a>',
]
HOSTILE = "\n".join(PAYLOADS)

FOREIGN_TAGS = {"img", "svg", "iframe", "math", "style", "object", "embed"}


class Markup(HTMLParser):
    """What a browser would build from a page: real elements and attributes, not escaped text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False
        self.in_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "header" and ("class", "site-header") in attrs:
            self.in_header = True
        # The site header's own icons are the page's; nothing a visitor writes stands there.
        own_icon = tag == "svg" and self.in_header and ("class", "icon") in attrs
        if tag in FOREIGN_TAGS and not own_icon:
            self.problems.append(f"<{tag}>")
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            scheme = "".join((value or "").split()).lower()
            if name in {"href", "src", "action", "formaction"} and scheme.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if tag == "header":
            self.in_header = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.problems.append(f"<script>{data}")


def assert_inert(content: str) -> None:
    parser = Markup()
    parser.feed(content)
    parser.close()
    assert parser.problems == []


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if not p.startswith("&lt;")])
def test_it_would_notice_each_payload_if_it_reached_a_page_raw(payload):
    with pytest.raises(AssertionError):
        assert_inert(f"<p>{payload}</p>")


@pytest.fixture
def hostile_need(actor_a, terms):
    return NeedFactory(
        actor=actor_a,
        title="Lernpaten " + PAYLOADS[0] + PAYLOADS[1],
        description=HOSTILE,
        skills=HOSTILE,
        hours=PAYLOADS[7],
        municipality=terms.place_a,
    )


@pytest.fixture
def hostile_reply(hostile_need, terms):
    reply = HelpOffer.objects.create(
        need=hostile_need,
        name=PAYLOADS[0] + " " + PAYLOADS[7],
        email="\"<script>alert('t13')</script>\"@example.org",
        phone="",
        message=HOSTILE,
        consent=True,
    )
    return reply


def test_it_strips_hostile_markup_from_the_stored_description(hostile_need):
    hostile_need.refresh_from_db()

    assert_inert(hostile_need.description)
    assert 'rel="nofollow noopener"' in hostile_need.description


def test_it_keeps_hostile_text_inert_on_the_board_and_detail(client, hostile_need):
    listing = client.get("/needs/").content.decode()
    detail = client.get(f"/needs/{hostile_need.pk}/").content.decode()
    searched = client.get("/needs/", {"q": "Lernpaten"}).content.decode()

    for page in (listing, detail, searched):
        assert_inert(page)
        assert "Lernpaten &lt;script&gt;alert(&#x27;t1&#x27;)&lt;/script&gt;" in page


def test_it_keeps_hostile_search_words_inert(client, hostile_need):
    response = client.get("/needs/", {"q": PAYLOADS[7]})

    assert response.status_code == 200
    assert_inert(response.content.decode())


def test_it_keeps_hostile_input_inert_when_the_help_form_is_shown_again(client, hostile_need):
    response = client.post(
        f"/needs/{hostile_need.pk}/",
        {"name": PAYLOADS[7], "email": "", "phone": "", "message": HOSTILE, "consent": "on"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert_inert(page)
    assert "&quot;&gt;&lt;script&gt;" in page


def test_it_stores_a_hostile_reply_and_shows_it_inert_to_the_members(
    client, coordinator, hostile_need, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/needs/{hostile_need.pk}/",
            {
                "name": PAYLOADS[0],
                "email": "helfer@example.org",
                "message": HOSTILE,
                "consent": "on",
            },
        )
    assert response.status_code == 302
    client.force_login(coordinator)

    page = client.get(
        f"/my/actors/lernpaten-alpha/needs/{hostile_need.pk}/replies/"
    ).content.decode()

    assert_inert(page)
    assert "&lt;script&gt;alert(&#x27;t1&#x27;)&lt;/script&gt;" in page


def test_it_keeps_a_hostile_quoted_email_inert_on_the_replies_page(
    client, coordinator, hostile_reply
):
    client.force_login(coordinator)

    page = client.get(
        f"/my/actors/lernpaten-alpha/needs/{hostile_reply.need.pk}/replies/"
    ).content.decode()

    assert_inert(page)


def test_it_keeps_hostile_text_inert_in_the_member_list_and_form(client, editor, hostile_need):
    client.force_login(editor)

    listing = client.get("/my/actors/lernpaten-alpha/needs/").content.decode()
    form = client.get(f"/my/actors/lernpaten-alpha/needs/{hostile_need.pk}/edit/").content.decode()

    assert_inert(listing)
    assert_inert(form)


def test_it_keeps_hostile_text_inert_in_the_panels(coordinator, actor_a, hostile_reply):
    with translation.override("de"):
        rendered = Template(
            '{% include "needs/_dashboard_panel.html" %}{% include "needs/_actor_panel.html" %}'
            "{% load needs_tags %}{% actor_open_needs actor %}"
        ).render(Context({"user": coordinator, "actor": actor_a}))

    assert_inert(rendered)


def test_it_sanitises_a_description_posted_through_the_member_form(client, editor, terms):
    client.force_login(editor)

    client.post(
        "/my/actors/lernpaten-alpha/needs/new/",
        {
            "title": PAYLOADS[1],
            "description": HOSTILE,
            "commitment": "regular",
            "helpers_wanted": "1",
            "municipality": terms.place_a.pk,
        },
    )

    need = Need.objects.get()
    assert_inert(need.description)
    assert_inert(client.get(f"/needs/{need.pk}/").content.decode())


def test_it_never_returns_markup_from_the_api(client, hostile_need):
    listing = client.get("/api/v1/needs/")
    detail = client.get(f"/api/v1/needs/{hostile_need.pk}/")

    for response in (listing, detail):
        body = response.content.decode()
        assert response.status_code == 200
        assert "<" not in body
        assert ">" not in body
    data = json.loads(detail.content)
    assert data["title"] == "Lernpaten " + PAYLOADS[0] + PAYLOADS[1]
    assert_inert(data["description"])


def test_it_echoes_no_markup_in_an_api_error(client, hostile_need):
    response = client.get("/api/v1/needs/", {"topic": "<script>alert(1)</script>"})

    assert response.status_code == 400
    assert "<" not in response.content.decode()
