"""/agency/: the agency's referral inbox and its statistics, the wayfinder's among them."""

from django.urls import path

from referrals import agency_views, plan_views, wayfinder_views

app_name = "agency"

urlpatterns = [
    path("referrals/", agency_views.inbox, name="inbox"),
    path("referrals/<str:reference>/", agency_views.detail, name="detail"),
    path("referrals/<str:reference>/assign/", agency_views.assign, name="assign"),
    path("referrals/<str:reference>/forward/", agency_views.forward, name="forward"),
    path("referrals/<str:reference>/start/", agency_views.start, name="start"),
    path("referrals/<str:reference>/close/", agency_views.close, name="close"),
    path("referrals/<str:reference>/note/", agency_views.note, name="note"),
    path("referrals/<str:reference>/export.json", agency_views.export, name="export"),
    path("referrals/<str:reference>/plan/", plan_views.plan, name="plan"),
    path("referrals/<str:reference>/plan/language/", plan_views.language, name="plan_language"),
    path("referrals/<str:reference>/plan/mail/", plan_views.mail, name="plan_mail"),
    path("referrals/<str:reference>/plan/print/", plan_views.print_plan, name="plan_print"),
    path(
        "referrals/<str:reference>/plan/<int:step_id>/",
        plan_views.change_step,
        name="plan_step",
    ),
    path(
        "referrals/<str:reference>/plan/<int:step_id>/remove/",
        plan_views.remove_step,
        name="plan_step_remove",
    ),
    path("statistics/", agency_views.statistics, name="statistics"),
    path("wayfinder/", wayfinder_views.wayfinder_statistics, name="wayfinder"),
]
