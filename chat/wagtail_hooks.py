"""Agency staff and administrators keep the chat's channels in the Wagtail admin.

Messages are not edited there: removing one is a moderation act that goes through the chat
page, where it is audited and broadcast.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from chat.models import Channel
from network.permissions import AgencyStaffPolicy

register_permission_policy(
    Channel, AgencyStaffPolicy(Channel, actions=frozenset({"add", "change", "delete", "view"}))
)


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
    panels = [
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
    ]


register_snippet(ChannelViewSet)
