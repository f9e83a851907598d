from __future__ import annotations

from django import template
from django.db import models

from portal.translations import TranslatedText, translated

register = template.Library()


@register.filter(name="translated")
def translated_filter(obj: models.Model, field: str) -> TranslatedText:
    """`{{ actor|translated:"description" }}`: the text in the visitor's language or German."""
    return translated(obj, field)
