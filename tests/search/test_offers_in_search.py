"""Offers on /search/: each its own hit, linked to its block on the actor's page, found only
while the actor is published."""

from __future__ import annotations

import pytest

from tests.factories import (
    ActorFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    OfferFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def found(client, query: str = "Quokkakurs") -> list[tuple[str, str]]:
    items = client.get("/search/", {"q": query, "kind": "offer"}).context["result"].items
    return [(item.kind, item.title.replace("<mark>", "").replace("</mark>", "")) for item in items]


def test_it_links_an_offer_hit_to_its_block_on_the_actor_page(client):
    offer = OfferFactory(name="Quokkakurs", actor=ActorFactory(name="Sprachschule"))
    result = client.get("/search/", {"q": "Quokkakurs", "kind": "offer"}).context["result"]
    assert [(item.kind, item.kind_label) for item in result.items] == [("offer", "Angebot")]
    address, anchor = result.items[0].url.split("#")
    assert address == offer.actor.get_absolute_url()
    assert f'id="{anchor}"' in client.get(address).content.decode()
    assert ("offer", "Angebot", 1) in [
        (value.value, value.label, value.count) for value in result.facets["kind"]
    ]


def test_it_lists_offer_hits_after_the_hits_of_every_other_kind(client):
    """The offer matches in its name and the school only in its text, yet the school (whose
    hit holds the offer) comes first; many same-named offers cannot flood the list."""
    school = ActorFactory(name="Sprachschule")
    OfferFactory(actor=school, name="Quokkakurs")
    OfferFactory(name="Quokkakurs")
    ActorFactory(name="Quokkakurs-Verein")
    items = client.get("/search/", {"q": "Quokkakurs"}).context["result"].items
    assert [item.kind for item in items] == ["actor", "actor", "actor", "offer", "offer"]
    assert items[0].title == "<mark>Quokkakurs</mark>-Verein"
    response = client.get("/search/suggest/", {"q": "Quokkak"})
    kinds = [suggestion["kind"] for suggestion in response.json()["suggestions"]]
    assert kinds[:5] == ["actor", "actor", "actor", "offer", "offer"]


def test_it_counts_the_offer_facets_from_the_offer_and_its_actor(client):
    actor = ActorFactory(languages=[LanguageFactory(code="uk")])
    LocationFactory(actor=actor, municipality=MunicipalityFactory(slug="zeitz"))
    offer = OfferFactory(actor=actor, name="Quokkakurs")
    offer.topics.set([TopicFactory(slug="deutschkurs")])
    offer.save()
    facets = client.get("/search/", {"q": "Quokkakurs", "kind": "offer"}).context["result"].facets
    assert [value.value for value in facets["topic"]] == ["deutschkurs"]
    assert [value.value for value in facets["municipality"]] == ["zeitz"]
    assert [value.value for value in facets["language"]] == ["uk"]


def test_it_finds_an_offer_only_while_its_actor_is_published(client):
    offer = OfferFactory(name="Quokkakurs")
    offer.actor.live = False
    offer.actor.save()
    assert found(client) == []
    offer.actor.live = True
    offer.actor.save()
    assert found(client) == [("offer", "Quokkakurs")]


def test_it_follows_renaming_moving_and_deleting_an_offer(client):
    offer = OfferFactory(name="Quokkakurs")
    offer.name = "Quokkakurs am Abend"
    offer.save()
    assert found(client) == [("offer", "Quokkakurs am Abend")]
    LocationFactory(actor=offer.actor, municipality=MunicipalityFactory(slug="naumburg"))
    params = {"q": "Quokkakurs", "kind": "offer"}
    facets = client.get("/search/", params).context["result"].facets
    assert [value.value for value in facets["municipality"]] == ["naumburg"]
    offer.delete()
    assert found(client) == []
