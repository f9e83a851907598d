"""Stable HSDS identifiers: UUIDs derived from our keys, never from database row numbers.

The same actor gets the same UUID in every export and on every installation that holds it under
the same slug, so repeated exports are identical and an exported package imports as it was.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f1c2d6e-3c0a-5b7e-9a51-4d2f8e0b7a11")


def hsds_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def organization_id(slug: str) -> str:
    return hsds_id("organization", slug)


def service_id(actor_slug: str, position: int) -> str:
    return hsds_id("service", actor_slug, position)
