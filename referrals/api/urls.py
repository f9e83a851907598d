from django.urls import path

from referrals.api import views

app_name = "referrals_api"

urlpatterns = [
    path("referrals/", views.ReferralListView.as_view(), name="referrals"),
    path("referrals/<str:reference>/", views.ReferralDetailView.as_view(), name="referral"),
]
