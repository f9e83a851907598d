from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    """The needs board (Bedarfe): what volunteer coordinators need, and who offers help."""

    name = "needs"
    verbose_name = _("Bedarfe")

    def ready(self) -> None:
        from needs import signals
        from needs.fields import NEED
        from needs.models import Need
        from needs.search import NEED_KIND, indexable_needs, need_document
        from network.audit import register_actions
        from portal.translations import register_translatable
        from search import registry

        registry.register(NEED_KIND, queryset=indexable_needs, document=need_document)
        register_translatable(
            Need,
            NEED.translated(),
            html=NEED.translated_html(),
            public=lambda: Need.objects.filter(status=Need.Status.OPEN, actor__live=True),
        )
        register_actions(
            {
                "need.created": _("Bedarf angelegt"),
                "need.updated": _("Bedarf geändert"),
                "need.filled": _("Bedarf als gedeckt markiert"),
                "need.expired": _("Bedarf abgelaufen"),
                "need.help_offered": _("Hilfe angeboten"),
                "need.reply_status": _("Antwort auf einen Bedarf bearbeitet"),
                "need.helper_answered": _("Helfender Person per E-Mail geantwortet"),
                "need.replies_deleted": _("Antworten auf einen Bedarf gelöscht"),
            }
        )
        signals.connect()

        # Its pages in the shared page cache (portal/pagecache).
        from needs import page_cache

        page_cache.register()
