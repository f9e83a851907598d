"""/my/actors/<slug>/translations/: what is translated, missing or outdated, and the forms to
translate the profile with its offers, and each need and event, one language at a time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from network.forms.translations import TranslationForm
from network.models import Actor, ProfileChange
from network.permissions import get_editable_actor_for_user
from network.translations import (
    State,
    field_statuses,
    open_proposal,
    proposed_texts,
    request_machine_drafts,
    save_translations,
    translation_scope,
)
from portal import machine_translation
from portal.models import TranslationProposal
from portal.translations import translation_languages

ITEM_KINDS = ("need", "event")


@dataclass
class LanguageRow:
    code: str
    name: str
    url: str
    counts: dict[str, int]
    change: ProfileChange | None


@dataclass
class Group:
    """The profile with its offers, or one need or event: what one form translates."""

    title: str
    root: models.Model
    languages: list[LanguageRow]


def _edit_url(actor: Actor, root: models.Model, language: str) -> str:
    if isinstance(root, Actor):
        return reverse("my:translations_profile", kwargs={"slug": actor.slug, "language": language})
    return reverse(
        "my:translations_item",
        kwargs={
            "slug": actor.slug,
            "kind": root._meta.model_name,
            "pk": root.pk,
            "language": language,
        },
    )


def _open_changes(actor: Actor) -> dict[tuple[int, int, str], ProfileChange]:
    """The newest proposal per object and language when it waits or was sent back."""
    proposals = {
        str(proposal.pk): proposal for proposal in TranslationProposal.objects.filter(actor=actor)
    }
    changes = ProfileChange.objects.filter(
        revision__base_content_type=ContentType.objects.get_for_model(TranslationProposal),
        revision__object_id__in=list(proposals),
    ).select_related("revision", "decided_by")
    newest: dict[tuple[int, int, str], ProfileChange] = {}
    for change in changes.order_by("submitted_at", "pk"):
        proposal = proposals[change.revision.object_id]
        newest[(proposal.content_type_id, proposal.object_id, proposal.language)] = change
    return {
        key: change
        for key, change in newest.items()
        if change.status in (ProfileChange.Status.PENDING, ProfileChange.Status.RETURNED)
    }


def _groups(actor: Actor) -> list[Group]:
    roots: list[tuple[str, models.Model, list[models.Model]]] = [
        (_("Profil und Angebote"), actor, translation_scope(actor))
    ]
    roots += [(f"{_('Bedarf')}: {need.title}", need, [need]) for need in actor.needs.all()]
    roots += [
        (f"{_('Veranstaltung')}: {event.title}", event, [event]) for event in actor.events.all()
    ]
    owner = {id(obj): index for index, (_t, _r, objects) in enumerate(roots) for obj in objects}
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(State, 0))
    for status in field_statuses([obj for _t, _r, objects in roots for obj in objects]):
        counts[(owner[id(status.obj)], status.language)][status.state] += 1
    changes = _open_changes(actor)
    groups = []
    for index, (title, root, _objects) in enumerate(roots):
        content_type = ContentType.objects.get_for_model(root)
        rows = [
            LanguageRow(
                code,
                name,
                _edit_url(actor, root, code),
                counts[(index, code)],
                changes.get((content_type.pk, root.pk, code)),
            )
            for code, name in translation_languages()
        ]
        groups.append(Group(title, root, rows))
    return groups


@login_required
@require_safe
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, slug)
    return render(request, "network/translations.html", {"actor": actor, "groups": _groups(actor)})


def _language(code: str) -> tuple[str, str]:
    for language in translation_languages():
        if language[0] == code:
            return language
    raise Http404("No such language.")


def _edit(request: HttpRequest, actor: Actor, root: models.Model, code: str) -> HttpResponse:
    language, language_name = _language(code)
    if request.method == "POST" and "machine_draft" in request.POST:
        return _machine_drafts(request, actor, root, language)
    statuses = field_statuses(translation_scope(root), [language])
    change = open_proposal(root, language)
    form = TranslationForm(
        request.POST if request.method == "POST" else None,
        statuses=statuses,
        language=language,
        proposed=proposed_texts(change),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = save_translations(
                root=root, language=language, entries=form.entries(), acting_user=request.user
            )
        except ValueError:
            messages.info(request, _("Keine Änderungen: Es wurde nichts gespeichert."))
            return redirect("my:translations", slug=actor.slug)
        if result is None:
            messages.success(request, _("Die Übersetzungen sind gespeichert und veröffentlicht."))
        else:
            messages.success(
                request,
                _(
                    "Gespeichert. Die Migrationsagentur prüft die Übersetzungen; bis zur Freigabe "
                    "bleibt die bisher veröffentlichte Fassung sichtbar."
                ),
            )
        return redirect("my:translations", slug=actor.slug)
    return render(
        request,
        "network/translations_form.html",
        {
            "actor": actor,
            "root": root,
            "language": language,
            "language_name": language_name,
            "form": form,
            "change": change,
            "has_texts": bool(statuses),
            "machine_translation": machine_translation.is_configured(),
            "machine_drafts": any(status.state == State.MACHINE for status in statuses),
        },
    )


def _machine_drafts(
    request: HttpRequest, actor: Actor, root: models.Model, language: str
) -> HttpResponse:
    """The "draft translation" button: only where a translation service is configured."""
    if not machine_translation.is_configured():
        raise Http404("No translation service.")
    try:
        drafted = request_machine_drafts(root=root, language=language, acting_user=request.user)
    except machine_translation.Unavailable:
        messages.error(
            request,
            _("Der Übersetzungsdienst antwortet gerade nicht. Bitte versuchen Sie es später."),
        )
    else:
        messages.success(
            request,
            _(
                "%(count)s maschinelle Rohübersetzungen eingefügt. Sie sind erst sichtbar, wenn "
                "Sie sie geprüft und gespeichert haben."
            )
            % {"count": drafted},
        )
    return redirect(request.path)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_profile(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, slug)
    return _edit(request, actor, actor, language)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_item(request: HttpRequest, slug: str, kind: str, pk: int, language: str) -> HttpResponse:
    """A need or an event, fetched through the actor the person keeps: 404 for anything else."""
    actor = get_editable_actor_for_user(request.user, slug)
    if kind not in ITEM_KINDS:
        raise Http404("No such kind.")
    related = actor.needs if kind == "need" else actor.events
    try:
        root = related.get(pk=pk)
    except related.model.DoesNotExist as exc:
        raise Http404("No such object.") from exc
    return _edit(request, actor, root, language)
