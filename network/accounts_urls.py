"""/accounts/: sign-in, sign-out, password reset and change, invitations."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from network.forms.accounts import ResetRequestForm
from network.views import accounts, two_factor

app_name = "accounts"

urlpatterns = [
    path("login/", accounts.SignInView.as_view(), name="login"),
    path("login/code/", two_factor.sign_in_code, name="login_code"),
    path("two-factor/", two_factor.settings_page, name="two_factor"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        accounts.PasswordResetView.as_view(
            form_class=ResetRequestForm,
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            # Links point at the configured address, never at whatever Host a request named.
            extra_email_context={
                "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/confirm/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "password-change/",
        accounts.PasswordChangeView.as_view(
            template_name="accounts/password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("invitation/<str:token>/", accounts.invitation, name="invitation"),
]
