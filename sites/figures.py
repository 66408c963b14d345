"""The programme's headline figures: one function each, the one place a figure is read.

An app that holds a figure's source registers it from its own ``figures.py`` (found at
``ready()``); the dashboard, the reports, the site pages and the exports (and the API) all
read figures through ``headline`` or ``value``, so a figure never has two values::

    @figure("peer_workers", label="Peer support workers (head count)", order=20)
    def peer_workers(sites, as_at):
        return PeerPost.objects.filter(site__in=sites).aggregate(n=Sum("head_count"))["n"] or 0

``sites`` is a queryset of sites (already narrowed to the active ones or a filter), ``as_at``
the date the figure is read at (a period's end, or today). Each function is one query.

Pages that show many programme figures (the dashboard) compute them once per programme data
version and keep them in the shared cache (``cached``). The version is a random token that
every service writing what a programme figure reads replaces (``figures_changed``, in its
transaction and again when it commits), so a figure read after a write is always recomputed
and nothing has to be deleted. Redis down is a miss: the figures are computed each time.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import QuerySet

Number = int | Decimal


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    order: int
    read: Callable[[QuerySet, datetime.date], dict[str, Number]]  # may answer for several


_FIGURES: dict[str, Figure] = {}


def figures_of(*declared: tuple[str, str, int]):
    """Register ``read(sites, as_at) -> {key: number}`` as the one source of the figures
    ``(key, label, order)`` it answers in one query (e.g. head count and WTE together)."""

    def decorator(read):
        for key, label, order in declared:
            if key in _FIGURES and _FIGURES[key].read is not read:
                raise ValueError(f"Two sources for the figure {key!r}.")
            _FIGURES[key] = Figure(key=key, label=label, order=order, read=read)
        return read

    return decorator


def figure(key: str, *, label: str, order: int):
    """Register ``read(sites, as_at) -> number`` as the one source of the figure ``key``."""

    def decorator(read):
        figures_of((key, label, order))(lambda sites, as_at: {key: read(sites, as_at)})
        return read

    return decorator


def figures() -> list[Figure]:
    return sorted(_FIGURES.values(), key=lambda f: f.order)


def get(key: str) -> Figure:
    return _FIGURES[key]


def values(keys, sites: QuerySet, as_at: datetime.date) -> dict[str, Number]:
    """The figures ``keys`` over ``sites`` as at a date: one query a source."""
    found: dict[str, Number] = {}
    for key in keys:
        if key not in found:
            found |= _FIGURES[key].read(sites, as_at)
    return {key: found[key] for key in keys}


def value(key: str, sites: QuerySet, as_at: datetime.date) -> Number:
    return values([key], sites, as_at)[key]


def headline(sites: QuerySet, as_at: datetime.date) -> list[tuple[Figure, Number]]:
    """Every headline figure over ``sites`` as at a date, in order."""
    chosen = figures()
    read = values([f.key for f in chosen], sites, as_at)
    return [(f, read[f.key]) for f in chosen]


CACHE_TIMEOUT = 15 * 60  # bounds the life of figures whose change could not reach the cache


def _version_key() -> str:
    """One version a database: two programmes sharing a cache never read each other's."""
    return f"figures:version:{connection.settings_dict['NAME']}"


def _new_version() -> None:
    cache.set(_version_key(), uuid.uuid4().hex, None)


def figures_changed() -> None:
    """Every service that writes what a programme figure reads (sites, assessments, reviews,
    goals, cycles, support, outcomes, training, learning sets and delegates, peer support,
    colleges, project groups) calls this in its transaction: the figures cached under the
    current version are never read again. Replaced again on commit, so figures computed by a
    reader while the write was still open are not kept either."""
    _new_version()
    transaction.on_commit(_new_version)


def cached(name: str, parts, compute: Callable[[], object]):
    """``compute()`` once per programme data version and ``parts`` (what the result depends
    on besides the data: filters, today), from the shared cache after that."""
    version = cache.get(_version_key())
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(_version_key(), version, None):
            return compute()  # another reader set it first, or the cache is unreachable
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"figures:{name}:{version}:{digest}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_TIMEOUT)
    return found


def _register_sites() -> None:
    """Active sites, and each category's: ``Site.objects.active()``, joined by the date."""
    from django.db.models import Count, Q

    from .models import Site

    categories = Site.Category.choices

    @figures_of(
        ("sites", "Active sites", 10),
        *((f"sites_{c}", f"{label} sites", 11 + n) for n, (c, label) in enumerate(categories)),
    )
    def active_sites(sites, as_at) -> dict:
        return (
            sites.active()
            .filter(date_joined__lte=as_at)
            .aggregate(
                sites=Count("pk"),
                **{f"sites_{c}": Count("pk", filter=Q(category=c)) for c, _ in categories},
            )
        )


_register_sites()
