from django.urls import URLPattern

app_name = "events_api"

urlpatterns: list[URLPattern] = []
