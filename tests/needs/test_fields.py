"""The need's field declaration (needs/fields.py) against its form, admin, API and translations."""

from __future__ import annotations

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from needs.api.serializers import NeedDetailSerializer
from needs.fields import NEED
from needs.forms import NeedForm
from needs.wagtail_hooks import NeedViewSet
from network.fields import ADMIN, API, FORM
from portal.translations import is_html_field, translatable_fields


def field_panels(panels) -> list[str]:
    names = []
    for panel in panels:
        if isinstance(panel, FieldPanel):
            names.append(panel.field_name)
        names += field_panels(getattr(panel, "children", []))
    return names


def test_every_editable_field_is_declared_or_kept_by_the_portal():
    editable = {
        field.name
        for field in NEED.model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and getattr(field, "editable", True)
        and not isinstance(field, ParentalKey)
    }

    assert editable == set(NEED.by_name) | set(NEED.not_edited)


def test_the_members_form_has_the_declared_fields():
    assert list(NeedForm._meta.fields) == NEED.names(FORM)


def test_the_admin_has_the_declared_fields():
    assert sorted(field_panels(NeedViewSet.panels)) == sorted(NEED.names(ADMIN))


def test_the_api_has_the_declared_fields():
    assert set(NEED.names(API)) <= set(NeedDetailSerializer.Meta.fields)


def test_the_declared_texts_are_translated():
    assert sorted(translatable_fields(NEED.model)) == sorted(NEED.translated())
    for name in NEED.translated():
        assert is_html_field(NEED.model, name) == NEED.by_name[name].html, name
