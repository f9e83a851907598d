"""The referral form names the languages in the visitor's language, not by their German names."""

from __future__ import annotations

from tests.factories import LanguageFactory
from tests.html import select
from tests.referrals.helpers import html


def test_it_names_the_languages_in_the_visitors_language_after_the_please_choose(client, units):
    LanguageFactory(code="ar", name="Arabisch", native_name="العربية")

    page = html(client.get("/uk/referral/"))

    options = [(o["value"], o.get_text()) for o in select(page, 'select[name="language"] option')]
    names = [name for _value, name in options[1:]]
    assert options[0][0] == ""
    assert ("ar", "арабська") in options
    assert "Arabisch" not in page
    assert names.index("англійська") < names.index("арабська")  # the Ukrainian alphabet


def test_it_keeps_the_german_names_on_the_german_form(client, units):
    LanguageFactory(code="ar", name="Arabisch", native_name="العربية")

    page = html(client.get("/referral/"))

    assert [o.get_text() for o in select(page, 'select[name="language"] option[value="ar"]')] == [
        "Arabisch (العربية)"
    ]
