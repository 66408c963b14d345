from tests.walk import Case, expect


def cases(world):
    signed_in = expect(200)
    return [
        Case("home", "/", signed_in),
        Case("healthz", "/healthz", expect(200, anonymous=200)),
        Case("login", "/accounts/login/", expect(302, anonymous=200)),
        Case("logout", "/accounts/logout/", expect(302), method="post"),
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
