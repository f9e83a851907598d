"""Per-process memos of Django's per-call work for pages that write many rows.

A calendar or board page writes dozens of links and choice labels: `reverse` walks the URL
patterns per call and `get_FOO_display` builds its choices' dictionary per call. The answers
depend only on what the keys name (the URL configuration and prefix, the language), so each is
worked out once per process.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def reversed_url(viewname: str, **kwargs: str | int) -> str:
    """`reverse(viewname, kwargs=kwargs)` for the active language and URL configuration."""
    return _reversed(
        settings.ROOT_URLCONF,
        get_urlconf(),
        get_script_prefix(),
        get_language(),
        viewname,
        tuple(sorted(kwargs.items())),
    )


@functools.lru_cache(maxsize=8192)
def _reversed(
    root: str,
    urlconf: str | None,
    prefix: str,
    language: str | None,
    viewname: str,
    kwargs: tuple[tuple[str, str | int], ...],
) -> str:
    return reverse(viewname, kwargs=dict(kwargs))


def choice_label(instance: models.Model, field_name: str) -> str:
    """`instance.get_<field_name>_display()` in the active language."""
    value = getattr(instance, field_name)
    return _choice_labels(type(instance), field_name, get_language()).get(value, value)


@functools.lru_cache(maxsize=256)
def _choice_labels(
    model: type[models.Model], field_name: str, language: str | None
) -> dict[object, str]:
    field = model._meta.get_field(field_name)
    return {value: str(label) for value, label in field.flatchoices}
