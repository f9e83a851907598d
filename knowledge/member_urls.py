"""/my/knowledge/: the articles shared with the network's members."""

from django.urls import path

from knowledge import views

app_name = "my_knowledge"

urlpatterns = [
    path("", views.member_index, name="index"),
    path("suggest/", views.member_suggest, name="suggest"),
    path("<slug:slug>/", views.member_article, name="article"),
]
