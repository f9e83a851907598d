"""Tags of the list pages' frame (templates/listing.html)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from search.facet_markup import facet_boxes as draw_facet_boxes

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_boxes(context: template.Context) -> SafeString:
    """The facet checkboxes with their counts, drawn in Python (search/facet_markup.py)."""
    return draw_facet_boxes(
        context.get("facet_groups") or (),
        context.get("yes_no_groups") or (),
        context.get("open_facet") or "",
        context.get("selected_facets") or (),
    )
