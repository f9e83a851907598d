"""factory_boy factories for referrals; categories and units come from the migrations."""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from network.models import AgencyUnit
from referrals.models import ConcernCategory, Referral, ReferralEvent
from referrals.reference import new_reference


class ConcernCategoryFactory(DjangoModelFactory):
    class Meta:
        model = ConcernCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Anliegen {n}")
    slug = factory.Sequence(lambda n: f"anliegen-{n}")


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral
        skip_postgeneration_save = True

    reference = factory.LazyFunction(new_reference)
    person_name = "Amina Haddad"
    phone = "0157 1234567"
    email = "amina@example.org"
    description = "Die Aufenthaltserlaubnis läuft bald ab."
    unit = factory.LazyFunction(lambda: AgencyUnit.objects.get(slug="eingangszone"))
    consent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def categories(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def received(self, create: bool, extracted, **kwargs) -> None:
        if create:
            ReferralEvent.objects.create(
                referral=self, kind=ReferralEvent.Kind.RECEIVED, to_unit=self.unit
            )
