"""Translations of content (actors, offers, needs, events, vocabularies, concern categories).

Interface shared by the apps; the storage and the editors' views are built behind it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import get_language

_REGISTRY: dict[type[models.Model], tuple[str, ...]] = {}


class TranslatedText(str):
    """A text in `lang`; `is_fallback` when the visitor's language had no translation."""

    lang: str
    is_fallback: bool

    def __new__(cls, text: str, lang: str, is_fallback: bool) -> TranslatedText:
        value = super().__new__(cls, text)
        value.lang = lang
        value.is_fallback = is_fallback
        return value


def register_translatable(model: type[models.Model], fields: Iterable[str]) -> None:
    """Declare which text fields of `model` can carry translations."""
    _REGISTRY[model] = tuple(fields)


def translatable_fields(model: type[models.Model]) -> tuple[str, ...]:
    return _REGISTRY.get(model, ())


def translated(obj: models.Model, field: str, language: str | None = None) -> TranslatedText:
    """The field's text in `language` (default: the active one), else the German original."""
    text = getattr(obj, field) or ""
    return TranslatedText(
        str(text), settings.LANGUAGE_CODE, (language or get_language()) != settings.LANGUAGE_CODE
    )


def prefetch_translations(objects: Iterable[models.Model], language: str | None = None) -> None:
    """Load the translations of many objects in one query so `translated` needs none."""
