from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.actor_list, name="list"),
    path("<slug:slug>/", views.actor_detail, name="actor"),
]
