"""/my/actors/<actor_slug>/events/: the actor's events for its members."""

from django.urls import path

from events import member_views

app_name = "my_events"

urlpatterns = [
    path("", member_views.event_list, name="list"),
    path("new/", member_views.event_create, name="new"),
    path("<int:pk>/edit/", member_views.event_edit, name="edit"),
    path("<int:pk>/withdraw/", member_views.event_withdraw, name="withdraw"),
]
