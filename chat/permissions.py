"""Who may read, post in and moderate which chat channel; built on network.permissions.

Network members are people with a role at an actor, and agency staff. They may join every
public channel. Actor channels belong to the members of their actors, and to agency staff who
coordinate the network. Private channels and direct conversations belong to their members alone,
staff included. A removed member's row bars them from the channel whatever else would admit
them. Channel admins and agency staff moderate the channels they can read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from chat.models import Channel, ChannelMembership
from network.models import AgencyUnit, Membership, TwoFactorDevice
from network.permissions import User, is_agency_staff, is_signed_in

READING = (ChannelMembership.Status.ACTIVE, ChannelMembership.Status.MUTED)


def is_network_member(user: User | None) -> bool:
    if not is_signed_in(user):
        return False
    return is_agency_staff(user) or Membership.objects.filter(user=user).exists()


def readable_channels(user: User | None) -> QuerySet[Channel]:
    """Every channel the user may open now, joined or not."""
    if not is_signed_in(user):
        return Channel.objects.none()
    # An actor channel's rows record read state, mutes and removals, not belonging: that follows
    # the role at the actor, so a role that ends ends access too.
    admitted = Q(memberships__user=user, memberships__status__in=READING) & ~Q(
        kind=Channel.Kind.ACTOR
    )
    admitted |= Q(kind=Channel.Kind.ACTOR, actors__memberships__user=user)
    if is_network_member(user):
        admitted |= Q(kind=Channel.Kind.PUBLIC)
    if is_agency_staff(user):
        admitted |= Q(kind=Channel.Kind.ACTOR)
    removed = ChannelMembership.objects.filter(
        user=user, status=ChannelMembership.Status.REMOVED
    ).values("channel")
    ids = Channel.objects.filter(admitted).exclude(pk__in=removed).values("pk")
    return Channel.objects.filter(pk__in=ids)


def member_channels(user: User | None) -> QuerySet[Channel]:
    """The user's own channels: joined ones and the actor channels they belong to by role."""
    if not is_signed_in(user):
        return Channel.objects.none()
    own = Q(memberships__user=user, memberships__status__in=READING)
    own |= Q(kind=Channel.Kind.ACTOR, actors__memberships__user=user)
    ids = readable_channels(user).filter(own).values("pk")
    return Channel.objects.filter(pk__in=ids)


def joinable_channels(user: User | None) -> QuerySet[Channel]:
    """Public channels the user may join but has not yet."""
    return (
        readable_channels(user)
        .filter(kind=Channel.Kind.PUBLIC)
        .exclude(pk__in=member_channels(user).values("pk"))
    )


def can_read(user: User | None, channel: Channel) -> bool:
    return readable_channels(user).filter(pk=channel.pk).exists()


def channel_readers(channel: Channel) -> QuerySet:
    """The active people who may read the channel now, as one query (readable_channels the
    other way round): who a message may mention."""
    users = get_user_model().objects.filter(is_active=True)
    staff = Q(is_superuser=True) | Q(agency_units__isnull=False)
    if channel.kind == Channel.Kind.PUBLIC:
        admitted = staff | Q(memberships__isnull=False)
    elif channel.kind == Channel.Kind.ACTOR:
        admitted = staff | Q(memberships__actor__in=channel.actors.values("pk"))
    else:
        admitted = Q(chat_memberships__channel=channel, chat_memberships__status__in=READING)
    removed = ChannelMembership.objects.filter(
        channel=channel, status=ChannelMembership.Status.REMOVED
    ).values("user")
    return users.filter(pk__in=users.filter(admitted).values("pk")).exclude(pk__in=removed)


def get_channel_for_member(user: User | None, slug: str) -> Channel:
    """A channel the user may open, or 404: private channels are not confirmed to exist."""
    try:
        return readable_channels(user).get(slug=slug)
    except Channel.DoesNotExist as exc:
        raise Http404("No such channel.") from exc


def membership_of(user: User | None, channel: Channel) -> ChannelMembership | None:
    if not is_signed_in(user):
        return None
    return ChannelMembership.objects.filter(user=user, channel=channel).first()


def can_moderate(user: User | None, channel: Channel) -> bool:
    if not can_read(user, channel):
        return False
    if is_agency_staff(user):
        return True
    membership = membership_of(user, channel)
    return membership is not None and membership.role == ChannelMembership.Role.ADMIN


def is_muted(user: User | None, channel: Channel) -> bool:
    return ChannelMembership.objects.filter(
        channel=channel, user=user, status=ChannelMembership.Status.MUTED
    ).exists()


def can_post(user: User | None, channel: Channel) -> bool:
    """Readers may post unless muted."""
    return can_read(user, channel) and not is_muted(user, channel)


def can_open_actor_channels(user: User | None) -> bool:
    return is_agency_staff(user)


@dataclass(frozen=True)
class Standing:
    """What a connecting socket needs to know of its person and channel, read in one statement."""

    channel: Channel
    readable: bool
    status: str | None  # the person's row in the channel, if any
    has_two_factor: bool
    agency_staff: bool


def standing_in(user: User, slug: str) -> Standing | None:
    """The channel named `slug` with the person's standing in it, or None where there is none.

    A thousand members connecting at once each asked five to eight statements of the sockets'
    one database thread (second factor, staff, network membership, readable_channels, the row);
    this is one. `readable` is readable_channels' rule for one channel, decided on the facts
    read beside the channel: the two must agree (tests/chat/test_admission.py holds them to it
    for every persona and kind of channel).
    """
    if not is_signed_in(user):
        return None
    rows = ChannelMembership.objects.filter(channel=OuterRef("pk"), user=user)
    roles = Membership.objects.filter(user=user, actor__chat_channels=OuterRef("pk"))
    row = (
        Channel.objects.filter(slug=slug)
        .annotate(
            row_status=Subquery(rows.values("status")[:1]),
            by_role=Exists(roles),
            in_network=Exists(Membership.objects.filter(user=user)),
            in_agency=Exists(AgencyUnit.objects.filter(staff=user)),
            device=Exists(TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False)),
        )
        .first()
    )
    if row is None:
        return None
    agency_staff = bool(user.is_superuser or row.in_agency)
    user._is_agency_staff = agency_staff  # as is_agency_staff keeps it, for later checks
    status = row.row_status
    if status == ChannelMembership.Status.REMOVED:
        readable = False
    elif row.kind == Channel.Kind.ACTOR:
        readable = row.by_role or agency_staff
    else:
        readable = status in READING or (
            row.kind == Channel.Kind.PUBLIC and (agency_staff or row.in_network)
        )
    return Standing(row, readable, status, row.device, agency_staff)
