"""/my/actors/<actor_slug>/needs/: an actor's needs and the replies of helpers."""

from django.urls import path

from needs import member_views

app_name = "my_needs"

urlpatterns = [
    path("", member_views.need_list, name="list"),
    path("new/", member_views.need_create, name="new"),
    path("<int:pk>/edit/", member_views.need_edit, name="edit"),
    path("<int:pk>/filled/", member_views.need_fill, name="fill"),
    path("<int:pk>/replies/", member_views.need_replies, name="replies"),
    path(
        "<int:pk>/replies/<int:reply_pk>/answer/",
        member_views.reply_answer,
        name="reply_answer",
    ),
    path(
        "<int:pk>/replies/<int:reply_pk>/status/",
        member_views.reply_status,
        name="reply_status",
    ),
]
