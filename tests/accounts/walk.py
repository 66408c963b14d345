import datetime

from accounts.models import Invitation
from tests.walk import Case, expect

INVITERS = expect(200, member_a=403, organiser=403)


def cases(world):
    signed_in = expect(200)
    invitation = Invitation.objects.create(
        full_name="Walk Invitee",
        email="walk@example.org",
        role="member",
        site=world.site_a,
        token_hash="0" * 64,
        expires_at=Invitation.expiry(datetime.datetime.now(datetime.UTC)),
    )
    return [
        Case("invitation-list", "/accounts/invitations/", INVITERS),
        Case(
            "invitation-resend",
            f"/accounts/invitations/{invitation.pk}/resend/",
            expect(302, member_a=403, organiser=403, lead_b=404),
            method="post",
        ),
        Case(
            "invitation-revoke",
            f"/accounts/invitations/{invitation.pk}/revoke/",
            expect(302, member_a=403, organiser=403, lead_b=404),
            method="post",
        ),
        Case("invitation-accept", "/accounts/invite/not-a-token/", expect(404, anonymous=404)),
        Case("consultant-assign", "/accounts/consultants/assign/", expect(403, admin=200)),
        Case("home", "/", signed_in),
        Case("accessibility", "/accessibility/", expect(200, anonymous=200)),
        Case("privacy", "/privacy/", expect(200, anonymous=200)),
        Case("healthz", "/healthz", expect(200, anonymous=200)),
        Case("healthz-floor", "/healthz/floor", signed_in),
        Case("login", "/accounts/login/", expect(302, anonymous=200)),
        Case("logout", "/accounts/logout/", expect(302), method="post"),
        # Off unless a provider is configured (tests/accounts/test_sso.py signs in through one).
        Case("sso-start", "/accounts/sso/nhsmail/start/", expect(404, anonymous=404)),
        Case("sso-callback", "/accounts/sso/nhsmail/callback/", expect(404, anonymous=404)),
        Case("two-factor", "/accounts/two-factor/", signed_in),
        Case("two-factor-set-up", "/accounts/two-factor/set-up/", signed_in),
        # Already verified (staff), or with no second factor to check (the others).
        Case("two-factor-verify", "/accounts/two-factor/verify/", expect(302)),
        Case(
            "two-factor-backup-codes",
            "/accounts/two-factor/backup-codes/",
            expect(302, consultant=200, admin=200),  # only once an app is set up
            method="post",
        ),
        Case(
            "two-factor-turn-off",
            "/accounts/two-factor/turn-off/",
            expect(302, consultant=403, admin=403),  # required for their roles
            method="post",
        ),
        Case("password_change", "/accounts/password-change/", signed_in),
        Case("password_change_done", "/accounts/password-change/done/", signed_in),
        Case("password_reset", "/accounts/password-reset/", expect(200, anonymous=200)),
        Case("password_reset_done", "/accounts/password-reset/done/", expect(200, anonymous=200)),
        Case(
            "password_reset_confirm",
            "/accounts/reset/MQ/set-password/",
            expect(200, anonymous=200),
        ),
        Case("password_reset_complete", "/accounts/reset/done/", expect(200, anonymous=200)),
    ]
