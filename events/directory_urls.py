"""/directory/<slug>/events.ics: one actor's events as a calendar to subscribe to."""

from django.urls import path

from events import views

app_name = "actor_events"

urlpatterns = [
    path("<slug:slug>/events.ics", views.actor_calendar_ics, name="ics"),
]
