"""Every path through the wayfinder, on the demo data, ends on a page that exists.

All active concerns x all "for whom" answers x every contact answer are walked; the language
and the municipality do not route, so they are spread over the paths (each one at least once)
instead of multiplying them. Each unit and actor link on a result page is followed.
"""

from __future__ import annotations

import io
import itertools
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import transaction

from network.models import Language
from referrals.models import WayfinderRule
from referrals.wayfinder import (
    NO_MUNICIPALITY,
    NOT_IN_CONTACT,
    active_audiences,
    active_categories,
    contact_units,
    municipalities,
)
from tests.html import links, select

# The unit's page, or the intake zone's where the unit has none (not its mail address, not the
# button on to the form); the network's actors.
UNIT_LINKS = '.wayfinder__unit > p > a[href]:not(.wayfinder__go):not([href^="mailto:"])'
ACTOR_LINKS = ".wayfinder__actor-list > li > a[href]"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, its rules included, loaded once for the module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_it_ends_every_path_on_a_unit_or_actor_page_that_exists(client, demo):
    categories = list(active_categories())
    audiences = list(active_audiences())
    contacts = [NOT_IN_CONTACT, *contact_units().values_list("slug", flat=True)]
    languages = list(Language.objects.values_list("code", flat=True))
    places = [NO_MUNICIPALITY, *municipalities().values_list("slug", flat=True)]
    paths = list(itertools.product(categories, audiences, contacts))
    assert len(categories) >= 10 and len(audiences) >= 3 and len(paths) >= len(languages)
    assert WayfinderRule.objects.filter(is_active=True).count() >= 3
    followed: dict[str, int] = {}
    used_languages = set()

    for number, (category, audience, contact) in enumerate(paths):
        language = languages[number % len(languages)]
        used_languages.add(language)
        query = urlencode(
            {
                "concern": category.slug,
                "for_whom": audience.slug,
                "language": language,
                "contact": contact,
                "municipality": places[number % len(places)],
            }
        )
        response = client.get(f"/wayfinder/?{query}")
        page = response.content.decode()
        assert response.status_code == 200, query
        assert "Hier hilft man Ihnen weiter" in page, query
        shown = links(page, UNIT_LINKS) + links(page, ACTOR_LINKS)
        assert select(page, ".wayfinder__unit-name > a, .wayfinder__unit-name > strong"), query
        assert shown, f"{query}: neither the unit nor an actor is linked"
        for link in shown:
            if link not in followed:
                followed[link] = client.get(link).status_code
            assert followed[link] == 200, f"{query}: {link} gives {followed[link]}"
        go = client.get(f"/wayfinder/go/?{query}")
        assert go.status_code == 302 and go["Location"].startswith("/referral/?category=")

    assert used_languages == set(languages)
    assert len(paths) >= len(places)
