from django.urls import URLPattern

app_name = "agency"

urlpatterns: list[URLPattern] = []
