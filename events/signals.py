"""Keep each event's search document in step with the event, its actor and its terms."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save

from events.models import Event, EventException
from events.search import EVENT_KIND
from network.models import Actor, Language, Municipality, TargetGroup, Topic
from search import registry


def _event_changed(sender: type, instance: Event, **kwargs: object) -> None:
    if not kwargs.get("raw"):
        registry.update(EVENT_KIND, instance.pk)


def _exception_changed(sender: type, instance: EventException, **kwargs: object) -> None:
    """A moved or cancelled date can move the event's last day, and with it its visibility."""
    if not kwargs.get("raw") and instance.event_id:
        registry.update(EVENT_KIND, instance.event_id)


def _update_all(event_ids: Iterable[int]) -> None:
    with registry.deferred():
        for event_id in event_ids:
            registry.update(EVENT_KIND, event_id)


def _relation_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Event):
        registry.update(EVENT_KIND, instance.pk)
        return
    _update_all(kwargs.get("pk_set") or ())


def _actor_changed(sender: type, instance: Actor, **kwargs: object) -> None:
    """Publishing, unpublishing or renaming an actor changes its events' documents."""
    if not kwargs.get("raw"):
        _update_all(Event.objects.filter(actor_id=instance.pk).values_list("pk", flat=True))


TERM_PATHS = {
    Topic: "topics",
    Language: "languages",
    TargetGroup: "target_groups",
    Municipality: "municipality",
}


def _term_changed(sender: type, instance: object, **kwargs: object) -> None:
    """A renamed term changes the text of every event indexed with it."""
    if kwargs.get("raw") or kwargs.get("created"):
        return
    events = Event.objects.filter(**{TERM_PATHS[sender]: instance})
    _update_all(events.values_list("pk", flat=True).distinct())


def connect() -> None:
    post_save.connect(_event_changed, sender=Event, dispatch_uid="events_event_saved")
    post_delete.connect(_event_changed, sender=Event, dispatch_uid="events_event_deleted")
    post_save.connect(
        _exception_changed, sender=EventException, dispatch_uid="events_exception_saved"
    )
    post_delete.connect(
        _exception_changed, sender=EventException, dispatch_uid="events_exception_deleted"
    )
    post_save.connect(_actor_changed, sender=Actor, dispatch_uid="events_actor_saved")
    for term in TERM_PATHS:
        post_save.connect(_term_changed, sender=term, dispatch_uid=f"events_{term}_renamed")
    for relation in (Event.topics, Event.languages, Event.target_groups):
        m2m_changed.connect(
            _relation_changed,
            sender=relation.through,
            dispatch_uid=f"events_{relation.through}_changed",
        )
