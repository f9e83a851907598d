from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The event calendar: events of the actors, recurrence, iCal feeds."""

    name = "events"
    verbose_name = _("Veranstaltungen")
