"""Coordinators post needs from /my/, see status and replies, and answer helpers by mail."""

from __future__ import annotations

import pytest
from django.core import mail

from needs.models import HelpOffer
from network.models import AuditEntry
from tests.factories import HelpOfferFactory, NeedFactory, UserFactory
from tests.needs.helpers import html


@pytest.fixture
def need_a(actor_a, terms):
    return NeedFactory(actor=actor_a, title="Lernpaten gesucht", municipality=terms.place_a)


@pytest.fixture
def reply_a(need_a):
    return HelpOfferFactory(need=need_a, name="Hanna Helfer", email="hanna@example.org")


def answer_url(need, reply) -> str:
    return f"/my/actors/{need.actor.slug}/needs/{need.pk}/replies/{reply.pk}/answer/"


def test_it_offers_a_new_need_on_the_dashboard_for_each_actor_kept(
    client, coordinator, actor_a, actor_b, editor_b
):
    client.force_login(coordinator)

    page = html(client.get("/my/"))

    assert f'href="/my/actors/{actor_a.slug}/needs/new/"' in page
    assert "Neuen Bedarf anlegen" in page
    assert f"/my/actors/{actor_b.slug}/needs/new/" not in page


def test_it_lists_the_needs_with_status_and_reply_counts_on_the_dashboard(
    client, coordinator, need_a, reply_a
):
    client.force_login(coordinator)

    page = html(client.get("/my/"))

    assert "Lernpaten gesucht" in page
    assert "offen" in page
    assert "1 Rückmeldung" in page


def test_it_offers_a_new_need_on_the_actors_member_page(client, coordinator, actor_a):
    client.force_login(coordinator)

    page = html(client.get(f"/my/actors/{actor_a.slug}/"))

    assert f'href="/my/actors/{actor_a.slug}/needs/new/"' in page


def test_it_mails_the_answer_to_the_helper_without_showing_the_address_in_the_form(
    client, coordinator, need_a, reply_a, django_capture_on_commit_callbacks
):
    coordinator.email = "cora@alpha.example"
    coordinator.save()
    client.force_login(coordinator)
    page = html(client.get(f"/my/actors/{need_a.actor.slug}/needs/{need_a.pk}/replies/"))
    form = page[page.index('class="reply__answer"') :]
    form = form[: form.index("</form>")]
    assert "hanna@example.org" not in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            answer_url(need_a, reply_a), {"message": "Danke! Passt Ihnen Dienstag, 16 Uhr?"}
        )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["hanna@example.org"]
    assert "Lernpaten gesucht" in sent.subject
    assert "> Danke! Passt Ihnen Dienstag, 16 Uhr?" in sent.body
    assert "cora@alpha.example" in sent.body
    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.CONTACTED
    assert AuditEntry.objects.filter(action="need.helper_answered").exists()


def test_it_keeps_a_status_chosen_before_answering(
    client, coordinator, need_a, reply_a, django_capture_on_commit_callbacks
):
    reply_a.status = HelpOffer.Status.ACCEPTED
    reply_a.save()
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer_url(need_a, reply_a), {"message": "Bis Dienstag!"})

    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.ACCEPTED


def test_it_refuses_an_empty_answer_with_a_reason(client, coordinator, need_a, reply_a):
    client.force_login(coordinator)

    response = client.post(answer_url(need_a, reply_a), {"message": "  "})

    assert response.status_code == 400
    assert mail.outbox == []


def test_it_says_so_when_the_helper_left_only_a_phone(client, coordinator, need_a):
    reply = HelpOfferFactory(need=need_a, email="", phone="03443 123456")
    client.force_login(coordinator)

    response = client.post(answer_url(need_a, reply), {"message": "Hallo"})

    assert response.status_code == 400
    assert "keine E-Mail-Adresse" in html(response)
    assert mail.outbox == []


def test_it_lets_only_the_reply_handlers_answer(client, coordinator, editor, need_a, reply_a):
    client.force_login(editor)  # the actor has a coordinator, so editors do not answer

    assert client.post(answer_url(need_a, reply_a), {"message": "Hallo"}).status_code == 403

    client.force_login(UserFactory(username="fremd"))
    assert client.post(answer_url(need_a, reply_a), {"message": "Hallo"}).status_code == 404
    assert mail.outbox == []
