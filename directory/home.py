"""The directory on the home page: how many actors the visitor can find, and the topics most of
them work on (registered with `portal.models.register_home_context`)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest

from network.models import Topic
from network.permissions import visible_actors

FEATURED_TOPICS = 5


def home_context(request: HttpRequest) -> dict[str, object]:
    visible = visible_actors(request.user)
    return {
        "actor_count": visible.count(),
        "featured_topics": (
            Topic.objects.annotate(
                count=Count("actors", filter=Q(actors__in=visible.values("pk")), distinct=True)
            )
            .filter(count__gt=0)
            .order_by("-count", "name")[:FEATURED_TOPICS]
        ),
    }
