"""The shapes of the HSDS responses, for the OpenAPI schema; the data itself is built by
directory.hsds.mapping and validated against the official HSDS schemas in the tests.
"""

from __future__ import annotations

from rest_framework import serializers


class OrganizationSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    email = serializers.EmailField(required=False)
    website = serializers.URLField(required=False)
    logo = serializers.URLField(required=False)
    uri = serializers.URLField(required=False)


class OrganizationSerializer(OrganizationSummarySerializer):
    organization_identifiers = serializers.ListField(child=serializers.DictField())
    phones = serializers.ListField(child=serializers.DictField())
    contacts = serializers.ListField(child=serializers.DictField())
    locations = serializers.ListField(child=serializers.DictField())
    services = serializers.ListField(child=serializers.DictField())
    attributes = serializers.ListField(child=serializers.DictField())


class ServiceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    organization_id = serializers.UUIDField()
    name = serializers.CharField()
    status = serializers.CharField()
    organization = OrganizationSummarySerializer()
    languages = serializers.ListField(child=serializers.DictField())
    service_at_locations = serializers.ListField(child=serializers.DictField())
    attributes = serializers.ListField(child=serializers.DictField())


class PageSerializer(serializers.Serializer):
    """HSDS's paging: counts and flags around the page's contents."""

    total_items = serializers.IntegerField()
    total_pages = serializers.IntegerField()
    page_number = serializers.IntegerField()
    size = serializers.IntegerField()
    first_page = serializers.BooleanField()
    last_page = serializers.BooleanField()
    empty = serializers.BooleanField()


class OrganizationPageSerializer(PageSerializer):
    contents = OrganizationSerializer(many=True)


class OrganizationSummaryPageSerializer(PageSerializer):
    contents = OrganizationSummarySerializer(many=True)
