"""Required fields marked the same way on every public form (docs/layout.md): the label or
legend of a required field carries the class `required`, which portal.css follows with " *",
and each form says once what the star means (templates/portal/_required_note.html)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

REQUIRED = "required"


@register.simple_tag
def field_group(field: BoundField) -> SafeString:
    """The field as Django renders it (label, help, errors, widget), its label marked when the
    field is required, whichever form it comes from."""
    if not getattr(field.form, "required_css_class", ""):
        field.form.required_css_class = REQUIRED
    return field.as_field_group()


@register.simple_tag
def required_class(field: BoundField) -> SafeString:
    """` class="required"` for the hand-written label of a required field (a checkbox), else
    nothing."""
    return format_html(' class="{}"', REQUIRED) if field.field.required else SafeString("")
