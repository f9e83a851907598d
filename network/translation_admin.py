"""The staff's "Übersetzungen" in the Wagtail admin: what is missing or outdated per kind and
language, and the translation of the texts staff own (vocabularies, the wayfinder's answers, crisis
situations), which are published at once.

Which texts those are, each app says when it registers them (`register_translatable(...,
vocabulary=True)`), so this view knows no app above the network. The URL names keep their
`portal_` prefix: they are part of the admin's addresses.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.forms.translations import TranslationForm
from network.permissions import is_agency_staff
from network.translations import (
    REPORT_LABELS,
    REPORT_STATES,
    field_statuses,
    page_translation_report,
    save_vocabulary_translations,
    translation_report,
)
from portal.translations import translation_languages, vocabularies


def _require_staff(request: HttpRequest) -> None:
    if not is_agency_staff(request.user):
        raise Http404("No translation report.")


@require_safe
def report(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    languages = translation_languages()
    lines = [*translation_report(), page_translation_report()]
    return render(
        request,
        "network/translations_overview.html",
        {
            "lines": lines,
            "tables": [(line, line.rows(languages)) for line in lines],
            "columns": [REPORT_LABELS[state] for state in REPORT_STATES],
            "languages": languages,
            "vocabularies": [
                (name, model._meta.verbose_name_plural) for name, model in vocabularies().items()
            ],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def vocabulary(request: HttpRequest, name: str, language: str) -> HttpResponse:
    _require_staff(request)
    model = vocabularies().get(name)
    languages = dict(translation_languages())
    if model is None or language not in languages:
        raise Http404("No such vocabulary or language.")
    statuses = field_statuses(list(model._default_manager.all()), [language])
    form = TranslationForm(
        request.POST if request.method == "POST" else None, statuses=statuses, language=language
    )
    if request.method == "POST" and form.is_valid():
        changed = save_vocabulary_translations(
            language=language, entries=form.entries(), acting_user=request.user
        )
        messages.success(request, _("%(count)s Übersetzungen gespeichert.") % {"count": changed})
        return redirect("portal_translations_vocabulary", name=name, language=language)
    return render(
        request,
        "network/translations_vocabulary.html",
        {
            "form": form,
            "title": f"{model._meta.verbose_name_plural} – {languages[language]}",
            "name": name,
            "language": language,
            "languages": translation_languages(),
        },
    )


def admin_urls() -> list[URLPattern]:
    return [
        path("translations/", report, name="portal_translations"),
        path(
            "translations/<str:name>/<str:language>/",
            vocabulary,
            name="portal_translations_vocabulary",
        ),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return is_agency_staff(request.user)


def menu_item() -> MenuItem:
    return StaffMenuItem(
        gettext_lazy("Übersetzungen"),
        reverse("portal_translations"),
        icon_name="globe",
        order=220,
    )


def register() -> None:
    """Called once from the network's AppConfig.ready()."""
    hooks.register("register_admin_urls", admin_urls)
    hooks.register("register_admin_menu_item", menu_item)
