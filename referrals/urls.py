"""/referral/: the public form (the wayfinder links here with ?category=&language=), and the
person's status look-up and plan, reached with reference and status code."""

from django.urls import path

from referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_form, name="form"),
    path("thanks/", views.referral_thanks, name="thanks"),
    path("status/", views.status, name="status"),
    path("plan/", views.plan, name="plan"),
]
