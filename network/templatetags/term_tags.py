"""Terms of the vocabularies as a page lists them.

`{% with_translations terms as listed %}`: the terms (a queryset or a list) with their
translations in the visitor's language loaded in one query, so that `{% translated_inline %}`
on each asks nothing more (the home page's topics were a query each in other languages).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.db import models

from portal.translations import prefetch_translations

register = template.Library()


@register.simple_tag
def with_translations(terms: Iterable[models.Model]) -> list[models.Model]:
    listed = list(terms)
    prefetch_translations(listed)
    return listed
