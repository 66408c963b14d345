from django.contrib.auth import views as auth_views
from django.urls import path

from . import invitations, views
from .forms import PasswordChange, PasswordReset, SetPassword
from .oidc import views as oidc_views

urlpatterns = [
    path("invitations/", invitations.invitation_list, name="invitation-list"),
    path("invitations/<int:pk>/resend/", invitations.invitation_resend, name="invitation-resend"),
    path("invitations/<int:pk>/revoke/", invitations.invitation_revoke, name="invitation-revoke"),
    path("invite/<str:token>/", invitations.invitation_accept, name="invitation-accept"),
    path("consultants/assign/", invitations.consultant_assign, name="consultant-assign"),
    path("login/", oidc_views.SignInView.as_view(), name="login"),
    path("logout/", oidc_views.SignOutView.as_view(), name="logout"),
    path("sso/<slug:key>/start/", oidc_views.sso_start, name="sso-start"),
    path("sso/<slug:key>/callback/", oidc_views.sso_callback, name="sso-callback"),
    path("two-factor/", views.two_factor_overview, name="two-factor"),
    path("two-factor/set-up/", views.two_factor_set_up, name="two-factor-set-up"),
    path("two-factor/verify/", views.two_factor_verify, name="two-factor-verify"),
    path("two-factor/backup-codes/", views.two_factor_backup_codes, name="two-factor-backup-codes"),
    path("two-factor/turn-off/", views.two_factor_turn_off, name="two-factor-turn-off"),
    path(
        "password-change/",
        auth_views.PasswordChangeView.as_view(form_class=PasswordChange),
        name="password_change",
    ),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordReset,
            html_email_template_name="registration/password_reset_email_html.html",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=SetPassword),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
