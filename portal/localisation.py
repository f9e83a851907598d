"""The portal in the visitor's language: one Wagtail page tree per language, kept in step with
the German one, and names, dates and lists as people of that language write them (CLDR through
Babel).

Every page exists in every locale: as a real translation where an editor wrote one, otherwise as
an alias of the German page, which Wagtail updates whenever the German page is published. So
/en/datenschutz/ and /ar/datenschutz/ always answer, and the page itself says when its text is
only available in German (templates/portal/_german_only.html).

The admin creates the aliases of a new page itself (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE);
pages created in code (demo data, imports, other apps' set-up) are brought in by
`synchronise_page_tree()`, which is safe to run again at any time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

import babel
from babel.dates import format_date, match_skeleton
from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal.collation import locale_sorted
from portal.translations import TranslatedText

T = TypeVar("T")


def ensure_locales() -> list[Locale]:
    """A Locale row for every content language, the default one first."""
    locales = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    return sorted(locales, key=lambda locale: locale.language_code != settings.LANGUAGE_CODE)


@transaction.atomic
def synchronise_page_tree() -> int:
    """Give every page of the default locale a copy in every other locale; returns how many
    copies were made. Parents come before their children, so each copy lands under its
    parent's copy in the same locale."""
    default, *others = ensure_locales()
    present = set(
        Page.objects.filter(depth__gt=1).values_list("translation_key", "locale_id").distinct()
    )
    made = 0
    for page in Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific():
        for locale in others:
            if (page.translation_key, locale.pk) in present:
                continue
            page.copy_for_translation(locale, copy_parents=True, alias=True)
            present.add((page.translation_key, locale.pk))
            made += 1
    return made


def content_language(page: Page) -> str:
    """The language a page's text is written in: an alias shows its source page's text."""
    if page.alias_of_id is None:
        return page.locale.language_code
    source = Page.objects.filter(pk=page.alias_of_id).values_list("locale__language_code")
    return source.get()[0]


def with_content_languages(pages: Sequence[Page]) -> Sequence[Page]:
    """Set `content_language` on each page of a list (menus), in two queries for all of them."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    aliased = [page.alias_of_id for page in pages if page.alias_of_id is not None]
    source_locales = dict(Page.objects.filter(pk__in=aliased).values_list("pk", "locale_id"))
    for page in pages:
        page.content_language = codes[source_locales.get(page.alias_of_id, page.locale_id)]
    return pages


# Babel's locale for each interface language: English as read in Europe, not the US.
BABEL_LOCALES = {"en": "en_GB"}
# Lists of names run on with the comma of the script.
LIST_SEPARATORS = {"ar": "، ", "fa": "، "}
WEEKDAY = re.compile(r"E+")


def babel_locale(language: str | None = None) -> babel.Locale:
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return babel.Locale.parse(BABEL_LOCALES.get(code, code))


def list_separator(language: str | None = None) -> str:
    return LIST_SEPARATORS.get((language or get_language() or "").split("-")[0], ", ")


def language_name(code: str, language: str | None = None) -> str:
    """The name of the language `code` as the visitor reads it (CLDR), "" where CLDR has none."""
    return babel_locale(language).languages.get(code, "")


def named_languages(values: Sequence[T], language: str | None = None) -> list[T]:
    """Filter values of languages (`value` the ISO code, `label` the German name) named in the
    visitor's language and sorted in its alphabet, so a Ukrainian reader finds Arabic under
    its Ukrainian initial rather than under the A of "Arabisch"."""
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if code != settings.LANGUAGE_CODE:
        values = [dataclasses.replace(value, label=_named(value, code)) for value in values]
    return locale_sorted(list(values), key=lambda value: value.label)


def _named(value: Any, language: str) -> TranslatedText:
    name = language_name(value.value, language)
    if name:
        return TranslatedText(name, language, False)
    return TranslatedText(value.label, settings.LANGUAGE_CODE, True)


def day_and_month(value: date, *, weekday: bool = True, year: bool = False) -> str:
    """A date as people of the visitor's language write it, weekday included: "Monday 8
    December", "понеділок, 8 грудня", "الاثنين، 8 ديسمبر" (CLDR's patterns)."""
    locale = babel_locale()
    skeletons = locale.datetime_skeletons
    pattern = skeletons[
        match_skeleton(("E" if weekday else "") + ("yMMMMd" if year else "MMMMd"), skeletons)
    ]
    # CLDR lists the short weekday ("Mo., 8. Dezember"); the pages name it in full.
    return format_date(value, WEEKDAY.sub("EEEE", pattern.pattern), locale=locale)
