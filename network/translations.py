"""Members translate their actor's texts (profile and offers, needs, events); staff translate all.

Translations are public content like the profile itself, so they follow the same rule: members
of a trusted actor (the flag that lets its events go live without review) and agency staff
publish at once; everyone else proposes, and the proposal waits in the review queue
(/my/review/) as a revision of a TranslationProposal until staff approve it. The public keeps
seeing the previously published translation, or the German text, meanwhile.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from network import audit
from network.diff import Row, Section
from network.models import Actor, ProfileChange
from network.permissions import User, can_edit_actor, is_agency_staff
from network.profiles import Reviewable, register_reviewable
from portal import machine_translation
from portal.html import html_to_text, sanitize_html
from portal.models import ContentTranslation, TranslationProposal
from portal.translations import GERMAN as GERMAN_CODE
from portal.translations import (
    digest,
    german_text,
    is_html_field,
    language_codes,
    translatable_fields,
)


class State(StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    CURRENT = "current"
    MACHINE = "machine"


# The staff report's columns: a machine draft nobody has reviewed is neither missing (there is
# text to read and improve) nor done (the public does not see it), so it has its own.
REPORT_STATES = (State.MISSING, State.MACHINE, State.OUTDATED, State.CURRENT)

STATE_LABELS = {
    State.MISSING: gettext_lazy("fehlt"),
    State.OUTDATED: gettext_lazy("veraltet"),
    State.CURRENT: gettext_lazy("aktuell"),
    State.MACHINE: gettext_lazy("maschinell übersetzt, nicht geprüft"),
}

REPORT_LABELS = {
    State.MISSING: gettext_lazy("fehlt"),
    State.MACHINE: gettext_lazy("maschinell, ungeprüft"),
    State.OUTDATED: gettext_lazy("veraltet"),
    State.CURRENT: gettext_lazy("aktuell"),
}


@dataclass(frozen=True)
class FieldStatus:
    """One text of one object in one language, as editors see it."""

    obj: models.Model
    field: str
    language: str
    german: str
    translation: str
    state: State

    @property
    def key(self) -> str:
        return field_key(self.obj, self.field)

    @property
    def label(self) -> str:
        return f"{object_label(self.obj)} – {field_label(self.obj, self.field)}"

    @property
    def is_html(self) -> bool:
        return is_html_field(type(self.obj), self.field)

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass(frozen=True)
class Entry:
    """A translated text as an editor submitted it."""

    obj: models.Model
    field: str
    text: str


def field_key(obj: models.Model, field: str) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return f"{content_type.pk}-{obj.pk}-{field}"


def object_label(obj: models.Model) -> str:
    return f"{obj._meta.verbose_name}: {obj}"


def field_label(obj: models.Model, field: str) -> str:
    return str(obj._meta.get_field(field).verbose_name)


def owner_actor(root: models.Model) -> Actor:
    return root if isinstance(root, Actor) else root.actor


def translation_scope(root: models.Model) -> list[models.Model]:
    """What one translation form covers: an actor with its offers, or one need or event."""
    if isinstance(root, Actor):
        return [root, *root.offers.all()]
    return [root]


def _state(german: str, row: ContentTranslation | None) -> State:
    if row is None or not row.text:
        return State.MISSING
    if row.machine_translated:
        return State.MACHINE
    return State.CURRENT if row.source_digest == digest(german) else State.OUTDATED


def _rows_by_key(
    objects: list[models.Model], languages: list[str]
) -> dict[tuple[int, int, str, str], ContentTranslation]:
    """Published translations of the objects in the languages, in one query."""
    types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    condition = Q()
    by_type: dict[type[models.Model], list[int]] = defaultdict(list)
    for obj in objects:
        by_type[type(obj)].append(obj.pk)
    for model, pks in by_type.items():
        condition |= Q(content_type=types[model], object_id__in=pks)
    if not by_type:
        return {}
    rows = ContentTranslation.objects.filter(condition, language__in=languages)
    return {(row.content_type_id, row.object_id, row.language, row.field): row for row in rows}


def field_statuses(
    objects: list[models.Model], languages: list[str] | None = None
) -> list[FieldStatus]:
    """Each non-empty German text of the objects in each language: missing, outdated, current."""
    languages = languages or language_codes()
    rows = _rows_by_key(objects, languages)
    statuses = []
    for language in languages:
        for obj in objects:
            content_type = ContentType.objects.get_for_model(obj)
            for field in translatable_fields(type(obj)):
                german = german_text(obj, field)
                if not german.strip():
                    continue
                row = rows.get((content_type.pk, obj.pk, language, field))
                statuses.append(
                    FieldStatus(
                        obj, field, language, german, row.text if row else "", _state(german, row)
                    )
                )
    return statuses


def proposal_changes(root: models.Model, language: str | None = None) -> QuerySet[ProfileChange]:
    proposals = TranslationProposal.objects.filter(
        content_type=ContentType.objects.get_for_model(root), object_id=root.pk
    )
    if language is not None:
        proposals = proposals.filter(language=language)
    return ProfileChange.objects.filter(
        revision__base_content_type=ContentType.objects.get_for_model(TranslationProposal),
        revision__object_id__in=[str(pk) for pk in proposals.values_list("pk", flat=True)],
    )


def open_proposal(root: models.Model, language: str) -> ProfileChange | None:
    """The proposal waiting for review or sent back, if the newest one is either."""
    change = (
        proposal_changes(root, language)
        .select_related("revision", "decided_by")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if change is None or change.status not in (
        ProfileChange.Status.PENDING,
        ProfileChange.Status.RETURNED,
    ):
        return None
    return change


def proposed_texts(change: ProfileChange | None) -> dict[str, str]:
    """The texts of a proposal by field key, so that a second edit builds on the first."""
    if change is None:
        return {}
    return {
        f"{entry['content_type']}-{entry['object_id']}-{entry['field']}": entry["text"]
        for entry in change.revision.as_object().entries
    }


def publishes_without_review(user: User | None, actor: Actor) -> bool:
    return actor.is_trusted or is_agency_staff(user)


def _clean(obj: models.Model, field: str, text: str) -> str:
    text = (text or "").strip()
    return sanitize_html(text) if is_html_field(type(obj), field) else text


def _serialise(entries: list[Entry]) -> list[dict[str, object]]:
    return [
        {
            "content_type": ContentType.objects.get_for_model(entry.obj).pk,
            "object_id": entry.obj.pk,
            "field": entry.field,
            "text": _clean(entry.obj, entry.field, entry.text),
            "source_digest": digest(german_text(entry.obj, entry.field)),
        }
        for entry in entries
    ]


def _publish(items: list[dict[str, object]], language: str, user: User | None) -> int:
    """Write serialised entries as the published translations; an empty text removes one."""
    for item in items:
        key = {
            "content_type_id": item["content_type"],
            "object_id": item["object_id"],
            "language": language,
            "field": item["field"],
        }
        if not item["text"]:
            ContentTranslation.objects.filter(**key).delete()
            continue
        ContentTranslation.objects.update_or_create(
            **key,
            defaults={
                "text": item["text"],
                "source_digest": item["source_digest"],
                "machine_translated": False,
                "updated_by": user if getattr(user, "is_authenticated", False) else None,
            },
        )
    return len(items)


def _changed(entries: list[Entry], language: str) -> list[Entry]:
    """Only texts that differ from the published translation: an untouched field keeps its
    state (an outdated translation does not become current by saving the form). A machine
    draft saved by a person, changed or not, becomes theirs."""
    objects = list({(type(entry.obj), entry.obj.pk): entry.obj for entry in entries}.values())
    rows = _rows_by_key(objects, [language])
    changed = []
    for entry in entries:
        content_type = ContentType.objects.get_for_model(entry.obj)
        row = rows.get((content_type.pk, entry.obj.pk, language, entry.field))
        if (row is not None and row.machine_translated and entry.text.strip()) or _clean(
            entry.obj, entry.field, entry.text
        ) != (row.text if row else ""):
            changed.append(entry)
    return changed


def _supersede(root: models.Model, language: str) -> list[str]:
    pending = proposal_changes(root, language).filter(status=ProfileChange.Status.PENDING)
    ids = [str(pk) for pk in pending.values_list("pk", flat=True)]
    pending.update(status=ProfileChange.Status.SUPERSEDED)
    return ids


def save_translations(
    *, root: models.Model, language: str, entries: list[Entry], acting_user: User
) -> ProfileChange | None:
    """Publish the changed translations, or propose them for review: None when published.

    Raises ValueError for an unknown language or when nothing changed.
    """
    actor = owner_actor(root)
    if not can_edit_actor(acting_user, actor):
        raise PermissionDenied
    if language not in language_codes():
        raise ValueError("unknown language")
    scope = {(type(obj), obj.pk) for obj in translation_scope(root)}
    if any((type(entry.obj), entry.obj.pk) not in scope for entry in entries):
        raise PermissionDenied
    entries = _changed(entries, language)
    if not entries:
        raise ValueError("nothing changed")
    items = _serialise(entries)
    with transaction.atomic():
        Actor.objects.select_for_update().only("pk").get(pk=actor.pk)
        superseded = _supersede(root, language)
        if publishes_without_review(acting_user, actor):
            _publish(items, language, acting_user)
            audit.record(
                "translation.published",
                user=acting_user,
                actor=actor,
                obj=root,
                language=language,
                fields=[f"{item['object_id']}.{item['field']}" for item in items],
                superseded=superseded,
            )
            return None
        proposal, _created = TranslationProposal.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(root),
            object_id=root.pk,
            language=language,
            defaults={"actor": actor, "live": False, "title": str(root)},
        )
        proposal.title = str(root)[:300]
        proposal.entries = items
        proposal.has_unpublished_changes = True
        proposal.save(update_fields=["title", "entries", "has_unpublished_changes"])
        revision = proposal.save_revision(user=acting_user, log_action=True)
        change = ProfileChange.objects.create(
            actor=actor, revision=revision, submitted_by=acting_user
        )
        audit.record(
            "translation.submitted",
            user=acting_user,
            actor=actor,
            obj=change,
            language=language,
            revision=revision.pk,
            superseded=superseded,
        )
    return change


def _entry_object(item: dict[str, object]) -> models.Model | None:
    model = ContentType.objects.get_for_id(item["content_type"]).model_class()
    return model._default_manager.filter(pk=item["object_id"]).first() if model else None


def proposal_sections(
    _published: TranslationProposal | None, proposed: TranslationProposal
) -> list[Section]:
    """The proposed texts against the published translations, with the German beside."""
    rows, originals = [], []
    current = {
        (row.content_type_id, row.object_id, row.field): row.text
        for row in ContentTranslation.objects.filter(
            language=proposed.language,
            content_type_id__in={item["content_type"] for item in proposed.entries},
            object_id__in={item["object_id"] for item in proposed.entries},
        )
    }
    for item in proposed.entries:
        obj = _entry_object(item)
        if obj is None:
            continue
        label = f"{object_label(obj)} – {field_label(obj, item['field'])}"
        old = current.get((item["content_type"], item["object_id"], item["field"]), "")
        rows.append(Row(label, html_to_text(old), html_to_text(str(item["text"]))))
        german = html_to_text(german_text(obj, str(item["field"])))
        originals.append(Row(label, german, german))
    return [
        Section(
            _("Übersetzung (%(language)s)") % {"language": proposed.get_language_display()}, rows
        ),
        Section(_("Deutsches Original"), originals),
    ]


def proposal_approved(
    change: ProfileChange, proposal: TranslationProposal, acting_user: User
) -> None:
    items = [item for item in proposal.entries if _entry_object(item) is not None]
    _publish(items, proposal.language, acting_user)
    audit.record(
        "translation.approved",
        user=acting_user,
        actor=change.actor,
        obj=change,
        language=proposal.language,
        revision=change.revision_id,
    )


def proposal_returned(
    change: ProfileChange, proposal: TranslationProposal, acting_user: User
) -> None:
    audit.record(
        "translation.returned",
        user=acting_user,
        actor=change.actor,
        obj=change,
        language=proposal.language,
        comment=change.comment,
    )


TRANSLATION_REVIEW = Reviewable(
    label=gettext_lazy("Übersetzung"),
    sections=proposal_sections,
    approved=proposal_approved,
    returned=proposal_returned,
)


def connect() -> None:
    register_reviewable(TranslationProposal, TRANSLATION_REVIEW)


def save_vocabulary_translations(*, language: str, entries: list[Entry], acting_user: User) -> int:
    """Staff translate terms (topics, target groups, concern categories): published at once.

    Returns how many texts changed.
    """
    if not is_agency_staff(acting_user):
        raise PermissionDenied
    if language not in language_codes():
        raise ValueError("unknown language")
    entries = _changed(entries, language)
    if not entries:
        return 0
    items = _serialise(entries)
    with transaction.atomic():
        _publish(items, language, acting_user)
        audit.record(
            "translation.published",
            user=acting_user,
            language=language,
            fields=[
                f"{entry.obj._meta.label_lower}.{entry.obj.pk}.{entry.field}" for entry in entries
            ],
        )
    return len(items)


def _row_key(status: FieldStatus) -> tuple[int, int, str, str]:
    content_type = ContentType.objects.get_for_model(status.obj)
    return (content_type.pk, status.obj.pk, status.language, status.field)


def request_machine_drafts(*, root: models.Model, language: str, acting_user: User) -> int:
    """Ask the translation service for the texts of `root` (an actor with its offers, a need,
    an event) that have no translation in `language`; the answers are stored as drafts marked
    machine translated, which the public does not see until a person saves them. Returns how
    many texts got a draft. Raises machine_translation.Unavailable when the service fails (what
    came before stays), ValueError for an unknown language or an unconfigured service.
    """
    actor = owner_actor(root)
    if not can_edit_actor(acting_user, actor):
        raise PermissionDenied
    if language not in language_codes() or not machine_translation.is_configured():
        raise ValueError("no machine translation into this language")
    missing = [
        status
        for status in field_statuses(translation_scope(root), [language])
        if status.state == State.MISSING
    ]
    # The service is asked before the transaction: no lock is held while it thinks.
    drafts = [
        (
            status,
            machine_translation.translate(
                status.german, source=GERMAN_CODE, target=language, html=status.is_html
            ),
        )
        for status in missing
    ]
    with transaction.atomic():
        Actor.objects.select_for_update().only("pk").get(pk=actor.pk)
        # A person who translated meanwhile keeps their text.
        rows = _rows_by_key([status.obj for status, _text in drafts], [language])
        drafts = [
            (status, text)
            for status, text in drafts
            if _state(status.german, rows.get(_row_key(status))) == State.MISSING
        ]
        for status, text in drafts:
            ContentTranslation.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(status.obj),
                object_id=status.obj.pk,
                language=language,
                field=status.field,
                defaults={
                    "text": _clean(status.obj, status.field, text),
                    "source_digest": digest(status.german),
                    "machine_translated": True,
                    "updated_by": acting_user,
                },
            )
        if drafts:
            audit.record(
                "translation.machine_drafted",
                user=acting_user,
                actor=actor,
                obj=root,
                language=language,
                fields=[f"{status.obj.pk}.{status.field}" for status, _text in drafts],
            )
    return len(drafts)


@dataclass(frozen=True)
class ReportLine:
    """Per kind of object and language: how many texts are missing, machine-translated and not
    reviewed, outdated or current."""

    label: str
    model_name: str
    counts: dict[str, dict[str, int]]
    outdated: list[FieldStatus]

    def rows(self, languages: list[tuple[str, str]]) -> list[tuple[str, str, list[int]]]:
        """Per language (code, name): the counts in the order of `REPORT_STATES`."""
        return [
            (code, name, [self.counts[code][state] for state in REPORT_STATES])
            for code, name in languages
            if code in self.counts
        ]


def translation_report(*, outdated_limit: int = 20) -> list[ReportLine]:
    """What the public sees, kind by kind: one query for the objects and one for their
    translations per kind."""
    from portal.translations import translatable_models

    lines = []
    for registration in translatable_models():
        if registration.public is None:
            continue
        objects = list(registration.public())
        counts = {code: dict.fromkeys(REPORT_STATES, 0) for code in language_codes()}
        outdated = []
        for status in field_statuses(objects):
            counts[status.language][status.state] += 1
            if status.state == State.OUTDATED and len(outdated) < outdated_limit:
                outdated.append(status)
        meta = registration.model._meta
        lines.append(ReportLine(str(meta.verbose_name_plural), meta.model_name, counts, outdated))
    return lines


@dataclass(frozen=True)
class PageStatus:
    """A page's copy in one language as the report lists it, with where to fix it."""

    label: str
    language: str
    state: State
    edit_url: str


