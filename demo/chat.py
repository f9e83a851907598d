"""Demo chat: `allgemein` for every demo account, a topic and a region channel, an actor channel
and a direct conversation, each with some history.

Messages are written directly rather than through the services: nobody is connected while the
demo loads, and rate limits, mails and broadcasts are for people, not for fixtures.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from chat.models import Channel, ChannelMembership, Message
from chat.permissions import is_network_member
from chat.rendering import mentioned_usernames, render_body
from demo.network.accounts import ACCOUNTS
from demo.network.curated import COORDINATOR_ACTOR_SLUG
from network.models import Actor, Municipality, Topic
from network.permissions import is_agency_staff

GENERAL_LINES = (
    "Herzlich willkommen im Netzwerk-Chat! Hier ist Platz für alles, was alle angeht.",
    "Die Sprechzeiten der Migrationsagentur stehen unter https://www.burgenlandkreis.de – "
    "offene Sprechstunde ohne Termin.",
    "Hat jemand Erfahrung mit Dolmetschdiensten für Tigrinya? Wir suchen für nächste Woche.",
    "Ja, fragt am besten in der Eingangszone nach, die haben eine aktuelle Liste.",
    "Erinnerung: Das nächste Netzwerktreffen ist am ersten Mittwoch im Monat.",
    "Danke für die Infos! Wir bringen Flyer für das Sprachcafé mit.",
)
TOPIC_LINES = (
    "Neue Deutschkurse ab Januar in Weißenfels und Zeitz – Anmeldung über die Volkshochschule.",
    "Gibt es noch Plätze im Alphabetisierungskurs?",
    "Zwei Plätze sind frei, Beginn ist montags um 9 Uhr.",
)
REGION_LINES = (
    "Wer fährt am Samstag zum Begegnungsfest in Weißenfels?",
    "Wir sind mit einem Stand dabei und suchen noch Hilfe beim Aufbau.",
)
ACTOR_LINES = (
    "Die neuen Lernpat:innen treffen sich am Donnerstag zur Einführung.",
    "Ich bringe die Unterlagen mit. Wer übernimmt die Begrüßung?",
    "Mache ich gern.",
)
DIRECT_LINES = (
    "Hallo! Können wir unsere Angebote für Familien einmal abstimmen?",
    "Sehr gern – passt es Ihnen nächste Woche am Dienstag?",
)


def _write(
    channel: Channel,
    authors: list,
    lines: tuple[str, ...],
    rng: random.Random,
    start: datetime.datetime,
) -> int:
    when = start
    for line in lines:
        author = rng.choice(authors)
        channel.last_seq += 1
        message = Message.objects.create(
            channel=channel,
            seq=channel.last_seq,
            author=author,
            body=line,
            body_html=render_body(line, mentions=set(mentioned_usernames(line))),
        )
        Message.objects.filter(pk=message.pk).update(sent_at=when)
        when += datetime.timedelta(minutes=rng.randint(3, 180))
    channel.save(update_fields=["last_seq"])
    return len(lines)


def _join(channel: Channel, users: list, *, admins: list | None = None) -> None:
    admins = admins or []
    for user in users:
        ChannelMembership.objects.get_or_create(
            channel=channel,
            user=user,
            defaults={
                "role": ChannelMembership.Role.ADMIN
                if user in admins
                else ChannelMembership.Role.MEMBER
            },
        )


def load_demo(rng: random.Random) -> int:
    """The demo channels and their messages; returns how many messages were written."""
    if Channel.objects.exists():
        return 0
    usernames = [account.username for account in ACCOUNTS]
    accounts = list(get_user_model().objects.filter(username__in=usernames).order_by("pk"))
    users = [user for user in accounts if is_network_member(user)]
    if not users:
        return 0
    staff = [user for user in users if is_agency_staff(user)] or users[:1]
    members = [user for user in users if user not in staff] or users
    start = timezone.now() - datetime.timedelta(days=3)
    written = 0

    general = Channel.objects.create(
        slug="allgemein",
        name="Allgemein",
        kind=Channel.Kind.PUBLIC,
        description="Für alle im Netzwerk",
        created_by=staff[0],
    )
    _join(general, accounts, admins=staff)
    written += _write(general, users, GENERAL_LINES, rng, start)

    topic = Topic.objects.filter(slug="deutschkurs").first()
    courses = Channel.objects.create(
        slug="deutschkurse",
        name="Deutschkurse",
        kind=Channel.Kind.PUBLIC,
        description="Kurse, freie Plätze, Erfahrungen",
        topic=topic,
        created_by=staff[0],
    )
    _join(courses, users, admins=staff)
    written += _write(courses, users, TOPIC_LINES, rng, start)

    municipality = Municipality.objects.filter(slug="weissenfels").first()
    region = Channel.objects.create(
        slug="region-weissenfels",
        name="Region Weißenfels",
        kind=Channel.Kind.PUBLIC,
        description="Was rund um Weißenfels los ist",
        municipality=municipality,
        created_by=staff[0],
    )
    _join(region, users[:2], admins=staff)
    written += _write(region, users[:2], REGION_LINES, rng, start)

    actor = Actor.objects.filter(slug=COORDINATOR_ACTOR_SLUG).first()
    if actor is not None:
        team = Channel.objects.create(
            slug="lernpaten-hohenmoelsen",
            name=f"{actor.name} – intern",
            kind=Channel.Kind.ACTOR,
            description="Nur für die Mitglieder des Akteurs und die Agentur",
            created_by=staff[0],
        )
        team.actors.add(actor)
        authors = [user for user in users if user.memberships.filter(actor=actor).exists()]
        _join(team, [*authors, staff[0]], admins=[staff[0]])
        written += _write(team, [*authors, staff[0]], ACTOR_LINES, rng, start)

    if len(members) >= 2:
        first, second = members[:2]
        low, high = sorted([first.pk, second.pk])
        direct = Channel.objects.create(
            slug=f"direkt-{low}-{high}",
            name=f"{first.get_full_name() or first.username} · "
            f"{second.get_full_name() or second.username}",
            kind=Channel.Kind.DIRECT,
            created_by=first,
        )
        _join(direct, [first, second])
        written += _write(direct, [first, second], DIRECT_LINES, rng, start)
    return written
