"""What every card of the needs board writes, without the per-call work of Django's tools.

A board page shows twenty cards: `get_absolute_url` resolves the URL patterns per call and
`get_commitment_display` builds the choices' dictionary per call; these give the same text from
what is known once per process and language.
"""

from __future__ import annotations

from django import template

from needs.models import Need
from portal import memos

register = template.Library()


@register.filter
def need_url(need: Need) -> str:
    """`need.get_absolute_url`, resolved once per need, language and URL configuration."""
    return memos.reversed_url("needs:detail", pk=need.pk)


@register.filter
def commitment_label(need: Need) -> str:
    """`need.get_commitment_display` in the visitor's language."""
    return memos.choice_label(need, "commitment")
