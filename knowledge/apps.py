from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The staff's knowledge base (Wissensdatenbank) and the staff workspace's start."""

    name = "knowledge"
    verbose_name = _("Wissensdatenbank")

    def ready(self) -> None:
        from knowledge import search
        from network.audit import register_actions
        from search import registry

        registry.register(
            search.KIND,
            queryset=search.indexable_articles,
            document=search.article_document,
            label=_("Wissensartikel"),
        )
        search.connect()
        register_actions(
            {
                "knowledge.reviewed": _("Artikel als geprüft vermerkt"),
                "knowledge.reminded": _("An die Prüfung des Artikels erinnert"),
            }
        )
