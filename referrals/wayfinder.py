"""The wayfinder (Wegweiser): a few plain questions that end on the right unit and actors.

All answers travel in the query string, so every step is a bookmarkable GET form that works
without JavaScript and without a session; nothing about the person is kept on the server. The
questions' answers are data staff edit (concern categories, "for whom" answers, agency units,
languages), and where they lead is referrals.routing, the same as for the referral form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.distance import Origin, kilometres, nearest_location, within
from network import hours
from network.models import Actor, ActorKind, AgencyUnit, Language, Municipality
from network.permissions import visible_actors
from referrals.models import ConcernCategory, WayfinderAudience
from referrals.routing import intake_unit, offered_categories, resolve_unit

CONCERN, FOR_WHOM, LANGUAGE, CONTACT = "concern", "for_whom", "language", "contact"
MUNICIPALITY = "municipality"
STEPS: tuple[str, ...] = (CONCERN, FOR_WHOM, LANGUAGE, CONTACT, MUNICIPALITY)
# The answers the path statistics count (referrals.wayfinder_stats): where a person lives is
# left out, as together with the other answers it could point to one person in a small place.
COUNTED_STEPS: tuple[str, ...] = (CONCERN, FOR_WHOM, LANGUAGE, CONTACT)
RESULT = "result"
NOT_IN_CONTACT = "nein"
NO_MUNICIPALITY = "keine-angabe"  # the municipality question skipped
MAX_VALUE_LENGTH = 100
SUGGESTED_ACTORS = 5
# Actors with a place this close to the person's municipality (or reachable online) count as
# near and come first in the result.
NEARBY_KM = 15

QUESTIONS = {
    CONCERN: _("Worum geht es?"),
    FOR_WHOM: _("Für wen fragen Sie?"),
    LANGUAGE: _("In welcher Sprache möchten Sie sprechen?"),
    CONTACT: _("Sind Sie schon in Kontakt mit der Migrationsagentur?"),
    MUNICIPALITY: _("In welcher Gemeinde wohnen Sie?"),
}
UNKNOWN_ANSWER = _("Diese Antwort kennen wir nicht. Bitte wählen Sie noch einmal.")
MISSING_ANSWER = _("Bitte wählen Sie eine Antwort.")


def active_categories() -> QuerySet[ConcernCategory]:
    return offered_categories()


def active_audiences() -> QuerySet[WayfinderAudience]:
    return WayfinderAudience.objects.filter(is_active=True)


def contact_units() -> QuerySet[AgencyUnit]:
    """Units a person may already be in contact with; the intake zone is where everyone starts."""
    return AgencyUnit.objects.filter(is_intake=False).order_by("name")


def municipalities() -> QuerySet[Municipality]:
    """The Burgenlandkreis's municipalities whose centre is known (distances are measured from
    it), by name."""
    return Municipality.objects.filter(latitude__isnull=False, longitude__isnull=False).order_by(
        "name"
    )


def languages() -> list[Language]:
    """The current interface language first, then the others by their German name."""
    current = (get_language() or "").split("-")[0]
    return sorted(Language.objects.all(), key=lambda language: (language.code != current,))


@dataclass
class Answers:
    """The answers given so far, each checked against the current data."""

    concern: ConcernCategory | None = None
    for_whom: WayfinderAudience | None = None
    language: Language | None = None
    contact: str | None = None  # NOT_IN_CONTACT or a unit's slug
    contact_unit: AgencyUnit | None = None
    municipality: Municipality | None = None
    municipality_skipped: bool = False
    invalid: set[str] = field(default_factory=set)

    def value(self, step: str) -> str | None:
        """The answer to `step` as it travels in the query string."""
        if step == CONCERN:
            return self.concern.slug if self.concern else None
        if step == FOR_WHOM:
            return self.for_whom.slug if self.for_whom else None
        if step == LANGUAGE:
            return self.language.code if self.language else None
        if step == MUNICIPALITY:
            if self.municipality is not None:
                return self.municipality.slug
            return NO_MUNICIPALITY if self.municipality_skipped else None
        return self.contact

    def first_gap(self) -> str | None:
        """The first step without a valid answer; None when the result can be shown."""
        return next((step for step in STEPS if self.value(step) is None), None)

    def query(self, *, step: str | None = None, only_before: str | None = None) -> str:
        """The answers as a query string, e.g. for the back link; `step` names the page."""
        steps = STEPS[: STEPS.index(only_before)] if only_before else STEPS
        pairs = [(name, self.value(name)) for name in steps if self.value(name) is not None]
        if step:
            pairs.append(("step", step))
        return urlencode(pairs)

    def hidden(self, current: str) -> list[tuple[str, str]]:
        """Every other answer, carried along by the current step's form."""
        return [
            (name, value)
            for name in STEPS
            if name != current and (value := self.value(name)) is not None
        ]

    def path(self, step: str) -> str:
        """The counted answers before `step` (all of them for the result): the statistics'
        path key. The municipality is never part of it."""
        before = STEPS if step not in STEPS else STEPS[: STEPS.index(step)]
        return "/".join(self.value(name) or "" for name in before if name in COUNTED_STEPS)

    @property
    def origin(self) -> Origin | None:
        """Where distances are measured from: the municipality's centre, if one was chosen."""
        return Origin.of(self.municipality) if self.municipality is not None else None


