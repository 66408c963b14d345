from .sso import oidc_provider, sso  # noqa: F401  (the test OpenID provider's fixtures)
