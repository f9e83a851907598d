"""Staff API of the referrals, scoped like the inbox: a unit's referrals to its staff only.

Reading one referral shows personal data, so it is logged like the detail page.
"""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.pagination import Pagination
from referrals.api.serializers import (
    InboxFilterSerializer,
    ReferralDetailSerializer,
    ReferralListSerializer,
)
from referrals.inbox import filter_inbox
from referrals.models import Referral, ReferralAccess
from referrals.permissions import IsAgencyStaff, get_staff_referral
from referrals.services import record_access


class ReferralListView(ListAPIView):
    serializer_class = ReferralListSerializer
    permission_classes = [IsAuthenticated, IsAgencyStaff]
    pagination_class = Pagination

    @extend_schema(parameters=[InboxFilterSerializer])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Referral]:
        """The user's referrals narrowed by the query; a bad parameter is a 400 with the reason."""
        params = InboxFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return filter_inbox(self.request.user, params.chosen())


class ReferralDetailView(GenericAPIView):
    serializer_class = ReferralDetailSerializer
    permission_classes = [IsAuthenticated, IsAgencyStaff]
    lookup_field = "reference"
    queryset = Referral.objects.none()  # for the schema only; the row is fetched per unit

    def get(self, request: Request, reference: str) -> Response:
        referral = get_staff_referral(
            request.user,
            reference,
            queryset=Referral.objects.select_related(
                "unit", "language", "referring_actor", "outcome_partner"
            ).prefetch_related("categories", "events__by", "events__to_unit"),
        )
        record_access(
            referral=referral, channel=ReferralAccess.Channel.API, acting_user=request.user
        )
        return Response(self.get_serializer(referral).data)
