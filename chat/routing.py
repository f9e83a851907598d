from django.urls import URLPattern, path

from chat.consumers import ChatConsumer

websocket_urlpatterns: list[URLPattern] = [
    # Any name, not only valid slugs, so that every unknown channel gets the same 4404.
    path("ws/chat/<str:slug>/", ChatConsumer.as_asgi(), name="chat-socket"),
]
