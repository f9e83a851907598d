"""Crisis mode in the shared page cache (portal/pagecache.py): the banner is on every page, so
switching a situation, or editing its texts, steps or temporary offers, renews every page."""

from __future__ import annotations

from network.page_cache import ACTORS, AGENCY
from portal import pagecache


def register() -> None:
    from crisis.models import KeyStep, Situation, TemporaryOffer

    for model in (Situation, KeyStep, TemporaryOffer):
        pagecache.register_model(model, pagecache.CRISIS)
    # Its temporary offers' providers, and the unit it routes to.
    pagecache.register_view("crisis:landing", pagecache.CRISIS, ACTORS, AGENCY)
