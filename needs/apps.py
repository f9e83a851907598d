from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    """The needs board (Bedarfe): what volunteer coordinators need, and who offers help."""

    name = "needs"
    verbose_name = _("Bedarfe")

    def ready(self) -> None:
        from needs import signals
        from needs.models import Need
        from needs.search import NEED_KIND, indexable_needs, need_document
        from portal.translations import register_translatable
        from search import registry

        registry.register(NEED_KIND, queryset=indexable_needs, document=need_document)
        register_translatable(
            Need,
            ["title", "description", "skills", "hours"],
            html=["description"],
            public=lambda: Need.objects.filter(status=Need.Status.OPEN, actor__live=True),
        )
        signals.connect()
