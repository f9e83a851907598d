"""Concern categories in the shared page cache (portal/pagecache.py): the agency's unit pages
and the crisis landing pages link into the referral form by category."""

from __future__ import annotations

from portal import pagecache

CATEGORIES = "categories"


def register() -> None:
    from referrals.models import ConcernCategory

    pagecache.register_model(ConcernCategory, CATEGORIES)
    for view in (
        "wagtail_serve",
        "page:network.agencypage",
        "page:network.agencyunitpage",
        "crisis:landing",
    ):
        pagecache.register_view(view, CATEGORIES)
