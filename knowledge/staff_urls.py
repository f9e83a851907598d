"""/agency/: the staff workspace's start."""

from django.urls import path

from knowledge import views

app_name = "staff"

urlpatterns = [path("", views.workspace, name="workspace")]
