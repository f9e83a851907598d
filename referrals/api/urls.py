from django.urls import URLPattern

app_name = "referrals_api"

urlpatterns: list[URLPattern] = []
