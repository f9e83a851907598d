from django.urls import path

from directory.hsds import views

app_name = "hsds"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path("organizations/", views.OrganizationListView.as_view(), name="organizations"),
    path("organizations/<uuid:id>/", views.OrganizationDetailView.as_view(), name="organization"),
    path("services/<uuid:id>/", views.ServiceDetailView.as_view(), name="service"),
]
