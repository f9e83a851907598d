"""Terms of their own for the directory tests (the migrations seed the real vocabularies too)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from network.models import Language, Municipality, TargetGroup, Topic
from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    TargetGroupFactory,
    TopicFactory,
)


@dataclass
class Terms:
    topic_a: Topic
    topic_b: Topic
    language_a: Language
    language_b: Language
    place_a: Municipality
    place_b: Municipality
    group_a: TargetGroup
    group_b: TargetGroup


@pytest.fixture
def terms(db) -> Terms:
    return Terms(
        topic_a=TopicFactory(slug="test-thema-alpha", name="Testthema Alpha"),
        topic_b=TopicFactory(slug="test-thema-beta", name="Testthema Beta"),
        language_a=LanguageFactory(code="qaa", name="Testsprache A", native_name="Lingua A"),
        language_b=LanguageFactory(code="qab", name="Testsprache B", native_name="Lingua B"),
        place_a=MunicipalityFactory(slug="test-ort-alpha", name="Testort Alpha"),
        place_b=MunicipalityFactory(slug="test-ort-beta", name="Testort Beta"),
        group_a=TargetGroupFactory(slug="test-gruppe-alpha", name="Testgruppe Alpha"),
        group_b=TargetGroupFactory(slug="test-gruppe-beta", name="Testgruppe Beta"),
    )
