from django.urls import path

from directory.api import views

app_name = "api"

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actors"),
    # Before the detail's pattern, which "geojson" would match as a slug.
    path("actors/geojson/", views.ActorGeoJSONView.as_view(), name="actors-geojson"),
    path("actors/<slug:slug>/", views.ActorDetailView.as_view(), name="actor"),
]
