from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import images, languages, openapi, views, webapp

handler500 = "portal.errors.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("directory.api.urls")),
    path("api/v1/", include("needs.api.urls")),
    path("api/v1/", include("events.api.urls")),
    path("api/v1/", include("referrals.api.urls")),
    path("api/v1/", include("chat.api.urls")),
    path("api/hsds/", include("directory.hsds.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/schema/docs/", openapi.api_docs, name="api-docs"),
    # One sign-in for the whole portal, with its rate limits; the admin's own form is not served.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:language>/", languages.choose_language, name="choose_language"),
    # Browsers ask for it at the root whatever the page links.
    path("favicon.ico", webapp.favicon),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("manifest.webmanifest", webapp.manifest, name="webmanifest"),
    path("directory/", include("events.directory_urls")),
    path("directory/", include("network.report_urls")),
    path("directory/", include("directory.urls")),
    path("needs/", include("needs.urls")),
    path("events/", include("events.urls")),
    path("referral/", include("referrals.urls")),
    path("wayfinder/", include("referrals.wayfinder_urls")),
    path("agency/", include("referrals.agency_urls")),
    path("agency/", include("knowledge.staff_urls")),
    path("agency/knowledge/", include("knowledge.urls")),
    path("my/knowledge/", include("knowledge.member_urls")),
    path("chat/", include("chat.urls")),
    path("search/", include("search.urls")),
    path("crisis/", include("crisis.urls")),
    path("accounts/", include("network.accounts_urls")),
    path("my/actors/<slug:actor_slug>/needs/", include("needs.member_urls")),
    path("my/actors/<slug:actor_slug>/events/", include("events.member_urls")),
    path("my/referrals/", include("referrals.member_urls")),
    path("my/", include("network.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Uploaded logos, served by the application itself so that one container is a whole deployment;
# a proxy in front may take this path over.
urlpatterns.insert(
    0,
    re_path(
        r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
        images.serve_public_media,
    ),
)
