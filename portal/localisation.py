"""One Wagtail page tree per interface language, kept in step with the German one.

Every page exists in every locale: as a real translation where an editor wrote one, otherwise as
an alias of the German page, which Wagtail updates whenever the German page is published. So
/en/datenschutz/ and /ar/datenschutz/ always answer, and the page itself says when its text is
only available in German (templates/portal/_german_only.html).

The admin creates the aliases of a new page itself (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE);
pages created in code (demo data, imports, other apps' set-up) are brought in by
`synchronise_page_tree()`, which is safe to run again at any time.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page


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
