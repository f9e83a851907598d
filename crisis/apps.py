from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "crisis"
    verbose_name = _("Krisenmodus")

    def ready(self) -> None:
        from crisis.models import KeyStep, Situation, TemporaryOffer
        from network.audit import register_actions
        from portal.translations import register_translatable

        register_translatable(
            Situation,
            ["title", "banner_text", "intro"],
            public=lambda: Situation.objects.active(),
            vocabulary=True,
        )
        register_translatable(
            KeyStep,
            ["title", "text"],
            public=lambda: KeyStep.objects.filter(situation__is_active=True),
            vocabulary=True,
        )
        register_translatable(
            TemporaryOffer,
            ["title", "description", "where", "hours"],
            public=lambda: TemporaryOffer.objects.current(),
            vocabulary=True,
        )
        register_actions(
            {
                "crisis.activate": _("Krisenmodus eingeschaltet"),
                "crisis.deactivate": _("Krisenmodus ausgeschaltet"),
            }
        )

        # Its pages in the shared page cache (portal/pagecache).
        from crisis import page_cache

        page_cache.register()
