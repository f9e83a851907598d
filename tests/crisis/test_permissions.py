"""Who may switch a crisis situation: the intake zone's staff and administrators; nobody else (not
the staff of other units), and only by POST. Each refused request leaves the situation, its
category and the log as they were."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client

from crisis.models import Situation, SituationLogEntry
from crisis.services import activate_situation, deactivate_situation
from network.models import AgencyUnit
from tests.factories import UserFactory

PERSONAS = ["anonymous", "outsider", "editor", "unit_staff", "staff", "admin"]
STAFF = {"staff", "admin"}


@pytest.fixture
def unit_staff(db):
    """Staff of the job centre: agency staff, but not the intake zone."""
    user = UserFactory(username="jona")
    AgencyUnit.objects.get(slug="jobcenter").staff.add(user)
    return user


@pytest.fixture
def users(outsider, editor, unit_staff, staff, admin) -> dict:
    return {
        "anonymous": None,
        "outsider": outsider,
        "editor": editor,
        "unit_staff": unit_staff,
        "staff": staff,
        "admin": admin,
    }


def client_for(users: dict, persona: str) -> Client:
    client = Client()
    if users[persona] is not None:
        client.force_login(users[persona])
    return client


def expected_refusal(response, persona: str) -> None:
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    else:
        assert response.status_code == 403


def state(situation: Situation) -> tuple:
    situation.refresh_from_db()
    category = situation.concern_category
    category.refresh_from_db()
    return (
        situation.is_active,
        category.is_active,
        category.default_unit_id,
        SituationLogEntry.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_staff_switch_a_situation_on(users, situation, persona):
    before = state(situation)

    response = client_for(users, persona).post(f"/crisis/{situation.slug}/activate/")

    if persona in STAFF:
        assert response.status_code == 302
        assert state(situation)[0] is True
    else:
        expected_refusal(response, persona)
        assert state(situation) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_staff_switch_a_situation_off(users, situation, staff, persona):
    activate_situation(situation=situation, acting_user=staff)
    before = state(situation)

    response = client_for(users, persona).post(f"/crisis/{situation.slug}/deactivate/")

    if persona in STAFF:
        assert response.status_code == 302
        assert state(situation)[0] is False
    else:
        expected_refusal(response, persona)
        assert state(situation) == before


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", ["", "ankunft-aus-der-ukraine/switch/"])
def test_it_shows_the_switch_pages_to_staff_only(users, situation, persona, page):
    response = client_for(users, persona).get(f"/crisis/{page}")

    if persona in STAFF:
        assert response.status_code == 200
    else:
        expected_refusal(response, persona)


@pytest.mark.parametrize("action", ["activate", "deactivate"])
def test_it_switches_by_post_only(users, situation, action):
    before = state(situation)

    response = client_for(users, "staff").get(f"/crisis/{situation.slug}/{action}/")

    assert response.status_code == 405
    assert state(situation) == before


def test_it_answers_404_for_an_unknown_situation(users, db):
    response = client_for(users, "staff").post("/crisis/gibt-es-nicht/activate/")

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "editor"])
def test_it_hides_a_switched_off_landing_page_from_everyone_but_staff(users, situation, persona):
    assert client_for(users, persona).get(f"/crisis/{situation.slug}/").status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "editor", "unit_staff"])
def test_the_services_refuse_people_who_are_not_staff(users, situation, staff, persona):
    with pytest.raises(PermissionDenied):
        activate_situation(situation=situation, acting_user=users[persona])
    activate_situation(situation=situation, acting_user=staff)
    with pytest.raises(PermissionDenied):
        deactivate_situation(situation=situation, acting_user=users[persona])


def _admin_access(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_it_lets_staff_keep_situations_in_the_admin_without_a_switch_field(users, situation):
    client = client_for(users, "staff")
    _admin_access(users["staff"])

    listing = client.get("/admin/snippets/crisis/situation/")
    form = client.get(f"/admin/snippets/crisis/situation/edit/{situation.pk}/")

    assert listing.status_code == 200
    assert f"/crisis/{situation.slug}/switch/" in listing.content.decode()
    assert form.status_code == 200
    assert 'name="is_active"' not in form.content.decode()
    assert 'name="banner_languages"' in form.content.decode()


def test_it_keeps_situations_from_being_deleted_in_the_admin(users, situation):
    client = client_for(users, "staff")
    _admin_access(users["staff"])

    client.post(f"/admin/snippets/crisis/situation/delete/{situation.pk}/")

    assert Situation.objects.filter(pk=situation.pk).exists()


def test_it_keeps_editors_out_of_the_situations_admin(users, situation):
    client = client_for(users, "editor")
    _admin_access(users["editor"])

    response = client.get(f"/admin/snippets/crisis/situation/edit/{situation.pk}/")

    assert response.status_code == 302
    assert "/crisis/" not in response.url


def test_it_lets_staff_create_a_situation_switched_off_in_the_admin(users, db):
    client = client_for(users, "staff")
    _admin_access(users["staff"])
    inline = {
        f"{name}-{key}": value
        for name in ("steps", "temporary_offers")
        for key, value in (
            ("TOTAL_FORMS", "0"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", "1000"),
        )
    }

    response = client.post(
        "/admin/snippets/crisis/situation/add/",
        {
            "title": "Hochwasser",
            "slug": "hochwasser",
            "banner_text": "Hochwasser im Burgenlandkreis: Hilfe und Notunterkünfte.",
            "banner_languages": ["en", "ar"],
            "intro": "",
            **inline,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    created = Situation.objects.get(slug="hochwasser")
    assert created.banner_languages == ["en", "ar"]
    assert not created.is_active


def test_it_lets_other_units_look_at_but_not_create_or_change_situations_in_the_admin(
    users, situation
):
    client = client_for(users, "unit_staff")
    _admin_access(users["unit_staff"])

    listing = client.get("/admin/snippets/crisis/situation/")
    assert listing.status_code == 200
    assert f"/crisis/{situation.slug}/switch/" not in listing.content.decode()
    assert client.get("/admin/snippets/crisis/situation/add/").status_code == 302
    edit = f"/admin/snippets/crisis/situation/edit/{situation.pk}/"
    assert client.get(edit).status_code == 302
    client.post(edit, {"title": "Umgeleitet", "slug": situation.slug, "banner_text": "x"})
    situation.refresh_from_db()
    assert situation.title != "Umgeleitet"
