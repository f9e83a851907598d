from django.urls import path

from chat.api import views

app_name = "chat_api"

urlpatterns = [
    path("chat/channels/", views.ChannelListView.as_view(), name="channels"),
    path("chat/<slug:slug>/messages/", views.MessageListView.as_view(), name="messages"),
]
