"""Filling in the members' event form the way a browser would submit it."""

from __future__ import annotations

from tests.html import errors_beside, form_data

__all__ = ["errors_beside", "event_form", "form_data", "submit"]


def event_form(client, actor, event=None) -> dict[str, list[str]]:
    url = f"/my/actors/{actor.slug}/events/" + (f"{event.pk}/edit/" if event else "new/")
    return form_data(client.get(url))


def submit(client, actor, event=None, **changes):
    """Post the form as loaded, with `changes` typed in (lists for multiple values)."""
    data = event_form(client, actor, event)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    url = f"/my/actors/{actor.slug}/events/" + (f"{event.pk}/edit/" if event else "new/")
    return client.post(url, data)
