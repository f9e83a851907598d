"""Demo referrals and accounts, and the categories in the Wagtail admin."""

from __future__ import annotations

import random

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from demo.network.accounts import ACCOUNTS, ensure_accounts
from demo.network.curated import COORDINATOR_ACTOR_SLUG
from demo.referrals import DEMO_PLAN_REFERENCE, DEMO_REFERRALS, DEMO_STATUS_CODE, load_demo
from network.models import AgencyUnit
from referrals.models import ConcernCategory, Referral, Status
from tests.factories import ActorFactory


@pytest.fixture
def demo_accounts(db):
    ActorFactory(slug=COORDINATOR_ACTOR_SLUG, name="Lernpaten Hohenmölsen")
    ensure_accounts(settings.DEMO_PASSWORD)


def test_it_creates_referrals_in_every_state_for_the_demo_accounts(demo_accounts):
    created = load_demo(random.Random(2026))

    assert created == len(DEMO_REFERRALS) >= 12
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert statuses == {s.value for s in Status}
    units = set(Referral.objects.values_list("unit__slug", flat=True))
    assert {"eingangszone", "auslaenderbehoerde", "jobcenter"} <= units
    assert Referral.objects.filter(referring_actor__slug=COORDINATOR_ACTOR_SLUG).exists()
    assert Referral.objects.filter(events__kind="forwarded").exists()


def test_the_demo_plan_opens_with_its_documented_reference_and_code(client, demo_accounts):
    load_demo(random.Random(2026))

    response = client.post(
        "/ar/referral/plan/", {"reference": DEMO_PLAN_REFERENCE, "code": DEMO_STATUS_CODE}
    )
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert page.count('class="plan-step"') == 2
    assert Referral.objects.get(reference=DEMO_PLAN_REFERENCE).events.filter(kind="plan").exists()


def test_it_adds_nothing_when_referrals_exist(demo_accounts):
    load_demo(random.Random(2026))

    assert load_demo(random.Random(2026)) == 0
    assert Referral.objects.count() == len(DEMO_REFERRALS)


def test_it_gives_the_new_demo_staff_their_units(demo_accounts):
    users = get_user_model().objects
    by_unit = {account.username: account.agency_unit for account in ACCOUNTS if account.agency_unit}

    assert by_unit == {
        "intake": "eingangszone",
        "auslaenderbehoerde": "auslaenderbehoerde",
        "jobcenter": "jobcenter",
        "asylbewerberleistungen": "asylbewerberleistungen",
        "unterbringung": "unterbringung",
        "integrationsberatung": "integrationsberatung",
        "arbeitsagentur": "agentur-fuer-arbeit",
        "ehrenamtskoordination": "ehrenamtskoordination",
    }
    for username, unit in by_unit.items():
        user = users.get(username=username)
        assert list(user.agency_units.values_list("slug", flat=True)) == [unit]
        assert user.has_perm("wagtailadmin.access_admin")
        assert user.check_password(settings.DEMO_PASSWORD)


def test_it_gives_every_agency_unit_an_active_staff_account(demo_accounts):
    # Issue 19: a referral routed to a unit nobody staffs (the demo's Unterbringung) went unread.
    unstaffed = AgencyUnit.objects.exclude(staff__is_active=True).values_list("slug", flat=True)

    assert AgencyUnit.objects.count() >= 8
    assert list(unstaffed) == []


def test_it_seeds_the_categories_with_their_routing_rules(db):
    rules = dict(ConcernCategory.objects.values_list("slug", "default_unit__slug"))

    assert rules["aufenthalt"] == "auslaenderbehoerde"
    assert rules["arbeit"] == "jobcenter"
    assert rules["wohnen"] == "unterbringung"
    assert rules["sonstiges"] is None
    assert len(rules) >= 10


def test_it_lets_administrators_edit_categories_in_the_admin(client, admin, units):
    client.force_login(admin)
    category = ConcernCategory.objects.get(slug="gesundheit")

    listing = client.get("/admin/snippets/referrals/concerncategory/")
    response = client.post(
        f"/admin/snippets/referrals/concerncategory/edit/{category.pk}/",
        {
            "name": "Gesundheit",
            "slug": "gesundheit",
            "description": "Arzt, Krankenschein.",
            "default_unit": units.a.pk,
            "ordering": 80,
            "is_active": "on",
        },
    )

    assert listing.status_code == 200 and "Gesundheit" in listing.content.decode()
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.default_unit == units.a


def test_it_keeps_staff_and_partners_out_of_the_category_admin(client, staff_a, partner):
    for user in (staff_a, partner):
        client.force_login(user)
        response = client.get("/admin/snippets/referrals/concerncategory/")
        assert response.status_code in {302, 403}
