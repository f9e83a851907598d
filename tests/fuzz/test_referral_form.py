"""The public referral form under hostile field values, posted the way a browser does (with the
CSRF token): never a 500, either the confirmation or the form with its errors, and what was
stored reaches the agency's pages as text, never as markup."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from referrals.models import Referral
from tests.factories import UserFactory
from tests.fuzz.pages import assert_answered_safely, fresh_address
from tests.fuzz.strategies import PAGES, hostile_text
from tests.referrals.helpers import valid_form

# Hostile text that passes the form's markup check (no <tags>, no javascript:) gets stored.
ATTRIBUTE_BREAKOUTS = st.sampled_from(
    [
        '" onmouseover="alert(1337)',
        "' onfocus='alert(1337)' autofocus='",
        "&lt;script&gt;alert(1337)&lt;/script&gt;",
        "&#60;script&#62;alert(1337)",
        "\\u003cscript\\u003ealert(1337)",
        "}}{{ alert(1337) }}{% debug %}",
        "%3Cscript%3Ealert(1337)",
    ]
)
text = st.one_of(hostile_text, ATTRIBUTE_BREAKOUTS, st.text(max_size=300))
changes = st.dictionaries(
    st.sampled_from(
        [
            "person_name",
            "phone",
            "email",
            "postal_address",
            "language",
            "categories",
            "description",
            "urgency",
            "date_of_birth",
            "file_number",
            "for_whom",
            "in_contact",
        ]
    ),
    st.one_of(text, ATTRIBUTE_BREAKOUTS.map(lambda value: f"Amina {value}")),
    max_size=5,
)


@pytest.fixture
def caseworker(db):
    """Joins the unit each stored referral was routed to, to read it as the agency does."""
    return UserFactory(username="fuzz-caseworker")


@PAGES
@given(changes=changes)
def test_it_answers_hostile_referrals_with_errors_or_stores_them_as_text(
    settings, caseworker, changes
):
    settings.REFERRAL_SUBMISSIONS_PER_HOUR = 1_000_000
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=fresh_address())
    form_page = browser.get("/referral/")
    assert form_page.status_code == 200
    stored_before = Referral.objects.count()

    data = {**valid_form(**changes), "csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
    response = browser.post("/referral/", data)

    assert_answered_safely(response, redirect=True)
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code != 302:
        assert Referral.objects.count() == stored_before
        return
    assert response["Location"].endswith("/referral/thanks/")
    assert_answered_safely(browser.get(response["Location"]))
    assert Referral.objects.count() == stored_before + 1
    referral = Referral.objects.latest("pk")
    referral.unit.staff.add(caseworker)
    staff = Client()
    staff.force_login(caseworker)
    for page in ("/agency/referrals/", f"/agency/referrals/{referral.reference}/"):
        shown = staff.get(page)
        assert shown.status_code == 200, page
        assert_answered_safely(shown)
