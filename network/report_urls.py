"""/directory/<slug>/outdated/: anybody tells that a public profile is out of date."""

from django.urls import URLPattern, path

from network.views import reports

app_name = "outdated"

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/outdated/", reports.report, name="report"),
    path("<slug:slug>/outdated/sent/", reports.sent, name="sent"),
]
