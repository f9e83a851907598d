"""Print styles (issue 20, docs/layout.md): a printed profile, event or referral confirmation
leaves out the menus, the language list, the footer navigation, buttons and forms, prints black
on white, and shows the address of its important links. The browser's print rendering is
checked in tests/browser/test_phone_layout.py; here the stylesheet's print rules and the links
they rely on."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ActorFactory
from tests.html import select

HIDDEN_IN_PRINT = (
    ".site-header .disclosure",
    ".footer-nav",
    "nav",
    "form",
    "button",
    ".button",
    ".breadcrumb",
    ".skip-link",
)


def print_rules() -> str:
    with open(finders.find("css/portal.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    start = css.index("@media print")
    depth, position = 0, css.index("{", start)
    for position in range(css.index("{", start), len(css)):
        depth += {"{": 1, "}": -1}.get(css[position], 0)
        if depth == 0:
            break
    return css[start : position + 1]


def hidden_selectors(rules: str) -> set[str]:
    hidden = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", rules):
        if re.search(r"display:\s*none", body):
            hidden.update(selector.strip() for selector in selectors.split(","))
    return hidden


def test_it_leaves_menus_languages_footer_navigation_buttons_and_forms_out_of_print():
    hidden = hidden_selectors(print_rules())
    missing = [selector for selector in HIDDEN_IN_PRINT if selector not in hidden]
    assert missing == []


def test_it_prints_black_on_white_with_the_addresses_of_marked_links():
    rules = print_rules()
    assert re.search(r"color:\s*#000", rules)
    assert re.search(r"background:\s*#fff", rules)
    assert re.search(r"a\.print-url\[href\]::after[^{]*\{[^}]*attr\(href\)", rules)


@pytest.mark.django_db
def test_it_marks_a_profiles_website_as_a_link_whose_address_is_printed(client):
    actor = ActorFactory(website="https://verein.example.org", phone="03443 1234")
    response = client.get(actor.get_absolute_url())
    assert response.status_code == 200
    website = select(response, ".profile__quick a.print-url")
    assert [link["href"] for link in website] == ["https://verein.example.org"]
    assert select(response, '.profile__quick a[href^="tel:"]')
