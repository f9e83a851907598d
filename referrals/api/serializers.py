"""The JSON shape of referrals for agency staff, and the inbox filters as query parameters."""

from __future__ import annotations

from rest_framework import serializers

from network.models import AgencyUnit
from referrals.inbox import Age, InboxFilter
from referrals.models import ConcernCategory, Referral, ReferralEvent, Status, Urgency


class SlugNameSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ReferralListSerializer(serializers.ModelSerializer):
    unit = SlugNameSerializer()
    categories = SlugNameSerializer(many=True)
    is_overdue = serializers.BooleanField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Referral
        fields = [
            "reference",
            "url",
            "status",
            "outcome",
            "urgency",
            "unit",
            "categories",
            "created_at",
            "closed_at",
            "is_overdue",
        ]

    def get_url(self, referral: Referral) -> str:
        request = self.context.get("request")
        path = f"/api/v1/referrals/{referral.reference}/"
        return request.build_absolute_uri(path) if request else path


class ReferralEventSerializer(serializers.ModelSerializer):
    by = serializers.SerializerMethodField()
    to_unit = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = ReferralEvent
        fields = ["kind", "at", "by", "to_unit", "outcome", "note"]

    def get_by(self, event: ReferralEvent) -> str | None:
        return (event.by.get_full_name() or event.by.username) if event.by else None


class ReferralDetailSerializer(ReferralListSerializer):
    # Null when the referral has none: nullable in the schema as in the answers.
    language = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    referring_actor = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    outcome_partner = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    events = ReferralEventSerializer(many=True)

    class Meta(ReferralListSerializer.Meta):
        fields = [
            *ReferralListSerializer.Meta.fields,
            "person_name",
            "phone",
            "email",
            "postal_address",
            "date_of_birth",
            "file_number",
            "description",
            "language",
            "interpreter_needed",
            "referring_actor",
            "outcome_partner",
            "first_contact_at",
            "events",
        ]


class InboxFilterSerializer(serializers.Serializer):
    """Query parameters of the list; an unknown value is a 400 with the reason."""

    status = serializers.ChoiceField(choices=Status.choices, required=False)
    unit = serializers.SlugRelatedField(
        slug_field="slug", queryset=AgencyUnit.objects.all(), required=False
    )
    category = serializers.SlugRelatedField(
        slug_field="slug", queryset=ConcernCategory.objects.all(), required=False
    )
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
    age = serializers.ChoiceField(choices=Age.CHOICES, required=False)
    closed = serializers.BooleanField(required=False, default=False)

    def chosen(self) -> InboxFilter:
        data = self.validated_data
        return InboxFilter(
            status=data.get("status", ""),
            unit=data.get("unit"),
            category=data.get("category"),
            urgency=data.get("urgency", ""),
            age=data.get("age", ""),
            show_closed=data["closed"],
        )
