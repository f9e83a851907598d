"""The choice widgets drawn in Python read character for character as Django's templates draw
them, for every shape a filter form gives them."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from network.form_rendering import CHOICE_WIDGETS

CHOICES = [
    ("deutschkurs", "Deutschkurs"),
    ("a&b", 'Beratung <für> "alle" & jeden'),
    ("safe", mark_safe("<em>schon sicher</em>")),
    (7, 1234),
]
GROUPED = [("Sprachen", [("ar", "العربية"), ("uk", "Українська")]), ("de", "Deutsch")]


class Option(forms.CheckboxSelectMultiple):
    """An option whose attributes carry what the portal adds: lang, dir, a flag."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"] = {**option["attrs"], "lang": "de", "dir": "ltr", "hidden": False}
        return option


class OwnOptionTemplate(forms.RadioSelect):
    option_template_name = "django/forms/widgets/input.html"


class FilterForm(forms.Form):
    topic = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    grouped = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple)
    marked = forms.MultipleChoiceField(choices=CHOICES, widget=Option(attrs={"class": "x"}))
    unlabelled = forms.MultipleChoiceField(
        choices=CHOICES, widget=forms.CheckboxSelectMultiple(attrs={"id": ""})
    )
    actor = forms.ChoiceField(choices=[("", "---------"), *CHOICES], required=False)
    actors = forms.MultipleChoiceField(
        choices=GROUPED, widget=forms.SelectMultiple(attrs={"data-x": True, "disabled": False})
    )
    grouped_select = forms.ChoiceField(choices=GROUPED)
    commitment = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    own = forms.ChoiceField(choices=CHOICES, widget=OwnOptionTemplate)
    q = forms.CharField()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"topic": ["a&b", "7"], "grouped": ["uk"], "marked": ["safe"], "actor": "a&b"},
        {"actors": ["ar", "de"], "commitment": "7", "grouped_select": "uk", "q": "<b>"},
    ],
)
@pytest.mark.parametrize("name", list(FilterForm.base_fields))
def test_it_draws_each_widget_as_the_templates_do(name, data):
    with_templates = FilterForm(data or None, renderer=DjangoTemplates())
    drawn = FilterForm(data or None, renderer=CHOICE_WIDGETS)
    assert str(drawn[name]) == str(with_templates[name])


def test_it_draws_the_standard_choice_widgets_without_their_templates(monkeypatch):
    def no_template(self, template_name):
        raise AssertionError(f"{template_name} was loaded")

    monkeypatch.setattr(DjangoTemplates, "get_template", no_template)
    form = FilterForm(renderer=CHOICE_WIDGETS)
    for name in ("topic", "grouped", "marked", "actor", "actors", "commitment"):
        assert str(form[name]).startswith(("<div", "<select"))
    with pytest.raises(AssertionError, match=r"radio\.html was loaded"):
        str(form["own"])
