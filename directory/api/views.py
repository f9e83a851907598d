"""Read-only JSON API of the directory, with the same filters and search as the page."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from directory.api import geojson
from directory.api.pagination import Pagination
from directory.api.schema import filter_parameters
from directory.api.serializers import ActorDetailSerializer, ActorListSerializer
from directory.filters import ActorFilter
from directory.services import find_actors, load_actors, load_profile
from portal.renderers import MarkupSafeJSONRenderer
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


class AcceptOnly(DefaultContentNegotiation):
    """The media type follows the Accept header alone: ?format= chooses nothing (an unknown one
    would otherwise answer 404), as on the API's other lists."""

    settings = SimpleNamespace(URL_FORMAT_OVERRIDE=None)


@extend_schema(
    summary="The actors' places as GeoJSON",
    description=(
        "A GeoJSON FeatureCollection (RFC 7946, application/geo+json) of the located places of "
        "the actors /api/v1/actors/ lists for the same parameters: one Point per place, "
        "[longitude, latitude] in WGS84; places without coordinates are left out. Not paged."
    ),
    parameters=[*filter_parameters(ActorFilter), OpenApiParameter("format", exclude=True)],
    # The same body as application/json to a client that accepts only that.
    responses={
        (200, geojson.MEDIA_TYPE): geojson.SCHEMA,
        (200, "application/json"): geojson.SCHEMA,
    },
)
class ActorGeoJSONView(APIView):
    """The map's markers: every matching actor's places in one answer, errors as plain JSON."""

    renderer_classes = [geojson.GeoJSONRenderer, MarkupSafeJSONRenderer]
    content_negotiation_class = AcceptOnly

    def get(self, request: Request) -> Response:
        try:
            result = find_actors(request.query_params, user=request.user, with_facets=False)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        locations = geojson.mapped_locations(result.ids, timezone.now())
        return Response(geojson.feature_collection(locations, request.build_absolute_uri))

    def finalize_response(self, request: Request, response: Response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(response, Response):
            # Refusals are the API's usual JSON error, not GeoJSON (as the schema says).
            response.accepted_renderer = MarkupSafeJSONRenderer()
            response.accepted_media_type = MarkupSafeJSONRenderer.media_type
        return response


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
