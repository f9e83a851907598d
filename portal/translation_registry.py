"""Which texts of the network's content can be translated: registered here, once, at start-up,
so that the apps owning the models need not know about translations."""

from __future__ import annotations

from django.db.models import QuerySet

from portal.translations import register_translatable


def _public_actors() -> QuerySet:
    from network.models import Actor

    return Actor.objects.published()


def _public_offers() -> QuerySet:
    from network.models import Offer

    return Offer.objects.filter(actor__live=True)


def _public_needs() -> QuerySet:
    from needs.models import Need

    return Need.objects.filter(status=Need.Status.OPEN, actor__live=True)


def _public_events() -> QuerySet:
    from events.models import Event

    return Event.objects.published()


def register_all() -> None:
    from events.models import Event
    from needs.models import Need
    from network.models import Actor, Offer, TargetGroup, Topic
    from referrals.models import ConcernCategory

    register_translatable(
        Actor, ["short_description", "description"], html=["description"], public=_public_actors
    )
    register_translatable(
        Offer,
        ["name", "description", "eligibility", "how_to_access", "cost_note"],
        public=_public_offers,
    )
    register_translatable(
        Need,
        ["title", "description", "skills", "hours"],
        html=["description"],
        public=_public_needs,
    )
    register_translatable(
        Event,
        ["title", "description", "cost_note", "status_note"],
        html=["description"],
        public=_public_events,
    )
    register_translatable(Topic, ["name"], public=Topic.objects.all)
    register_translatable(TargetGroup, ["name"], public=TargetGroup.objects.all)
    register_translatable(ConcernCategory, ["name", "description"], public=_active_categories)


def _active_categories() -> QuerySet:
    from referrals.models import ConcernCategory

    return ConcernCategory.objects.filter(is_active=True)
