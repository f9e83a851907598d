from django.urls import path

from events.api import views

app_name = "events_api"

urlpatterns = [
    path("events/", views.OccurrenceListView.as_view(), name="occurrences"),
]
