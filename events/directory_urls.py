from django.urls import URLPattern

app_name = "actor_events"

urlpatterns: list[URLPattern] = []
