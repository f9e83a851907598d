"""/agency/knowledge/: the staff's knowledge base."""

from django.urls import path

from knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.staff_index, name="index"),
    path("new/", views.new_article, name="new"),
    path("suggest/", views.staff_suggest, name="suggest"),
    path("<slug:slug>/", views.staff_article, name="article"),
    path("<slug:slug>/edit/", views.edit_article, name="edit"),
    path("<slug:slug>/reviewed/", views.review_article, name="reviewed"),
]
