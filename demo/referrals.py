"""Demo referrals across the lifecycle, so each demo account finds something in its inbox.

The demo `intake` account finds unrouted referrals in the intake zone, `auslaenderbehoerde` and
`jobcenter` their units' referrals (one forwarded between them), and `coordinator` the status of
the referrals its actor sent. Created directly, without mail: nobody is to be notified.
One referral in progress (MIA-DEM2-XP, status code WAY2-HERE) has an Arabic plan of two steps,
for trying the person's status look-up and the plan's online copy.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.network.accounts import ACCOUNTS
from demo.network.curated import COORDINATOR_ACTOR_SLUG
from network.models import Actor, AgencyUnit, Language
from referrals.categories import load_categories, load_wayfinder_defaults
from referrals.models import (
    ConcernCategory,
    Outcome,
    PlanStep,
    Referral,
    ReferralEvent,
    Status,
    Urgency,
    WayfinderAudience,
    WayfinderRule,
)
from referrals.plan import suggest
from referrals.reference import new_reference
from referrals.routing import route
from referrals.status_code import hash_code

FIRST_NAMES = ("Amina", "Yusuf", "Olena", "Dawit", "Farah", "Mykola", "Leyla", "Samir", "Nour")
LAST_NAMES = ("Haddad", "Kovalenko", "Tesfaye", "Rahimi", "Bondar", "Osman", "Karimi", "Aziz")
STAFF_OF = {account.agency_unit: account.username for account in ACCOUNTS if account.agency_unit}


@dataclass(frozen=True)
class Step:
    kind: str
    unit: str = ""
    outcome: str = ""
    note: str = ""


@dataclass(frozen=True)
class DemoReferral:
    categories: tuple[str, ...]
    description: str
    language: str
    days_ago: int
    steps: tuple[Step, ...] = ()
    urgency: str = Urgency.NORMAL
    interpreter: bool = False
    from_coordinator: bool = False


DEMO_REFERRALS: tuple[DemoReferral, ...] = (
    DemoReferral(
        ("aufenthalt", "arbeit"),
        "Die Aufenthaltserlaubnis läuft in drei Wochen ab, gleichzeitig gibt es ein "
        "Arbeitsangebot. Die Person weiß nicht, was zuerst zu tun ist.",
        "ar",
        1,
        urgency=Urgency.URGENT,
        interpreter=True,
        from_coordinator=True,
    ),
    DemoReferral(
        ("sonstiges",),
        "Ein Brief vom Amt, den die Familie nicht versteht.",
        "uk",
        0,
    ),
    DemoReferral(
        ("gesundheit",),
        "Sucht eine Kinderärztin in der Nähe von Zeitz.",
        "fa",
        2,
        interpreter=True,
    ),
    DemoReferral(
        ("aufenthalt",),
        "Verlängerung der Aufenthaltserlaubnis; Termin wird gebraucht.",
        "ru",
        3,
        steps=(Step("started", note="Termin für Dienstag angeboten."),),
    ),
    DemoReferral(
        ("aufenthalt",),
        "Fragen zur Einbürgerung nach acht Jahren in Deutschland.",
        "en",
        9,
        urgency=Urgency.SOON,
    ),
    DemoReferral(
        ("arbeit",),
        "Sucht eine Ausbildung als Pflegefachkraft, B1-Zertifikat vorhanden.",
        "ar",
        4,
        steps=(
            Step(
                "forwarded",
                unit="jobcenter",
                note="Eigentlich Jobcenter-Thema: Bürgergeld und Ausbildung.",
            ),
        ),
        from_coordinator=True,
    ),
    DemoReferral(
        ("arbeit",),
        "Bürgergeld-Antrag liegt vor, es fehlen Unterlagen.",
        "uk",
        6,
        steps=(Step("started"),),
    ),
    DemoReferral(
        ("aufenthalt", "familie-und-schule"),
        "Familiennachzug der Ehefrau und zwei Kinder.",
        "ar",
        5,
        steps=(Step("assigned", unit="auslaenderbehoerde", note="Familiennachzug – ABH."),),
    ),
    DemoReferral(
        ("aufenthalt",),
        "Fiktionsbescheinigung verloren.",
        "ti",
        20,
        interpreter=True,
        steps=(Step("started"), Step("closed", outcome=Outcome.HELPED)),
        from_coordinator=True,
    ),
    DemoReferral(
        ("arbeit",),
        "Arbeitserlaubnis für einen Minijob.",
        "fa",
        30,
        steps=(Step("closed", outcome=Outcome.NOT_REACHABLE, note="Dreimal angerufen."),),
    ),
    DemoReferral(
        ("arbeit",),
        "Sucht einen Berufssprachkurs am Abend.",
        "ru",
        15,
        steps=(Step("started"), Step("closed", outcome=Outcome.REFERRED)),
    ),
    DemoReferral(
        ("aufenthalt",),
        "Hat sich inzwischen selbst gekümmert.",
        "en",
        12,
        steps=(Step("closed", outcome=Outcome.WITHDRAWN),),
    ),
)


@dataclass(frozen=True)
class DemoRule:
    category: str
    unit: str
    contact_unit: str = ""
    audience: str = ""


# Answers that lead elsewhere than a category's default unit, as the agency would set them.
DEMO_RULES: tuple[DemoRule, ...] = (
    DemoRule("anerkennung", "jobcenter", contact_unit="jobcenter"),
    DemoRule("arbeit", "agentur-fuer-arbeit", contact_unit="agentur-fuer-arbeit"),
    DemoRule("gesundheit", "asylbewerberleistungen", contact_unit="asylbewerberleistungen"),
    DemoRule("familie-und-schule", "auslaenderbehoerde", contact_unit="auslaenderbehoerde"),
    DemoRule("sonstiges", "ehrenamtskoordination", audience="begleitung"),
)


def load_demo_wayfinder() -> int:
    """Pictograms, topics, "for whom" answers and routing rules; returns the rules created."""
    load_categories(apps)
    load_wayfinder_defaults(apps)
    categories = {category.slug: category for category in ConcernCategory.objects.all()}
    units = {unit.slug: unit for unit in AgencyUnit.objects.all()}
    audiences = {audience.slug: audience for audience in WayfinderAudience.objects.all()}
    created = 0
    for rule in DEMO_RULES:
        if rule.category not in categories or rule.unit not in units:
            continue
        _rule, was_created = WayfinderRule.objects.get_or_create(
            category=categories[rule.category],
            audience=audiences.get(rule.audience),
            contact_unit=units.get(rule.contact_unit),
            defaults={"unit": units[rule.unit]},
        )
        created += was_created
    return created


def load_demo(rng: random.Random) -> int:
    """Create the demo referrals; returns how many. Nothing happens when referrals exist.

    The wayfinder's demo rules are added first, whenever they are missing.
    """
    load_demo_wayfinder()
    if Referral.objects.exists():
        return 0
    categories = {category.slug: category for category in ConcernCategory.objects.all()}
    units = {unit.slug: unit for unit in AgencyUnit.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    users = {user.username: user for user in get_user_model().objects.all()}
    coordinator_actor = Actor.objects.filter(slug=COORDINATOR_ACTOR_SLUG).first()
    partner = Actor.objects.published().exclude(kind="agency_unit").order_by("slug").first()
    now = timezone.now()
    for spec in DEMO_REFERRALS:
        chosen = [categories[slug] for slug in spec.categories if slug in categories]
        created = now - datetime.timedelta(days=spec.days_ago, hours=rng.randint(1, 8))
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        unit = route(chosen)
        referral = Referral.objects.create(
            reference=_free_reference(),
            person_name=name,
            phone=f"0157 {rng.randint(1000000, 9999999)}",
            email=f"{name.split()[0].lower()}@example.org" if rng.random() < 0.5 else "",
            language=languages.get(spec.language),
            interpreter_needed=spec.interpreter,
            urgency=spec.urgency,
            description=spec.description,
            unit=unit,
            referring_actor=coordinator_actor if spec.from_coordinator else None,
            submitted_by=users.get("coordinator") if spec.from_coordinator else None,
            consent_at=created,
            created_at=created,
        )
        referral.categories.set(chosen)
        ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.RECEIVED, to_unit=unit, at=created
        )
        _play(referral, spec.steps, created, units, users, partner)
    _demo_plan(units, users)
    return len(DEMO_REFERRALS)


# One referral the person's side can be tried with: /referral/status/ and /referral/plan/ with
# this reference and code (both from the unambiguous alphabet).
DEMO_PLAN_REFERENCE = "MIA-DEM2-XP"
DEMO_STATUS_CODE = "WAY2-HERE"


def _demo_plan(units: dict[str, AgencyUnit], users: dict[str, Any]) -> None:
    """An Arabic plan of two steps on the first referral in progress, with a known code."""
    referral = (
        Referral.objects.filter(status=Status.IN_PROGRESS).order_by("created_at", "pk").first()
    )
    if referral is None:
        return
    referral.reference = DEMO_PLAN_REFERENCE
    referral.status_code_hash = hash_code(DEMO_PLAN_REFERENCE, DEMO_STATUS_CODE)
    referral.plan_language = "ar"
    referral.save(update_fields=["reference", "status_code_hash", "plan_language"])
    staff = users.get(STAFF_OF.get(referral.unit.slug, ""))
    appointment = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    places = [(referral.unit, appointment), (units.get("jobcenter"), None)]
    for position, (unit, at) in enumerate(
        (place for place in places if place[0] is not None), start=1
    ):
        suggestion = suggest(unit)
        PlanStep.objects.create(
            referral=referral,
            position=position,
            unit=unit,
            address=suggestion.address,
            room=suggestion.room,
            appointment_at=at,
            what_to_bring=suggestion.what_to_bring,
            note="Bitte bringen Sie diesen Laufzettel mit." if position == 1 else "",
        )
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.PLAN,
            by=staff,
            to_unit=unit,
            note=f"Schritt {position} hinzugefügt: {unit.name}",
        )


def _free_reference() -> str:
    reference = new_reference()
    while Referral.objects.filter(reference=reference).exists():
        reference = new_reference()
    return reference


def _play(
    referral: Referral,
    steps: tuple[Step, ...],
    created: datetime.datetime,
    units: dict[str, AgencyUnit],
    users: dict[str, Any],
    partner: Actor | None,
) -> None:
    """Walk the referral through its steps, a few hours apart, as staff of its unit."""
    at = created
    for step in steps:
        at += datetime.timedelta(hours=5)
        actor = users.get(STAFF_OF.get(referral.unit.slug, ""))
        event = ReferralEvent(referral=referral, kind=step.kind, by=actor, at=at, note=step.note)
        if step.kind in {"assigned", "forwarded"}:
            event.from_unit, event.to_unit = referral.unit, units[step.unit]
            referral.unit, referral.status = units[step.unit], Status.ASSIGNED
        elif step.kind == "started":
            referral.status, referral.assignee = Status.IN_PROGRESS, actor
            referral.first_contact_at = referral.first_contact_at or at
        elif step.kind == "closed":
            event.outcome = step.outcome
            referral.status, referral.outcome, referral.closed_at = Status.CLOSED, step.outcome, at
            referral.outcome_partner = partner if step.outcome == Outcome.REFERRED else None
            if step.outcome != Outcome.NOT_REACHABLE:
                referral.first_contact_at = referral.first_contact_at or at
        event.save()
        referral.save()
