"""The profile form's fields rendered in Python: one template per field was most of the page's
time (a profile with a few offers has some 250 fields), so these tags write the same markup as
Django's field group (label or legend, help text, errors, widget) directly."""

from __future__ import annotations

from django import template
from django.forms import BaseForm, BoundField
from django.forms.formsets import BaseFormSet
from django.forms.utils import flatatt
from django.forms.widgets import CheckboxInput, FileInput, Input, Select, Textarea, Widget
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from network import hours
from network.form_rendering import CHOICE_WIDGETS
from network.models import Location

register = template.Library()


def _attrs(attrs: dict) -> SafeString:
    """Attributes in their own order, as Django's attrs.html writes them (False left out, True
    as the bare name)."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _widget(field: BoundField, widget: Widget | None = None) -> SafeString:
    """The field's widget (or `widget` in its place, as for a hidden ORDER); an <input> and a
    <textarea> are written here with the context Django's template would get (value, id,
    required, aria attributes), a <select> by network.form_rendering, anything else Django
    renders itself."""
    widget = widget or field.field.widget
    if isinstance(widget, FileInput) or not isinstance(
        widget, Input | CheckboxInput | Textarea | Select
    ):
        return field.as_widget(widget)
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    if isinstance(widget, Select):  # the filter forms' Python drawing, exactly the templates'
        return widget.render(field.html_name, field.value(), attrs, renderer=CHOICE_WIDGETS)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if isinstance(widget, Textarea):
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            context["name"],
            _attrs(context["attrs"]),
            context["value"] or "",
        )
    value = context["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        format_html(' value="{}"', value) if value is not None else "",
        flatatt(context["attrs"]),
    )


def _caption(field: BoundField) -> str:
    label = str(field.label)
    suffix = field.form.label_suffix or ""
    return label if not suffix or label[-1:] in ":?.!" else f"{label}{suffix}"


@register.simple_tag
def field_row(field: BoundField) -> SafeString:
    """One field as <div class="field">, marked `required` as Django's own rendering marks it."""
    css = field.form.required_css_class if field.field.required else ""
    css_attr = format_html(' class="{}"', css) if css else ""
    describedby = field.aria_describedby
    if field.use_fieldset:
        opening = format_html(
            "<fieldset{}><legend{}>{}</legend>",
            format_html(' aria-describedby="{}"', describedby) if describedby else "",
            css_attr,
            _caption(field),
        )
        closing = SafeString("</fieldset>")
    else:
        opening = format_html(
            '<label for="{}"{}>{}</label>', field.id_for_label, css_attr, _caption(field)
        )
        closing = SafeString("")
    help_text = (
        format_html(
            '<div class="helptext" id="{}_helptext">{}</div>', field.auto_id, field.help_text
        )
        if field.help_text
        else ""
    )
    errors = (
        format_html(
            '<ul class="errorlist" id="{}_error">{}</ul>',
            field.auto_id,
            format_html_join("", "<li>{}</li>", ((error,) for error in field.errors)),
        )
        if field.errors
        else ""
    )
    return format_html(
        '<div class="field">{}{}{}{}{}</div>',
        opening,
        help_text,
        errors,
        _widget(field),
        closing,
    )


@register.simple_tag
def field_rows(form: BaseForm, *skip: str) -> SafeString:
    """A child form: its hidden fields and order, then the visible fields but for DELETE (which
    the caller places) and those named in `skip`."""
    names = {"ORDER", "DELETE", *skip}
    visible = [field_row(field) for field in form.visible_fields() if field.name not in names]
    return SafeString(hidden_fields(form) + "".join(visible))  # nosec B703


@register.simple_tag
def hidden_fields(form: BaseForm) -> SafeString:
    """A child form's hidden fields (its id, its parent) and its position among its siblings."""
    hidden = [_widget(field) for field in form.hidden_fields()]
    if "ORDER" in form.fields:
        order = form["ORDER"]
        hidden.append(_widget(order, order.field.hidden_widget()))
    return SafeString("".join(hidden))  # nosec B703


@register.simple_tag
def field_cell(field: BoundField) -> SafeString:
    """A field in a table cell of the hours grid: the label read out, not shown, and errors."""
    errors = (
        format_html(
            '<ul class="errorlist" id="{}_error">{}</ul>',
            field.auto_id,
            format_html_join("", "<li>{}</li>", ((error,) for error in field.errors)),
        )
        if field.errors
        else ""
    )
    return format_html(
        '<label class="visually-hidden" for="{}">{}</label>{}{}',
        field.id_for_label,
        field.label,
        errors,
        _widget(field),
    )


@register.simple_tag
def preview_schedule(location: Location) -> hours.Schedule:
    """The week of a location as proposed (held in memory, not stored), for the preview."""
    return hours.schedule(location.opening_hours.all(), location.exceptions.all(), timezone.now())


@register.simple_tag
def formset_head(formset: BaseFormSet) -> SafeString:
    """A formset's management form and its own errors: their hidden inputs written here, and the
    error list rendered only when there is one (each was a template of its own, some 40 a page)."""
    management = formset.management_form
    hidden = [_widget(field) for field in management.hidden_fields()]
    errors = formset.non_form_errors()
    if management.errors:  # a tampered management form: Django's own rendering says what
        return SafeString(str(management) + str(errors))  # nosec B703: Django's rendering
    return SafeString("".join(hidden) + (str(errors) if errors else ""))  # nosec B703
