"""Events as the tests need them: published (live) by default, their revision saved."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, EventException, Frequency, LocationKind
from tests.factories import ActorFactory, MunicipalityFactory, vocabulary_terms


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    description = "<p>Alle sind willkommen.</p>"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=3))
    start_time = datetime.time(18)
    end_time = datetime.time(20)
    location_kind = LocationKind.ADDRESS
    venue = "Bürgerhaus"
    street = "Markt 1"
    postcode = "06667"
    town = "Weißenfels"
    municipality = factory.SubFactory(MunicipalityFactory)
    frequency = Frequency.ONCE
    live = True
    first_published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    last_published_at = factory.LazyAttribute(lambda event: event.first_published_at)

    topics = vocabulary_terms("topics")
    languages = vocabulary_terms("languages")
    target_groups = vocabulary_terms("target_groups")


class EventExceptionFactory(DjangoModelFactory):
    class Meta:
        model = EventException

    event = factory.SubFactory(EventFactory)
    original_date = factory.LazyAttribute(lambda exception: exception.event.start_date)
