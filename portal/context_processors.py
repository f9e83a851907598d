from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page, Site

from network.permissions import is_agency_staff


def navigation(request: HttpRequest) -> dict[str, object]:
    """Menu pages below the site root (in the visitor's locale where a translation exists), and
    whether the visitor works in the agency; both are evaluated only when a template asks."""

    def menu() -> list[Page]:
        site = Site.find_for_request(request)
        if site is None:
            return []
        root = site.root_page.localized
        return list(root.get_children().live().public().in_menu().specific())

    return {"menu_pages": menu, "is_agency_staff": lambda: is_agency_staff(request.user)}
