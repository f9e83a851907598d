"""The chat inside other apps' pages: `{% chat_dashboard_panel user %}` on a member's dashboard."""

from __future__ import annotations

from typing import Any

from django import template

from chat.queries import channel_list, invitations
from network.permissions import User

register = template.Library()


@register.inclusion_tag("chat/_dashboard_panel_body.html")
def chat_dashboard_panel(user: User) -> dict[str, Any]:
    return {"channels": channel_list(user), "invitations": invitations(user)}
