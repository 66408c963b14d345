"""The configured providers and their discovery documents."""

from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache

TIMEOUT = 5
DISCOVERY_SECONDS = 3600


@dataclass(frozen=True)
class Provider:
    key: str
    name: str  # the organisation, as the button says it: "Sign in with NHSmail"
    discovery_url: str
    client_id: str
    client_secret: str
    email_domains: tuple[str, ...] = ()

    def allows(self, email: str) -> bool:
        domain = email.rpartition("@")[2].lower()
        return not self.email_domains or domain in self.email_domains

    def endpoints(self) -> dict:
        """The provider's discovery document (issuer, endpoints, JWKS), kept an hour."""
        key = f"oidc-discovery:{self.discovery_url}"
        found = cache.get(key)
        if found is None:
            response = requests.get(self.discovery_url, timeout=TIMEOUT)
            response.raise_for_status()
            found = response.json()
            cache.set(key, found, DISCOVERY_SECONDS)
        return found


def providers() -> dict[str, Provider]:
    return {
        key: Provider(
            key=key,
            name=conf["name"],
            discovery_url=conf["discovery_url"],
            client_id=conf["client_id"],
            client_secret=conf["client_secret"],
            email_domains=tuple(d.lower() for d in conf.get("email_domains", ())),
        )
        for key, conf in settings.OIDC_PROVIDERS.items()
    }
