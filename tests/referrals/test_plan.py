"""The person's plan (Laufzettel): who composes it, what the timeline keeps, how the person
reads it (their language, RTL, print, mail, the online copy by reference and code)."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from network.models import AuditEntry
from referrals.models import OutboxMail, PlanStep, Referral, ReferralEvent
from referrals.services import (
    StepData,
    add_plan_step,
    forward_referral,
    issue_status_code,
    mail_plan,
)
from tests.factories import ActorFactory
from tests.network.agency import unit_page
from tests.referrals.factories import ReferralFactory
from tests.referrals.helpers import html, valid_form

SECRETS = ("Amina Haddad", "Aufenthaltserlaubnis", "1990", "AZ-4711", "0157")


@pytest.fixture
def referral_a(units, residence):
    return ReferralFactory(
        unit=units.a,
        categories=[residence],
        file_number="AZ-4711",
        date_of_birth=datetime.date(1990, 4, 1),
    )


@pytest.fixture
def page_a(units):
    return unit_page(units.a, title="Ausländerbehörde")


@pytest.fixture
def arabic_page(page_a):
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    page = page_a.copy_for_translation(arabic, copy_parents=True)
    page.title = "دائرة الأجانب"
    page.what_to_bring = "<ul><li>جواز السفر</li></ul>"
    page.directions = "الطابق الأول، على اليسار"
    page.save_revision().publish()
    return page


def plan_url(referral) -> str:
    return f"/agency/referrals/{referral.reference}/plan/"


def step_form(place, **changes) -> dict:
    return {
        "unit": place.pk,
        "actor": "",
        "address": "Promenade 31, 06667 Weißenfels",
        "room": "1. Obergeschoss, 1.10",
        "appointment_at": "",
        "what_to_bring": "Pass",
        "note": "",
        **changes,
    }


def add_step(referral, unit, user, **changes) -> PlanStep:
    data = {
        "unit": unit,
        "actor": None,
        "address": "Promenade 31, 06667 Weißenfels",
        "room": "1. Obergeschoss, 1.10",
        "appointment_at": None,
        "what_to_bring": "Pass",
        "note": "",
        **changes,
    }
    return add_plan_step(referral=referral, data=StepData(**data), acting_user=user)


# --- who composes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("partner", 403),
        ("staff_a", 200),
        ("staff_b", 404),
        ("intake", 404),
        ("admin", 404),
    ],
)
def test_it_lets_only_the_referrals_unit_compose_the_plan(
    client, personas, referral_a, persona, expected
):
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    get = client.get(plan_url(referral_a))
    post = client.post(plan_url(referral_a), step_form(referral_a.unit))
    assert get.status_code == expected
    if expected == 200:
        assert post.status_code == 302
        assert referral_a.plan_steps.count() == 1
    else:
        assert post.status_code == expected
        assert not PlanStep.objects.exists()


def test_it_lets_the_intake_desk_compose_the_plan_of_a_walk_in_it_entered(client, intake, units):
    client.force_login(intake)
    client.post("/referral/", valid_form())
    walk_in = Referral.objects.get()
    forward_referral(referral=walk_in, unit=units.b, note="zum Jobcenter", acting_user=intake)
    assert client.get(plan_url(walk_in)).status_code == 200
    assert client.get(f"/agency/referrals/{walk_in.reference}/").status_code == 404


def test_it_answers_404_for_another_referrals_step(client, staff_a, referral_a, units):
    other = ReferralFactory(unit=units.a)
    step = add_step(other, units.a, staff_a)
    client.force_login(staff_a)
    url = f"{plan_url(referral_a)}{step.pk}/remove/"
    assert client.post(url).status_code == 404
    assert PlanStep.objects.filter(pk=step.pk).exists()


# --- composing -----------------------------------------------------------------------------------


def test_it_prefills_a_new_step_from_the_units_page(client, staff_a, referral_a, page_a):
    client.force_login(staff_a)
    page = html(client.get(plan_url(referral_a), {"unit": referral_a.unit.pk, "actor": ""}))
    assert "Promenade 31, 06667 Weißenfels" in page
    assert "1. Obergeschoss, 1.10" in page
    assert ">\nPass</textarea>" in page


def test_it_refuses_a_step_with_two_places_or_none(client, staff_a, referral_a, units):
    client.force_login(staff_a)
    actor = ActorFactory()
    both = client.post(plan_url(referral_a), step_form(units.a, actor=actor.pk))
    neither = client.post(plan_url(referral_a), step_form(units.a, unit=""))
    assert both.status_code == neither.status_code == 400
    assert "genau einen Ort" in html(both)
    assert not PlanStep.objects.exists()


def test_every_change_is_on_the_timeline_and_in_the_audit(client, staff_a, referral_a, units):
    client.force_login(staff_a)
    client.post(plan_url(referral_a), step_form(units.a))
    step = referral_a.plan_steps.get()
    client.post(f"{plan_url(referral_a)}{step.pk}/", step_form(units.a, room="2.01"))
    client.post(f"{plan_url(referral_a)}language/", {"language": "ar"})
    client.post(f"{plan_url(referral_a)}{step.pk}/remove/")
    notes = list(
        referral_a.events.filter(kind=ReferralEvent.Kind.PLAN).values_list("note", flat=True)
    )
    assert notes == [
        "Schritt 1 hinzugefügt: Ausländerbehörde",
        "Schritt 1 geändert: Ausländerbehörde",
        "Sprache des Laufzettels: العربية",
        "Schritt 1 entfernt: Ausländerbehörde",
    ]
    assert AuditEntry.objects.filter(action="referral.plan_changed").count() == 4
    detail = html(client.get(f"/agency/referrals/{referral_a.reference}/"))
    assert "Schritt 1 entfernt" in detail


# --- the person's language ---------------------------------------------------------------------


def test_it_renders_the_plan_in_arabic_right_to_left_from_the_translated_page(
    client, staff_a, referral_a, arabic_page
):
    add_step(referral_a, referral_a.unit, staff_a)
    Referral.objects.filter(pk=referral_a.pk).update(plan_language="ar")
    client.force_login(staff_a)
    printed = html(client.get(f"{plan_url(referral_a)}print/"))
    assert '<html lang="ar" dir="rtl">' in printed
    assert "دائرة الأجانب" in printed
    assert "جواز السفر" in printed  # the page's text, as staff left the suggestion
    assert "الطابق الأول، على اليسار" in printed
    assert "<svg" in printed  # the QR code to the online copy
    assert "/ar/referral/plan/?reference=" in printed
    for secret in SECRETS:
        assert secret not in printed


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_it_prints_mails_and_shows_the_plan_in_each_of_the_seven_languages(
    client, staff_a, referral_a, page_a, language
):
    """Every interface language: the print, the mail and the online copy speak it, right to
    left for Arabic and Persian; the unit's German page stands in where it has no translation."""
    add_step(referral_a, referral_a.unit, staff_a, appointment_at=None)
    Referral.objects.filter(pk=referral_a.pk).update(plan_language=language)
    referral_a.refresh_from_db()
    with translation.override(language):
        heading = translation.gettext("Ihr Laufzettel")
        bring = translation.gettext("Bitte mitbringen:")
        hours = translation.gettext("Kommen Sie in die Sprechzeiten:")
        subject = translation.gettext("Ihr Laufzettel: %(reference)s") % {
            "reference": referral_a.reference
        }
    if language != settings.LANGUAGE_CODE:
        assert (heading, bring, hours) != (
            "Ihr Laufzettel",
            "Bitte mitbringen:",
            "Kommen Sie in die Sprechzeiten:",
        )
    direction = "rtl" if language in ("ar", "fa") else "ltr"
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"

    client.force_login(staff_a)
    printed = html(client.get(f"{plan_url(referral_a)}print/"))
    assert f'<html lang="{language}" dir="{direction}">' in printed
    for text in (heading, bring, hours, "Ausländerbehörde", "Promenade 31"):
        assert text in printed, text
    assert f"{prefix}/referral/plan/?reference={referral_a.reference}" in printed

    mail = mail_plan(referral=referral_a, acting_user=staff_a)
    assert mail.subject == subject
    assert bring in mail.body

    code = issue_status_code(referral=referral_a, acting_user=staff_a)
    client.logout()
    online = html(
        client.post(f"{prefix}/referral/plan/", {"reference": referral_a.reference, "code": code})
    )
    assert f'lang="{language}"' in online and f'dir="{direction}"' in online
    for text in (heading, bring, "Ausländerbehörde"):
        assert text in online, text
    for secret in SECRETS:
        assert secret not in printed + mail.body + online


