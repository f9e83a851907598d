"""/my/referrals/: the referring partner's view of the referrals it sent."""

from django.urls import path

from referrals import member_views

app_name = "my_referrals"

urlpatterns = [
    path("", member_views.referral_list, name="list"),
]
