"""The knowledge base on other apps' pages, by template only (no app imports knowledge)."""

from __future__ import annotations

from django import template

from knowledge.services import related_articles

register = template.Library()


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
