"""The wayfinder's small set of pictograms, shipped as one SVG sprite (referrals/pictograms.svg).

Staff pick one per concern and per "for whom" answer; the symbol ids in the sprite are the
choice values, so a new pictogram needs a symbol there and a choice here.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

SPRITE = "referrals/pictograms.svg"


class Pictogram(models.TextChoices):
    PASSPORT = "passport", _("Ausweis")
    MONEY = "money", _("Geld")
    HOUSE = "house", _("Haus")
    WORK = "work", _("Arbeit")
    SPEECH = "speech", _("Sprechblase")
    CERTIFICATE = "certificate", _("Urkunde")
    FAMILY = "family", _("Familie")
    HEALTH = "health", _("Gesundheit")
    HANDS = "hands", _("Helfende Hand")
    SCHOOL = "school", _("Schule")
    LAW = "law", _("Waage")
    PERSON = "person", _("Person")
    SUPPORT = "support", _("Begleitung")
    GLOBE = "globe", _("Weltkugel")
    DOOR = "door", _("Tür")
    QUESTION = "question", _("Fragezeichen")
