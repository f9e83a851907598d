"""Read-only JSON API of the directory, with the same filters and search as the page."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.pagination import Pagination
from directory.api.schema import filter_parameters
from directory.api.serializers import ActorDetailSerializer, ActorListSerializer
from directory.filters import ActorFilter
from directory.services import find_actors, load_actors, load_profile
from search.listing import InvalidFilter


@extend_schema(parameters=filter_parameters(ActorFilter))
class ActorListView(ListAPIView):
    serializer_class = ActorListSerializer
    pagination_class = Pagination

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        try:
            result = find_actors(request.query_params, user=request.user, with_facets=False)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        page_ids = self.paginate_queryset(result.ids)
        actors = load_actors(page_ids)
        data = self.get_serializer(actors, many=True).data
        return self.get_paginated_response(data)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}, OpenApiParameter.PATH
        )
    ]
)
class ActorDetailView(GenericAPIView):
    serializer_class = ActorDetailSerializer

    def get(self, request: Request, slug: str) -> Response:
        actor = load_profile(request.user, slug)
        return Response(self.get_serializer(actor).data)
