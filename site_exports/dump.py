"""Write a site's rows as plain data: every registered model's rows of the site, with the
programme-wide rows they point at (by natural key), ready for JSON and CSV."""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone

from .registry import shared_entries, shared_entry, site_entries, site_entry

FORMAT = "imroc.site-export"
VERSION = 1
JSON_NAME = "site.json"
CHUNK = 2000  # rows read from the database at a time


def plain(field, obj):
    """A field's value as JSON can hold it, exactly: dates and times in ISO form (with
    microseconds), decimals as text, JSON as it is."""
    value = field.value_from_object(obj)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class SiteDump:
    """The site's rows, read a chunk at a time (never every row at once: a busy site has
    100,000 of them), and the shared rows they reach."""

    def __init__(self, site):
        self.site = site
        self.counts: dict[str, int] = {}  # rows written of each kind
        self.shared: list[dict] = []
        self._refs: dict[str, set] = {}
        self._keys: dict[tuple[str, object], list] = {}
        self._instances: dict[tuple[str, object], models.Model] = {}

    def objects(self, entry):
        """The site's rows of one kind in id order, fetched CHUNK at a time with their
        many-to-many prefetched per chunk."""
        m2m = [f.name for f in entry.model._meta.many_to_many]
        queryset = entry.rows(self.site).prefetch_related(*m2m).order_by("pk")
        return queryset.iterator(chunk_size=CHUNK)

    def refs(self, label: str) -> set:
        """The ids of the site's rows of a kind (read once, as plain numbers)."""
        if label not in self._refs:
            entry = site_entry(label)
            self._refs[label] = set(entry.rows(self.site).values_list("pk", flat=True))
        return self._refs[label]

    # -- references -------------------------------------------------------------------

    def shared_instance(self, model, pk):
        cache_key = (model._meta.label_lower, pk)
        if cache_key not in self._instances:
            self._instances[cache_key] = model._base_manager.get(pk=pk)
        return self._instances[cache_key]

    def key_of(self, obj) -> list:
        """The natural key of a shared row; the row (and what it points at) joins the
        archive's shared list the first time."""
        label = obj._meta.label_lower
        if (label, obj.pk) in self._keys:
            return self._keys[(label, obj.pk)]
        entry = shared_entry(label)
        key = [self._key_part(obj, name) for name in entry.key]
        names = entry.fields or [f.name for f in exported_fields(obj._meta) if not f.primary_key]
        fields = {}
        for name in names:
            field = obj._meta.get_field(name)
            fields[name] = self._value(entry.label, field, obj, drop=())
        self._keys[(label, obj.pk)] = key
        self.shared.append({"model": label, "key": key, "fields": fields})
        return key

    def _key_part(self, obj, name):
        field = obj._meta.get_field(name)
        if field.is_relation:
            return self.key_of(
                self.shared_instance(field.related_model, getattr(obj, field.attname))
            )
        return plain(field, obj)

    def reference(self, owner: str, field, pk, *, drop):
        """A foreign key's target as the archive names it."""
        if pk is None or field.name in drop:
            return None
        target = field.related_model._meta.label_lower
        if site_entry(target) is not None:
            if pk in self.refs(target):
                return pk
            if field.null:
                return None  # points outside the site (a deleted row's history)
            raise ImproperlyConfigured(f"{owner}.{field.name} points at a {target} not exported")
        if shared_entry(target) is not None:
            return self.key_of(self.shared_instance(field.related_model, pk))
        raise ImproperlyConfigured(
            f"{owner}.{field.name} points at {target}: register it in a site_export.py "
            "(site_rows or shared) or name it in drop"
        )

    def _value(self, owner: str, field, obj, *, drop):
        if field.many_to_many:
            pks = [target.pk for target in getattr(obj, field.name).all()]
            target = field.related_model._meta.label_lower
            if site_entry(target) is not None:  # only this site's rows: not other sites
                return [pk for pk in pks if pk in self.refs(target)]
            return [self.reference(owner, field, pk, drop=drop) for pk in pks]
        if field.is_relation:
            return self.reference(owner, field, getattr(obj, field.attname), drop=drop)
        return plain(field, obj)

    # -- the archive's data ---------------------------------------------------------

    def fields_of(self, entry, obj) -> dict:
        return {
            field.name: self._value(entry.label, field, obj, drop=entry.drop)
            for field in exported_fields(obj._meta)
            if not field.primary_key and field.name not in entry.skip
        }

    def write_json(self, out, *, begin=None, each=None) -> None:
        """Write site.json to the text file ``out`` as ``json.dumps(data, indent=1)`` would,
        a row at a time. The site's rows go to a temporary file first: the shared rows they
        reach are known only once they are read, and are written before them.
        ``begin(entry)`` is called as each kind starts and ``each(entry, obj)`` for every
        row read (the CSV files)."""
        for entry in shared_entries():
            if entry.of_site is not None:
                for obj in entry.of_site(self.site):
                    self.key_of(obj)
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as rows:
            self._write_models(rows, begin, each)
            head = _indented(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "exported_at": timezone.now().isoformat(),
                    "site": {"slug": self.site.slug, "name": self.site.name},
                    "counts": self.counts,
                    "shared": self.shared,  # dependencies first: a key after its parts
                },
                0,
            )
            out.write(head.removesuffix("\n}") + ',\n "models": ')
            rows.seek(0)
            shutil.copyfileobj(rows, out, 1 << 20)
            out.write("\n}")

    def _write_models(self, out, begin, each) -> None:
        """The "models" list at the top level's indent, each kind's rows as read."""
        out.write("[")
        for number, entry in enumerate(site_entries()):
            out.write(("," if number else "") + '\n  {\n   "model": ')
            out.write(_indented(entry.label, 3) + ',\n   "rows": ')
            if begin is not None:
                begin(entry)
            count = 0
            for obj in self.objects(entry):
                row = {"ref": obj.pk, "fields": self.fields_of(entry, obj)}
                out.write(("," if count else "[") + "\n    " + _indented(row, 4))
                if each is not None:
                    each(entry, obj)
                count += 1
            out.write("\n   ]\n  }" if count else "[]\n  }")
            self.counts[entry.label] = count
        out.write("\n ]" if self.counts else "]")


_ENCODER = json.JSONEncoder(indent=1, ensure_ascii=False)


def _indented(value, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=1)`` writes it ``level`` deep in a document
    (JSON text holds no raw newline but its indentation's)."""
    return _ENCODER.encode(value).replace("\n", "\n" + " " * level)


def exported_fields(meta):
    """Concrete fields and many-to-many fields with an automatic through table."""
    return [
        *meta.concrete_fields,
        *(f for f in meta.many_to_many if f.remote_field.through._meta.auto_created),
    ]