def test_staffs_own_text_wins_over_the_page(client, staff_a, referral_a, arabic_page):
    add_step(referral_a, referral_a.unit, staff_a, what_to_bring="Mietvertrag")
    Referral.objects.filter(pk=referral_a.pk).update(plan_language="ar")
    client.force_login(staff_a)
    printed = html(client.get(f"{plan_url(referral_a)}print/"))
    assert "Mietvertrag" in printed
    assert "جواز السفر" not in printed


def test_printing_with_a_new_code_puts_it_on_the_page_and_in_the_qr_link(
    client, staff_a, referral_a, page_a
):
    add_step(referral_a, referral_a.unit, staff_a)
    client.force_login(staff_a)
    printed = html(client.post(f"{plan_url(referral_a)}print/"))
    code = printed.split('id="status-code">')[1].split("<")[0]
    assert f"code={code}" in printed
    referral_a.refresh_from_db()
    assert referral_a.events.filter(kind=ReferralEvent.Kind.CODE_ISSUED).exists()
    online = client.get(f"/referral/plan/?reference={referral_a.reference}&code={code}")
    assert "Ausländerbehörde" in html(online)


# --- the online copy ------------------------------------------------------------------------------


def test_the_online_copy_shows_the_plan_and_nothing_else(client, staff_a, referral_a, page_a):
    add_step(referral_a, referral_a.unit, staff_a, note="Bitte 10 Minuten früher kommen.")
    code = issue_status_code(referral=referral_a, acting_user=staff_a)
    client.logout()
    response = client.post("/referral/plan/", {"reference": referral_a.reference, "code": code})
    page = html(response)
    assert "Bitte 10 Minuten früher kommen." in page
    assert "Promenade 31" in page
    for secret in SECRETS:
        assert secret not in page


