"""The one way anything is written to the audit log."""

import logging
from ipaddress import ip_address

from imroc.addresses import client_ip

from .models import AuditEvent

log = logging.getLogger("imroc.audit")
Action = AuditEvent.Action


def record(*, action: str, request=None, user=None, username: str = "", what: str = "") -> None:
    """Record an event: the person from ``user`` or the request, the address from the
    request; failures before sign-in keep the username as typed."""
    person = getattr(request, "user", None)
    if user is None and person is not None and person.is_authenticated:
        user = person
    if user is not None and not username:
        username = user.get_username()
    address = client_ip(request) if request is not None else ""
    try:
        address = str(ip_address(address))
    except ValueError:
        address = None
    AuditEvent.objects.create(
        action=action,
        user=user,
        username=username[:150],
        what=what[:500],
        ip_address=address,
    )
    log.info("%s by %s from %s: %s", action, username or "system", address, what)
