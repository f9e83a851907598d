"""The referral form filled from the wayfinder's link, and routed by the same answers."""

from __future__ import annotations

import pytest
from django.apps import apps as django_apps

from network.models import AgencyUnit
from referrals.categories import load_wayfinder_defaults
from referrals.models import ConcernCategory, Referral, WayfinderAudience, WayfinderRule
from referrals.routing import resolve_unit
from tests.factories import LanguageFactory, UserFactory
from tests.html import select
from tests.referrals.helpers import html, valid_form


@pytest.fixture
def wayfinder_data(units):
    load_wayfinder_defaults(django_apps)
    LanguageFactory(code="qaa", name="Testsprache")
    return units


def checked_categories(page: str) -> list[str]:
    checked = select(page, 'input[type="checkbox"][name="categories"][checked]')
    return [box["value"] for box in checked]


def test_it_preselects_the_concern_and_the_language(client, wayfinder_data):
    page = html(client.get("/uk/referral/?category=wohnen&language=qaa"))

    assert checked_categories(page) == ["wohnen"]
    assert '<option value="qaa" selected>' in page


def test_it_ignores_unknown_values_silently(client, wayfinder_data):
    response = client.get("/referral/?category=gibt-es-nicht&language=zz&for_whom=%3Cb%3E")

    page = html(response)
    assert response.status_code == 200
    assert checked_categories(page) == []
    assert not select(page, 'select[name="language"] option[selected]')
    assert 'class="errorlist"' not in page
    assert "<b>" not in page


def test_it_does_not_preselect_an_inactive_concern(client, wayfinder_data):
    ConcernCategory.objects.filter(slug="wohnen").update(is_active=False)

    page = html(client.get("/referral/?category=wohnen"))

    assert checked_categories(page) == []
    assert 'value="wohnen"' not in page


def test_it_carries_the_wayfinder_answers_that_route(client, wayfinder_data):
    page = html(client.get("/referral/?category=arbeit&for_whom=familie&in_contact=jobcenter"))

    assert '<input type="hidden" name="for_whom" value="familie"' in page
    assert '<input type="hidden" name="in_contact" value="jobcenter"' in page


def test_it_routes_a_submission_exactly_as_the_wayfinder_did(client, wayfinder_data):
    agency = AgencyUnit.objects.get(slug="agentur-fuer-arbeit")
    work = ConcernCategory.objects.get(slug="arbeit")
    WayfinderRule.objects.create(category=work, contact_unit=agency, unit=agency)
    agency.staff.add(UserFactory())
    family = WayfinderAudience.objects.get(slug="familie")

    response = client.post(
        "/referral/",
        valid_form(categories=["arbeit"], for_whom="familie", in_contact="agentur-fuer-arbeit"),
    )

    assert response.status_code == 302
    assert Referral.objects.get().unit == agency == resolve_unit(work, family, agency)


def test_it_routes_by_the_default_when_the_answers_are_unknown(client, wayfinder_data, staff_b):
    response = client.post(
        "/referral/",
        valid_form(categories=["arbeit"], for_whom="x" * 500, in_contact="eingangszone"),
    )

    assert response.status_code == 302
    assert Referral.objects.get().unit.slug == "jobcenter"


def test_it_routes_to_the_intake_zone_when_concerns_lead_apart(client, wayfinder_data):
    client.post(
        "/referral/", valid_form(categories=["arbeit", "aufenthalt"], in_contact="jobcenter")
    )

    assert Referral.objects.get().unit == wayfinder_data.intake
