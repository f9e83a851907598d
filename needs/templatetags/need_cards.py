"""What every card of the needs board writes, without the per-call work of Django's tools.

A board page shows twenty cards: `get_absolute_url` resolves the URL patterns per call and
`get_commitment_display` builds the choices' dictionary per call; these give the same text from
what is known once per process and language.
"""

from __future__ import annotations

import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from needs.models import Need

register = template.Library()


@register.filter
def need_url(need: Need) -> str:
    """`need.get_absolute_url`, resolved once per need, language and URL configuration."""
    return _need_url(
        settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), get_language(), need.pk
    )


@functools.lru_cache(maxsize=4096)
def _need_url(root: str, urlconf: str | None, prefix: str, language: str | None, pk: int) -> str:
    return reverse("needs:detail", kwargs={"pk": pk})


@register.filter
def commitment_label(need: Need) -> str:
    """`need.get_commitment_display` in the visitor's language."""
    return _commitment_labels(get_language()).get(need.commitment, need.commitment)


@functools.lru_cache(maxsize=64)
def _commitment_labels(language: str | None) -> dict[str, str]:
    return {value: str(label) for value, label in Need._meta.get_field("commitment").flatchoices}
