from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netzwerk")

    def ready(self) -> None:
        from network import audit, translation_admin, translations
        from network.fields import ACTOR, OFFER
        from network.models import Actor, AgencyUnit, Municipality, Offer, TargetGroup, Topic
        from network.permissions import is_agency_staff
        from portal.context_processors import register_context
        from portal.translations import register_translatable

        register_translatable(
            Actor,
            ACTOR.translated(),
            html=ACTOR.translated_html(),
            public=Actor.objects.published,
        )
        register_translatable(
            Offer,
            OFFER.translated(),
            html=OFFER.translated_html(),
            public=lambda: Offer.objects.filter(actor__live=True),
        )
        register_translatable(Topic, ["name"], public=Topic.objects.all, vocabulary=True)
        register_translatable(
            TargetGroup, ["name"], public=TargetGroup.objects.all, vocabulary=True
        )
        # The wayfinder names the unit a person should go to, in the person's language.
        register_translatable(AgencyUnit, ["name"], public=AgencyUnit.objects.all, vocabulary=True)
        # Municipalities by their usual names in each language (Вайсенфельс, فايسنفلس).
        register_translatable(
            Municipality, ["name"], public=Municipality.objects.all, vocabulary=True
        )
        translations.connect()
        translation_admin.register()
        audit.connect()
        register_context("is_agency_staff", lambda request: is_agency_staff(request.user))
        audit.register_actions(
            {
                "actor.created": _("Akteur angelegt"),
                "account.created": _("Konto angelegt"),
                "profile.submitted": _("Profiländerung eingereicht"),
                "profile.approved": _("Profiländerung freigegeben"),
                "profile.returned": _("Profiländerung zurückgegeben"),
                "profile.confirmed": _("Profil als aktuell bestätigt"),
                "profile.reminded": _("An Profilpflege erinnert"),
                "profile.reported_outdated": _("Veraltete Angaben gemeldet"),
                "profile.report_resolved": _("Hinweis auf veraltete Angaben erledigt"),
                "invitation.created": _("Einladung verschickt"),
                "invitation.accepted": _("Einladung angenommen"),
                "invitation.revoked": _("Einladung zurückgezogen"),
                "membership.created": _("Mitglied aufgenommen"),
                "membership.role_changed": _("Rolle eines Mitglieds geändert"),
                "membership.removed": _("Mitglied entfernt"),
                "two_factor.enabled": _("Zwei-Faktor-Anmeldung eingerichtet"),
                "two_factor.disabled": _("Zwei-Faktor-Anmeldung abgeschaltet"),
                "two_factor.recovery_codes_renewed": _("Wiederherstellungscodes erneuert"),
                "translation.submitted": _("Übersetzung vorgeschlagen"),
                "translation.approved": _("Übersetzung freigegeben"),
                "translation.returned": _("Übersetzung zurückgegeben"),
                "translation.published": _("Übersetzung veröffentlicht"),
                "translation.machine_drafted": _("Maschinelle Rohübersetzung angefordert"),
            }
        )

        # Its models and pages in the shared page cache (portal/pagecache).
        from network import locales, page_cache

        page_cache.register()
        # Wagtail asks for the active locale on every page it serves (network/locales.py).
        locales.keep_per_process()
