"""Sign in with the organisation's account (OpenID Connect, mozilla-django-oidc): off unless
``IMROC_OIDC_PROVIDERS`` names at least one provider (see docs/security.md)."""
