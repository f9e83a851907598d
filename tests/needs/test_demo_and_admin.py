"""The demo needs, and the needs in the Wagtail admin for agency staff."""

from __future__ import annotations

import random

import pytest
from django.contrib.auth.models import Permission

from demo.needs import load_demo_needs
from demo.network.curated import COORDINATOR_ACTOR_SLUG
from needs.models import HelpOffer, Need
from network.models import Municipality
from tests.factories import ActorFactory, HelpOfferFactory, LocationFactory, NeedFactory


@pytest.fixture
def demo_actors(db):
    """A small published network with the coordinator's actor, in the seeded municipalities."""
    ActorFactory(slug=COORDINATOR_ACTOR_SLUG, name="Ehrenamtliche Lernpaten Hohenmölsen")
    for slug in ("zeitz", "weissenfels", "naumburg-saale"):
        place = Municipality.objects.get(slug=slug)
        LocationFactory(actor=ActorFactory(slug=f"verein-{slug}"), municipality=place)
    ActorFactory(slug="entwurf", live=False)


def snapshot() -> list[tuple[str, str, str]]:
    return list(Need.objects.order_by("pk").values_list("title", "actor__slug", "status"))


def test_it_creates_about_25_valid_demo_needs(demo_actors):
    created = load_demo_needs(random.Random(42))

    assert created == Need.objects.count() == 25
    for need in Need.objects.all():
        need.full_clean()
    assert not Need.objects.filter(actor__live=False).exists()
    assert Need.objects.filter(actor__slug=COORDINATOR_ACTOR_SLUG).count() >= 3
    assert HelpOffer.objects.filter(need__actor__slug=COORDINATOR_ACTOR_SLUG).exists()
    assert Need.objects.filter(status=Need.Status.EXPIRED).count() == 1
    assert Need.objects.past_end().count() == 1
    assert 4 <= HelpOffer.objects.count() <= 10
    assert Need.objects.filter(title="Lernpat:innen für Grundschulkinder in Zeitz").exists()


def test_it_creates_the_same_demo_needs_from_the_same_seed(demo_actors):
    load_demo_needs(random.Random(42))
    first = snapshot()
    Need.objects.all().delete()

    load_demo_needs(random.Random(42))

    assert snapshot() == first


def test_it_adds_nothing_when_needs_exist(demo_actors):
    load_demo_needs(random.Random(42))

    assert load_demo_needs(random.Random(42)) == 0
    assert Need.objects.count() == 25


# --- Wagtail admin ---------------------------------------------------------------------------


@pytest.fixture
def admin_staff(staff):
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return staff


def test_it_lets_agency_staff_manage_needs_in_the_admin(client, admin_staff, actor_a):
    need = NeedFactory(actor=actor_a, title="Fahrdienst zum Sprachkurs")
    client.force_login(admin_staff)

    listing = client.get("/admin/snippets/needs/need/")
    edit = client.get(f"/admin/snippets/needs/need/edit/{need.pk}/")

    assert listing.status_code == 200
    assert "Fahrdienst zum Sprachkurs" in listing.content.decode()
    assert edit.status_code == 200


def test_it_shows_offers_of_help_read_only_in_the_admin(client, admin_staff, actor_a):
    offer = HelpOfferFactory(need=NeedFactory(actor=actor_a), name="Hanna Helfer")
    client.force_login(admin_staff)

    assert client.get("/admin/snippets/needs/helpoffer/").status_code == 200
    assert client.get(f"/admin/snippets/needs/helpoffer/inspect/{offer.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/needs/helpoffer/edit/{offer.pk}/").status_code != 200
    assert client.get("/admin/snippets/needs/helpoffer/add/").status_code != 200
    assert client.post(f"/admin/snippets/needs/helpoffer/delete/{offer.pk}/").status_code != 200
    assert HelpOffer.objects.filter(pk=offer.pk).exists()


def test_it_keeps_members_out_of_the_admin_needs(client, editor, actor_a):
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)

    assert client.get("/admin/snippets/needs/need/").status_code != 200
    assert client.get("/admin/snippets/needs/helpoffer/").status_code != 200
