"""factory_boy factories for the network's data; published actors unless told otherwise."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from network.models import (
    Actor,
    ActorKind,
    AgencyUnit,
    ContactPerson,
    Language,
    Location,
    Membership,
    Municipality,
    Offer,
    OpeningHours,
    TargetGroup,
    Topic,
)


def vocabulary_terms(field: str, *, save: bool = True) -> factory.PostGeneration:
    """Vocabulary terms passed as a list (`topics=[...]`) for a many-to-many field; saving again
    afterwards lets revisions and the search index see them, as a member's form would."""

    def set_terms(obj, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            getattr(obj, field).set(extracted)
            if save:
                obj.save()

    return factory.PostGeneration(set_terms)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("demo1234!")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"x{n}")
    name = factory.Sequence(lambda n: f"Sprache {n}")
    native_name = factory.LazyAttribute(lambda language: language.name)


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    slug = factory.Sequence(lambda n: f"gemeinde-{n}")
    kind = Municipality.Kind.MUNICIPALITY


class ActorFactory(DjangoModelFactory):
    class Meta:
        model = Actor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Initiative {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    kind = ActorKind.ASSOCIATION
    short_description = "Ein Verein im Integrationsnetzwerk."
    live = True

    topics = vocabulary_terms("topics")
    languages = vocabulary_terms("languages")
    target_groups = vocabulary_terms("target_groups")


class OfferFactory(DjangoModelFactory):
    class Meta:
        model = Offer

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Angebot {n}")
    description = "Regelmäßiges Angebot für alle."


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location

    actor = factory.SubFactory(ActorFactory)
    street = "Marktplatz 1"
    postcode = "06667"
    town = factory.LazyAttribute(lambda location: location.municipality.name)
    municipality = factory.SubFactory(MunicipalityFactory)
    latitude = "51.200000"
    longitude = "11.970000"


class OpeningHoursFactory(DjangoModelFactory):
    class Meta:
        model = OpeningHours

    location = factory.SubFactory(LocationFactory)
    weekday = 1
    opens = datetime.time(9)
    closes = datetime.time(12)


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    actor = factory.SubFactory(ActorFactory)
    name = "Alex Beispiel"
    email = "alex@example.org"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(ActorFactory)
    role = Membership.Role.EDITOR


class AgencyUnitFactory(DjangoModelFactory):
    class Meta:
        model = AgencyUnit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Bereich {n}")
    slug = factory.Sequence(lambda n: f"bereich-{n}")


# --- needs board ------------------------------------------------------------------------------
# The needs board's factories, kept together at the end of the module with their import.
from needs.models import Commitment, HelpOffer, Need  # noqa: E402


class NeedFactory(DjangoModelFactory):
    """An open need of a published actor, in a municipality, with no end date."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    title = factory.Sequence(lambda n: f"Bedarf {n}")
    description = "<p>Wir suchen Unterstützung.</p>"
    skills = "Geduld und Freude am Umgang mit Menschen"
    municipality = factory.SubFactory(MunicipalityFactory)
    commitment = Commitment.REGULAR
    hours = "2 Stunden pro Woche"
    helpers_wanted = 1
    status = Need.Status.OPEN

    topics = vocabulary_terms("topics", save=False)
    languages = vocabulary_terms("languages", save=False)


class HelpOfferFactory(DjangoModelFactory):
    class Meta:
        model = HelpOffer

    need = factory.SubFactory(NeedFactory)
    name = factory.Sequence(lambda n: f"Helferin {n}")
    email = factory.Sequence(lambda n: f"helper{n}@example.org")
    message = "Ich habe dienstags Zeit."
    consent = True
