"""Everything the needs board does: finding needs, keeping them, and answering helpers.

Finding works like the directory (needs.filters for both the page and the API, ids first, then
one page of needs with its relations). Every change runs in a transaction, leaves an audit entry
and sends its mail only once it has committed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from needs.filters import NeedFilter, Sort
from needs.models import HelpOffer, Need, NeedQuerySet
from needs.permissions import get_public_need, reply_handlers, visible_needs
from needs.search import NEED_KIND
from network import audit
from network.models import Actor, Language
from network.permissions import EDITING_ROLES, User, member_actors
from portal.mail import send_after_commit
from portal.transactions import retrying
from portal.translations import prefetch_translations
from search import registry
from search.listing import Listing, find

NEED_FIELDS = (
    "title",
    "description",
    "skills",
    "municipality",
    "is_online",
    "commitment",
    "hours",
    "start_date",
    "end_date",
    "helpers_wanted",
    "contact_person",
)
NEED_RELATIONS = ("topics", "languages")


def _ordering(sort: str) -> list[Any]:
    if sort == Sort.START:
        return [F("start_date").asc(nulls_first=True), "-created_at", "-pk"]
    return Sort.ORDERING[Sort.NEWEST]


def find_needs(params: QueryDict, *, user: User | None = None, with_facets: bool = True) -> Listing:
    """Ids of the public needs matching the parameters, in display order, with facet counts.

    The search index says which needs match the words; the database says which are public
    today, so a need past its end date is gone even while its document still says public.
    """
    return find(
        filter_class=NeedFilter,
        params=params,
        base=visible_needs(user),
        kind=NEED_KIND,
        default_sort=Sort.NEWEST,
        ordering=_ordering,
        facets=NeedFilter.FACETS if with_facets else (),
    )


def _with_relations(needs: NeedQuerySet) -> NeedQuerySet:
    return needs.select_related("actor", "municipality", "contact_person").prefetch_related(
        "topics", "languages"
    )


def load_needs(need_ids: list[int]) -> list[Need]:
    """One page of needs with what a list shows, in the order of the ids."""
    by_id = {need.pk: need for need in _with_relations(Need.objects.filter(pk__in=need_ids))}
    return [by_id[pk] for pk in need_ids if pk in by_id]


# What a card on the board shows of a need, its organiser and its place.
CARD_FIELDS = (
    "title",
    "commitment",
    "hours",
    "start_date",
    "end_date",
    "helpers_wanted",
    "is_online",
    "actor__name",
    "municipality__name",
)


def load_cards(need_ids: list[int]) -> list[Need]:
    """One page of the board's cards in the order of the ids: each need with the organiser,
    place and languages its card names, in two queries (the API's `load_needs` adds the rest)."""
    needs = (
        Need.objects.filter(pk__in=need_ids)
        .select_related("actor", "municipality")
        .only(*CARD_FIELDS)
        .prefetch_related("languages")
    )
    by_id = {need.pk: need for need in needs}
    return [by_id[pk] for pk in need_ids if pk in by_id]


def load_public_need(user: User | None, pk: int) -> Need:
    return get_public_need(user, pk, queryset=_with_relations(Need.objects.all()))


def open_needs_of(actor: Actor) -> list[Need]:
    """What the actor's public profile lists."""
    needs = list(_with_relations(visible_needs().filter(actor=actor)))
    prefetch_translations(needs)
    return needs


def with_reply_counts(needs: QuerySet[Need]) -> QuerySet[Need]:
    return needs.annotate(
        reply_count=Count("replies", distinct=True),
        new_reply_count=Count(
            "replies", filter=Q(replies__status=HelpOffer.Status.NEW), distinct=True
        ),
    )


def needs_of_actor(actor: Actor) -> list[Need]:
    """Every need of one actor for its members, with how many people answered."""
    return list(with_reply_counts(actor.needs.select_related("municipality")))


@dataclass(frozen=True)
class MemberOverview:
    open_needs: list[Need]
    newest_replies: list[HelpOffer]
    # The actors whose needs the person keeps, each a "new need" button on the dashboard.
    keeping: list[Actor]


def member_overview(user: User | None, *, replies: int = 5) -> MemberOverview:
    """The dashboard's view of the needs of the actors a person belongs to."""
    actors = member_actors(user)
    needs = Need.objects.filter(actor__in=actors, status=Need.Status.OPEN).not_past_end()
    return MemberOverview(
        open_needs=list(with_reply_counts(needs.select_related("actor"))),
        newest_replies=list(
            HelpOffer.objects.filter(need__actor__in=actors).select_related("need__actor")[:replies]
        ),
        keeping=list(
            actors.filter(memberships__user=user, memberships__role__in=EDITING_ROLES).order_by(
                "name"
            )
        ),
    )


# --- keeping needs ---------------------------------------------------------------------------


def _apply(need: Need, data: Mapping[str, Any]) -> None:
    for name in NEED_FIELDS:
        if name in data:
            setattr(need, name, data[name])


def _set_relations(need: Need, data: Mapping[str, Any]) -> list[str]:
    changed = []
    for name in NEED_RELATIONS:
        if name not in data:
            continue
        wanted = {term.pk for term in data[name]}
        if wanted != set(getattr(need, name).values_list("pk", flat=True)):
            getattr(need, name).set(wanted)
            changed.append(name)
    return changed


@retrying
def create_need(*, actor: Actor, data: Mapping[str, Any], acting_user: User) -> Need:
    with transaction.atomic(), registry.deferred():
        need = Need(actor=actor, created_by=acting_user if acting_user.is_authenticated else None)
        _apply(need, data)
        need.save()
        _set_relations(need, data)
        audit.record("need.created", user=acting_user, actor=actor, obj=need, title=need.title)
    return need


@retrying
def update_need(*, need: Need, data: Mapping[str, Any], acting_user: User) -> Need:
    """Save the form's values; the audit names what changed against the stored need.

    The stored row is the reference because a bound ModelForm has already copied its values
    onto the instance it was given.
    """
    with transaction.atomic(), registry.deferred():
        stored = Need.objects.select_for_update().get(pk=need.pk)
        _apply(need, data)
        need.save()
        changed = [name for name in NEED_FIELDS if getattr(stored, name) != getattr(need, name)]
        changed += _set_relations(need, data)
        audit.record("need.updated", user=acting_user, actor=need.actor, obj=need, fields=changed)
    return need


@retrying
def mark_need_filled(*, need: Need, acting_user: User) -> Need:
    """Enough helpers found: the need leaves the board, its replies stay for the members."""
    with transaction.atomic():
        # Locked, so that a helper's reply being stored this moment either commits before the
        # need closes or sees it closed (offer_help).
        previous = Need.objects.select_for_update().values_list("status", flat=True).get(pk=need.pk)
        need.status = Need.Status.FILLED
        need.save(update_fields=["status", "updated_at"])
        audit.record("need.filled", user=acting_user, actor=need.actor, obj=need, previous=previous)
    return need


@retrying
def expire_past_needs(
    *, acting_user: User | None = None, today: datetime.date | None = None
) -> int:
    """Write "expired" onto open needs past their end date; running it again changes nothing."""
    with transaction.atomic(), registry.deferred():
        needs = list(
            Need.objects.select_for_update()
            .filter(status=Need.Status.OPEN)
            .past_end(today)
            .select_related("actor")
        )
        for need in needs:
            need.status = Need.Status.EXPIRED
            need.save(update_fields=["status", "updated_at"])
            audit.record(
                "need.expired",
                user=acting_user,
                actor=need.actor,
                obj=need,
                end_date=str(need.end_date),
            )
    return len(needs)


# --- helpers' replies ------------------------------------------------------------------------


class NeedClosed(ValueError):
    """The need was filled or expired while the helper filled in the form."""


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@retrying
def offer_help(
    *,
    need: Need,
    name: str,
    email: str,
    phone: str,
    message: str,
    languages: Iterable[Language],
    acting_user: User,
) -> HelpOffer:
    """Store a helper's reply and tell the actor's reply handlers, and the helper if reachable.

    The handlers' mail is written in the portal's default language whatever the helper's page
    language was; the helper's confirmation follows the page they used.
    """
    with transaction.atomic():
        status = Need.objects.select_for_update().values_list("status", flat=True).get(pk=need.pk)
        if status != Need.Status.OPEN:
            raise NeedClosed(
                _(
                    "Dieser Bedarf ist inzwischen geschlossen, Ihr Angebot wurde nicht "
                    "gespeichert. Danke, dass Sie helfen wollten!"
                )
            )
        offer = HelpOffer.objects.create(
            need=need, name=name, email=email, phone=phone, message=message, consent=True
        )
        offer.languages.set(languages)
        audit.record(
            "need.help_offered", user=acting_user, actor=need.actor, obj=offer, need=need.pk
        )
        actor = need.actor
        title = " ".join(need.title.split())  # a line break in a subject would stop the mail
        recipients = [user.email for user in reply_handlers(actor) if user.email]
        with translation.override(settings.LANGUAGE_CODE):
            replies_url = _absolute(
                reverse("my_needs:replies", kwargs={"actor_slug": actor.slug, "pk": need.pk})
            )
            send_after_commit(
                to=recipients or [actor.email],
                subject=_("Neues Hilfsangebot für „%(title)s“") % {"title": title},
                template="needs/email/help_offer_received.txt",
                context={"need": need, "actor": actor, "offer": offer, "replies_url": replies_url},
            )
        if email:
            send_after_commit(
                to=[email],
                # To an address nobody confirmed: the portal's words only (docs/security.md).
                subject=_("Danke für Ihr Hilfsangebot"),
                template="needs/email/help_offer_confirmation.txt",
                context={
                    "need": need,
                    "actor": actor,
                    "offer": offer,
                    "need_url": _absolute(need.get_absolute_url()),
                },
            )
    return offer


@retrying
def set_reply_status(*, reply: HelpOffer, status: str, acting_user: User) -> HelpOffer:
    with transaction.atomic():
        previous = reply.status
        reply.status = HelpOffer.Status(status)
        reply.save(update_fields=["status", "updated_at"])
        audit.record(
            "need.reply_status",
            user=acting_user,
            actor=reply.need.actor,
            obj=reply,
            previous=previous,
            status=status,
        )
    return reply


class HelperUnreachable(ValueError):
    """The helper left a phone number only: there is no address to answer by mail."""


@retrying
def answer_helper(*, reply: HelpOffer, message: str, acting_user: User) -> HelpOffer:
    """Mail the coordinator's answer to the helper; a new reply counts as contacted from now on.

    The portal addresses the mail, so the helper's address never passes through the page; the
    answer carries the coordinator's address, which the helper may write back to.
    """
    message = message.strip()
    if not message:
        raise ValueError("an answer needs a message")
    with transaction.atomic():
        reply = HelpOffer.objects.select_for_update().select_related("need__actor").get(pk=reply.pk)
        if not reply.email:
            raise HelperUnreachable(
                _("Diese Person hat keine E-Mail-Adresse angegeben. Bitte rufen Sie sie an.")
            )
        previous = reply.status
        if reply.status == HelpOffer.Status.NEW:
            reply.status = HelpOffer.Status.CONTACTED
            reply.save(update_fields=["status", "updated_at"])
        need = reply.need
        audit.record(
            "need.helper_answered",
            user=acting_user,
            actor=need.actor,
            obj=reply,
            need=need.pk,
            previous=previous,
        )
        title = " ".join(need.title.split())
        with translation.override(settings.LANGUAGE_CODE):
            send_after_commit(
                to=[reply.email],
                subject=_("Antwort auf Ihr Hilfsangebot: %(title)s") % {"title": title},
                template="needs/email/helper_answer.txt",
                context={
                    "need": need,
                    "actor": need.actor,
                    "offer": reply,
                    "message": message,
                    "sender": acting_user,
                    "need_url": _absolute(need.get_absolute_url()),
                },
            )
    return reply


def reply_retention_days() -> int:
    """Days after its need closed until a helper's reply (name, email, phone) is deleted."""
    return int(getattr(settings, "NEED_REPLY_RETENTION_DAYS", 90))


@retrying
def purge_replies(*, acting_user: User | None = None, now: datetime.datetime | None = None) -> int:
    """Delete the helpers' replies to needs closed longer than the retention period.

    The replies are personal data given for one need; once it is filled or expired, and the
    members had time to thank and follow up, nobody needs them. Running it again changes nothing.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=reply_retention_days())
    with transaction.atomic():
        needs = list(
            Need.objects.exclude(status=Need.Status.OPEN)
            .filter(closed_at__lt=cutoff)
            .annotate(reply_count=Count("replies"))
            .filter(reply_count__gt=0)
            .select_related("actor")
        )
        HelpOffer.objects.filter(need__in=needs).delete()
        for need in needs:
            audit.record(
                "need.replies_deleted",
                user=acting_user,
                actor=need.actor,
                obj=need,
                replies=need.reply_count,
            )
    return sum(need.reply_count for need in needs)
