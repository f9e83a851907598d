from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from network import translations as network_translations
        from portal import search, translation_registry
        from search import registry

        registry.register(
            search.PAGE_KIND,
            queryset=search.indexable_pages,
            document=search.page_document,
            label=_("Seite"),
        )
        search.connect()
        translation_registry.register_all()
        network_translations.connect()
