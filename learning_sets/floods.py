"""A site's registration link works for anyone who has it, without an account, so a link
posted where it should not be could fill the waiting list with strangers. Registrations
through a link are limited per link and per address (the join page says so), the waiting
list per site and workshop (``services.WaitingListFull``), and when a link is being flooded
its organisers and the lead who issued it are told, once a day, not at every attempt."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from imroc.dates import long_date
from notifications.registry import Due, each_once, register_event
from notifications.services import notify

from .models import Delegate, RegistrationLink

HOUR = timedelta(hours=1)


class JoinRefused(Exception):
    """Too many registrations through the link, or from the address, in the last hour."""


def limits() -> dict[str, int]:
    return {
        "link": settings.IMROC_LINK_JOINS_PER_HOUR,
        "address": settings.IMROC_ADDRESS_JOINS_PER_HOUR,
    }


def join_allowed(link: RegistrationLink, address: str) -> None:
    """Raise ``JoinRefused`` past a limit; the link's count is its delegates of the last
    hour (the database), the address's a counter in the shared cache."""
    most = limits()
    recent = Delegate.objects.filter(
        registration_link=link, created_at__gte=timezone.now() - HOUR
    ).count()
    if recent >= most["link"]:
        raise JoinRefused(
            f"This link has taken {most['link']} registrations in the last hour, the most it "
            "takes. Try again in an hour, or ask your site's lead to register you."
        )
    if address and cache.get(_address_key(address), 0) >= most["address"]:
        raise JoinRefused(
            f"{most['address']} people have registered from your network in the last hour, "
            "the most a network may. Try again in an hour, or ask your site's lead to "
            "register you."
        )


def join_counted(address: str) -> None:
    """One more registration from the address. With the cache down (or the hour's key just
    gone) the count is lost, not the registration: the link's limit and the waiting list's
    cap, in the database, still hold."""
    if address:
        key = _address_key(address)
        cache.add(key, 0, timeout=int(HOUR.total_seconds()))
        try:
            cache.incr(key)
        except ValueError:
            pass


def waiting_list_full(workshop, site) -> bool:
    waiting = workshop.delegates.filter(site=site, status=Delegate.Status.WAITING).count()
    return waiting >= settings.IMROC_WAITING_LIST_PER_SITE


def _address_key(address: str) -> str:
    return f"learning_sets:joins:{address}"


@transaction.atomic
def link_flooded(*, link: RegistrationLink, reason: str) -> int:
    """Tell the set's organisers and whoever issued the link (once a day each)."""
    return notify("registration_link_flooded", link=link, reason=reason)


@register_event(
    "registration_link_flooded",
    label="A site's registration link is refusing registrations (too many at once)",
)
def registration_link_flooded(*, link: RegistrationLink, reason: str):
    workshop, site = link.workshop, link.site
    name = f"{workshop.learning_set}, workshop {workshop.number}"
    for person in each_once(workshop.learning_set.organisers.all(), [link.created_by]):
        yield Due(
            kind="registration_link_flooded",
            recipient=person,
            key=f"link:{link.pk}:flooded:{timezone.localdate()}",
            subject=f"{name}: {site}'s registration link is being flooded",
            url=f"{workshop.get_absolute_url()}#links",
            context={
                "message": (
                    f"{site}'s registration link for {name} on {long_date(workshop.date)} is "
                    f"refusing registrations: {reason} If the link has been passed beyond "
                    f"{site}'s people, issue a new one on the workshop's page (the old one "
                    "stops working) and check the waiting list."
                )
            },
        )
