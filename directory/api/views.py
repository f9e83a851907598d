"""Read-only JSON API of the directory, with the same filters and search as the page."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from directory.api.pagination import Pagination
from directory.api.serializers import ActorDetailSerializer, ActorListSerializer
from directory.services import find_actors, load_actors, load_profile
from search.listing import InvalidFilter


class ActorListView(APIView):
    def get(self, request: Request) -> Response:
        try:
            result = find_actors(request.query_params, user=request.user, with_facets=False)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        paginator = Pagination()
        page_ids = paginator.paginate_queryset(result.ids, request, view=self)
        actors = load_actors(page_ids)
        data = ActorListSerializer(actors, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)


class ActorDetailView(APIView):
    def get(self, request: Request, slug: str) -> Response:
        actor = load_profile(request.user, slug)
        return Response(ActorDetailSerializer(actor, context={"request": request}).data)
