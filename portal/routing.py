"""WebSocket routes of all apps; the chat app adds its consumer here."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
