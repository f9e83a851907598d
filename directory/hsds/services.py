"""Which actors the HSDS export holds and in which order: the published ones, by slug, so that
pages and packages come out the same every time.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from directory.hsds.ids import organization_id, service_id
from directory.hsds.mapping import organization, organization_summary
from network.models import Actor, Location, Offer
from network.permissions import visible_actors

EXPORT_PREFETCH = (
    "topics",
    "target_groups",
    "languages",
    "contacts",
    Prefetch(
        "offers", queryset=Offer.objects.prefetch_related("topics", "target_groups", "languages")
    ),
    Prefetch(
        "locations",
        queryset=Location.objects.select_related("municipality").prefetch_related("opening_hours"),
    ),
)
MAX_PAGE_SIZE = 100
# Far beyond any real directory, and small enough that the page's offset stays a database integer.
MAX_PAGE_NUMBER = 100_000


class InvalidPage(ValueError):
    """A page number or size that is not a positive whole number."""


def base_url() -> str:
    """Absolute links in the export use the configured site address, not the request's host."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def published_actors(user: Any = None) -> QuerySet[Actor]:
    return visible_actors(user).order_by("slug")


def find_published_actor(user: Any, hsds_id: str) -> Actor | None:
    """The published actor behind an HSDS id (ids are derived from slugs, so they are searched)."""
    for slug in published_actors(user).values_list("slug", flat=True).iterator():
        if organization_id(slug) == hsds_id:
            return published_actors(user).prefetch_related(*EXPORT_PREFETCH).get(slug=slug)
    return None


def find_published_service(user: Any, hsds_id: str) -> dict[str, Any] | None:
    """A published offer as an HSDS service with its organization's one-to-one fields."""
    for actor in published_actors(user).prefetch_related(*EXPORT_PREFETCH).iterator(chunk_size=200):
        if not any(
            service_id(actor.slug, index) == hsds_id for index in range(len(actor.offers.all()))
        ):
            continue
        whole = organization(actor, base_url())
        found = next(service for service in whole["services"] if service["id"] == hsds_id)
        return {**found, "organization": organization_summary(actor, base_url())}
    return None


@dataclass
class Page:
    number: int
    size: int
    total_items: int
    contents: list[dict[str, Any]]

    def as_hsds(self) -> dict[str, Any]:
        total_pages = max(1, math.ceil(self.total_items / self.size))
        return {
            "total_items": self.total_items,
            "total_pages": total_pages,
            "page_number": self.number,
            "size": self.size,
            "first_page": self.number == 1,
            "last_page": self.number >= total_pages,
            "empty": not self.contents,
            "contents": self.contents,
        }


def _whole_number(value: str | None, default: int, name: str, *, most: int | None = None) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise InvalidPage(f"{name} must be a whole number, not {value!r}.") from exc
    if number < 1:
        raise InvalidPage(f"{name} must be 1 or more.")
    if most is not None and number > most:
        raise InvalidPage(f"{name} must be {most} or less.")
    return number


def organization_page(
    user: Any, *, page: str | None, per_page: str | None, full: bool = True
) -> Page:
    """One page of published organizations, whole (with services …) or as one-to-one fields."""
    number = _whole_number(page, 1, "page", most=MAX_PAGE_NUMBER)
    size = min(_whole_number(per_page, 20, "per_page"), MAX_PAGE_SIZE)
    actors = published_actors(user)
    total = actors.count()
    window = actors[(number - 1) * size : number * size]
    if full:
        window = window.prefetch_related(*EXPORT_PREFETCH)
        contents = [organization(actor, base_url()) for actor in window]
    else:
        contents = [organization_summary(actor, base_url()) for actor in window]
    return Page(number=number, size=size, total_items=total, contents=contents)


def all_organizations(batch_size: int = 200) -> Iterator[dict[str, Any]]:
    """Every published organization, whole, for the data package."""
    slugs = list(published_actors().values_list("slug", flat=True))
    for start in range(0, len(slugs), batch_size):
        batch = published_actors().filter(slug__in=slugs[start : start + batch_size])
        for actor in batch.prefetch_related(*EXPORT_PREFETCH):
            yield organization(actor, base_url())
