from django.urls import path

from chat import views

app_name = "chat"

urlpatterns = [
    path("", views.home, name="home"),
    path("direct/", views.direct, name="direct"),
    path("new/", views.new_actor_channel, name="new_actor_channel"),
    path("private/", views.new_private_channel, name="new_private_channel"),
    path("<slug:slug>/", views.channel, name="channel"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/mentionable/", views.mentionable, name="mentionable"),
    path(
        "<slug:slug>/invitation/<str:answer>/",
        views.answer_invitation,
        name="answer_invitation",
    ),
    path(
        "<slug:slug>/members/<str:username>/<str:action>/",
        views.moderate_member,
        name="moderate_member",
    ),
]
