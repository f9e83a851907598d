"""The demo's editorial pages in every interface language: home, content pages, the agency and
its units, written as real translations instead of aliases of the German pages.

The texts live in one data module per language (`demo/network/page_texts/`), keyed by the
German page's slug ("" for the home page); this module only writes them, the same way an editor
would translate a page in the admin. Pages that already have a real translation are left alone,
so editors' changes survive a second run.
"""

from __future__ import annotations

from importlib import import_module

from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.network.pages import ensure_translation
from portal.models import HomePage

TRANSLATED_LANGUAGES = ("en", "ar", "uk", "ru", "fa", "tr")
HOME = ""


def page_texts(language: str) -> dict[str, dict[str, str]]:
    """Slug → field → text of one language's pages (the home page under "")."""
    return import_module(f"demo.network.page_texts.{language}").PAGES


def ensure_page_translations() -> int:
    """Translate the home page and every page below it that has texts; returns how many pages
    were translated. Parents come first, so each translation lands under its parent's."""
    default = Locale.get_default()
    home = HomePage.objects.filter(depth=2, locale=default).first()
    if home is None:
        return 0
    pages: list[Page] = [home, *home.get_descendants().filter(locale=default).specific()]
    made = 0
    # Wagtail's reference index ("usage" in the admin) is rewritten on every save of a page,
    # several times per translation; these pages link nothing the index tracks, and skipping it
    # saves a fifth of this step.
    with disable_reference_index_auto_update():
        for language in TRANSLATED_LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            texts = page_texts(language)
            for page in pages:
                slug = HOME if page.pk == home.pk else page.slug
                if slug in texts and ensure_translation(page, locale, texts[slug]):
                    made += 1
    return made
