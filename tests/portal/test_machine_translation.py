"""Machine-translation drafts: with TRANSLATION_API_URL naming a LibreTranslate-compatible
service, an editor can ask it for the texts still missing in a language; the drafts are marked
"machine translated, not reviewed" and stay out of public view until a person saves them. Without
the setting the button is absent. The service is a small stand-in on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation

from network.models import Actor, Membership, ProfileChange
from network.translations import field_key
from portal import machine_translation
from portal.models import ContentTranslation
from portal.translations import translated
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    OfferFactory,
    UserFactory,
)
from tests.html import select, text_of

pytestmark = pytest.mark.django_db

PROFILE = "/my/actors/sprachcafe-testdorf/translations/uk/"


class StandIn(BaseHTTPRequestHandler):
    """Answers POST /translate like LibreTranslate: the text, tagged with the target language."""

    received: list[dict[str, object]] = []
    failing = False

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append({"path": self.path, **body})
        if type(self).failing or self.path != "/translate":
            self.send_response(503)
            self.end_headers()
            return
        answer = json.dumps({"translatedText": f"[{body['target']}] {body['q']}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def content_rows():
    """Translation rows of the actors' content: the municipalities' names, base data that the
    migrations load (network.vocabularies), are left out."""
    return ContentTranslation.objects.exclude(content_type__model="municipality")


@pytest.fixture
def service(settings) -> Iterator[type[StandIn]]:
    StandIn.received = []
    StandIn.failing = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.TRANSLATION_API_URL = f"http://127.0.0.1:{server.server_address[1]}/"
    yield StandIn
    server.shutdown()
    server.server_close()


@pytest.fixture
def actor(db) -> Actor:
    actor = ActorFactory(
        name="Sprachcafé Testdorf",
        slug="sprachcafe-testdorf",
        short_description="Deutsch üben bei Kaffee und Kuchen.",
        description="<p>Jeden Dienstag treffen wir uns.</p>",
    )
    OfferFactory(actor=actor, name="Gesprächsrunde", description="Wir sprechen Deutsch.")
    return actor


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="erika")
    ).user


def ukrainian(obj, field: str) -> str:
    with translation.override("uk"):
        return str(translated(obj, field))


def test_it_offers_no_draft_without_a_service(client, actor, editor, settings):
    settings.TRANSLATION_API_URL = ""
    client.force_login(editor)

    page = client.get(PROFILE)

    assert select(page, 'button[name="machine_draft"]') == []
    assert client.post(PROFILE, {"machine_draft": "1"}).status_code == 404
    assert not content_rows().exists()


def test_it_drafts_the_missing_texts_marked_and_hidden_from_the_public(
    client, actor, editor, service
):
    client.force_login(editor)
    assert select(client.get(PROFILE), 'button[name="machine_draft"]')

    response = client.post(PROFILE, {"machine_draft": "1"})

    assert response.status_code == 302
    drafts = content_rows().filter(language="uk")
    assert drafts.count() == 4  # short and long description, offer name and description
    assert all(row.machine_translated for row in drafts)
    sent = {
        (request["source"], request["target"], request["format"]) for request in service.received
    }
    assert sent == {("de", "uk", "text"), ("de", "uk", "html")}
    assert all(request["path"] == "/translate" for request in service.received)
    assert ukrainian(actor, "short_description") == "Deutsch üben bei Kaffee und Kuchen."
    page = client.get(PROFILE)
    field = page.content.decode()
    assert "[uk] Deutsch üben bei Kaffee und Kuchen." in field
    assert "maschinell übersetzt, nicht geprüft" in text_of(page, "form[novalidate]")


def test_it_lets_agency_staff_draft_and_publish_for_any_actor(client, actor, service):
    """Staff are no member of the actor, yet may ask for drafts and publish them by saving."""
    staff = UserFactory(username="stefanie")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    client.force_login(staff)
    assert select(client.get(PROFILE), 'button[name="machine_draft"]')

    client.post(PROFILE, {"machine_draft": "1"})
    offer = actor.offers.get()
    client.post(
        PROFILE,
        {
            field_key(actor, "short_description"): "[uk] Deutsch üben bei Kaffee und Kuchen.",
            field_key(actor, "description"): "[uk] <p>Jeden Dienstag treffen wir uns.</p>",
            field_key(offer, "name"): "Розмовний гурток",
            field_key(offer, "description"): "[uk] Wir sprechen Deutsch.",
        },
    )

    assert ukrainian(actor.offers.get(), "name") == "Розмовний гурток"
    assert not ContentTranslation.objects.filter(machine_translated=True).exists()


def test_it_publishes_a_draft_once_a_trusted_editor_saves_it(client, actor, editor, service):
    Actor.objects.filter(pk=actor.pk).update(is_trusted=True)
    client.force_login(editor)
    client.post(PROFILE, {"machine_draft": "1"})

    offer = actor.offers.get()
    assert ukrainian(offer, "name") == "Gesprächsrunde"

    client.post(
        PROFILE,
        {
            field_key(actor, "short_description"): "Практикуємо німецьку за кавою.",
            field_key(actor, "description"): "[uk] <p>Jeden Dienstag treffen wir uns.</p>",
            field_key(offer, "name"): "[uk] Gesprächsrunde",
            field_key(offer, "description"): "[uk] Wir sprechen Deutsch.",
        },
    )

    assert ukrainian(actor, "short_description") == "Практикуємо німецьку за кавою."
    assert ukrainian(actor, "description").endswith("<p>Jeden Dienstag treffen wir uns.</p>")
    assert ukrainian(actor.offers.get(), "name") == "[uk] Gesprächsrunde"
    saved = content_rows().filter(language="uk")
    assert [row.machine_translated for row in saved] == [False] * 4


def test_it_sends_an_untrusted_editors_reading_to_review(client, actor, editor, service):
    client.force_login(editor)
    client.post(PROFILE, {"machine_draft": "1"})

    client.post(PROFILE, {field_key(actor, "short_description"): "Практикуємо німецьку за кавою."})

    assert ProfileChange.objects.filter(status=ProfileChange.Status.PENDING).exists()
    assert ukrainian(actor, "short_description") == "Deutsch üben bei Kaffee und Kuchen."


def test_it_keeps_what_people_translated(client, actor, editor, service):
    Actor.objects.filter(pk=actor.pk).update(is_trusted=True)
    client.force_login(editor)
    client.post(PROFILE, {field_key(actor, "short_description"): "Німецька за кавою."})

    client.post(PROFILE, {"machine_draft": "1"})

    assert [request["q"] for request in service.received if "Kaffee" in request["q"]] == []
    assert ukrainian(actor, "short_description") == "Німецька за кавою."


def test_it_says_so_when_the_service_fails(client, actor, editor, service):
    service.failing = True
    client.force_login(editor)

    response = client.post(PROFILE, {"machine_draft": "1"}, follow=True)

    assert "Übersetzungsdienst" in text_of(response, ".messages")
    assert not content_rows().exists()


def test_it_refuses_an_address_that_is_not_http(settings):
    settings.TRANSLATION_API_URL = "file:///etc/passwd"

    with pytest.raises(machine_translation.Unavailable):
        machine_translation.translate("Hallo", source="de", target="uk")
