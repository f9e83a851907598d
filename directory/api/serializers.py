"""The JSON shape of actors in the read-only API (field names follow HSDS where they can)."""

from __future__ import annotations

from rest_framework import serializers

from network.fields import ACTOR, API, CONTACT, LOCATION, OFFER, OPENING_HOURS, SOCIAL_LINK
from network.models import (
    Actor,
    ContactPerson,
    Language,
    Location,
    Municipality,
    Offer,
    OpeningHours,
    SocialLink,
)


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name", "native_name"]


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["slug", "name"]


class OpeningHoursSerializer(serializers.ModelSerializer):
    class Meta:
        model = OpeningHours
        fields = OPENING_HOURS.names(API)


class LocationSerializer(serializers.ModelSerializer):
    municipality = MunicipalitySerializer()
    opening_hours = OpeningHoursSerializer(many=True)
    osm_url = serializers.CharField()

    class Meta:
        model = Location
        fields = [*LOCATION.names(API), "opening_hours", "osm_url"]


class OfferSerializer(serializers.ModelSerializer):
    topics = TermSerializer(many=True)
    target_groups = TermSerializer(many=True)
    languages = LanguageSerializer(many=True)

    class Meta:
        model = Offer
        fields = OFFER.names(API)


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = CONTACT.names(API)


class SocialLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = SocialLink
        fields = SOCIAL_LINK.names(API)


# The list stays light: long texts and images come with one actor only.
DETAIL_ONLY = ("description", "logo")


class ActorListSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    topics = TermSerializer(many=True)
    target_groups = TermSerializer(many=True)
    languages = LanguageSerializer(many=True)
    municipalities = serializers.SerializerMethodField()

    class Meta:
        model = Actor
        fields = [
            *(name for name in ACTOR.names(API) if name not in DETAIL_ONLY),
            "url",
            "municipalities",
        ]

    def get_url(self, actor: Actor) -> str:
        request = self.context.get("request")
        path = actor.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    def get_municipalities(self, actor: Actor) -> list[dict[str, str]]:
        seen = {location.municipality for location in actor.locations.all()}
        return MunicipalitySerializer(sorted(seen, key=lambda m: m.name), many=True).data


class ActorDetailSerializer(ActorListSerializer):
    logo = serializers.ImageField(read_only=True)
    offers = OfferSerializer(many=True)
    locations = LocationSerializer(many=True)
    contacts = ContactSerializer(many=True)
    social_links = SocialLinkSerializer(many=True)

    class Meta(ActorListSerializer.Meta):
        fields = [
            *ActorListSerializer.Meta.fields,
            *DETAIL_ONLY,
            "offers",
            "locations",
            "contacts",
            "social_links",
            "last_confirmed_at",
        ]
