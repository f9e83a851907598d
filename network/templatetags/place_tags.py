"""`{% municipality_name place %}`: a municipality named in the visitor's language, marked
German (lang, and isolated on right-to-left pages) where it has no name in that language.

All names are read once per page render (kept in the outermost render context, which included
templates share), so a list of needs or a profile's places costs one query, not one per place.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from network.models import Municipality
from network.municipalities import MunicipalityNames, municipality_names
from portal.templatetags.translation_tags import with_lang
from portal.translations import active_language

register = template.Library()

_KEY = "network.municipality_names"


def _names(context: template.Context) -> MunicipalityNames:
    language = active_language()
    # The outermost template's render context: each {% include %} pushes a fresh one above it
    # (as Django keeps its include cache there too).
    kept = context.render_context.dicts[0]
    names = kept.get(_KEY)
    if names is None or names.language != language:
        names = municipality_names(language)
        kept[_KEY] = names
    return names


@register.simple_tag(takes_context=True)
def municipality_name(context: template.Context, municipality: Municipality | None) -> SafeString:
    if municipality is None:
        return SafeString("")
    return with_lang(_names(context).of(municipality))


@register.simple_tag(takes_context=True)
def municipalities_by_name(context: template.Context, municipalities: Any) -> list[Municipality]:
    """The municipalities sorted by the names the visitor reads (a select's options)."""
    return _names(context).sorted(list(municipalities))


@register.simple_tag(takes_context=True)
def municipality_label(context: template.Context, municipality: Municipality | None) -> str:
    """The name as text (escaped where shown), for an <option> that carries its own lang:
    `.is_fallback` says the name stayed German."""
    if municipality is None:
        return ""
    return _names(context).of(municipality)