def test_the_online_copy_refuses_a_wrong_code(client, staff_a, referral_a, page_a):
    add_step(referral_a, referral_a.unit, staff_a, note="Geheimer Hinweis")
    issue_status_code(referral=referral_a, acting_user=staff_a)
    page = html(client.post("/referral/plan/", {"reference": referral_a.reference, "code": "X"}))
    assert "Geheimer Hinweis" not in page
    assert "können wir nichts anzeigen" in page


def test_the_online_copy_answers_a_wrong_reference_and_a_wrong_code_alike(
    client, staff_a, referral_a, page_a
):
    add_step(referral_a, referral_a.unit, staff_a, note="Geheimer Hinweis")
    code = issue_status_code(referral=referral_a, acting_user=staff_a)

    def main(response) -> str:
        page = html(response)
        return page[page.index("<main") : page.index("</main>")].split("csrfmiddlewaretoken")[0]

    wrong_code = client.post(
        "/referral/plan/", {"reference": referral_a.reference, "code": "ABCD-EFGH"}
    )
    wrong_reference = client.post("/referral/plan/", {"reference": "MIA-ZZZZ-ZZ", "code": code})
    assert wrong_code.status_code == wrong_reference.status_code == 200
    assert main(wrong_code) == main(wrong_reference)
    assert "Geheimer Hinweis" not in html(wrong_code)


@override_settings(RATE_LIMITS={"referral-status": "3/10m", "referral": "5/10m"})
def test_the_online_copy_and_the_status_look_up_share_one_limit(
    client, staff_a, referral_a, page_a
):
    """Guessing codes on the plan's address costs the same tries as on the status look-up."""
    add_step(referral_a, referral_a.unit, staff_a, note="Geheimer Hinweis")
    code = issue_status_code(referral=referral_a, acting_user=staff_a)
    for _try in range(2):
        client.post("/referral/plan/", {"reference": referral_a.reference, "code": "WRON-GCOD"})
    client.post("/referral/status/", {"reference": referral_a.reference, "code": "WRON-GCOD"})
    refused = client.post("/referral/plan/", {"reference": referral_a.reference, "code": code})
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert "Geheimer Hinweis" not in html(refused)


def test_the_status_look_up_lists_the_plans_steps(client, staff_a, referral_a, page_a):
    add_step(referral_a, referral_a.unit, staff_a, note="Zimmer 1.10 klopfen")
    code = issue_status_code(referral=referral_a, acting_user=staff_a)
    page = html(client.post("/referral/status/", {"reference": referral_a.reference, "code": code}))
    assert "Zimmer 1.10 klopfen" in page


# --- mail ---------------------------------------------------------------------------------------


def test_it_queues_the_plan_mail_in_the_persons_language(staff_a, referral_a, arabic_page):
    add_step(referral_a, referral_a.unit, staff_a)
    Referral.objects.filter(pk=referral_a.pk).update(plan_language="ar")
    referral_a.refresh_from_db()
    mail_plan(referral=referral_a, acting_user=staff_a)
    # The outbox row is the mail the worker sends once the change is committed (test_outbox.py).
    sent = list(OutboxMail.objects.filter(referral=referral_a, recipients=["amina@example.org"]))
    assert len(sent) == 1
    assert "دائرة الأجانب" in sent[0].body
    assert "جواز السفر" in sent[0].body
    assert "/ar/referral/plan/" in sent[0].body
    assert "Amina" not in sent[0].body
    assert referral_a.events.filter(kind=ReferralEvent.Kind.PLAN_MAILED).exists()


def test_a_rolled_back_plan_mail_sends_nothing(staff_a, referral_a, page_a):
    add_step(referral_a, referral_a.unit, staff_a)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        mail_plan(referral=referral_a, acting_user=staff_a)
        raise Undo
    assert not OutboxMail.objects.filter(subject__contains="Laufzettel").exists()


def test_it_says_why_a_plan_cannot_be_mailed(client, staff_a, units):
    phone_only = ReferralFactory(unit=units.a, email="")
    add_step(phone_only, units.a, staff_a)
    client.force_login(staff_a)
    response = client.post(f"{plan_url(phone_only)}mail/", follow=True)
    assert "keine E-Mail-Adresse" in html(response)
    assert not OutboxMail.objects.filter(referral=phone_only).exists()
