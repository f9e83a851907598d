"""Public pages and feeds of the calendar: thin views over events.services."""

from __future__ import annotations

import datetime
import itertools

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from directory.jsonld import as_script
from events.filters import EventFilter
from events.ical import CONTENT_TYPE, build_calendar
from events.jsonld import event_jsonld
from events.models import Event
from events.page_cache import shown_until
from events.periods import LIST, MONTH, WEEK, InvalidPeriod, Period, period_from
from events.permissions import get_public_actor, get_public_event, visible_events
from events.recurrence import first_occurrence, next_occurrences
from events.services import calendar_occurrences, event_listing, find_events, with_relations
from network.form_rendering import CHOICE_WIDGETS
from network.models import TargetGroup, Topic
from network.municipalities import named_municipality_choices
from portal.localisation import german_choices, named_language_choices
from portal.translations import prefetch_translations, translate_choice_labels
from search.listing import InvalidFilter

PAGE_SIZE = 40


def _calendar_response(request: HttpRequest, events, *, name: str, filename: str) -> HttpResponse:
    events = list(events)
    body = build_calendar(
        events,
        name=name,
        url_of=lambda event: request.build_absolute_uri(event.get_absolute_url()),
        # The feed is as new as its newest event: the same feed reads the same, so its ETag
        # holds and a calendar asking again gets 304.
        stamp=max((event.updated_at for event in events), default=timezone.now()),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _invalid(request: HttpRequest, errors: dict[str, list[str]]) -> HttpResponse:
    filterset = EventFilter(request.GET)
    filterset.is_valid()
    filterset.form.renderer = CHOICE_WIDGETS
    return render(
        request,
        "events/event_list.html",
        {"errors": errors, "filterset": filterset, "list_url": reverse("events:list")},
        status=400,
    )


def _days(occurrences) -> list[tuple[datetime.date, list]]:
    return [(day, list(group)) for day, group in itertools.groupby(occurrences, lambda o: o.day)]


def _view_links(request: HttpRequest, period: Period) -> dict[str, str]:
    """Query strings for the other views and the neighbouring periods, filters kept."""
    base = request.GET.copy()
    for name in ("view", "month", "week", "page"):
        base.pop(name, None)

    def link(**params: str) -> str:
        query = base.copy()
        for name, value in params.items():
            query[name] = value
        return query.urlencode()

    first = period.first_day
    links = {
        "list": link(view=LIST),
        "month": link(view=MONTH, month=f"{first:%Y-%m}"),
        "week": link(view=WEEK, week="{}-W{:02d}".format(*first.isocalendar()[:2])),
        "ics": base.urlencode(),
    }
    if period.view in (MONTH, WEEK):
        links["previous"] = link(view=period.view, **{period.view: period.previous_key})
        links["next"] = link(view=period.view, **{period.view: period.next_key})
    return links


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    now = timezone.localtime()
    try:
        period = period_from(request.GET, now.date())
        listing = event_listing(request.GET, user=request.user)
    except InvalidPeriod as invalid:
        return _invalid(request, {invalid.field: [invalid.message]})
    except InvalidFilter as invalid:
        return _invalid(request, invalid.errors)
    # Past events leave the lists; the calendar views still show the whole month or week.
    since = max(period.since, now) if period.view == LIST else period.since
    found = calendar_occurrences(listing, since, period.until)
    if period.view == LIST:
        shown_until(request, found, now)
    prefetch_translations(occurrence.event for occurrence in found)
    translate_choice_labels(listing.filterset.form, {"topic": Topic, "target_group": TargetGroup})
    named_language_choices(listing.filterset.form)
    named_municipality_choices(listing.filterset.form)
    german_choices(listing.filterset.form, ["topic", "target_group", "municipality", "actor"])
    listing.filterset.form.renderer = CHOICE_WIDGETS
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    by_day = dict(_days(found))
    return render(
        request,
        "events/event_list.html",
        {
            "period": period,
            "page": page,
            "days": _days(page.object_list) if period.view == LIST else None,
            "week_days": [(day, by_day.get(day, [])) for day in period.days],
            "month_weeks": [
                [(day, by_day.get(day, []) if day else []) for day in week] for week in period.weeks
            ],
            "count": len(found),
            "filterset": listing.filterset,
            "links": _view_links(request, period),
            "today": now.date(),
            "list_url": reverse("events:list"),
            "has_filters": any(
                request.GET.getlist(name) for name in (*EventFilter.FACETS, "actor")
            ),
        },
    )


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_public_event(request.user, slug)
    prefetch_translations([event, event.actor])
    now = timezone.now()
    next_dates = next_occurrences(event, now)
    shown_until(request, next_dates, now)
    dates = next_dates or [first_occurrence(event)]
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "next_dates": next_dates,
            "is_past": not next_dates,
            "jsonld": as_script(event_jsonld(event, dates, request)),
        },
    )


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_public_event(request.user, slug)
    return _calendar_response(
        request,
        with_relations(Event.objects.filter(pk=event.pk)),
        name=event.title,
        filename=f"{event.slug}.ics",
    )


@require_safe
def calendar_ics(request: HttpRequest) -> HttpResponse:
    try:
        events = find_events(request.GET, user=request.user)
    except InvalidFilter as invalid:
        lines = [
            f"{name}: {message}" for name, errors in invalid.errors.items() for message in errors
        ]
        return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")
    return _calendar_response(
        request,
        events,
        name=_("Veranstaltungen im Integrationsnetzwerk Burgenlandkreis"),
        filename="veranstaltungen.ics",
    )


@require_safe
def actor_calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_public_actor(request.user, slug)
    return _calendar_response(
        request,
        with_relations(visible_events(request.user).filter(actor=actor)),
        name=_("Veranstaltungen: %(actor)s") % {"actor": actor.name},
        filename=f"{actor.slug}.ics",
    )
