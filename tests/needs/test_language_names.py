"""The needs board's language filter names the languages in the visitor's language."""

from __future__ import annotations

from network.models import Language
from tests.factories import NeedFactory
from tests.needs.helpers import html


def test_it_names_the_filters_languages_in_the_visitors_language(client, actor_a):
    NeedFactory(actor=actor_a, languages=[Language.objects.get(code="ar")])

    page = html(client.get("/uk/needs/"))

    assert "арабська" in page
    assert "Arabisch" not in page
