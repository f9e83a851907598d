"""The knowledge base on other apps' pages, by template only (no app imports knowledge)."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import User

from knowledge.services import recently_changed, related_articles

register = template.Library()

DASHBOARD_ARTICLES = 5


@register.inclusion_tag("knowledge/_related.html", takes_context=True)
def articles_for_referral(context: template.Context, referral: object) -> dict[str, object]:
    """A referral's "so gehen wir damit um": the articles of its concerns and its unit, as the
    person viewing may read them."""
    request = context["request"]
    return {
        "articles": related_articles(
            request.user, categories=list(referral.categories.all()), unit=referral.unit
        )
    }


@register.inclusion_tag("knowledge/_dashboard_panel_body.html")
def knowledge_dashboard_panel(user: User) -> dict[str, object]:
    """A member's way into the articles shared with the network, newest first; nothing for a
    person who may read none."""
    return {"articles": recently_changed(user, limit=DASHBOARD_ARTICLES) if user else []}
