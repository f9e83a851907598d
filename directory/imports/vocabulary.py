"""Vocabulary values as people write them: by slug, code or name, with or without umlauts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Model

from network.models import ActorKind, Availability, Language, Municipality, TargetGroup, Topic
from search.analysis import fold

SEPARATORS_RE = re.compile(r"[,;|\n]")


def normalized(value: str) -> str:
    """ "Mobilität", "mobilitaet" and "MOBILITAT" become the same key."""
    return re.sub(r"[\W_]", "", fold(value.strip()))


def split_values(value: str) -> list[str]:
    return [part.strip() for part in SEPARATORS_RE.split(value) if part.strip()]


@dataclass
class Lookup:
    """Terms by every name they are known by; a name two terms share matches neither."""

    by_key: dict[str, object] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)

    def add(self, term: object, names: Iterable[str]) -> None:
        for name in names:
            key = normalized(name)
            if not key:
                continue
            known = self.by_key.get(key)
            if known is not None and known != term:
                self.ambiguous.add(key)
            self.by_key.setdefault(key, term)

    def find(self, value: str) -> object | None:
        key = normalized(value)
        if key in self.ambiguous:
            return None
        return self.by_key.get(key)


def _terms(model: type[Model]) -> Lookup:
    lookup = Lookup()
    for term in model.objects.all():
        lookup.add(term, [term.slug, term.name])
    return lookup


def _choices(choices: Iterable[tuple[str, str]]) -> Lookup:
    lookup = Lookup()
    for value, label in choices:
        lookup.add(value, [value, str(label)])
    return lookup


@dataclass
class Vocabularies:
    """Every lookup an import needs, loaded once per run."""

    topics: Lookup
    target_groups: Lookup
    languages: Lookup
    municipalities: Lookup
    kinds: Lookup
    availabilities: Lookup

    @classmethod
    def load(cls) -> Vocabularies:
        languages = Lookup()
        for language in Language.objects.all():
            languages.add(language, [language.code, language.name, language.native_name])
        municipalities = _terms(Municipality)
        towns = Lookup()
        for municipality in Municipality.objects.all():
            towns.add(municipality, municipality.town_list)
        for key, municipality in towns.by_key.items():
            if key not in towns.ambiguous:
                municipalities.by_key.setdefault(key, municipality)
        return cls(
            topics=_terms(Topic),
            target_groups=_terms(TargetGroup),
            languages=languages,
            municipalities=municipalities,
            kinds=_choices(ActorKind.choices),
            availabilities=_choices(Availability.choices),
        )
