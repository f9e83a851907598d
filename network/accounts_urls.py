"""/accounts/: sign-in, sign-out, password reset and invitations."""

from django.urls import URLPattern

app_name = "accounts"

urlpatterns: list[URLPattern] = []
