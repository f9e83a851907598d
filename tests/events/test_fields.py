"""The event's field declaration (events/fields.py) against its form, admin, review and
translations: every declared field changed alone must show in the review's difference."""

from __future__ import annotations

import datetime

import pytest
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from events.fields import EVENT
from events.forms import EventForm
from events.models import Event, LocationKind, Registration
from events.review import event_sections
from events.wagtail_hooks import EventViewSet
from network.fields import ADMIN, DIFF, FORM
from network.models import Language, Municipality, TargetGroup, Topic
from portal.translations import is_html_field, translatable_fields
from tests.events.factories import EventFactory
from tests.factories import ActorFactory, LocationFactory


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
        for field in Event._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and getattr(field, "editable", True)
        and not isinstance(field, ParentalKey)
    }

    assert editable == set(EVENT.by_name) | set(EVENT.not_edited)


def test_the_members_form_has_the_declared_fields():
    assert sorted(EventForm._meta.fields) == sorted(EVENT.names(FORM))


def test_the_admin_has_the_declared_fields():
    assert sorted(field_panels(EventViewSet.panels)) == sorted(EVENT.names(ADMIN))


def test_the_declared_texts_are_translated():
    assert sorted(translatable_fields(Event)) == sorted(EVENT.translated())
    for name in EVENT.translated():
        assert is_html_field(Event, name) == EVENT.by_name[name].html, name


# Where a field only counts in some state, the review is compared in that state.
STATE = {
    "location": {"location_kind": LocationKind.ACTOR_LOCATION},
    "registration_url": {"registration": Registration.LINK},
    "registration_email": {"registration": Registration.EMAIL},
    "cost_note": {"is_free": False},
}
TERMS = {Topic: "topic", TargetGroup: "group"}


def other_value(event: Event, name: str) -> object:
    field = Event._meta.get_field(name)
    current = getattr(event, name)
    if field.many_to_many:
        if field.related_model is Language:
            return [Language.objects.create(code="qqy", name="Quokkisch", native_name="Q")]
        if field.related_model in TERMS:
            return [field.related_model.objects.create(name=f"Q {name}", slug=f"q-{name}")]
        return [ActorFactory(name="Quokka Mitveranstalter")]
    if field.related_model is Municipality:
        return Municipality.objects.create(name="Quokkastadt", slug="quokkastadt", kind="town")
    if field.is_relation:
        return LocationFactory(actor=event.actor, street="Quokkaweg 1")
    if field.choices:
        return next(value for value, _label in field.choices if value != current)
    if isinstance(field, models.BooleanField):
        return not current
    if isinstance(field, models.DateField):
        return datetime.date(2031, 5, 6)
    if isinstance(field, models.TimeField):
        return datetime.time(7, 15)
    if isinstance(field, models.PositiveIntegerField | models.IntegerField):
        return 42
    if isinstance(field, models.EmailField):
        return "quokka@example.org"
    if isinstance(field, models.URLField):
        return "https://quokka.example.org/"
    if isinstance(field, models.FileField):
        return "events/quokka.png"
    return f"quokka-{name.replace('_', '-')}"


def review(event: Event) -> list[tuple[str, str]]:
    return [(row.label, row.new) for section in event_sections(None, event) for row in section.rows]


@pytest.mark.django_db
@pytest.mark.parametrize("name", EVENT.names(DIFF))
def test_the_review_shows_every_declared_field(name):
    event = EventFactory(**{"is_free": True, "repeat_count": 2, **STATE.get(name, {})})
    before = review(event)
    setattr(event, name, other_value(event, name))

    assert review(event) != before, f"a change of {name} does not show in the review"