def page_translation_report(*, outdated_limit: int = 20) -> ReportLine:
    """Wagtail's pages per language: a copy that is still an alias of the German page (or was
    never published) is missing, one published before the German page's last publication is
    outdated. Two queries whatever the number of pages."""
    pages = list(
        Page.objects.filter(depth__gt=1, live=True, locale__language_code=GERMAN_CODE)
        .only("pk", "title", "translation_key", "last_published_at")
        .order_by("path")
    )
    copies = {
        (copy["translation_key"], copy["locale__language_code"]): copy
        for copy in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages]
        )
        .exclude(locale__language_code=GERMAN_CODE)
        .values(
            "pk",
            "translation_key",
            "locale__language_code",
            "alias_of_id",
            "live",
            "last_published_at",
        )
    }
    counts = {code: dict.fromkeys(REPORT_STATES, 0) for code in language_codes()}
    outdated: list[PageStatus] = []
    for page in pages:
        for code in language_codes():
            copy = copies.get((page.translation_key, code))
            state = _page_state(page, copy)
            counts[code][state] += 1
            if state == State.OUTDATED and len(outdated) < outdated_limit:
                edit_url = reverse("wagtailadmin_pages:edit", args=[copy["pk"]])
                outdated.append(PageStatus(page.title, code, state, edit_url))
    return ReportLine(str(_("Seiten")), "page", counts, outdated)


def _page_state(page: Page, copy: dict[str, object] | None) -> State:
    if copy is None or copy["alias_of_id"] is not None or not copy["live"]:
        return State.MISSING
    published, source = copy["last_published_at"], page.last_published_at
    if published is not None and source is not None and published < source:
        return State.OUTDATED
    return State.CURRENT
