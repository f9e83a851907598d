"""Visitors report outdated details on a public profile; the intake zone marks the notes done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from network.forms.reports import OutdatedReportForm
from network.models import OutdatedReport
from network.permissions import get_actor_for_user, is_intake_staff
from network.reports import AlreadyResolved, report_outdated, resolve_report
from portal import ratelimit
from portal.transactions import Busy, busy_form

TEMPLATE = "network/report_outdated.html"
# Notes per client address (settings.RATE_LIMITS): a few honest ones, too few for spam.
REPORTS = ratelimit.Limit("outdated-report")


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for_user(request.user, slug)
    if request.method != "POST":
        return render(request, TEMPLATE, {"actor": actor, "form": OutdatedReportForm()})
    form = OutdatedReportForm(request.POST)
    context = {"actor": actor, "form": form}
    try:
        REPORTS.check(request)
        if form.caught_in_trap:
            REPORTS.hit(request)
            return redirect("outdated:sent", slug=actor.slug)
        if not form.is_valid():
            return render(request, TEMPLATE, context, status=400)
        REPORTS.hit(request)
    except ratelimit.RateLimited as limited:
        return ratelimit.refuse_form(request, TEMPLATE, context, form, limited)
    try:
        report_outdated(actor=actor, message=form.cleaned_data["message"], acting_user=request.user)
    except Busy as busy:
        return busy_form(request, TEMPLATE, context, form, busy)
    return redirect("outdated:sent", slug=actor.slug)


@require_safe
def sent(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for_user(request.user, slug)
    return render(request, TEMPLATE, {"actor": actor, "sent": True})


@login_required
@require_POST
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_intake_staff(request.user):
        raise Http404("No such note.")
    note = get_object_or_404(OutdatedReport.objects.select_related("actor"), pk=pk)
    try:
        resolve_report(report=note, acting_user=request.user)
    except AlreadyResolved:
        messages.info(request, _("Dieser Hinweis war bereits erledigt."))
    else:
        messages.success(
            request, _("Der Hinweis zu „%(actor)s“ ist erledigt.") % {"actor": note.actor.name}
        )
    return redirect("my:review_list")
