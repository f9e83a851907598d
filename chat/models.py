"""Chat channels of the network, who belongs to them, and their messages.

A message's public id is its `seq`, a per-channel sequence without gaps (1, 2, 3, ...): it is
what the protocol's "id", "resume", "read" and the API's ?before= use. It is drawn from
`Channel.last_seq` inside the saving transaction, so ids increase in commit order per channel
and a client that sees id n+2 knows it has not yet seen n+1. The global primary key stays
internal.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.models import Actor, Municipality, Topic
from portal.names import visible_name


class Channel(models.Model):
    class Kind(models.TextChoices):
        PUBLIC = "public", _("Offener Netzwerkkanal")
        ACTOR = "actor", _("Kanal von Akteuren")
        PRIVATE = "private", _("Privater Kanal")
        DIRECT = "direct", _("Direktnachricht")

    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    name = models.CharField(_("Name"), max_length=200, validators=[visible_name])
    description = models.CharField(
        _("Beschreibung"), max_length=300, blank=True, validators=[visible_name]
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chat_channels",
        verbose_name=_("Thema"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chat_channels",
        verbose_name=_("Gemeinde"),
    )
    actors = models.ManyToManyField(
        Actor,
        related_name="chat_channels",
        blank=True,
        verbose_name=_("Akteure"),
        help_text=_("Bei Kanälen von Akteuren: deren Mitglieder gehören dazu."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eröffnet von"),
    )
    created_at = models.DateTimeField(_("eröffnet am"), auto_now_add=True)
    last_seq = models.PositiveBigIntegerField(_("letzte Nachrichtennummer"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Chat-Kanal")
        verbose_name_plural = _("Chat-Kanäle")

    def __str__(self) -> str:
        return self.name

    @property
    def group_name(self) -> str:
        return f"chat.channel.{self.pk}"


class ChannelMembership(models.Model):
    """A person in a channel, with what they have read; removed people keep a row that bars them.

    Public and actor channels get a row when a member first opens them, so that read state,
    mutes and removals have a place even where belonging follows from the network. Nobody is
    put into a private channel without consent: an invitation is a row "invited", which reads
    nothing, until the person accepts (then "active") or declines (then the row goes).
    """

    class Role(models.TextChoices):
        MEMBER = "member", _("Mitglied")
        ADMIN = "admin", _("Kanal-Admin")

    class Status(models.TextChoices):
        ACTIVE = "active", _("aktiv")
        MUTED = "muted", _("stummgeschaltet")
        REMOVED = "removed", _("entfernt")
        INVITED = "invited", _("eingeladen")

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_memberships"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingeladen von"),
    )
    last_read_seq = models.PositiveBigIntegerField(default=0)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft im Kanal")
        verbose_name_plural = _("Mitgliedschaften im Kanal")
        constraints = [
            models.UniqueConstraint(fields=["channel", "user"], name="chat_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.channel}"


class Message(models.Model):
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveBigIntegerField(_("Nummer"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="chat_messages",
        verbose_name=_("verfasst von"),
    )
    body = models.TextField(_("Text"))
    body_html = models.TextField(blank=True)
    client_id = models.CharField(max_length=64, blank=True)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    sent_at = models.DateTimeField(_("gesendet am"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    removed_at = models.DateTimeField(_("entfernt am"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entfernt von"),
    )

    class Meta:
        ordering = ["channel_id", "seq"]
        verbose_name = _("Chat-Nachricht")
        verbose_name_plural = _("Chat-Nachrichten")
        constraints = [
            models.UniqueConstraint(fields=["channel", "seq"], name="chat_message_seq_unique"),
            models.UniqueConstraint(
                fields=["channel", "author", "client_id"],
                condition=~Q(client_id=""),
                name="chat_message_client_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} #{self.seq}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None
