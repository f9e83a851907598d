"""The wayfinder's path counts: what is counted, that nothing personal is, and the staff view."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.apps import apps as django_apps
from django.contrib.sessions.models import Session
from django.utils import timezone

from network.models import Language
from referrals.categories import load_wayfinder_defaults
from referrals.models import WayfinderStepCount
from referrals.wayfinder_stats import wayfinder_report
from tests.referrals.helpers import html

Step = WayfinderStepCount.Step
FULL = "concern=aufenthalt&for_whom=selbst&language=uk&contact=nein&municipality=zeitz"


@pytest.fixture
def wayfinder_data(units):
    load_wayfinder_defaults(django_apps)
    Language.objects.get_or_create(
        code="uk", defaults={"name": "Ukrainisch", "native_name": "Українська"}
    )


def counts() -> dict[tuple[str, str], int]:
    return {(row.step, row.path): row.count for row in WayfinderStepCount.objects.all()}


def walk(client, *, to_form: bool = True, address: str = "192.0.2.1") -> None:
    def visit(url: str) -> None:
        client.get(url, REMOTE_ADDR=address)

    visit("/wayfinder/")
    visit("/wayfinder/?concern=aufenthalt&step=for_whom")
    visit("/wayfinder/?concern=aufenthalt&for_whom=selbst&step=language")
    visit("/wayfinder/?concern=aufenthalt&for_whom=selbst&language=uk&step=contact")
    visit(
        "/wayfinder/?concern=aufenthalt&for_whom=selbst&language=uk&contact=nein&step=municipality"
    )
    visit(f"/wayfinder/?{FULL}&step=result")
    if to_form:
        visit(f"/wayfinder/go/?{FULL}")


def test_it_counts_each_step_after_the_answers_so_far(client, wayfinder_data):
    walk(client)
    walk(client, to_form=False, address="192.0.2.2")

    assert counts() == {
        (Step.CONCERN, ""): 2,
        (Step.FOR_WHOM, "aufenthalt"): 2,
        (Step.LANGUAGE, "aufenthalt/selbst"): 2,
        (Step.CONTACT, "aufenthalt/selbst/uk"): 2,
        (Step.RESULT, "aufenthalt/selbst/uk/nein"): 2,
        (Step.REFERRAL, "aufenthalt/selbst/uk/nein"): 1,
    }
    assert WayfinderStepCount.objects.get(step=Step.CONCERN).date == timezone.localdate()


def test_it_stores_nothing_that_tells_people_apart(client, wayfinder_data, django_user_model):
    walk(client, to_form=True)
    response = client.get("/wayfinder/", HTTP_USER_AGENT="Tester", REMOTE_ADDR="203.0.113.9")

    fields = {field.name for field in WayfinderStepCount._meta.get_fields()}
    assert fields == {"id", "date", "step", "path", "count"}
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    stored = " ".join(
        f"{row.date} {row.step} {row.path}" for row in WayfinderStepCount.objects.all()
    )
    assert "203.0.113.9" not in stored and "Tester" not in stored
    assert "zeitz" not in stored  # where the person lives is never counted


def test_it_counts_a_visitor_once_per_step_within_the_window(client, wayfinder_data, settings):
    with time_machine.travel(timezone.now().replace(hour=10), tick=False) as clock:
        for _ in range(30):
            client.get("/wayfinder/", REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Skript")
            client.get(f"/wayfinder/go/?{FULL}", REMOTE_ADDR="198.51.100.4")
        assert counts() == {(Step.CONCERN, ""): 1, (Step.REFERRAL, "aufenthalt/selbst/uk/nein"): 1}

        client.get("/wayfinder/", REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Anderer Browser")
        client.get("/wayfinder/", REMOTE_ADDR="198.51.100.5", HTTP_USER_AGENT="Skript")
        assert counts()[(Step.CONCERN, "")] == 3

        clock.shift(settings.WAYFINDER_COUNT_WINDOW + 1)
        client.get("/wayfinder/", REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Skript")
        assert counts()[(Step.CONCERN, "")] == 4


def test_it_does_not_count_a_head_request(client, wayfinder_data):
    client.head("/wayfinder/")

    assert counts() == {}


def test_it_reports_per_concern_where_people_stop(wayfinder_data):
    today = timezone.localdate()
    rows = [
        (Step.CONCERN, "", 10),
        (Step.FOR_WHOM, "aufenthalt", 6),
        (Step.LANGUAGE, "aufenthalt/selbst", 5),
        (Step.CONTACT, "aufenthalt/selbst/uk", 5),
        (Step.RESULT, "aufenthalt/selbst/uk/nein", 4),
        (Step.REFERRAL, "aufenthalt/selbst/uk/nein", 1),
        (Step.FOR_WHOM, "wohnen", 2),
    ]
    for step, path, count in rows:
        WayfinderStepCount.objects.create(date=today, step=step, path=path, count=count)
    WayfinderStepCount.objects.create(
        date=today - datetime.timedelta(days=40), step=Step.CONCERN, path="", count=99
    )

    report = wayfinder_report(today - datetime.timedelta(days=29), today)

    assert report.started == 10
    assert report.chose_concern == 8
    residence = report.by_concern[0]
    assert residence.label == "Aufenthalt"
    assert residence.reached == [6, 5, 5, 4, 1]
    assert residence.stopped == [1, 0, 1, 3, 0]
    assert report.paths[0].answers == ["Aufenthalt", "Für mich selbst", "Ukrainisch", "–"]
    assert (report.paths[0].results, report.paths[0].referrals) == (4, 1)


def test_it_shows_the_figures_to_agency_staff_only(client, wayfinder_data, staff_a, partner):
    walk(client)

    anonymous = client.get("/agency/wayfinder/")
    client.force_login(partner)
    refused = client.get("/agency/wayfinder/")
    client.force_login(staff_a)
    page = html(client.get("/agency/wayfinder/"))

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert refused.status_code == 403
    assert '<dd id="started">1</dd>' in page
    assert "Für mich selbst" in page


def test_it_shows_a_chosen_period_and_survives_bad_dates(client, wayfinder_data, staff_a):
    WayfinderStepCount.objects.create(
        date=datetime.date(2026, 1, 10), step=Step.CONCERN, path="", count=7
    )
    client.force_login(staff_a)

    chosen = html(client.get("/agency/wayfinder/?start=2026-01-01&end=2026-01-31"))
    bad = client.get("/agency/wayfinder/?start=gestern&end=2026-13-45")
    reversed_period = client.get("/agency/wayfinder/?start=2026-02-01&end=2026-01-01")

    assert '<dd id="started">7</dd>' in chosen
    assert bad.status_code == 200 and 'class="errorlist' in html(bad)
    assert reversed_period.status_code == 200
