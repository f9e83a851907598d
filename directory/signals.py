"""Keep the actor's search document in step with the actor and everything indexed with it."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from directory.search import ACTOR_KIND
from network.models import Actor, Location, Offer
from search import registry


def _actor_changed(sender: type, instance: Actor, **kwargs: object) -> None:
    if not kwargs.get("raw"):
        registry.update(ACTOR_KIND, instance.pk)


def _child_changed(sender: type, instance: Offer | Location, **kwargs: object) -> None:
    if not kwargs.get("raw") and instance.actor_id:
        registry.update(ACTOR_KIND, instance.actor_id)


def _relation_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Actor):
        registry.update(ACTOR_KIND, instance.pk)
    elif isinstance(instance, Offer) and instance.actor_id:
        registry.update(ACTOR_KIND, instance.actor_id)


def connect() -> None:
    post_save.connect(_actor_changed, sender=Actor, dispatch_uid="directory_actor_saved")
    post_delete.connect(_actor_changed, sender=Actor, dispatch_uid="directory_actor_deleted")
    for model in (Offer, Location):
        post_save.connect(_child_changed, sender=model, dispatch_uid=f"directory_{model}_saved")
        post_delete.connect(_child_changed, sender=model, dispatch_uid=f"directory_{model}_deleted")
    for relation in (
        Actor.topics,
        Actor.target_groups,
        Actor.languages,
        Offer.topics,
        Offer.target_groups,
    ):
        m2m_changed.connect(
            _relation_changed,
            sender=relation.through,
            dispatch_uid=f"directory_{relation.through}_changed",
        )
