"""Administrators keep the chat's open channels in the Wagtail admin; nobody reads chats there.

The channel policy (docs/chat-protocol.md) gives private channels and direct conversations to
their members alone. So only administrators manage channels here; private and direct ones appear
to nobody else, and their kind is fixed: turning one "public" would open its history to everyone.
The admin never shows messages: removing one is a moderation act that goes through the chat page,
where it is audited and broadcast.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from chat.models import Channel
from network.permissions import is_admin

#: Kinds whose history belongs to their members; the admin neither creates nor converts them.
MEMBERS_ONLY_KINDS = frozenset({Channel.Kind.PRIVATE, Channel.Kind.DIRECT})


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Channels are managed by administrators alone, whatever groups a user is in."""

    def user_has_permission(self, user, action: str) -> bool:
        return is_admin(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(Channel, AdministratorsOnlyPolicy(Channel))


class ChannelAdminForm(WagtailAdminModelForm):
    """Open kinds only: a new channel is public or an actors' one, and a private or direct
    channel keeps its kind (its members chose who reads it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields.get("kind")
        if kind is None:
            return
        if self.instance.pk and self.instance.kind in MEMBERS_ONLY_KINDS:
            kind.disabled = True
        else:
            kind.choices = [
                (value, label) for value, label in kind.choices if value not in MEMBERS_ONLY_KINDS
            ]


class ChannelViewSet(SnippetViewSet):
    model = Channel
    icon = "comment"
    menu_label = _("Chat-Kanäle")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "slug", "kind", "last_seq", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                    FieldPanel("description"),
                    FieldPanel("kind"),
                ],
                _("Kanal"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("topic"), FieldPanel("municipality")]),
                    FieldPanel("actors"),
                ],
                _("Einordnung"),
            ),
        ],
        base_form_class=ChannelAdminForm,
    )


register_snippet(ChannelViewSet)
