"""/my/: the signed-in member's area and the staff's review queue."""

from django.urls import URLPattern, path

from network.views import dashboard, members, profiles, reports, review, translations

app_name = "my"

urlpatterns: list[URLPattern] = [
    path("", dashboard.dashboard, name="dashboard"),
    path("actors/new/", profiles.actor_new, name="actor_new"),
    path("actors/<slug:slug>/", dashboard.actor_dashboard, name="actor"),
    path("actors/<slug:slug>/confirm/", dashboard.actor_confirm, name="actor_confirm"),
    path("actors/<slug:slug>/edit/", profiles.actor_edit, name="actor_edit"),
    path("review/", review.review_list, name="review_list"),
    path("review/<int:pk>/", review.review_detail, name="review"),
    path("review/<int:pk>/approve/", review.review_approve, name="review_approve"),
    path("review/<int:pk>/return/", review.review_return, name="review_return"),
    path("review/outdated/<int:pk>/done/", reports.resolve, name="outdated_resolve"),
    path("actors/<slug:slug>/members/", members.members, name="members"),
    path("actors/<slug:slug>/translations/", translations.overview, name="translations"),
    path(
        "actors/<slug:slug>/translations/<str:language>/",
        translations.edit_profile,
        name="translations_profile",
    ),
    path(
        "actors/<slug:slug>/translations/<str:kind>/<int:pk>/<str:language>/",
        translations.edit_item,
        name="translations_item",
    ),
]
