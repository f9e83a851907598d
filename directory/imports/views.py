"""The admin import: upload → preview of every row's outcome (a dry run) → confirm → report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.imports import uploads
from directory.imports.forms import ConfirmForm, UploadForm
from directory.imports.permissions import can_import_actors
from directory.imports.services import import_actors
from directory.imports.template import template_csv, template_xlsx

TEMPLATE = "directory/admin/import.html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _check(request: HttpRequest) -> None:
    if not can_import_actors(request.user):
        raise PermissionDenied


def upload(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        name = upload_file.name
        token = uploads.keep(request.user, upload_file, name)
        kept = uploads.open_kept(request.user, token, name)
        with kept:
            report = import_actors(
                kept,
                name=name,
                acting_user=request.user,
                dry_run=True,
                all_or_nothing=form.cleaned_data["all_or_nothing"],
            )
        confirm = ConfirmForm(
            initial={
                "token": token,
                "name": name,
                "all_or_nothing": form.cleaned_data["all_or_nothing"],
            }
        )
        return render(request, TEMPLATE, {"report": report, "confirm": confirm, "preview": True})
    return render(request, TEMPLATE, {"form": form})


@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = ConfirmForm(request.POST)
    kept = None
    if form.is_valid():
        data = form.cleaned_data
        kept = uploads.open_kept(request.user, data["token"], data["name"])
    if kept is None:
        context = {
            "form": UploadForm(),
            "error": _("Die Datei ist nicht mehr da. Bitte erneut hochladen."),
        }
        return render(request, TEMPLATE, context, status=400)
    with kept:
        report = import_actors(
            kept,
            name=data["name"],
            acting_user=request.user,
            all_or_nothing=data["all_or_nothing"],
        )
    uploads.discard(request.user, data["token"], data["name"])
    return render(request, TEMPLATE, {"report": report, "done": True})


def template_file(request: HttpRequest, extension: str) -> HttpResponse:
    _check(request)
    if extension == "xlsx":
        response = HttpResponse(template_xlsx(), content_type=XLSX)
    else:
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="akteure-vorlage.{extension}"'
    return response
