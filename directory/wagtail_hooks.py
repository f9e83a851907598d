"""The actor import in the Wagtail admin, for agency staff and administrators."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory.imports import views
from directory.imports.permissions import can_import_actors


@hooks.register("register_admin_urls")
def import_urls() -> list:
    return [
        path("directory/import/", views.upload, name="directory_import"),
        path("directory/import/confirm/", views.confirm, name="directory_import_confirm"),
        *[
            path(
                f"directory/import/vorlage.{extension}",
                views.template_file,
                {"extension": extension},
                name=f"directory_import_template_{extension}",
            )
            for extension in ("csv", "xlsx")
        ],
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_import_actors(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item() -> MenuItem:
    return ImportMenuItem(
        _("Akteure importieren"), reverse("directory_import"), icon_name="upload", order=210
    )
