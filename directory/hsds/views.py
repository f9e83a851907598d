"""The published directory in Open Referral HSDS 3.0 (docs/hsds.md): read-only and public."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from directory.hsds import serializers
from directory.hsds.services import (
    MAX_PAGE_NUMBER,
    InvalidPage,
    base_url,
    find_published_actor,
    find_published_service,
    organization,
    organization_page,
)

PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_NUMBER},
        description="page number, from 1",
    ),
    OpenApiParameter(
        "per_page",
        {"type": "integer", "minimum": 1},
        description="organizations per page; more than 100 are read as 100",
    ),
]


def _page(request: Request, *, full: bool) -> Response:
    try:
        page = organization_page(
            request.user,
            page=request.query_params.get("page"),
            per_page=request.query_params.get("per_page"),
            full=full,
        )
    except InvalidPage as invalid:
        raise ValidationError({"page": [str(invalid)]}) from invalid
    return Response(page.as_hsds())


class DirectoryView(GenericAPIView):
    """Every published organization with its services, locations, contacts and terms."""

    serializer_class = serializers.OrganizationPageSerializer
    pagination_class = None

    @extend_schema(parameters=PAGE_PARAMETERS, operation_id="hsds_directory")
    def get(self, request: Request) -> Response:
        return _page(request, full=True)


class OrganizationListView(GenericAPIView):
    serializer_class = serializers.OrganizationSummaryPageSerializer
    pagination_class = None

    @extend_schema(parameters=PAGE_PARAMETERS, operation_id="hsds_organizations_list")
    def get(self, request: Request) -> Response:
        return _page(request, full=False)


class OrganizationDetailView(GenericAPIView):
    serializer_class = serializers.OrganizationSerializer

    def get(self, request: Request, id: str) -> Response:
        actor = find_published_actor(request.user, str(id))
        if actor is None:
            raise NotFound("No published organization has this id.")
        return Response(organization(actor, base_url()))


class ServiceDetailView(GenericAPIView):
    serializer_class = serializers.ServiceSerializer

    def get(self, request: Request, id: str) -> Response:
        service = find_published_service(request.user, str(id))
        if service is None:
            raise NotFound("No published service has this id.")
        return Response(service)
