"""The needs board's language filter names the languages in the visitor's language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from network.models import Language
from portal.collation import sort_key
from tests.factories import NeedFactory
from tests.needs.helpers import html


def test_it_names_the_filters_languages_in_the_visitors_language(client, actor_a):
    NeedFactory(actor=actor_a, languages=[Language.objects.get(code="ar")])

    page = html(client.get("/uk/needs/"))

    assert "арабська" in page
    assert "Arabisch" not in page


def test_it_names_the_help_forms_languages_in_the_visitors_language_and_alphabet(client, actor_a):
    need = NeedFactory(actor=actor_a, languages=[Language.objects.get(code="ar")])

    page = html(client.get(f"/uk/needs/{need.pk}/"))
    form = BeautifulSoup(page, "html.parser")
    labels = [
        " ".join(form.find("label", attrs={"for": box["id"]}).get_text().split())
        for box in form.select("input[name=languages]")
    ]

    assert "арабська (العربية)" in labels
    assert not [label for label in labels if "Arabisch" in label or "Englisch" in label]
    assert labels == sorted(labels, key=sort_key)
    assert "Arabisch" not in page  # nor in what the need asks for


def test_it_keeps_the_german_names_on_the_german_help_form(client, actor_a):
    need = NeedFactory(actor=actor_a)

    page = html(client.get(f"/needs/{need.pk}/"))

    assert "Arabisch (العربية)" in page
