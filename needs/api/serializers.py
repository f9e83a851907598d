"""The JSON shape of public needs; helpers' replies are never part of it."""

from __future__ import annotations

from rest_framework import serializers

from directory.api.serializers import LanguageSerializer, MunicipalitySerializer, TermSerializer
from needs.models import Need
from network.models import Actor, ContactPerson


def _absolute(serializer: serializers.Serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


class NeedActorSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Actor
        fields = ["slug", "name", "url"]

    def get_url(self, actor: Actor) -> str:
        return _absolute(self, actor.get_absolute_url())


class NeedContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone"]


class NeedListSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    actor = NeedActorSerializer()
    topics = TermSerializer(many=True)
    languages = LanguageSerializer(many=True)
    municipality = MunicipalitySerializer(allow_null=True)

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "url",
            "actor",
            "topics",
            "languages",
            "municipality",
            "is_online",
            "commitment",
            "hours",
            "start_date",
            "end_date",
            "helpers_wanted",
            "created_at",
        ]

    def get_url(self, need: Need) -> str:
        return _absolute(self, need.get_absolute_url())


class NeedDetailSerializer(NeedListSerializer):
    contact_person = NeedContactSerializer(allow_null=True)

    class Meta(NeedListSerializer.Meta):
        fields = [
            *NeedListSerializer.Meta.fields,
            "description",
            "skills",
            "contact_person",
            "updated_at",
        ]
