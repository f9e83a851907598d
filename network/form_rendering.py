"""Filter forms' choice widgets drawn in Python, with exactly the markup of Django's templates.

A calendar's filter form has about a hundred checkboxes and options. Django draws each of them
through four nested templates (option, input, attributes), which was a third of the calendar's
rendering time. `ChoiceWidgetRenderer` draws the standard checkbox lists and selects directly,
character for character as Django's templates do (tests/network/test_form_rendering.py compares
them); any other widget is rendered by the templates as before. A form uses it by setting
`form.renderer = CHOICE_WIDGETS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe

WIDGETS = "django/forms/widgets/"


def _text(value: object) -> str:
    """What `{{ value }}` writes: localised, then escaped."""
    return conditional_escape(localize(value))


def _formatted(value: object) -> str:
    """What `{{ value|stringformat:'s' }}` writes: its text, escaped unless it was safe."""
    text = f"{value}"
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _attrs(attrs: Mapping[str, object]) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(option: Mapping[str, Any]) -> str:
    """django/forms/widgets/input.html"""
    value = option["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"'
        f"{shown}{_attrs(option['attrs'])}>\n"
    )


def _input_option(option: Mapping[str, Any]) -> str:
    """django/forms/widgets/input_option.html, through checkbox_option.html or radio_option.html
    (each adds its file's closing newline)."""
    drawn = _input(option)
    if option.get("wrap_label"):
        target = option["attrs"].get("id")
        label_for = f' for="{_text(target)}"' if target else ""
        drawn = f"<label{label_for}>{drawn} {_text(option['label'])}</label>"
    return f"{drawn}\n\n"


def _multiple_input(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/checkbox_select.html and radio.html, through multiple_input.html."""
    identifier = widget["attrs"].get("id")
    css_class = widget["attrs"].get("class")
    parts = [
        "<div",
        f' id="{_text(identifier)}"' if identifier else "",
        f' class="{_text(css_class)}"' if css_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            parts.append(f"<div>\n    {_draw_option(option)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n\n")
    return "".join(parts)


def _select_option(option: Mapping[str, Any]) -> str:
    """django/forms/widgets/select_option.html"""
    return (
        f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>\n"
    )


def _select(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/select.html"""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f'\n  <optgroup label="{_text(group)}">')
        for option in options:
            parts.append(f"\n  {_draw_option(option)}")
        if group:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


OPTIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    f"{WIDGETS}checkbox_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _input_option,
    f"{WIDGETS}select_option.html": _select_option,
}
WIDGETS_DRAWN: dict[str, Callable[[Mapping[str, Any]], str]] = {
    f"{WIDGETS}checkbox_select.html": _multiple_input,
    f"{WIDGETS}radio.html": _multiple_input,
    f"{WIDGETS}select.html": _select,
}


class _TemplateOption(Exception):
    """An option with a template of its own: the whole widget goes through the templates."""


def _draw_option(option: Mapping[str, Any]) -> str:
    draw = OPTIONS.get(option["template_name"])
    if draw is None:
        raise _TemplateOption
    return draw(option)


class ChoiceWidgetRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request=None) -> SafeString:
        draw = WIDGETS_DRAWN.get(template_name)
        if draw is not None:
            try:
                # Every text in it is escaped; stripped as the templates' renderer strips.
                drawn = draw(context["widget"]).strip()
                return mark_safe(drawn)  # noqa: S308  # nosec B308 B703
            except _TemplateOption:
                pass
        return super().render(template_name, context, request)


CHOICE_WIDGETS = ChoiceWidgetRenderer()
