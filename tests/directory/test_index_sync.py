"""The search index follows every change of an actor and of what is indexed with it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from directory.search import ACTOR_KIND
from network.models import Actor, Offer
from search.backends import get_search_backend
from tests.directory.helpers import page_names
from tests.factories import (
    ActorFactory,
    LocationFactory,
    MunicipalityFactory,
    OfferFactory,
    TopicFactory,
)


def found(client, query: str) -> list[str]:
    """Names the public directory finds for a query."""
    return sorted(page_names(client, q=query))


def indexed(query: str, *, public_only: bool = False) -> list[str]:
    """Actor ids the backend finds, drafts included unless told otherwise."""
    hits = get_search_backend().search(query, kinds=[ACTOR_KIND], public_only=public_only)
    return sorted(hit.object_id for hit in hits)


@pytest.fixture
def actor(db):
    return ActorFactory(name="Quokkaverein", slug="quokkaverein", short_description="Ein Verein.")


# --- the actor itself ------------------------------------------------------------------------


def test_it_indexes_a_new_actor(client, actor):
    assert found(client, "Quokkaverein") == ["Quokkaverein"]
    assert indexed("Quokkaverein") == [str(actor.pk)]


def test_it_reindexes_a_saved_actor(client, actor):
    actor.name = "Wombatverein"
    actor.short_description = "Wir bauen Fahrräder."
    actor.save()

    assert found(client, "Quokkaverein") == []
    assert found(client, "Wombatverein") == ["Wombatverein"]
    assert found(client, "Fahrrad") == ["Wombatverein"]


def test_it_indexes_the_description_as_text(client, actor):
    actor.description = "<p>Unser <strong>Gemeinschaftsgarten</strong> blüht.</p>"
    actor.save()

    assert found(client, "Gemeinschaftsgarten") == ["Quokkaverein"]
    assert found(client, "strong") == []


def test_it_keeps_a_single_document_per_actor(client, actor):
    for n in range(3):
        actor.short_description = f"Fassung {n}"
        actor.save()

    assert indexed("Quokkaverein") == [str(actor.pk)]
    assert indexed("Fassung 2") == [str(actor.pk)]


# --- children: offers and locations ----------------------------------------------------------


def test_it_indexes_an_added_offer(client, actor):
    OfferFactory(actor=actor, name="Töpferkurs", description="Ton und Drehscheibe.")

    assert found(client, "Töpferkurse") == ["Quokkaverein"]
    assert found(client, "Toepferkurs") == ["Quokkaverein"]
    assert found(client, "Drehscheibe") == ["Quokkaverein"]


def test_it_reindexes_a_changed_offer(client, actor):
    offer = OfferFactory(actor=actor, name="Töpferkurs")

    offer.name = "Schachclub"
    offer.save()

    assert found(client, "Töpferkurs") == []
    assert found(client, "Schachclub") == ["Quokkaverein"]


def test_it_forgets_a_deleted_offer(client, actor):
    offer = OfferFactory(actor=actor, name="Töpferkurs")

    offer.delete()

    assert found(client, "Töpferkurs") == []
    assert found(client, "Quokkaverein") == ["Quokkaverein"]


def test_it_indexes_an_added_location(client, actor):
    place = MunicipalityFactory(slug="test-quokkingen", name="Quokkingen")

    LocationFactory(actor=actor, municipality=place, street="Wombatweg 3", town="Quokkingen")

    assert found(client, "Quokkingen") == ["Quokkaverein"]
    assert found(client, "Wombatweg") == ["Quokkaverein"]


def test_it_forgets_a_deleted_location(client, actor):
    place = MunicipalityFactory(slug="test-quokkingen", name="Quokkingen")
    location = LocationFactory(actor=actor, municipality=place, town="Quokkingen")

    location.delete()

    assert found(client, "Quokkingen") == []


def test_it_reindexes_a_location_moved_to_another_actor(client, actor):
    other = ActorFactory(name="Wombatverein", slug="wombatverein")
    place = MunicipalityFactory(slug="test-quokkingen", name="Quokkingen")
    location = LocationFactory(actor=actor, municipality=place, town="Quokkingen")

    location.actor = other
    location.save()

    assert "Wombatverein" in found(client, "Quokkingen")


def test_it_forgets_a_location_at_the_actor_it_moved_from(client, actor):
    other = ActorFactory(name="Wombatverein", slug="wombatverein")
    place = MunicipalityFactory(slug="test-quokkingen", name="Quokkingen")
    location = LocationFactory(actor=actor, municipality=place, town="Quokkingen")

    location.actor = other
    location.save()

    assert "Quokkaverein" not in found(client, "Quokkingen")


# --- relations (many-to-many) ----------------------------------------------------------------


@pytest.fixture
def topic(db):
    return TopicFactory(slug="test-kapibara", name="Kapibarapflege")


def test_it_indexes_added_topics(client, actor, topic):
    actor.topics.add(topic)
    actor.save()

    assert found(client, "Kapibarapflege") == ["Quokkaverein"]


def test_it_forgets_removed_topics(client, actor, topic):
    actor.topics.add(topic)
    actor.save()

    actor.topics.remove(topic)
    actor.save()

    assert found(client, "Kapibarapflege") == []


def test_it_forgets_cleared_topics(client, actor, topic):
    actor.topics.set([topic])
    actor.save()

    actor.topics.clear()
    actor.save()

    assert found(client, "Kapibarapflege") == []


def test_it_indexes_topics_of_offers(client, actor, topic):
    offer = OfferFactory(actor=actor, name="Tierpflege")

    offer.topics.set([topic])
    offer.save()

    assert found(client, "Kapibarapflege") == ["Quokkaverein"]

    offer = Offer.objects.get(pk=offer.pk)
    offer.topics.set([])
    offer.save()

    assert found(client, "Kapibarapflege") == []


def test_it_indexes_languages_and_target_groups(client, actor):
    from tests.factories import LanguageFactory, TargetGroupFactory

    language = LanguageFactory(code="qkz", name="Quokkisch", native_name="Quokkaspeak")
    group = TargetGroupFactory(slug="test-wombats", name="Wombatfamilien")

    actor.languages.set([language])
    actor.target_groups.set([group])
    actor.save()

    assert found(client, "Quokkisch") == ["Quokkaverein"]
    assert found(client, "Quokkaspeak") == ["Quokkaverein"]
    assert found(client, "Wombatfamilien") == ["Quokkaverein"]


def test_it_reindexes_actors_when_their_topic_is_renamed(client, actor, topic):
    actor.topics.set([topic])
    actor.save()

    topic.name = "Alpakapflege"
    topic.save()

    assert found(client, "Alpakapflege") == ["Quokkaverein"]


# --- publishing, unpublishing and deleting ---------------------------------------------------


def test_it_hides_an_unpublished_actor(client, actor):
    actor.unpublish()

    assert found(client, "Quokkaverein") == []
    assert indexed("Quokkaverein", public_only=True) == []
    assert indexed("Quokkaverein") == [str(actor.pk)]


def test_it_hides_an_actor_saved_as_not_live(client, actor):
    actor.live = False
    actor.save()

    assert found(client, "Quokkaverein") == []
    assert indexed("Quokkaverein", public_only=True) == []


def test_it_indexes_drafts_as_not_public(client, db):
    draft = ActorFactory(name="Entwurfsverein", live=False)

    assert found(client, "Entwurfsverein") == []
    assert indexed("Entwurfsverein") == [str(draft.pk)]
    assert indexed("Entwurfsverein", public_only=True) == []


def test_it_shows_an_actor_once_its_revision_is_published(client, db):
    draft = ActorFactory(name="Entwurfsverein", slug="entwurfsverein", live=False)
    draft.offers.add(Offer(name="Lastenradverleih"))

    draft.save_revision().publish()

    assert found(client, "Entwurfsverein") == ["Entwurfsverein"]
    assert found(client, "Lastenradverleih") == ["Entwurfsverein"]


def test_it_shows_the_published_revision_of_a_changed_actor(client, actor):
    actor.name = "Wombatverein"
    revision = actor.save_revision()

    revision.publish()

    assert found(client, "Wombatverein") == ["Wombatverein"]
    assert found(client, "Quokkaverein") == []


def test_it_removes_a_deleted_actor(client, actor):
    OfferFactory(actor=actor, name="Töpferkurs")
    place = MunicipalityFactory(slug="test-quokkingen", name="Quokkingen")
    LocationFactory(actor=actor, municipality=place)
    pk = actor.pk

    actor.delete()

    assert found(client, "Quokkaverein") == []
    assert indexed("Quokkaverein") == []
    assert indexed("Töpferkurs") == []
    assert str(pk) not in indexed("Verein")


def test_it_removes_actors_deleted_in_bulk(client, db):
    ActorFactory(name="Quokkaverein Eins")
    ActorFactory(name="Quokkaverein Zwei")

    Actor.objects.filter(name__startswith="Quokkaverein").delete()

    assert indexed("Quokkaverein") == []


# --- rebuilding ------------------------------------------------------------------------------


def test_it_rebuilds_the_index_with_the_management_command(client, actor):
    draft = ActorFactory(name="Quokkaentwurf", live=False)
    OfferFactory(actor=actor, name="Töpferkurs")
    get_search_backend().clear()
    assert found(client, "Quokkaverein") == []

    out = io.StringIO()
    call_command("rebuild_index", stdout=out)

    assert "Indexed" in out.getvalue()
    assert found(client, "Quokkaverein") == ["Quokkaverein"]
    assert found(client, "Töpferkurs") == ["Quokkaverein"]
    assert indexed("Quokkaentwurf") == [str(draft.pk)]
    assert indexed("Quokkaentwurf", public_only=True) == []


def test_it_rebuilds_one_kind_and_drops_stale_documents(client, actor):
    from search.backends import SearchDocument

    get_search_backend().index(
        [SearchDocument(kind=ACTOR_KIND, object_id="999999", title="Geisterverein")]
    )

    call_command("rebuild_index", kind=ACTOR_KIND, stdout=io.StringIO())

    assert indexed("Geisterverein") == []
    assert found(client, "Quokkaverein") == ["Quokkaverein"]
