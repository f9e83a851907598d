"""Keep each need's search document in step with the need, its actor and its terms."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save

from needs.models import Need
from needs.search import NEED_KIND
from network.models import Actor, Language, Municipality, Topic
from search import registry


def _need_changed(sender: type, instance: Need, **kwargs: object) -> None:
    if not kwargs.get("raw"):
        registry.update(NEED_KIND, instance.pk)


def _update_all(need_ids: Iterable[int]) -> None:
    with registry.deferred():
        for need_id in need_ids:
            registry.update(NEED_KIND, need_id)


def _relation_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Need):
        registry.update(NEED_KIND, instance.pk)
        return
    # changed from the term's side (topic.needs.add(...)): pk_set names the needs
    _update_all(kwargs.get("pk_set") or ())


def _actor_changed(sender: type, instance: Actor, **kwargs: object) -> None:
    """Publishing, unpublishing or renaming an actor changes its needs' documents."""
    if not kwargs.get("raw"):
        _update_all(Need.objects.filter(actor_id=instance.pk).values_list("pk", flat=True))


TERM_PATHS = {Topic: "topics", Language: "languages", Municipality: "municipality"}


def _term_changed(sender: type, instance: object, **kwargs: object) -> None:
    """A renamed term changes the text of every need indexed with it."""
    if kwargs.get("raw") or kwargs.get("created"):
        return
    needs = Need.objects.filter(**{TERM_PATHS[sender]: instance})
    _update_all(needs.values_list("pk", flat=True).distinct())


def connect() -> None:
    post_save.connect(_need_changed, sender=Need, dispatch_uid="needs_need_saved")
    post_delete.connect(_need_changed, sender=Need, dispatch_uid="needs_need_deleted")
    post_save.connect(_actor_changed, sender=Actor, dispatch_uid="needs_actor_saved")
    for term in TERM_PATHS:
        post_save.connect(_term_changed, sender=term, dispatch_uid=f"needs_{term}_renamed")
    for relation in (Need.topics, Need.languages):
        m2m_changed.connect(
            _relation_changed,
            sender=relation.through,
            dispatch_uid=f"needs_{relation.through}_changed",
        )
