from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Verzeichnis")

    def ready(self) -> None:
        from directory import signals
        from directory.home import home_context
        from directory.search import (
            ACTOR_KIND,
            OFFER_KIND,
            actor_document,
            indexable_actors,
            indexable_offers,
            offer_document,
        )
        from network.audit import register_actions
        from portal.models import register_home_context
        from search import registry

        registry.register(ACTOR_KIND, queryset=indexable_actors, document=actor_document)
        registry.register(
            OFFER_KIND,
            queryset=indexable_offers,
            document=offer_document,
            label=_("Angebot"),
            follows_others=True,
        )
        register_home_context(home_context)
        register_actions({"actors.imported": _("Akteure importiert")})
        signals.connect()

        # Its pages in the shared page cache (portal/pagecache).
        from directory import page_cache

        page_cache.register()
