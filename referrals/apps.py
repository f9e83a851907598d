from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    """Referrals into the agency (Zuweisungen): form, routing, inbox, outcome, retention."""

    name = "referrals"
    verbose_name = _("Zuweisungen")

    def ready(self) -> None:
        from network.audit import register_actions
        from portal.translations import register_translatable
        from referrals.models import ConcernCategory, WayfinderAudience

        register_translatable(
            ConcernCategory,
            ["name", "description"],
            public=lambda: ConcernCategory.objects.filter(is_active=True),
            vocabulary=True,
        )
        # The wayfinder's "for whom" answers are public texts, read in every language.
        register_translatable(
            WayfinderAudience,
            ["label", "description"],
            public=lambda: WayfinderAudience.objects.filter(is_active=True),
            vocabulary=True,
        )
        register_actions(
            {
                "referral.submitted": _("Zuweisung eingegangen"),
                "referral.assigned": _("Zuweisung übernommen"),
                "referral.forwarded": _("Zuweisung weitergeleitet"),
                "referral.started": _("Zuweisung in Bearbeitung"),
                "referral.note_added": _("Notiz zur Zuweisung"),
                "referral.closed": _("Zuweisung abgeschlossen"),
                "referral.expired": _("Zuweisung abgelaufen"),
                "referral.exported": _("Zuweisungen exportiert"),
                "referral.anonymised": _("Zuweisung anonymisiert"),
                "referral.plan_changed": _("Laufzettel geändert"),
                "referral.plan_mailed": _("Laufzettel gemailt"),
                "referral.code_issued": _("Statuscode neu ausgegeben"),
            }
        )

        # Concern categories in the shared page cache (portal/pagecache).
        from referrals import page_cache

        page_cache.register()
