"""Read-only JSON API of the needs board, with the same filters and search as the page."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.pagination import Pagination
from directory.api.schema import filter_parameters
from needs.api.serializers import NeedDetailSerializer, NeedListSerializer
from needs.filters import NeedFilter
from needs.services import find_needs, load_needs, load_public_need
from search.listing import InvalidFilter


@extend_schema(parameters=filter_parameters(NeedFilter))
class NeedListView(ListAPIView):
    serializer_class = NeedListSerializer
    pagination_class = Pagination

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        try:
            result = find_needs(request.query_params, user=request.user, with_facets=False)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        page_ids = self.paginate_queryset(result.ids)
        data = self.get_serializer(load_needs(page_ids), many=True).data
        return self.get_paginated_response(data)


class NeedDetailView(GenericAPIView):
    serializer_class = NeedDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        need = load_public_need(request.user, pk)
        return Response(self.get_serializer(need).data)
