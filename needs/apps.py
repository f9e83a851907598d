from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    """The needs board (Bedarfe): what volunteer coordinators need, and who offers help."""

    name = "needs"
    verbose_name = _("Bedarfe")
