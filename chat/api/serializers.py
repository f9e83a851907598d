"""The JSON shapes of the chat API: a message is the same object the socket sends."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from chat import conf
from chat.frames import message_frame
from chat.models import Channel, Message


class ChannelSerializer(serializers.ModelSerializer):
    unread = serializers.IntegerField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    socket = serializers.SerializerMethodField()

    class Meta:
        model = Channel
        fields = [
            "slug",
            "name",
            "kind",
            "kind_label",
            "description",
            "last_seq",
            "unread",
            "socket",
        ]

    def get_socket(self, channel: Channel) -> str:
        return f"/ws/chat/{channel.slug}/"


class MessageSerializer(serializers.Serializer):
    """Read: the socket's "message" frame. Write: what a member posts."""

    type = serializers.CharField(read_only=True)
    id = serializers.IntegerField(read_only=True)
    channel = serializers.CharField(read_only=True)
    author = serializers.CharField(read_only=True, allow_null=True)
    author_name = serializers.CharField(read_only=True)
    body = serializers.CharField(max_length=conf.MAX_BODY_LENGTH, trim_whitespace=False)
    body_html = serializers.CharField(read_only=True)
    sent_at = serializers.DateTimeField(read_only=True)
    client_id = serializers.CharField(
        max_length=conf.CLIENT_ID_MAX_LENGTH, required=False, allow_blank=True, allow_null=True
    )
    edited_at = serializers.DateTimeField(read_only=True, allow_null=True)
    removed = serializers.BooleanField(read_only=True)
    mentions = serializers.ListField(child=serializers.CharField(), read_only=True)

    def to_representation(self, message: Message) -> dict[str, Any]:
        return message_frame(message, self.context["channel"])


class MessagePageSerializer(serializers.Serializer):
    results = MessageSerializer(many=True)
    has_more = serializers.BooleanField()
    before = serializers.IntegerField(allow_null=True)


class RefusalSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    retry_after = serializers.IntegerField(
        required=False, help_text="seconds until the rate limit allows posting again"
    )
