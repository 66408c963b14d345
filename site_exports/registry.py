"""The site-export registry: every app declares what of a site it exports, in a
``site_export.py`` module beside its models (found by ``SiteExportsConfig.ready``)::

    from site_exports.registry import shared, site_rows

    @site_rows("colleges.RecoveryCollege", order=110)   # parents before children
    def colleges(site):
        return RecoveryCollege.objects.filter(site=site)

    shared("colleges.Feature", key=("code",))            # programme-wide rows the site's point at

A site's rows are written with every concrete field and auto-created many-to-many; each
keeps its id in the source database as its reference (``ref``) inside the archive, and a
foreign key to another registered site row is written as that ref. A foreign key to a
``shared`` model is written as its natural key (found, or created from the archive, on
import); users are shared by username. A foreign key to anything else must be named in
``drop`` (written as empty: access tokens, generated files), so nothing is left out unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True, eq=False)
class SiteRows:
    label: str
    order: int
    rows: Callable  # rows(site) -> QuerySet of the site's rows of the model
    skip: tuple[str, ...] = ()  # fields the database computes (search vectors)
    drop: tuple[str, ...] = ()  # foreign keys deliberately not carried (written as empty)
    pointers: dict[str, str] = field(default_factory=dict)  # integer field -> model it points at
    reuse: Callable | None = None  # reuse(instance) -> an existing row to use instead, or None
    csv: bool = True  # history tables are for machines only

    @property
    def model(self):
        return apps.get_model(self.label)


@dataclass(frozen=True)
class Shared:
    label: str
    key: tuple[str, ...]
    fields: tuple[str, ...] | None = None  # None: every concrete field
    prepare: Callable | None = None  # prepare(instance) before a new one is saved
    of_site: Callable | None = None  # of_site(site) -> rows always carried (the site's sets)
    withheld: dict[str, tuple] = field(default_factory=dict)  # m2m -> keys an import never adds

    @property
    def model(self):
        return apps.get_model(self.label)


_SITE_ROWS: dict[str, SiteRows] = {}
_SHARED: dict[str, Shared] = {}


def site_rows(label: str, *, order: int, **options):
    """Register ``rows(site) -> QuerySet`` as the site's rows of model ``label``."""

    def decorator(rows):
        _SITE_ROWS[label.lower()] = SiteRows(label=label.lower(), order=order, rows=rows, **options)
        return rows

    return decorator


def shared(label: str, *, key: tuple[str, ...], **options) -> None:
    """Declare model ``label`` shared by the whole programme, known by the ``key`` fields
    (a key field may be a foreign key to another shared model)."""
    _SHARED[label.lower()] = Shared(label=label.lower(), key=tuple(key), **options)


def site_entries() -> list[SiteRows]:
    return sorted(_SITE_ROWS.values(), key=lambda entry: entry.order)


def site_entry(label: str) -> SiteRows | None:
    return _SITE_ROWS.get(label)


def shared_entries() -> list[Shared]:
    return list(_SHARED.values())


def shared_entry(label: str) -> Shared | None:
    return _SHARED.get(label)
