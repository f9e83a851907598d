"""/my/actors/<actor>/needs/: members keep their needs and answer helpers; others see nothing."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from needs.models import HelpOffer, Need
from network.models import AuditEntry
from tests.factories import ContactPersonFactory, HelpOfferFactory, NeedFactory
from tests.needs.helpers import errors_beside, html

MEMBERS = ["owner", "editor", "coordinator", "staff"]


@pytest.fixture
def need_a(actor_a, terms):
    return NeedFactory(actor=actor_a, title="Lernpaten gesucht", municipality=terms.place_a)


@pytest.fixture
def need_b(actor_b, terms):
    return NeedFactory(actor=actor_b, title="Sprachcafé-Runde", municipality=terms.place_b)


@pytest.fixture
def reply_a(need_a):
    return HelpOfferFactory(need=need_a, name="Hanna Helfer", email="hanna@example.org")


@pytest.fixture
def reply_b(need_b):
    return HelpOfferFactory(need=need_b, name="Bruno Beta", email="bruno@example.org")


def form_data(terms, **changes) -> dict:
    return {
        "title": "Fahrdienst zum Sprachkurs",
        "description": "Morgens fahren.\n\nFahrtkosten werden erstattet.",
        "skills": "Führerschein",
        "topics": [terms.topic_a.pk],
        "languages": [terms.language_a.pk],
        "municipality": terms.place_a.pk,
        "commitment": "regular",
        "hours": "2 Stunden pro Woche",
        "start_date": "",
        "end_date": "",
        "helpers_wanted": "2",
        "contact_person": "",
        **changes,
    }


def urls(actor, need=None, reply=None) -> list[tuple[str, str]]:
    base = f"/my/actors/{actor.slug}/needs/"
    found = [("get", base), ("get", f"{base}new/"), ("post", f"{base}new/")]
    if need is not None:
        found += [
            ("get", f"{base}{need.pk}/edit/"),
            ("post", f"{base}{need.pk}/edit/"),
            ("post", f"{base}{need.pk}/filled/"),
            ("get", f"{base}{need.pk}/replies/"),
        ]
    if reply is not None:
        found.append(("post", f"{base}{need.pk}/replies/{reply.pk}/status/"))
    return found


# --- who gets in -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", MEMBERS)
def test_it_lists_the_actors_needs_with_reply_counts_for_members(
    client, request, persona, need_a, reply_a
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get("/my/actors/lernpaten-alpha/needs/")

    page = html(response)
    assert response.status_code == 200
    assert "Lernpaten gesucht" in page
    assert "1 Rückmeldung" in page
    assert "1 neu" in page
    assert 'href="/my/actors/lernpaten-alpha/needs/new/"' in page


def test_it_sends_anonymous_visitors_to_sign_in(client, need_a):
    response = client.get("/my/actors/lernpaten-alpha/needs/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_answers_404_to_an_outsider_everywhere(client, outsider, need_a, reply_a):
    client.force_login(outsider)

    for method, url in urls(need_a.actor, need_a, reply_a):
        assert getattr(client, method)(url).status_code == 404, url


def test_it_answers_404_when_an_editor_of_a_reaches_for_b(client, editor, actor_b, need_b, reply_b):
    client.force_login(editor)

    for method, url in urls(actor_b, need_b, reply_b):
        assert getattr(client, method)(url).status_code == 404, url
    need_b.refresh_from_db()
    reply_b.refresh_from_db()
    assert need_b.status == Need.Status.OPEN
    assert reply_b.status == HelpOffer.Status.NEW


def test_it_answers_404_for_bs_need_under_as_address(client, editor, need_b, reply_b):
    """The need is fetched through the actor in the address, not by its number alone."""
    client.force_login(editor)
    base = f"/my/actors/lernpaten-alpha/needs/{need_b.pk}"

    assert client.get(f"{base}/edit/").status_code == 404
    assert client.get(f"{base}/replies/").status_code == 404
    assert client.post(f"{base}/filled/").status_code == 404
    assert (
        client.post(f"{base}/replies/{reply_b.pk}/status/", {"status": "declined"}).status_code
        == 404
    )
    need_b.refresh_from_db()
    assert need_b.status == Need.Status.OPEN


def test_it_answers_404_for_bs_reply_under_as_need(client, coordinator, need_a, reply_b):
    client.force_login(coordinator)

    response = client.post(
        f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/{reply_b.pk}/status/",
        {"status": "declined"},
    )

    assert response.status_code == 404
    reply_b.refresh_from_db()
    assert reply_b.status == HelpOffer.Status.NEW


def test_it_never_shows_bs_replies_on_as_pages(client, editor, need_a, reply_a, reply_b):
    client.force_login(editor)

    page = html(client.get(f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/"))

    assert "Hanna Helfer" in page
    assert "Bruno Beta" not in page


# --- creating and editing --------------------------------------------------------------------


def test_it_creates_a_need_that_appears_on_the_board(client, editor, terms):
    client.force_login(editor)

    response = client.post("/my/actors/lernpaten-alpha/needs/new/", form_data(terms))
    listing = html(client.get(response.url))

    assert response.status_code == 302
    assert response.url == "/my/actors/lernpaten-alpha/needs/"
    assert "Der Bedarf „Fahrdienst zum Sprachkurs“ ist angelegt." in listing
    need = Need.objects.get()
    assert need.actor.slug == "lernpaten-alpha"
    assert need.created_by == editor
    assert need.description == "<p>Morgens fahren.</p>\n\n<p>Fahrtkosten werden erstattet.</p>"
    assert list(need.topics.all()) == [terms.topic_a]
    assert AuditEntry.objects.filter(action="need.created", user=editor).exists()
    assert "Fahrdienst zum Sprachkurs" in html(client.get("/needs/", {"q": "Fahrdienst"}))


def test_it_shows_form_errors_beside_the_fields(client, editor, terms):
    client.force_login(editor)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client.post(
        "/my/actors/lernpaten-alpha/needs/new/",
        form_data(
            terms, title="", municipality="", helpers_wanted="0", end_date=yesterday.isoformat()
        ),
    )

    page = html(response)
    assert response.status_code == 200
    assert errors_beside(page, "id_title")
    assert errors_beside(page, "id_municipality") == [
        "Bitte wählen Sie eine Gemeinde, oder kreuzen Sie „auch online möglich“ an."
    ]
    assert errors_beside(page, "id_helpers_wanted")
    assert errors_beside(page, "id_end_date") == [
        "Das Ende darf nicht in der Vergangenheit liegen."
    ]
    assert "Morgens fahren." in page
    assert not Need.objects.exists()


def test_it_accepts_an_online_need_without_a_municipality(client, editor, terms):
    client.force_login(editor)

    response = client.post(
        "/my/actors/lernpaten-alpha/needs/new/",
        form_data(terms, municipality="", is_online="on"),
    )

    assert response.status_code == 302
    assert Need.objects.get().is_online


def test_it_refuses_an_end_before_the_start(client, editor, terms):
    client.force_login(editor)
    today = timezone.localdate()

    response = client.post(
        "/my/actors/lernpaten-alpha/needs/new/",
        form_data(
            terms,
            start_date=(today + datetime.timedelta(days=5)).isoformat(),
            end_date=(today + datetime.timedelta(days=2)).isoformat(),
        ),
    )

    assert errors_beside(html(response), "id_end_date") == [
        "Das Ende darf nicht vor dem Beginn liegen."
    ]


def test_it_offers_only_the_actors_own_contact_persons(client, editor, actor_a, actor_b, terms):
    own = ContactPersonFactory(actor=actor_a, name="Alma Alpha")
    foreign = ContactPersonFactory(actor=actor_b, name="Berta Beta")
    client.force_login(editor)

    page = html(client.get("/my/actors/lernpaten-alpha/needs/new/"))
    response = client.post(
        "/my/actors/lernpaten-alpha/needs/new/", form_data(terms, contact_person=foreign.pk)
    )

    assert "Alma Alpha" in page
    assert "Berta Beta" not in page
    assert errors_beside(html(response), "id_contact_person")
    assert own.pk


def test_it_edits_a_need_and_records_what_changed(client, coordinator, need_a, terms):
    client.force_login(coordinator)
    url = f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/edit/"

    form = html(client.get(url))
    response = client.post(url, form_data(terms, title="Lernpaten dringend gesucht"))

    assert 'value="Lernpaten gesucht"' in form
    assert response.status_code == 302
    need_a.refresh_from_db()
    assert need_a.title == "Lernpaten dringend gesucht"
    entry = AuditEntry.objects.get(action="need.updated")
    assert "title" in entry.data["fields"]
    assert "commitment" not in entry.data["fields"]


def test_it_marks_a_need_filled_and_takes_it_off_the_board(client, coordinator, need_a):
    client.force_login(coordinator)

    response = client.post(f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/filled/")
    listing = html(client.get(response.url))

    assert response.status_code == 302
    assert "„Lernpaten gesucht“ ist als besetzt markiert und nicht mehr öffentlich." in listing
    assert '<span class="state state--filled">besetzt</span>' in listing
    need_a.refresh_from_db()
    assert need_a.status == Need.Status.FILLED
    assert client.get(f"/needs/{need_a.pk}/").status_code == 404
    assert AuditEntry.objects.filter(action="need.filled", user=coordinator).exists()


def test_it_marks_filled_only_by_post(client, coordinator, need_a):
    client.force_login(coordinator)

    assert client.get(f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/filled/").status_code == 405


# --- replies ---------------------------------------------------------------------------------


def test_it_shows_the_replies_with_their_contact_data(client, coordinator, need_a, reply_a):
    client.force_login(coordinator)

    page = html(client.get(f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/"))

    assert "Hanna Helfer" in page
    assert 'href="mailto:hanna@example.org"' in page
    assert "Ich habe dienstags Zeit." in page
    assert 'name="status" value="contacted"' in page


def test_it_lets_the_coordinator_set_a_replys_status(client, coordinator, need_a, reply_a):
    client.force_login(coordinator)
    url = f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/{reply_a.pk}/status/"

    contacted = client.post(url, {"status": "contacted"})
    accepted = client.post(url, {"status": "accepted"})

    assert contacted.status_code == accepted.status_code == 302
    assert accepted.url.endswith(f"/replies/#reply-{reply_a.pk}")
    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.ACCEPTED
    entries = AuditEntry.objects.filter(action="need.reply_status").order_by("timestamp", "pk")
    assert [entry.data["status"] for entry in entries] == ["contacted", "accepted"]


def test_it_shows_a_wrong_status_beside_the_choice(client, coordinator, need_a, reply_a):
    client.force_login(coordinator)

    response = client.post(
        f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/{reply_a.pk}/status/",
        {"status": "weggeworfen"},
    )

    assert response.status_code == 400
    assert f'id="reply-{reply_a.pk}-error"' in html(response)
    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.NEW


def test_it_leaves_replies_to_the_coordinator_when_there_is_one(
    client, coordinator, editor, need_a, reply_a
):
    client.force_login(editor)

    page = html(client.get(f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/"))
    response = client.post(
        f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/{reply_a.pk}/status/",
        {"status": "declined"},
    )

    assert "Hanna Helfer" in page
    assert 'name="status"' not in page
    assert response.status_code == 403
    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.NEW


@pytest.mark.parametrize("persona", ["editor", "staff"])
def test_it_lets_editors_without_a_coordinator_and_staff_answer(
    client, request, persona, need_a, reply_a
):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(
        f"/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/{reply_a.pk}/status/",
        {"status": "contacted"},
    )

    assert response.status_code == 302
    reply_a.refresh_from_db()
    assert reply_a.status == HelpOffer.Status.CONTACTED


# --- the panels other pages include ----------------------------------------------------------


def render(template: str, **context) -> str:
    with translation.override("de"):
        return Template(template).render(Context(context))


def test_it_shows_the_users_open_needs_and_newest_replies_on_the_dashboard(
    coordinator, need_a, need_b, reply_a, reply_b
):
    request = RequestFactory().get("/my/")
    request.user = coordinator

    panel = render('{% include "needs/_dashboard_panel.html" %}', request=request, user=coordinator)

    assert "Lernpaten gesucht" in panel
    assert (
        f'href="/my/actors/lernpaten-alpha/needs/{need_a.pk}/replies/#reply-{reply_a.pk}"' in panel
    )
    assert "Hanna Helfer" in panel
    assert "Sprachcafé-Runde" not in panel
    assert "Bruno Beta" not in panel


def test_it_shows_the_actors_needs_on_its_member_page(coordinator, actor_a, need_a, reply_a):
    request = RequestFactory().get("/my/actors/lernpaten-alpha/")
    request.user = coordinator

    panel = render(
        '{% include "needs/_actor_panel.html" %}', request=request, user=coordinator, actor=actor_a
    )

    assert "Lernpaten gesucht" in panel
    assert "1 Rückmeldung" in panel
    assert 'href="/my/actors/lernpaten-alpha/needs/new/"' in panel
    assert "Neuen Bedarf anlegen" in panel


def test_it_renders_no_actor_panel_for_people_outside_the_actor(outsider, actor_a, need_a):
    request = RequestFactory().get("/")
    request.user = outsider

    panel = render(
        '{% include "needs/_actor_panel.html" %}', request=request, user=outsider, actor=actor_a
    )

    assert panel.strip() == ""
