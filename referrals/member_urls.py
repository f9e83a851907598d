from django.urls import URLPattern

app_name = "my_referrals"

urlpatterns: list[URLPattern] = []
