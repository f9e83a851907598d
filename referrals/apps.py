from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    """Referrals into the agency (Zuweisungen): form, routing, inbox, outcome, retention."""

    name = "referrals"
    verbose_name = _("Zuweisungen")
