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
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import babel
from babel.dates import format_date, match_skeleton
from django.conf import settings
from django.db import transaction
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Locale, Page

from portal.collation import locale_sorted
from portal.translations import TranslatedText, active_language

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
LATIN_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")


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


def german_name(text: str) -> SafeString:
    """A name the network writes in German only (an actor, a place, a venue) as HTML: marked
    `lang="de"` on other pages for screen readers, and isolated left to right on right-to-left
    pages so that its punctuation stays where German puts it ("Sprachcafé Weißenfels e.V.", not
    ".Sprachcafé Weißenfels e.V"). A name without Latin letters is not German and stays as is."""
    escaped = conditional_escape(text)
    if active_language() == settings.LANGUAGE_CODE or not LATIN_LETTER.search(str(text or "")):
        return escaped
    if get_language_bidi():
        return format_html('<span lang="{}" dir="ltr">{}</span>', settings.LANGUAGE_CODE, escaped)
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, escaped)


def named_language_choices(form: Any, name: str = "language") -> None:
    """A filter form's languages (a model choice field over Language, keyed by code) named in
    the visitor's language and sorted in its alphabet; unknown to CLDR: German, marked."""
    field = form.fields.get(name)
    language = active_language()
    if field is None or language == settings.LANGUAGE_CODE:
        return
    key = field.to_field_name or "pk"
    choices = [
        (getattr(term, key), language_name(term.code, language) or german_name(term.name))
        for term in field.queryset
    ]
    choices = locale_sorted(choices, key=lambda choice: str(choice[1]))
    # A single choice (a form's select) keeps its "please choose" first.
    if getattr(field, "empty_label", None) is not None:
        choices.insert(0, ("", field.empty_label))
    # The widget draws the choices; the field still validates against its queryset.
    field.widget.choices = choices


def german_terms(facets: dict[str, list[T]], names: Sequence[str]) -> dict[str, list[T]]:
    """Facet values (`label` a term's German name) of the vocabularies named, their plain labels
    marked German, so `|with_lang` gives them `lang="de"`; translated labels stay as they are."""
    if active_language() == settings.LANGUAGE_CODE:
        return facets
    marked = dict(facets)
    for name in names:
        marked[name] = [
            value
            if isinstance(value.label, TranslatedText)
            else dataclasses.replace(
                value, label=TranslatedText(value.label, settings.LANGUAGE_CODE, True)
            )
            for value in facets.get(name, [])
        ]
    return marked


def german_choices(form: Any, names: Sequence[str]) -> None:
    """The choices of a filter form's vocabulary fields that kept their German name (no
    translation) marked as German: checkbox labels wrapped, <option>s given the attribute."""
    if active_language() == settings.LANGUAGE_CODE:
        return
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        if getattr(field.widget, "input_type", "") in ("checkbox", "radio"):
            labelled = field.label_from_instance
            field.label_from_instance = lambda term, labelled=labelled: _german_label(
                labelled(term)
            )
        else:
            field.widget.create_option = _german_option(field.widget.create_option)


def _german_label(label: str) -> str:
    if isinstance(label, TranslatedText) and not label.is_fallback:
        return label
    return german_name(label)


def _german_option(create: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    def create_option(name, value, label, *args, **kwargs):
        option = create(name, value, label, *args, **kwargs)
        if value not in ("", None) and not (
            isinstance(label, TranslatedText) and not label.is_fallback
        ):
            option["attrs"] = {**option["attrs"], "lang": settings.LANGUAGE_CODE}
            if get_language_bidi():
                option["attrs"]["dir"] = "ltr"
        return option

    return create_option


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