SLUG = re.compile(r"[-\w]+")


def _given(params: dict[str, str], name: str) -> str:
    return (params.get(name) or "").strip()[:MAX_VALUE_LENGTH]


def _slug(params: dict[str, str], name: str) -> str:
    """The value when it can be a slug at all; anything else (a NUL byte, markup) matches
    nothing and is not sent to the database, which may refuse it."""
    value = _given(params, name)
    return value if SLUG.fullmatch(value) else ""


def parse_answers(params: dict[str, str]) -> Answers:
    """Read the answers; unknown or no longer offered values count as not given, but noted."""
    answers = Answers()
    if value := _slug(params, CONCERN):
        answers.concern = active_categories().filter(slug=value).first()
    if value := _slug(params, FOR_WHOM):
        answers.for_whom = active_audiences().filter(slug=value).first()
    if value := _slug(params, LANGUAGE):
        answers.language = Language.objects.filter(code=value).first()
    if value := _slug(params, CONTACT):
        if value == NOT_IN_CONTACT:
            answers.contact = NOT_IN_CONTACT
        else:
            answers.contact_unit = contact_units().filter(slug=value).first()
            answers.contact = answers.contact_unit.slug if answers.contact_unit else None
    if value := _slug(params, MUNICIPALITY):
        if value == NO_MUNICIPALITY:
            answers.municipality_skipped = True
        else:
            answers.municipality = municipalities().filter(slug=value).first()
    answers.invalid = {name for name in STEPS if _given(params, name) and not answers.value(name)}
    return answers


@dataclass(frozen=True)
class Page:
    """Which page to show for a request, and what to tell the person about their input."""

    step: str  # one of STEPS or RESULT
    error: str | None = None


def page_for(answers: Answers, requested: str) -> Page:
    """The requested step if everything before it is answered, else the first open question.

    A person going back asks for an earlier step; a person pressing "next" asks for the step
    after the one answered, and lands on that one again with a message if no answer came. The
    last question, the municipality, may stay unanswered: "next" without one is a skip.
    """
    gap = answers.first_gap()
    limit = STEPS.index(gap) if gap else len(STEPS)
    if requested in STEPS and STEPS.index(requested) <= limit:
        return Page(requested)
    # The municipality is asked on the way forward, but never required: without it (and
    # without an unknown one) the answers lead to the result, as links with four answers did.
    if gap is None or (gap == MUNICIPALITY and gap not in answers.invalid):
        return Page(RESULT)
    if gap in answers.invalid:
        return Page(gap, str(UNKNOWN_ANSWER))
    if requested or any(answers.value(name) for name in STEPS[limit + 1 :]):
        return Page(gap, str(MISSING_ANSWER))
    return Page(gap)


