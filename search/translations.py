"""Content translated into the visitor's language, in the index beside the German.

Translations are rows per object, language and field (portal.models.ContentTranslation). A
document is given its object's translated fields: the `title` or `name` field as its title, the
other fields as its body (rich text as plain text). An app whose document holds the text of
related objects (an actor with its offers' names and texts) adds theirs itself through
`translated_texts`. Machine drafts nobody has read are left out, as on the pages.

A translation saved or deleted brings the documents of its object, and of the objects its
object points to that are searchable too (an offer's actor), up to date in the same transaction.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_save

from portal.html import html_to_text
from portal.models import ContentTranslation
from portal.translations import is_html_field, registration
from search.backends.base import SearchDocument, Translation

TITLE_FIELDS = ("title", "name")
# {pk: {language: {field: text}}}
Texts = dict[int, dict[str, dict[str, str]]]


# The ends of the blocks of rich text: each block becomes a line of its own.
BLOCK_END_RE = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|blockquote|tr)>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """Sanitised rich text as plain text, a line per paragraph or list item, so that the
    sentences of two paragraphs are not run together in a search hit's passage."""
    lines = (html_to_text(block) for block in BLOCK_END_RE.split(html or ""))
    return "\n".join(line for line in lines if line)


def translated_texts(model: type[models.Model], pks: Iterable[object]) -> Texts:
    """The published translations of the objects, as plain text, in one query."""
    if registration(model) is None:
        return {}
    found: Texts = defaultdict(lambda: defaultdict(dict))
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[pk for pk in pks if pk is not None],
        machine_translated=False,
    ).values_list("object_id", "language", "field", "text")
    for object_id, language, field, text in rows:
        if text:
            found[object_id][language][field] = (
                plain_text(text) if is_html_field(model, field) else text
            )
    return found


def split(model: type[models.Model], fields: dict[str, str]) -> tuple[str, str]:
    """One object's translated fields as (title, body)."""
    declared = registration(model)
    order = declared.fields if declared else tuple(fields)
    title_field = next((name for name in TITLE_FIELDS if name in order), "")
    body = "\n".join(fields[name] for name in order if name != title_field and fields.get(name))
    return fields.get(title_field, ""), body


def translations(model: type[models.Model], texts: dict[str, dict[str, str]]) -> tuple:
    """Translation values of one object's texts, by language."""
    found = []
    for language, fields in sorted(texts.items()):
        title, body = split(model, fields)
        found.append(Translation(language=language, title=title, body=body))
    return tuple(found)


def with_translations(document: SearchDocument, obj: models.Model) -> SearchDocument:
    """The document with its object's translations, unless its app gave them already."""
    if document.translations or registration(type(obj)) is None:
        return document
    texts = translated_texts(type(obj), [obj.pk]).get(obj.pk, {})
    if not texts:
        return document
    return dataclasses.replace(document, translations=translations(type(obj), texts))


def merge(*groups: Sequence[Translation]) -> tuple[Translation, ...]:
    """Translations of several objects joined per language (title and keywords of the first
    that has them, the bodies one after the other)."""
    merged: dict[str, Translation] = {}
    for group in groups:
        for item in group:
            seen = merged.get(item.language)
            if seen is None:
                merged[item.language] = item
                continue
            merged[item.language] = Translation(
                language=item.language,
                title=seen.title or item.title,
                keywords="\n".join(part for part in (seen.keywords, item.keywords) if part),
                body="\n".join(part for part in (seen.body, item.body) if part),
            )
    return tuple(merged[language] for language in sorted(merged))


def _changed(sender: type, instance: ContentTranslation, **kwargs: object) -> None:
    from search import registry

    if kwargs.get("raw"):
        # Rows loaded as stored (a fixture, or a test database restored from its serialised
        # copy, which holds the municipalities' names since network 0011): their content types
        # may not be loaded yet, and the index rows are loaded with them.
        return
    model = instance.content_type.model_class()
    if model is None:
        return
    kind = registry.kind_for_model(model)
    if kind is None:
        return
    obj = model._default_manager.filter(pk=instance.object_id).first()
    with registry.deferred():
        registry.update(kind, instance.object_id)
        for field in model._meta.concrete_fields:
            if obj is None or not isinstance(field, models.ForeignKey):
                continue
            related = registry.kind_for_model(field.related_model)
            value = getattr(obj, field.attname)
            if related is not None and value is not None:
                registry.update(related, value)


def connect() -> None:
    post_save.connect(_changed, sender=ContentTranslation, dispatch_uid="search_translation")
    post_delete.connect(_changed, sender=ContentTranslation, dispatch_uid="search_translation_gone")
