from django.urls import URLPattern

app_name = "my_events"

urlpatterns: list[URLPattern] = []
