"""Members keep their actor's events; untrusted actors' events wait for staff review."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client

from events.models import Event, Frequency
from network.models import AuditEntry, ProfileChange
from tests.events.factories import EventFactory
from tests.events.helpers import errors_beside, submit

NEW_EVENT = {
    "title": "Sprachcafé am Dienstag",
    "description": "Deutsch üben bei Tee.\n\nAlle sind willkommen.",
    "start_date": "2027-03-02",
    "start_time": "18:00",
    "end_time": "20:00",
    "frequency": Frequency.WEEKLY,
    "repeat_count": "10",
    "location_kind": "address",
    "venue": "Bürgerhaus",
    "street": "Markt 1",
    "postcode": "06667",
    "town": "Weißenfels",
}


@pytest.fixture
def new_event(terms):
    return {**NEW_EVENT, "municipality": str(terms.place_a.pk), "topics": [str(terms.topic_a.pk)]}


def test_it_keeps_a_new_event_of_an_untrusted_actor_for_review(client, actor, editor, new_event):
    client.force_login(editor)

    response = submit(client, actor, **new_event)

    assert response.status_code == 302
    assert response.url == f"/my/actors/{actor.slug}/events/"
    event = actor.events.get()
    assert not event.live
    assert event.rrule() == "FREQ=WEEKLY;COUNT=10"
    assert event.description == "<p>Deutsch üben bei Tee.</p>\n\n<p>Alle sind willkommen.</p>"
    change = ProfileChange.objects.get(actor=actor)
    assert change.status == ProfileChange.Status.PENDING
    assert change.revision.content_object == event
    assert client.get(event.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="event.submitted", object_id=str(event.pk)).exists()


def test_it_publishes_at_once_for_a_trusted_actor(client, actor, editor, new_event):
    actor.is_trusted = True
    actor.save()
    client.force_login(editor)

    submit(client, actor, **new_event)

    event = actor.events.get()
    assert event.live and event.sequence == 0
    assert not ProfileChange.objects.filter(actor=actor).exists()
    assert client.get(event.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action="event.published", object_id=str(event.pk)).exists()


def test_it_publishes_at_once_what_staff_enter(client, actor, staff, new_event):
    client.force_login(staff)

    submit(client, actor, **new_event)

    assert actor.events.get().live


def test_it_keeps_the_published_event_until_staff_approve_the_change(
    client, actor, owner, editor, staff, django_capture_on_commit_callbacks
):
    event = EventFactory(actor=actor, title="Sprachcafé")
    client.force_login(editor)
    submit(client, actor, event, title="Sprachcafé mit Kinderbetreuung")

    event.refresh_from_db()
    assert event.title == "Sprachcafé" and event.sequence == 0
    public_page = Client().get(event.get_absolute_url()).content.decode()
    assert "Sprachcafé mit Kinderbetreuung" not in public_page
    change = ProfileChange.objects.get(actor=actor, status=ProfileChange.Status.PENDING)

    client.force_login(staff)
    queue = client.get("/my/review/").content.decode()
    assert f'href="/my/review/{change.pk}/"' in queue and "Veranstaltung" in queue
    page = client.get(f"/my/review/{change.pk}/").content.decode()
    assert "<ins> mit Kinderbetreuung</ins>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/my/review/{change.pk}/approve/")

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Sprachcafé mit Kinderbetreuung"
    assert event.sequence == 1
    change.refresh_from_db()
    assert change.status == ProfileChange.Status.APPROVED and change.decided_by == staff
    (message,) = mail.outbox
    assert set(message.to) == {"emil@example.org", "olga@example.org"}
    assert event.get_absolute_url() in message.body
    assert AuditEntry.objects.filter(action="event.approved", object_id=str(event.pk)).exists()


def test_it_publishes_a_new_event_on_approval_without_bumping_its_sequence(
    client, actor, editor, staff, new_event
):
    client.force_login(editor)
    submit(client, actor, **new_event)
    change = ProfileChange.objects.get(actor=actor)

    client.force_login(staff)
    client.post(f"/my/review/{change.pk}/approve/")

    event = actor.events.get()
    assert event.live and event.sequence == 0
    assert client.get(event.get_absolute_url()).status_code == 200


def test_it_sends_a_change_back_with_the_comment(
    client, actor, editor, staff, django_capture_on_commit_callbacks
):
    event = EventFactory(actor=actor, title="Sprachcafé")
    client.force_login(editor)
    submit(client, actor, event, title="Sprachcafé!!!")
    change = ProfileChange.objects.get(actor=actor, status=ProfileChange.Status.PENDING)
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my/review/{change.pk}/return/", {"comment": "Bitte ohne Ausrufezeichen."})

    change.refresh_from_db()
    assert change.status == ProfileChange.Status.RETURNED
    (message,) = mail.outbox
    assert message.to == ["emil@example.org"]
    assert "Bitte ohne Ausrufezeichen." in message.body
    assert f"/my/actors/{actor.slug}/events/{event.pk}/edit/" in message.body
    client.force_login(editor)
    form_page = client.get(f"/my/actors/{actor.slug}/events/{event.pk}/edit/").content.decode()
    assert "Bitte ohne Ausrufezeichen." in form_page
    assert 'value="Sprachcafé!!!"' in form_page  # the member goes on from the proposal
    event.refresh_from_db()
    assert event.title == "Sprachcafé"


def test_it_keeps_profile_reviews_apart_from_event_reviews(client, actor, editor, staff):
    event = EventFactory(actor=actor, title="Sprachcafé")
    client.force_login(editor)
    submit(client, actor, event, title="Sprachcafé neu")

    page = client.get(f"/my/actors/{actor.slug}/").content.decode()

    assert "Änderung wartet auf Prüfung" not in page  # the profile itself has no open change


def test_it_shows_errors_beside_the_fields_and_keeps_the_input(client, actor, editor, new_event):
    client.force_login(editor)

    response = submit(
        client,
        actor,
        **{**new_event, "location_kind": "online", "online_url": "", "end_time": "17:00"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert errors_beside(page, "id_online_url") == ["Bitte geben Sie den Link an."]
    assert errors_beside(page, "id_end_time") == ["Das Ende muss nach dem Beginn liegen."]
    assert 'value="Sprachcafé am Dienstag"' in page
    assert not Event.objects.exists()


def test_it_cancels_and_moves_single_dates(client, actor, staff):
    event = EventFactory(
        actor=actor,
        start_date=datetime.date(2027, 3, 2),
        frequency=Frequency.WEEKLY,
        repeat_count=5,
    )
    client.force_login(staff)

    response = submit(
        client,
        actor,
        event,
        **{
            "exceptions-0-original_date": "2027-03-09",
            "exceptions-0-kind": "moved",
            "exceptions-0-new_date": "2027-03-11",
            "exceptions-0-note": "Raum belegt",
        },
    )

    assert response.status_code == 302
    (exception,) = event.exceptions.all()
    assert exception.new_date == datetime.date(2027, 3, 11) and exception.note == "Raum belegt"


def test_it_takes_an_event_off_the_calendar(client, actor, editor):
    event = EventFactory(actor=actor)
    client.force_login(editor)

    response = client.post(f"/my/actors/{actor.slug}/events/{event.pk}/withdraw/")

    assert response.status_code == 302
    event.refresh_from_db()
    assert not event.live
    assert client.get(event.get_absolute_url()).status_code == 404
