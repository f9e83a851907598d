from django.urls import path

from directory.api import views

app_name = "api"

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actors"),
    path("actors/<slug:slug>/", views.ActorDetailView.as_view(), name="actor"),
]