def previous_step(step: str) -> str | None:
    if step == RESULT:
        return STEPS[-1]
    position = STEPS.index(step)
    return STEPS[position - 1] if position else None


def next_step(step: str) -> str:
    position = STEPS.index(step)
    return STEPS[position + 1] if position + 1 < len(STEPS) else RESULT


@dataclass(frozen=True)
class Result:
    unit: AgencyUnit
    unit_url: str | None
    schedule: hours.Schedule | None
    intake: AgencyUnit
    intake_url: str | None
    actors: list[Actor]


def unit_schedule(unit: AgencyUnit) -> hours.Schedule | None:
    """The unit's hours now: its page's consultation hours, else its profile's location's."""
    now = timezone.now()
    page = unit.live_page()
    if page is not None:
        return page.schedule_at(now)
    location = (
        unit.actor.locations.filter(opening_hours__isnull=False)
        .prefetch_related("opening_hours", "exceptions")
        .first()
        if unit.actor_id and unit.actor.live
        else None
    )
    if location is None:
        return None
    return hours.schedule(location.opening_hours.all(), location.exceptions.all(), now)


def network_actors(
    category: ConcernCategory,
    language: Language | None,
    origin: Origin | None = None,
    *,
    limit: int = SUGGESTED_ACTORS,
) -> list[Actor]:
    """Published actors on the concern's topics: with a municipality those near it first
    (a place within NEARBY_KM, or reachable online), then those speaking the language.

    The agency's own units are left out: the result already names the one that is responsible.
    Each actor carries `km`, the distance of its nearest place (None without a municipality or
    a place with coordinates), and `nearby`.
    """
    topics = list(category.topics.all())
    if not topics:
        return []
    groups = list(category.target_groups.all())
    matching = Actor.objects.filter(topics__in=topics).values("pk")
    actors = (
        visible_actors()
        .filter(pk__in=matching)
        .exclude(kind=ActorKind.AGENCY_UNIT)
        .annotate(
            speaks=(
                Count("languages", filter=Q(languages=language), distinct=True)
                if language
                else Value(0)
            ),
            for_group=Count("target_groups", filter=Q(target_groups__in=groups), distinct=True),
            on_topic=Count("topics", filter=Q(topics__in=topics), distinct=True),
        )
    )
    order: list[object] = ["-speaks", "-for_group", "-on_topic", "name"]
    if origin is not None:
        actors = actors.annotate(distance_squared=nearest_location(origin)).annotate(
            nearby=Case(
                When(works_online=True, then=Value(1)),
                When(distance_squared__lte=within(NEARBY_KM), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        order = ["-nearby", *order[:3], F("distance_squared").asc(nulls_last=True), "name"]
    found = list(actors.order_by(*order)[:limit])
    for actor in found:
        actor.km = kilometres(getattr(actor, "distance_squared", None))
        actor.nearby = bool(getattr(actor, "nearby", False))
    return found


def result_for(answers: Answers) -> Result:
    """Where a full set of answers leads: the unit, the agency's intake zone, network actors."""
    if answers.concern is None:
        raise ValueError("The result needs a concern; page_for shows it only when all are given.")
    unit = resolve_unit(answers.concern, answers.for_whom, answers.contact_unit)
    intake = intake_unit()
    return Result(
        unit=unit,
        unit_url=unit.get_absolute_url(),
        schedule=unit_schedule(unit),
        intake=intake,
        intake_url=intake.get_absolute_url(),
        actors=network_actors(answers.concern, answers.language, answers.origin),
    )


def referral_url(answers: Answers) -> str:
    """The referral form, filled with the concern and language, routed by the same answers."""
    pairs = [("category", answers.value(CONCERN)), ("language", answers.value(LANGUAGE))]
    pairs.append(("for_whom", answers.value(FOR_WHOM)))
    if answers.contact_unit:
        pairs.append(("in_contact", answers.contact_unit.slug))
    return f"{reverse('referrals:form')}?{urlencode([(k, v) for k, v in pairs if v])}"
