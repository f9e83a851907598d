from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    """Live chat channels for the network's members."""

    name = "chat"
    verbose_name = _("Chat")

    def ready(self) -> None:
        from chat import signals
        from network.audit import register_actions

        signals.connect()

        register_actions(
            {
                "chat.channel_opened": _("Kanal eröffnet"),
                "chat.member_invited": _("In einen Kanal eingeladen"),
                "chat.invitation_accepted": _("Kanaleinladung angenommen"),
                "chat.invitation_declined": _("Kanaleinladung abgelehnt"),
                "chat.member_active": _("Kanalmitglied wieder zugelassen"),
                "chat.member_muted": _("Kanalmitglied stummgeschaltet"),
                "chat.member_removed": _("Kanalmitglied entfernt"),
                "chat.message_removed": _("Nachricht entfernt"),
            }
        )
