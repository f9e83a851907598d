"""Translations of content (actors, offers, needs, events, vocabularies, concern categories).

German is the original of every text; a translation is a ContentTranslation row per object,
language and field. Pages ask `translated()` and get the visitor's language where a translation
exists, else the German text marked as a fallback. Lists call `prefetch_translations()` first,
so that a page of objects costs one query for all their translations.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

GERMAN = settings.LANGUAGE_CODE
CACHE_ATTR = "_content_translations"


@dataclass(frozen=True)
class Translatable:
    """A model's translatable fields; `html` names those holding sanitised rich text,
    `public` gives the objects the public sees (what the staff report counts) and `vocabulary`
    marks texts the staff own (terms, the wayfinder's answers, crisis situations), which they
    translate in the admin and which are published at once."""

    model: type[models.Model]
    fields: tuple[str, ...]
    html: frozenset[str]
    public: Callable[[], QuerySet] | None
    vocabulary: bool = False


_REGISTRY: dict[type[models.Model], Translatable] = {}


class TranslatedText(str):
    """A text in `lang`; `is_fallback` when the visitor's language had no translation,
    `is_outdated` when the German text changed after the translation was made."""

    lang: str
    is_fallback: bool
    is_outdated: bool

    def __new__(
        cls, text: str, lang: str, is_fallback: bool, is_outdated: bool = False
    ) -> TranslatedText:
        value = super().__new__(cls, text)
        value.lang = lang
        value.is_fallback = is_fallback
        value.is_outdated = is_outdated
        return value


def register_translatable(
    model: type[models.Model],
    fields: Iterable[str],
    *,
    html: Iterable[str] = (),
    public: Callable[[], QuerySet] | None = None,
    vocabulary: bool = False,
) -> None:
    """Declare which text fields of `model` can carry translations; each app calls this for its
    own models in `AppConfig.ready()`, so that the kernel needs to know none of them."""
    _REGISTRY[model] = Translatable(model, tuple(fields), frozenset(html), public, vocabulary)


def translatable_models() -> list[Translatable]:
    return list(_REGISTRY.values())


def vocabularies() -> dict[str, type[models.Model]]:
    """The staff-owned texts by model name, in the order the apps registered them."""
    return {
        found.model._meta.model_name: found.model
        for found in _REGISTRY.values()
        if found.vocabulary
    }


def registration(model: type[models.Model]) -> Translatable | None:
    return _REGISTRY.get(model._meta.concrete_model)


def translatable_fields(model: type[models.Model]) -> tuple[str, ...]:
    found = registration(model)
    return found.fields if found else ()


def is_html_field(model: type[models.Model], field: str) -> bool:
    found = registration(model)
    return found is not None and field in found.html


def translation_languages() -> list[tuple[str, str]]:
    """Every portal language but German, the language of the originals."""
    return [(code, name) for code, name in settings.LANGUAGES if code != GERMAN]


def language_codes() -> list[str]:
    return [code for code, _name in translation_languages()]


def active_language(language: str | None = None) -> str:
    return (language or get_language() or GERMAN).split("-")[0].lower()


def is_rtl(language: str) -> bool:
    return language in settings.LANGUAGES_BIDI


def digest(text: str) -> str:
    """Fingerprint of a German text, kept with each translation to notice later changes."""
    return hashlib.sha256((text or "").strip().encode()).hexdigest()


def german_text(obj: models.Model, field: str) -> str:
    return str(getattr(obj, field) or "")


def _rows(obj: models.Model, language: str) -> dict[str, Any]:
    """The object's translation rows in `language` by field, cached on the instance."""
    from portal.models import ContentTranslation

    cache = obj.__dict__.setdefault(CACHE_ATTR, {})
    if language not in cache:
        cache[language] = {
            row.field: row
            for row in ContentTranslation.objects.filter(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                language=language,
                machine_translated=False,  # a machine draft waits for a person
            ).only("field", "text", "source_digest")
        }
    return cache[language]


def translated(obj: models.Model, field: str, language: str | None = None) -> TranslatedText:
    """The field's text in `language` (default: the active one), else the German original."""
    german = german_text(obj, field)
    language = active_language(language)
    if language == GERMAN:
        return TranslatedText(german, GERMAN, False)
    if obj is None or obj.pk is None or field not in translatable_fields(type(obj)):
        return TranslatedText(german, GERMAN, True)
    row = _rows(obj, language).get(field)
    if row is None or not row.text:
        return TranslatedText(german, GERMAN, True)
    return TranslatedText(row.text, language, False, row.source_digest != digest(german))


def prefetch_translations(objects: Iterable[models.Model], language: str | None = None) -> None:
    """Load the translations of many objects in one query so `translated` needs none."""
    from portal.models import ContentTranslation

    language = active_language(language)
    if language == GERMAN:
        return
    wanted: dict[type[models.Model], dict[int, list[models.Model]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for obj in objects:
        if obj is None or obj.pk is None or registration(type(obj)) is None:
            continue
        obj.__dict__.setdefault(CACHE_ATTR, {})[language] = {}
        wanted[obj._meta.concrete_model][obj.pk].append(obj)
    if not wanted:
        return
    types = ContentType.objects.get_for_models(*wanted)
    condition = Q()
    by_type: dict[int, dict[int, list[models.Model]]] = {}
    for model, instances in wanted.items():
        content_type = types[model]
        by_type[content_type.pk] = instances
        condition |= Q(content_type=content_type, object_id__in=list(instances))
    rows = ContentTranslation.objects.filter(
        condition, language=language, machine_translated=False
    ).only("content_type_id", "object_id", "field", "text", "source_digest")
    for row in rows:
        for obj in by_type[row.content_type_id].get(row.object_id, ()):
            obj.__dict__[CACHE_ATTR][language][row.field] = row


def translated_labels(
    model: type[models.Model],
    *,
    key: str = "slug",
    field: str = "name",
    language: str | None = None,
) -> dict[Any, TranslatedText]:
    """Every term of a small vocabulary by `key`, named in `language`, in two queries."""
    language = active_language(language)
    if language == GERMAN:
        return {}
    terms = list(model._default_manager.only("pk", key, field))
    prefetch_translations(terms, language)
    return {getattr(term, key): translated(term, field, language) for term in terms}


def translate_facet_labels(
    facets: Mapping[str, list[Any]], vocabularies: Mapping[str, type[models.Model]]
) -> dict[str, list[Any]]:
    """Facet values (search.listing.FacetValue) of vocabularies relabelled in the visitor's
    language; a constant number of queries however many terms."""
    relabelled = dict(facets)
    for name, model in vocabularies.items():
        if name not in facets:
            continue
        labels = translated_labels(model)
        if labels:
            relabelled[name] = [
                dataclasses.replace(value, label=labels.get(value.value, value.label))
                for value in facets[name]
            ]
    return relabelled


def translate_choice_labels(form: Any, vocabularies: Mapping[str, type[models.Model]]) -> None:
    """Model choice fields of a filter form labelled in the visitor's language."""
    for name, model in vocabularies.items():
        field = form.fields.get(name)
        if field is None:
            continue
        labels = translated_labels(model, key="pk")
        if labels:
            field.label_from_instance = lambda term, labels=labels: labels.get(term.pk, str(term))
