from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netzwerk")

    def ready(self) -> None:
        from network import translation_admin, translations
        from network.models import Actor, Offer, TargetGroup, Topic
        from portal.translations import register_translatable

        register_translatable(
            Actor,
            ["short_description", "description"],
            html=["description"],
            public=Actor.objects.published,
        )
        register_translatable(
            Offer,
            ["name", "description", "eligibility", "how_to_access", "cost_note"],
            public=lambda: Offer.objects.filter(actor__live=True),
        )
        register_translatable(Topic, ["name"], public=Topic.objects.all, vocabulary=True)
        register_translatable(
            TargetGroup, ["name"], public=TargetGroup.objects.all, vocabulary=True
        )
        translations.connect()
        translation_admin.register()
