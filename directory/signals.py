"""Keep the actor's search document in step with the actor and everything indexed with it."""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from directory.search import ACTOR_KIND
from network.models import Actor, Language, Location, Municipality, Offer, TargetGroup, Topic
from search import registry


def _actor_changed(sender: type, instance: Actor, **kwargs: object) -> None:
    if not kwargs.get("raw"):
        registry.update(ACTOR_KIND, instance.pk)


def _remember_previous_actor(sender: type, instance: Offer | Location, **kwargs: object) -> None:
    """A child moved to another actor leaves the old actor's document to be refreshed too."""
    if instance.pk and not kwargs.get("raw"):
        previous = sender.objects.filter(pk=instance.pk).values_list("actor_id", flat=True)
        instance._previous_actor_id = previous.first()


def _child_changed(sender: type, instance: Offer | Location, **kwargs: object) -> None:
    if kwargs.get("raw"):
        return
    actor_ids = {instance.actor_id, getattr(instance, "_previous_actor_id", None)}
    with registry.deferred():
        for actor_id in actor_ids - {None}:
            registry.update(ACTOR_KIND, actor_id)


def _relation_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Actor):
        registry.update(ACTOR_KIND, instance.pk)
    elif isinstance(instance, Offer) and instance.actor_id:
        registry.update(ACTOR_KIND, instance.actor_id)


TERM_PATHS = {
    Topic: ("topics", "offers__topics"),
    TargetGroup: ("target_groups", "offers__target_groups"),
    Language: ("languages",),
    Municipality: ("locations__municipality",),
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
    ):
        m2m_changed.connect(
            _relation_changed,
            sender=relation.through,
            dispatch_uid=f"directory_{relation.through}_changed",
        )
