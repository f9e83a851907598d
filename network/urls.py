"""/my/: the signed-in member's area and the staff's review queue."""

from django.urls import URLPattern

app_name = "my"

urlpatterns: list[URLPattern] = []
