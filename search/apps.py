from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self) -> None:
        from portal.views import register_check
        from search import health, pages, registry

        # Wagtail's pages, whichever app defines their type: the one index of pages.
        registry.register(
            pages.PAGE_KIND,
            queryset=pages.indexable_pages,
            document=pages.page_document,
            label=_("Seite"),
        )
        pages.connect()
        # Translations of content are indexed with it (search/translations.py).
        from search import translations

        translations.connect()
        # The "did you mean" vocabulary follows the synonyms (search/spelling.py).
        from search import spelling

        spelling.connect()
        register_check("search", health.check_search)

        # Its pages in the shared page cache (portal/pagecache).
        from search import page_cache

        page_cache.register()
