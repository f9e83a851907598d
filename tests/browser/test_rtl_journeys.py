"""The public journey on a phone in Arabic (right to left) and in Ukrainian (Cyrillic):
directory → filter → profile → referral form → confirmation, without sideways scrolling.

Every step leaves a full-page screenshot in $TEST_ARTIFACTS_DIR (default
test-artifacts/screenshots/ in the checkout) for people to look over the layout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from referrals.models import Referral
from tests.browser.conftest import PHONE, TIMEOUT_MS
from tests.browser.journey_steps import (
    fill_referral_form,
    filter_directory,
    open_profile,
    open_referral_form,
    submit_referral,
)
from tests.browser.public_site import make_public_site

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

DIRECTIONS = {"ar": "rtl", "uk": "ltr"}


def artifacts_dir() -> Path:
    default = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
    path = Path(os.environ.get("TEST_ARTIFACTS_DIR") or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def phone(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A phone page whose browser asks for the language under test."""
    language = request.node.callspec.params["language"]
    context = browser.new_context(locale=language, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


class Steps:
    """Checks each step of one journey and keeps its screenshot."""

    def __init__(self, page, language: str) -> None:
        self.page = page
        self.language = language
        self.number = 0

    def check(self, name: str) -> None:
        self.number += 1
        html = self.page.locator("html")
        assert html.get_attribute("lang") == self.language, name
        assert html.get_attribute("dir") == DIRECTIONS[self.language], name
        path = artifacts_dir() / f"{self.language}-{self.number:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        widths = self.page.evaluate(
            """() => ({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,
                      client: document.documentElement.clientWidth})"""
        )
        assert widths["scroll"] <= min(widths["inner"], widths["client"]), (
            f"{name} ({self.language}) scrolls sideways: {widths}, see {path}"
        )


@pytest.mark.parametrize("language", DIRECTIONS)
def test_it_walks_from_the_directory_to_a_sent_referral_on_a_phone(
    site_db, live_server, phone, language
):
    site = make_public_site()
    steps = Steps(phone, language)

    filter_directory(phone, live_server.url, language)
    steps.check("directory-filtered")
    open_profile(phone, site)
    steps.check("profile")
    open_referral_form(phone)
    steps.check("referral-form")
    fill_referral_form(phone)
    steps.check("referral-form-filled")
    reference = submit_referral(phone)
    steps.check("confirmation")

    assert Referral.objects.filter(reference=reference).exists()
