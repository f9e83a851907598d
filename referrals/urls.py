"""/referral/: the public form (the wayfinder links here with ?category=&language=)."""

from django.urls import path

from referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_form, name="form"),
    path("thanks/", views.referral_thanks, name="thanks"),
]
