"""Lists of articles read their translations in one query, not one per article.

Wagtail's `localized` asks the database once per article; in English a list of the demo's 17
articles would ask 30 times more than in German. The lists fill it for all their articles at
once (knowledge.services.localize).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from knowledge.models import Audience, KnowledgeArticlePage
from knowledge.services import write_article
from tests.knowledge.conftest import article_input
from tests.referrals.factories import ReferralFactory


def _translate(article: KnowledgeArticlePage, english: Locale) -> None:
    copy = article.copy_for_translation(english, copy_parents=True)
    copy.title = f"EN {article.title}"
    copy.summary = f"EN {article.summary}"
    copy.save_revision().publish()


def _write(units, staff, english: Locale, numbers: range) -> None:
    for n in numbers:
        article = write_article(
            data=article_input(
                units,
                title=f"Verfahren Nummer {n}",
                summary=f"Kurz zu {n}",
                audience=Audience.MEMBERS,
            ),
            acting_user=staff,
        )
        _translate(article, english)


def _count(client, url: str) -> tuple[int, str]:
    client.get(url)  # per-process memos (locales, content types) filled first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.mark.parametrize(
    ("persona", "name"),
    [
        ("staff_b", "knowledge:index"),
        ("staff_b", "staff:workspace"),
        ("partner", "my_knowledge:index"),
        ("partner", "my:dashboard"),
    ],
)
def test_it_lists_articles_in_english_with_as_many_queries_for_two_as_for_six(
    client, personas, units, staff_a, persona, name
):
    english, _created = Locale.objects.get_or_create(language_code="en")
    client.force_login(personas[persona])
    with translation.override("en"):
        url = reverse(name)
    _write(units, staff_a, english, range(2))
    few, _html = _count(client, url)
    _write(units, staff_a, english, range(2, 6))
    many, html = _count(client, url)
    assert "EN Verfahren Nummer 5" in html
    assert ">Verfahren Nummer 5<" not in html
    assert many == few


def test_it_links_a_referrals_articles_in_english_in_a_fixed_number_of_queries(
    client, units, staff_a, residence
):
    english, _created = Locale.objects.get_or_create(language_code="en")
    referral = ReferralFactory(unit=units.a, categories=[residence])
    client.force_login(staff_a)
    with translation.override("en"):
        url = reverse("agency:detail", kwargs={"reference": referral.reference})
    _write(units, staff_a, english, range(2))
    few, _html = _count(client, url)
    _write(units, staff_a, english, range(2, 6))
    many, html = _count(client, url)
    assert "EN Verfahren Nummer 5" in html
    assert many == few
