"""Who may see what: every calendar view against every role."""

from __future__ import annotations

import pytest

from events.models import Event
from network.models import ProfileChange
from tests.events.factories import EventFactory
from tests.events.helpers import submit

PERSONAS = ["anonymous", "outsider", "other_editor", "editor", "owner", "staff", "admin"]
KEEPERS = {"editor", "owner", "staff", "admin"}


@pytest.fixture
def login(client, request):
    def as_persona(persona: str):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return as_persona


@pytest.fixture
def published(actor) -> Event:
    return EventFactory(actor=actor, title="Öffentlich")


@pytest.fixture
def draft(actor) -> Event:
    return EventFactory(actor=actor, title="Entwurf", live=False)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_published_events_to_everybody_and_drafts_to_nobody(
    login, persona, published, draft
):
    client = login(persona)

    for url in (
        "/events/",
        f"/events/{published.slug}/",
        f"/events/{published.slug}/event.ics",
        "/events/calendar.ics",
        "/api/v1/events/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/events/{draft.slug}/").status_code == 404
    assert client.get(f"/events/{draft.slug}/event.ics").status_code == 404
    assert "Entwurf" not in client.get("/events/").content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_actors_keepers_manage_its_events(login, persona, actor, published):
    client = login(persona)
    base = f"/my/actors/{actor.slug}/events/"

    responses = {
        "list": client.get(base),
        "new": client.get(base + "new/"),
        "edit": client.get(f"{base}{published.pk}/edit/"),
        "withdraw": client.post(f"{base}{published.pk}/withdraw/"),
    }

    for name, response in responses.items():
        if persona == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url, name
        elif persona in KEEPERS:
            assert response.status_code in (200, 302), name
            assert "/accounts/login/" not in getattr(response, "url", ""), name
        else:
            assert response.status_code == 404, name
    published.refresh_from_db()
    assert published.live == (persona not in KEEPERS)


def test_it_never_reaches_another_actors_event_through_ones_own_actor(
    client, editor, actor, other_actor
):
    foreign = EventFactory(actor=other_actor)
    client.force_login(editor)

    assert client.get(f"/my/actors/{actor.slug}/events/{foreign.pk}/edit/").status_code == 404
    assert client.post(f"/my/actors/{actor.slug}/events/{foreign.pk}/withdraw/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.live


@pytest.mark.parametrize("persona", ["editor", "owner", "outsider", "other_editor"])
def test_it_keeps_event_reviews_for_staff(login, persona, actor, editor):
    event = EventFactory(actor=actor)
    actor_client = login("editor")
    submit(actor_client, actor, event, title="Geändert")
    change = ProfileChange.objects.get(actor=actor)
    client = login(persona)

    assert client.get(f"/my/review/{change.pk}/").status_code == 404
    assert client.post(f"/my/review/{change.pk}/approve/").status_code == 404
    event.refresh_from_db()
    assert event.title != "Geändert"


def test_it_leaves_the_trusted_flag_to_staff(client, actor, owner):
    client.force_login(owner)

    page = client.get(f"/my/actors/{actor.slug}/edit/").content.decode()

    assert "is_trusted" not in page
