"""/wayfinder/: the Wegweiser's questions and result, and the counted way on to the form."""

from django.urls import path

from referrals import wayfinder_views

app_name = "wayfinder"

urlpatterns = [
    path("", wayfinder_views.wayfinder_page, name="start"),
    path("go/", wayfinder_views.wayfinder_go, name="go"),
]
