"""Keep the search documents of actors and of their offers in step with everything indexed
with them: an offer's document reads its actor's state, name and places."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from directory.search import ACTOR_KIND, OFFER_KIND
from network.models import Actor, Language, Location, Municipality, Offer, TargetGroup, Topic
from search import registry


def _update_offers(offer_ids: Iterable[int]) -> None:
    with registry.deferred():
        for offer_id in offer_ids:
            registry.update(OFFER_KIND, offer_id)


def _actor_changed(sender: type, instance: Actor, **kwargs: object) -> None:
    """Publishing, unpublishing or renaming an actor changes its offers' documents too."""
    if kwargs.get("raw"):
        return
    with registry.deferred():
        registry.update(ACTOR_KIND, instance.pk)
        _update_offers(Offer.objects.filter(actor_id=instance.pk).values_list("pk", flat=True))


def _remember_previous_actor(sender: type, instance: Offer | Location, **kwargs: object) -> None:
    """A child moved to another actor leaves the old actor's document to be refreshed too."""
    if instance.pk and not kwargs.get("raw"):
        previous = sender.objects.filter(pk=instance.pk).values_list("actor_id", flat=True)
        instance._previous_actor_id = previous.first()


def _child_changed(sender: type, instance: Offer | Location, **kwargs: object) -> None:
    if kwargs.get("raw"):
        return
    actor_ids = {instance.actor_id, getattr(instance, "_previous_actor_id", None)} - {None}
    with registry.deferred():
        for actor_id in actor_ids:
            registry.update(ACTOR_KIND, actor_id)
        if isinstance(instance, Offer):
            registry.update(OFFER_KIND, instance.pk)
        else:
            # A location's place is part of every offer of its actor.
            offers = Offer.objects.filter(actor_id__in=actor_ids)
            _update_offers(offers.values_list("pk", flat=True))


def _relation_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Actor):
        with registry.deferred():
            registry.update(ACTOR_KIND, instance.pk)
            _update_offers(instance.offers.values_list("pk", flat=True))
    elif isinstance(instance, Offer) and instance.actor_id:
        with registry.deferred():
            registry.update(ACTOR_KIND, instance.actor_id)
            registry.update(OFFER_KIND, instance.pk)


TERM_PATHS = {
    Topic: ("topics", "offers__topics"),
    TargetGroup: ("target_groups", "offers__target_groups"),
    Language: ("languages",),
    Municipality: ("locations__municipality",),
}


OFFER_TERM_PATHS = {
    Topic: "topics",
    TargetGroup: "target_groups",
    Language: "languages",
    Municipality: "actor__locations__municipality",
}


def _term_changed(sender: type, instance: object, **kwargs: object) -> None:
    """A renamed term changes the text of every actor indexed with it."""
    if kwargs.get("raw") or kwargs.get("created"):
        return
    condition = Q()
    for path in TERM_PATHS[sender]:
        condition |= Q(**{path: instance})
    actor_ids = Actor.objects.filter(condition).values_list("pk", flat=True).distinct()
    with registry.deferred():
        for actor_id in actor_ids:
            registry.update(ACTOR_KIND, actor_id)
        # Offers read their own terms and their actor's languages and places.
        _update_offers(
            Offer.objects.filter(
                Q(actor_id__in=actor_ids) | Q(**{OFFER_TERM_PATHS[sender]: instance})
            )
            .values_list("pk", flat=True)
            .distinct()
        )


def connect() -> None:
    post_save.connect(_actor_changed, sender=Actor, dispatch_uid="directory_actor_saved")
    post_delete.connect(_actor_changed, sender=Actor, dispatch_uid="directory_actor_deleted")
    for model in (Offer, Location):
        pre_save.connect(
            _remember_previous_actor, sender=model, dispatch_uid=f"directory_{model}_moving"
        )
        post_save.connect(_child_changed, sender=model, dispatch_uid=f"directory_{model}_saved")
        post_delete.connect(_child_changed, sender=model, dispatch_uid=f"directory_{model}_deleted")
    for term in TERM_PATHS:
        post_save.connect(_term_changed, sender=term, dispatch_uid=f"directory_{term}_renamed")
    for relation in (
        Actor.topics,
        Actor.target_groups,
        Actor.languages,
        Offer.topics,
        Offer.target_groups,
        Offer.languages,
    ):
        m2m_changed.connect(
            _relation_changed,
            sender=relation.through,
            dispatch_uid=f"directory_{relation.through}_changed",
        )
