"""/crisis/: the landing page of an active situation, and the staff's switch."""

from django.urls import path

from crisis import views

app_name = "crisis"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:slug>/", views.landing, name="landing"),
    path("<slug:slug>/switch/", views.switch, name="switch"),
    path("<slug:slug>/activate/", views.activate, name="activate"),
    path("<slug:slug>/deactivate/", views.deactivate, name="deactivate"),
]
