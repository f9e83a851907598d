"""The portal's own pages in the Wagtail admin: the translations report for staff."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.permissions import is_agency_staff
from portal import translation_admin


@hooks.register("register_admin_urls")
def translation_urls() -> list:
    return [
        path("translations/", translation_admin.report, name="portal_translations"),
        path(
            "translations/<str:name>/<str:language>/",
            translation_admin.vocabulary,
            name="portal_translations_vocabulary",
        ),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_agency_staff(request.user)


@hooks.register("register_admin_menu_item")
def translations_menu_item() -> MenuItem:
    return StaffMenuItem(
        _("Übersetzungen"), reverse("portal_translations"), icon_name="globe", order=220
    )
