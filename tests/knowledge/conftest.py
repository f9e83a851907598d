"""The people of the knowledge base's tests and two articles of unit A: one for staff only, one
shared with the network's members, each with a document attached.

Personas: the anonymous visitor, a signed-in outsider (no actor, no unit), a member of an actor
(partner), staff of unit A (who own the articles), staff of unit B, an administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from knowledge.models import ArticleAttachment, Audience, KnowledgeArticlePage, KnowledgeDocument
from knowledge.services import ArticleInput, write_article
from tests.referrals.conftest import (  # noqa: F401 - the personas are shared with referrals
    admin,
    intake,
    other,
    partner,
    partner_actor,
    personas,
    residence,
    staff_a,
    staff_b,
    units,
    work,
)


@dataclass
class Articles:
    staff_only: KnowledgeArticlePage
    shared: KnowledgeArticlePage
    staff_document: KnowledgeDocument
    shared_document: KnowledgeDocument


def attach(article: KnowledgeArticlePage, title: str) -> KnowledgeDocument:
    document = KnowledgeDocument.objects.create(
        title=title, file=ContentFile(b"Checkliste\n", name=f"{article.slug}.txt")
    )
    ArticleAttachment.objects.create(article=article, document=document)
    return document


def article_input(unit_set, **changes) -> ArticleInput:
    values = {
        "title": "Wohnsitzauflage ändern",
        "summary": "Wie eine Wohnsitzauflage gestrichen oder geändert wird.",
        "body": "<p>Antrag bei der Ausländerbehörde stellen, Arbeitsvertrag beilegen.</p>",
        "kind": "procedure",
        "audience": Audience.STAFF,
        "unit": unit_set.a,
        "categories": [],
        **changes,
    }
    return ArticleInput(**values)


@pytest.fixture
def articles(units, staff_a, residence, settings, tmp_path) -> Articles:  # noqa: F811
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    staff_only = write_article(
        data=article_input(units, categories=[residence]), acting_user=staff_a
    )
    shared = write_article(
        data=article_input(
            units,
            title="Eine Person an die Agentur verweisen",
            summary="Wie Mitglieder des Netzwerks eine Zuweisung schicken.",
            body="<p>Das Formular Zuweisung ausfüllen, die Einwilligung der Person einholen.</p>",
            audience=Audience.MEMBERS,
        ),
        acting_user=staff_a,
    )
    return Articles(
        staff_only=staff_only,
        shared=shared,
        staff_document=attach(staff_only, "Checkliste Wohnsitzauflage"),
        shared_document=attach(shared, "Vorlage Zuweisung"),
    )
