"""The public journey works with JavaScript turned off: directory → filter → profile →
referral form → confirmation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from referrals.models import Referral
from tests.browser.conftest import DESKTOP, TIMEOUT_MS
from tests.browser.journey_steps import (
    fill_referral_form,
    filter_directory,
    open_profile,
    open_referral_form,
    submit_referral,
)
from tests.browser.public_site import make_public_site

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]


@pytest.fixture
def page_without_javascript(browser) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", java_script_enabled=False, **DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_it_walks_from_the_directory_to_a_sent_referral_without_javascript(
    site_db, live_server, page_without_javascript
):
    page = page_without_javascript
    site = make_public_site()

    filter_directory(page, live_server.url, "de")
    open_profile(page, site)
    open_referral_form(page)
    fill_referral_form(page)
    reference = submit_referral(page)

    referral = Referral.objects.get(reference=reference)
    assert referral.person_name == "Olena Bondar"
