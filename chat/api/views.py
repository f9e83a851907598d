"""The chat's JSON API: the member's channels, a channel's history paged backwards, posting.

Posting goes through the same service as the socket, so limits, idempotency and broadcasting
are the same whichever way a message arrives.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from chat import conf, queries, services
from chat.api.serializers import (
    ChannelSerializer,
    MessagePageSerializer,
    MessageSerializer,
    RefusalSerializer,
)
from chat.permissions import get_channel_for_member
from chat.services import ChatRefused

REFUSAL_STATUS = {
    "rate_limited": status.HTTP_429_TOO_MANY_REQUESTS,
    "not_allowed": status.HTTP_403_FORBIDDEN,
    "busy": status.HTTP_503_SERVICE_UNAVAILABLE,
}


def refusal(refused: ChatRefused) -> Response:
    data: dict[str, object] = {"code": refused.code, "detail": refused.detail}
    headers = {}
    if refused.retry_after is not None:
        data["retry_after"] = refused.retry_after
        headers["Retry-After"] = str(refused.retry_after)
    return Response(
        data,
        status=REFUSAL_STATUS.get(refused.code, status.HTTP_400_BAD_REQUEST),
        headers=headers,
    )


class ChannelListView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = ChannelSerializer
    pagination_class = None

    @extend_schema(responses=ChannelSerializer(many=True))
    def get(self, request: Request) -> Response:
        channels = queries.channel_list(request.user)
        return Response(self.get_serializer(channels, many=True).data)


class MessageListView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = MessageSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("before", int, description="only messages with a smaller id"),
            OpenApiParameter("limit", int, description=f"1 to {conf.page_size()}"),
        ],
        responses={200: MessagePageSerializer, 400: RefusalSerializer},
    )
    def get(self, request: Request, slug: str) -> Response:
        channel = get_channel_for_member(request.user, slug)
        try:
            before = _whole_number(request.query_params.get("before"), "before")
            limit = _whole_number(request.query_params.get("limit"), "limit") or conf.page_size()
        except ChatRefused as refused:
            return refusal(refused)
        limit = min(max(limit, 1), conf.page_size())
        messages = queries.messages_before(channel, before, limit + 1)
        has_more = len(messages) > limit
        messages = messages[-limit:]
        context = {**self.get_serializer_context(), "channel": channel}
        return Response(
            {
                "results": MessageSerializer(messages, many=True, context=context).data,
                "has_more": has_more,
                "before": messages[0].seq if has_more else None,
            }
        )

    @extend_schema(
        request=MessageSerializer,
        responses={201: MessageSerializer, 200: MessageSerializer, 429: RefusalSerializer},
    )
    def post(self, request: Request, slug: str) -> Response:
        channel = get_channel_for_member(request.user, slug)
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            return Response(
                {"code": _body_code(serializer.errors), "detail": serializer.errors},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            message, created = services.post_message(
                channel=channel,
                body=serializer.validated_data["body"],
                client_id=serializer.validated_data.get("client_id") or "",
                # The ids the composer picked, as over the socket; the service checks the list.
                mentions=request.data.get("mentions") if isinstance(request.data, dict) else None,
                acting_user=request.user,
            )
        except ChatRefused as refused:
            return refusal(refused)
        data = MessageSerializer(message, context={"channel": channel}).data
        return Response(data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def _body_code(errors: dict) -> str:
    """The socket's error code for what the serializer found wrong with the body."""
    codes = {getattr(error, "code", "") for error in errors.get("body", [])}
    if "max_length" in codes:
        return "body_too_long"
    if "blank" in codes:
        return "empty_body"
    return "invalid"


def _whole_number(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ChatRefused("invalid", _("„%(name)s“ muss eine ganze Zahl sein.") % {"name": name})
    return number
