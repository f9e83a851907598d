"""factory_boy factories of the chat; messages take the next id of their channel."""

from __future__ import annotations

import factory
from django.db.models import F
from factory.django import DjangoModelFactory

from chat.models import Channel, ChannelMembership, Message
from chat.rendering import render_body
from tests.factories import UserFactory


class ChannelFactory(DjangoModelFactory):
    class Meta:
        model = Channel
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kanal-{n}")
    name = factory.Sequence(lambda n: f"Kanal {n}")
    kind = Channel.Kind.PRIVATE


class ChannelMembershipFactory(DjangoModelFactory):
    class Meta:
        model = ChannelMembership

    channel = factory.SubFactory(ChannelFactory)
    user = factory.SubFactory(UserFactory)


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    channel = factory.SubFactory(ChannelFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Nachricht {n}")
    body_html = factory.LazyAttribute(lambda message: render_body(message.body))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        channel = kwargs["channel"]
        Channel.objects.filter(pk=channel.pk).update(last_seq=F("last_seq") + 1)
        channel.refresh_from_db(fields=["last_seq"])
        kwargs["seq"] = channel.last_seq
        return super()._create(model_class, *args, **kwargs)
