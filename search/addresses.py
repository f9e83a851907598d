"""Addresses stored in the index are those of the default language; a page shows them in its
own."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def default_language_url(address: Callable[[], str]) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return address()


def in_current_language(url: str) -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    if not url or language == settings.LANGUAGE_CODE:
        return url
    # The stored address resolves only in the language it was made in.
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)
