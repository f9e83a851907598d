from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Verzeichnis")

    def ready(self) -> None:
        from directory import signals
        from directory.search import (
            ACTOR_KIND,
            OFFER_KIND,
            actor_document,
            indexable_actors,
            indexable_offers,
            offer_document,
        )
        from search import registry

        registry.register(ACTOR_KIND, queryset=indexable_actors, document=actor_document)
        registry.register(
            OFFER_KIND,
            queryset=indexable_offers,
            document=offer_document,
            label=_("Angebot"),
            follows_others=True,
        )
        signals.connect()
