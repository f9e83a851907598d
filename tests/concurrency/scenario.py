"""The people of the concurrency suite, written into the suite's database by a process of its own
(`python -m tests.concurrency.scenario`) and printed as JSON for the tests.

Everybody signs in by a session made here, not over the sign-in form: 90 password checks would
cost the 2-CPU machine more than the scenarios themselves.
"""

from __future__ import annotations

import json
import os

import django

EDITORS = 20
CHATTERS = 50
HELPERS = 20


def _session(user) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def build() -> dict:
    from chat.models import Channel, ChannelMembership
    from network.models import AgencyUnit, Membership
    from tests.factories import ActorFactory, MembershipFactory, NeedFactory, UserFactory
    from tests.referrals.factories import ReferralFactory

    def person(username: str):
        return UserFactory(username=username, password="!unusable")

    editors = []
    for number in range(EDITORS):
        actor = ActorFactory(name=f"Parallelverein {number}", slug=f"parallelverein-{number}")
        editor = person(f"parallel-editor-{number}")
        MembershipFactory(user=editor, actor=actor, role=Membership.Role.EDITOR)
        editors.append({"session": _session(editor), "actor": actor.slug})

    helpers_actor = ActorFactory(name="Helferkreis Parallel", slug="helferkreis-parallel")
    coordinator = person("parallel-coordinator")
    MembershipFactory(user=coordinator, actor=helpers_actor, role=Membership.Role.COORDINATOR)
    busy_need = NeedFactory(actor=helpers_actor, title="Viele Antworten zugleich")
    filled_need = NeedFactory(actor=helpers_actor, title="Wird gleich besetzt")

    channel = Channel.objects.create(slug="parallel", name="Parallel", kind=Channel.Kind.PRIVATE)
    chatters = []
    for number in range(CHATTERS):
        chatter = person(f"parallel-chatter-{number}")
        ChannelMembership.objects.create(channel=channel, user=chatter)
        chatters.append(_session(chatter))

    intake = AgencyUnit.objects.get(slug="eingangszone")
    staff = []
    for number in range(2):
        member = person(f"parallel-intake-{number}")
        intake.staff.add(member)
        staff.append(_session(member))
    referral = ReferralFactory(unit=intake, person_name="Zwei Hände")
    targets = list(AgencyUnit.objects.exclude(pk=intake.pk).order_by("pk")[:2])

    return {
        "editors": editors,
        "coordinator": _session(coordinator),
        "busy_need": busy_need.pk,
        "filled_need": filled_need.pk,
        "channel": channel.slug,
        "chatters": chatters,
        "staff": staff,
        "referral": referral.reference,
        "targets": [unit.pk for unit in targets],
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.concurrency.server_settings")
    django.setup()
    print(json.dumps(build()))
