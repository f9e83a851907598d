"""The wayfinder's pages under /wayfinder/: thin views over referrals.wayfinder.

Public and anonymous on purpose: the views read only the query string, never the session, and
count each page in the path statistics without storing anything that identifies the visitor
(address and user agent only tell repeated views apart, see referrals.wayfinder_stats).
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal import ratelimit
from referrals import wayfinder
from referrals.models import WayfinderStepCount
from referrals.permissions import can_see_wayfinder_statistics
from referrals.wayfinder_stats import FUNNEL, count_step, wayfinder_report

DEFAULT_PERIOD_DAYS = 30
Step = WayfinderStepCount.Step


def _answers_and_page(request: HttpRequest) -> tuple[wayfinder.Answers, wayfinder.Page]:
    answers = wayfinder.parse_answers(request.GET)
    requested = request.GET.get("step", "")
    if requested not in (*wayfinder.STEPS, wayfinder.RESULT):
        requested = ""
    return answers, wayfinder.page_for(answers, requested)


def _visitor(request: HttpRequest) -> str:
    address = ratelimit.address_identity(ratelimit.client_address(request))
    return f"{address}\n{request.headers.get('user-agent', '')[:300]}"


def _choices(step: str) -> list[object]:
    if step == wayfinder.CONCERN:
        return list(wayfinder.active_categories())
    if step == wayfinder.FOR_WHOM:
        return list(wayfinder.active_audiences())
    if step == wayfinder.LANGUAGE:
        return wayfinder.languages()
    if step == wayfinder.MUNICIPALITY:
        return list(wayfinder.municipalities())
    return list(wayfinder.contact_units())


def _chosen(answers: wayfinder.Answers, step: str) -> str | None:
    """The answer to preselect: the one given, or for the language the interface's own."""
    value = answers.value(step)
    if value is None and step == wayfinder.LANGUAGE:
        return (get_language() or "").split("-")[0]
    return value


@require_safe
def wayfinder_page(request: HttpRequest) -> HttpResponse:
    answers, page = _answers_and_page(request)
    # The municipality question is no step of the counted funnel (its place is kept out of the
    # statistics): its page is not counted; reaching the result after it is.
    if request.method == "GET" and page.step != wayfinder.MUNICIPALITY:
        count_step(page.step, answers.path(page.step), visitor=_visitor(request))
    back = wayfinder.previous_step(page.step)
    context = {
        "answers": answers,
        "step": page.step,
        "error": page.error,
        "back_query": answers.query(step=back) if back else None,
    }
    if page.step == wayfinder.RESULT:
        context |= {
            "result": wayfinder.result_for(answers),
            "go_query": answers.query(),
            "place_query": answers.query(step=wayfinder.MUNICIPALITY),
        }
        return render(request, "referrals/wayfinder/result.html", context)
    context |= {
        "number": wayfinder.STEPS.index(page.step) + 1,
        "total": len(wayfinder.STEPS),
        "question": wayfinder.QUESTIONS[page.step],
        "choices": _choices(page.step),
        "chosen": _chosen(answers, page.step),
        "hidden": answers.hidden(page.step),
        "next_step": wayfinder.next_step(page.step),
        "not_in_contact": wayfinder.NOT_IN_CONTACT,
        "no_municipality": wayfinder.NO_MUNICIPALITY,
    }
    return render(request, "referrals/wayfinder/step.html", context)


@require_safe
def wayfinder_go(request: HttpRequest) -> HttpResponse:
    """Counts the way on to the referral form, then sends the person there, filled in."""
    answers, page = _answers_and_page(request)
    if page.step != wayfinder.RESULT:
        return HttpResponseRedirect(f"{reverse('wayfinder:start')}?{answers.query()}")
    if request.method == "GET":
        count_step(Step.REFERRAL, answers.path(wayfinder.RESULT), visitor=_visitor(request))
    return HttpResponseRedirect(wayfinder.referral_url(answers))


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("von"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("bis"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("Das Ende muss nach dem Beginn liegen."))
        return cleaned


@login_required
@require_safe
def wayfinder_statistics(request: HttpRequest) -> HttpResponse:
    if not can_see_wayfinder_statistics(request.user):
        raise PermissionDenied("The wayfinder statistics are for agency staff.")
    today = timezone.localdate()
    default = {"start": today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), "end": today}
    form = PeriodForm(request.GET if request.GET else None, initial=default)
    period = form.cleaned_data if form.is_bound and form.is_valid() else default
    return render(
        request,
        "referrals/agency/wayfinder_statistics.html",
        {
            "form": form,
            "start": period["start"],
            "end": period["end"],
            "report": wayfinder_report(period["start"], period["end"]),
            "funnel_steps": [Step(step).label for step in FUNNEL],
        },
    )
