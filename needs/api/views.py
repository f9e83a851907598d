"""Read-only JSON API of the needs board, with the same filters and search as the page."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from directory.api.pagination import Pagination
from needs.api.serializers import NeedDetailSerializer, NeedListSerializer
from needs.services import find_needs, load_needs, load_public_need
from search.listing import InvalidFilter


class NeedListView(APIView):
    def get(self, request: Request) -> Response:
        try:
            result = find_needs(request.query_params, user=request.user, with_facets=False)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        paginator = Pagination()
        page_ids = paginator.paginate_queryset(result.ids, request, view=self)
        data = NeedListSerializer(load_needs(page_ids), many=True, context={"request": request})
        return paginator.get_paginated_response(data.data)


class NeedDetailView(APIView):
    def get(self, request: Request, pk: int) -> Response:
        need = load_public_need(request.user, pk)
        return Response(NeedDetailSerializer(need, context={"request": request}).data)
