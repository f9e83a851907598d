from django.urls import path

from needs import views

app_name = "needs"

urlpatterns = [
    path("", views.need_list, name="list"),
    path("<int:pk>/", views.need_detail, name="detail"),
    path("<int:pk>/thanks/", views.need_thanks, name="thanks"),
]
