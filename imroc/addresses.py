"""The client's address as the app sees it behind its proxies (throttling, the audit log)."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind ``IMROC_TRUSTED_PROXIES`` proxies the address the outermost
    one saw: the entries a client adds itself to X-Forwarded-For are never trusted."""
    proxies = settings.IMROC_TRUSTED_PROXIES
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
