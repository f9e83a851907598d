"""/my/review/: agency staff compare proposed profiles (and events) with the published ones."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from network.forms.profiles import ReturnForm
from network.models import ProfileChange
from network.permissions import User, can_review_profiles, is_intake_staff
from network.profiles import (
    StaleChange,
    approve_change,
    is_current,
    pending_changes,
    return_change,
    review_item,
    review_sections,
    review_subject,
)
from network.reports import open_reports

STALE_MESSAGE = gettext_lazy(
    "Diese Änderung ist nicht mehr aktuell: Sie wurde bereits entschieden oder durch eine "
    "neuere Fassung ersetzt. Bitte prüfen Sie die neueste Fassung."
)


def _get_change(user: User, pk: int) -> ProfileChange:
    """Only reviewers learn that a change exists at all."""
    if not can_review_profiles(user):
        raise Http404("No such change.")
    return get_object_or_404(
        ProfileChange.objects.select_related("actor", "revision", "submitted_by", "decided_by"),
        pk=pk,
    )


@login_required
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    if not can_review_profiles(request.user):
        raise Http404("No review queue.")
    items = [review_item(change) for change in pending_changes()]
    # Visitors' notes on outdated profiles are the intake zone's to follow up.
    reports = list(open_reports()) if is_intake_staff(request.user) else None
    return render(request, "network/review_list.html", {"items": items, "reports": reports})


def _render_review(
    request: HttpRequest, change: ProfileChange, return_form: ReturnForm
) -> HttpResponse:
    return render(
        request,
        "network/review_detail.html",
        {
            "change": change,
            "item": review_item(change),
            "current": is_current(change),
            "sections": review_sections(change),
            "proposed": change.revision.as_object(),
            "return_form": return_form,
        },
    )


@login_required
@require_safe
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_review(request, _get_change(request.user, pk), ReturnForm())


@login_required
@require_POST
def review_approve(request: HttpRequest, pk: int) -> HttpResponse:
    change = _get_change(request.user, pk)
    try:
        approve_change(change=change, acting_user=request.user)
    except StaleChange:
        messages.error(request, STALE_MESSAGE)
        return redirect("my:review", pk=change.pk)
    messages.success(
        request,
        _("„%(actor)s“ ist freigegeben und veröffentlicht.")
        % {"actor": str(review_subject(change))},
    )
    return redirect("my:review_list")


@login_required
@require_POST
def review_return(request: HttpRequest, pk: int) -> HttpResponse:
    change = _get_change(request.user, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return _render_review(request, change, form)
    try:
        return_change(change=change, comment=form.cleaned_data["comment"], acting_user=request.user)
    except StaleChange:
        messages.error(request, STALE_MESSAGE)
        return redirect("my:review", pk=change.pk)
    messages.success(
        request,
        _("Die Änderung an „%(actor)s“ ging mit Ihrem Kommentar zurück.")
        % {"actor": str(review_subject(change))},
    )
    return redirect("my:review_list")
