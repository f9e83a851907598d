"""Names on profiles read as they look: no bidi controls or invisible characters (issue 24)."""

from __future__ import annotations

import pytest

from network.models import Membership, ProfileChange
from tests.factories import ActorFactory, MembershipFactory, OfferFactory, UserFactory
from tests.network.test_profiles import edit, edit_url, field_with_value, form_data


@pytest.fixture
def actor(db):
    actor = ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")
    OfferFactory(actor=actor, name="Gesprächsrunde")
    return actor


@pytest.fixture
def editor(actor):
    user = UserFactory(username="emil")
    return MembershipFactory(actor=actor, role=Membership.Role.EDITOR, user=user).user


@pytest.mark.parametrize("name", ["Amt \u202eLleiziffo\u202c", "Sprach\u200bcafé", "\ufeffAmt"])
def test_it_refuses_actor_names_that_read_otherwise(client, actor, editor, name):
    client.force_login(editor)
    response = edit(client, actor, name=name)
    assert response.status_code == 200
    assert "unsichtbare Steuerzeichen" in response.content.decode()
    assert not ProfileChange.objects.exists()


def test_it_refuses_offer_names_that_read_otherwise(client, actor, editor):
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    data[field_with_value(data, "offers-0-", "Gesprächsrunde")] = ["Beratung \u2066amtlich\u2069"]
    response = client.post(edit_url(actor), data)
    assert response.status_code == 200
    assert not ProfileChange.objects.exists()
