"""One demo account per role the portal distinguishes, so each view can be tried first-hand."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from demo.network.curated import COORDINATOR_ACTOR_SLUG, EDITOR_ACTOR_SLUG
from network.models import Actor, AgencyUnit, Membership


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    is_superuser: bool = False
    is_staff: bool = False
    agency_unit: str = ""
    actor: str = ""
    membership_role: str = ""

    @property
    def email(self) -> str:
        return f"{self.username}@example.org"


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "admin",
        "Administration (alle Rechte)",
        "Ada",
        "Auenrieth",
        is_superuser=True,
        is_staff=True,
    ),
    DemoAccount(
        "intake",
        "Migrationsagentur, Eingangszone",
        "Ines",
        "Lindenhain",
        is_staff=True,
        agency_unit="eingangszone",
    ),
    DemoAccount(
        "auslaenderbehoerde",
        "Migrationsagentur, Ausländerbehörde",
        "Aylin",
        "Rosenhag",
        is_staff=True,
        agency_unit="auslaenderbehoerde",
    ),
    DemoAccount(
        "jobcenter",
        "Migrationsagentur, Jobcenter",
        "Jonas",
        "Kieselbach",
        is_staff=True,
        agency_unit="jobcenter",
    ),
    DemoAccount(
        "editor",
        "Redaktion: Sprachcafé Weißenfels e.V.",
        "Emil",
        "Saalweide",
        actor=EDITOR_ACTOR_SLUG,
        membership_role=Membership.Role.EDITOR,
    ),
    DemoAccount(
        "coordinator",
        "Ehrenamtskoordination: Ehrenamtliche Lernpaten Hohenmölsen",
        "Carla",
        "Finkenau",
        actor=COORDINATOR_ACTOR_SLUG,
        membership_role=Membership.Role.COORDINATOR,
    ),
    # Every unit has someone reading its inbox: a referral routed to a unit without staff would
    # wait where nobody looks. Listed last, so the accounts above keep their ids.
    DemoAccount(
        "asylbewerberleistungen",
        "Migrationsagentur, Asylbewerberleistungen",
        "Amira",
        "Talgrund",
        is_staff=True,
        agency_unit="asylbewerberleistungen",
    ),
    DemoAccount(
        "unterbringung",
        "Migrationsagentur, Unterbringung",
        "Uwe",
        "Birkenfeld",
        is_staff=True,
        agency_unit="unterbringung",
    ),
    DemoAccount(
        "integrationsberatung",
        "Migrationsagentur, Integrationsberatung",
        "Irina",
        "Weidenthal",
        is_staff=True,
        agency_unit="integrationsberatung",
    ),
    DemoAccount(
        "arbeitsagentur",
        "Migrationsagentur, Agentur für Arbeit",
        "Arne",
        "Mühlbach",
        is_staff=True,
        agency_unit="agentur-fuer-arbeit",
    ),
    DemoAccount(
        "ehrenamtskoordination",
        "Migrationsagentur, Ehrenamtskoordination",
        "Elif",
        "Sonnenhang",
        is_staff=True,
        agency_unit="ehrenamtskoordination",
    ),
)


def ensure_accounts(password: str) -> list[str]:
    """Create or reset the demo accounts; returns what could not be set up, for the report.

    Passwords are reset on every run so that the printed table is always true; the accounts
    share one hash because hashing is deliberately slow and they share the password anyway.
    """
    problems: list[str] = []
    password_hash = make_password(password)
    for account in ACCOUNTS:
        user, _ = get_user_model().objects.update_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": account.email,
                "is_active": True,
                "is_staff": account.is_staff,
                "is_superuser": account.is_superuser,
                "password": password_hash,
            },
        )
        if account.agency_unit:
            unit = AgencyUnit.objects.filter(slug=account.agency_unit).first()
            if unit is None:
                problems.append(f"{account.username}: agency unit {account.agency_unit} missing")
            else:
                unit.staff.add(user)
        if account.actor:
            actor = Actor.objects.filter(slug=account.actor).first()
            if actor is None:
                problems.append(f"{account.username}: actor {account.actor} missing")
            else:
                Membership.objects.update_or_create(
                    user=user, actor=actor, defaults={"role": account.membership_role}
                )
    return problems
