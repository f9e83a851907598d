"""Municipalities' names in the visitor's language (issue 18): Вайсенфельс on a Ukrainian page,
فايسنفلس on an Arabic one, Weißenfels on a German or English one.

The names are translations of the vocabulary like a topic's (network.vocabularies loads the usual
exonyms as base data, staff correct them in the admin). Pages name municipalities in lists (cards,
facets, a profile's places, the map), so `municipality_names()` reads every municipality's name
in one query however many there are, and a page's templates share that one read
(`network.templatetags.place_tags`). German pages read nothing: the name is the German one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery

from network.models import Municipality
from portal.collation import locale_sorted
from portal.localisation import german_name
from portal.translations import GERMAN, TranslatedText, active_language, digest

T = TypeVar("T")


@dataclass(frozen=True)
class MunicipalityNames:
    """Every municipality's name in one language, by primary key and by slug."""

    language: str
    by_pk: dict[int, TranslatedText] = field(default_factory=dict)
    by_slug: dict[str, TranslatedText] = field(default_factory=dict)

    def of(self, municipality: Municipality | None) -> TranslatedText:
        """The municipality's name in this language, else its German name marked as such."""
        if municipality is None:
            return TranslatedText("", self.language, False)
        found = self.by_pk.get(municipality.pk)
        if found is not None:
            return found
        return _german(municipality.name, self.language)

    def german(self, name: str) -> TranslatedText:
        """A German name as this language's pages show it: marked German outside German."""
        return _german(name, self.language)

    def name(self, slug: str, german: str) -> TranslatedText:
        """By slug (a facet's value), with the German name the caller has."""
        return self.by_slug.get(slug) or _german(german, self.language)

    def sorted(self, municipalities: list[Municipality]) -> list[Municipality]:
        """The municipalities in the visitor's alphabet by the names the visitor reads."""
        return locale_sorted(list(municipalities), key=lambda place: self.of(place))


def _german(name: str, language: str) -> TranslatedText:
    return TranslatedText(name, GERMAN, language != GERMAN)


def municipality_names(language: str | None = None) -> MunicipalityNames:
    """Every municipality's name in `language` (default: the active one) in one query, none
    in German. A machine draft waits for a person and is not shown."""
    from portal.models import ContentTranslation

    language = active_language(language)
    if language == GERMAN:
        return MunicipalityNames(language)
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Municipality),
        object_id=OuterRef("pk"),
        language=language,
        field="name",
        machine_translated=False,
    ).exclude(text="")
    names = MunicipalityNames(language)
    for pk, slug, german, text, source in Municipality.objects.annotate(
        translation=Subquery(rows.values("text")[:1]),
        source=Subquery(rows.values("source_digest")[:1]),
    ).values_list("pk", "slug", "name", "translation", "source"):
        name = (
            TranslatedText(text, language, False, source != digest(german))
            if text
            else _german(german, language)
        )
        names.by_pk[pk] = names.by_slug[slug] = name
    return names


def named_municipalities(values: Sequence[T], language: str | None = None) -> list[T]:
    """A facet's municipalities (`value` the slug, `label` the German name) named in the
    visitor's language and sorted in its alphabet, as the language facet is; German pages keep
    the facet as it came. One query."""
    names = municipality_names(language)
    if names.language == GERMAN:
        return list(values)
    named = [
        dataclasses.replace(value, label=names.name(value.value, str(value.label)))
        for value in values
    ]
    return locale_sorted(named, key=lambda value: str(value.label))


def named_municipality_choices(form: Any, name: str = "municipality") -> None:
    """A filter form's municipalities named in the visitor's language and sorted in its
    alphabet; a name with no translation stays German and is marked so (checkbox labels
    wrapped, an <option> given the attribute by portal.localisation.german_choices)."""
    field = form.fields.get(name)
    if field is None or active_language() == GERMAN:
        return
    names = municipality_names()
    key = field.to_field_name or "pk"
    boxes = getattr(field.widget, "input_type", "") in ("checkbox", "radio")
    choices = []
    for term in field.queryset:
        label = names.of(term)
        choices.append(
            (getattr(term, key), german_name(label) if boxes and label.is_fallback else label)
        )
    choices = locale_sorted(choices, key=lambda choice: str(choice[1]))
    if getattr(field, "empty_label", None) is not None:
        choices.insert(0, ("", field.empty_label))
    # The widget draws the choices; the field still validates against its queryset.
    field.widget.choices = choices
