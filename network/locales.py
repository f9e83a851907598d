"""Wagtail's locales kept per process, per language code.

Wagtail asks for a Locale whenever it routes a request to a page or looks up a page's copy in
another language (`Locale.get_active()`, `Locale.get_default()`): a query each time, up to three
per Wagtail page. A locale changes only when the portal's languages do, and with it the pages
in that language, so each process keeps the locale of each language code under the kind `pages`
(portal.site_cache, which also leaves it off where the page cache is off: in the tests).
"""

from __future__ import annotations

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from portal import pagecache, site_cache

_look_up = LocaleManager.get_for_language


def _kept_for_language(manager: LocaleManager, language_code: str) -> Locale:
    # The supported variant is looked up inside, so the key is the code Wagtail was given.
    return site_cache.remembered(
        None,
        "locale",
        (manager.model._meta.label, manager.db, language_code),
        [pagecache.PAGES],
        lambda: _look_up(manager, language_code),
    )


def keep_per_process() -> None:
    """Let every Locale lookup by language code go through the process's memory."""
    LocaleManager.get_for_language = _kept_for_language
