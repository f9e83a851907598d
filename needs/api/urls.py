from django.urls import path

from needs.api import views

app_name = "needs_api"

urlpatterns = [
    path("needs/", views.NeedListView.as_view(), name="needs"),
    path("needs/<int:pk>/", views.NeedDetailView.as_view(), name="need"),
]
