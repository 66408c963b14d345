"""Load a site's archive into a database: shared rows found by natural key (or created),
the site's rows created afresh with their references mapped to the new ids."""

from __future__ import annotations

import json
import zipfile

from django.db import transaction

from sites.models import Site

from .dump import FORMAT, JSON_NAME, VERSION
from .registry import shared_entry, site_entry


class ImportRefused(Exception):
    """The archive cannot be loaded here; the message says why, in plain words."""


def load_site(data: dict) -> tuple[Site, dict[str, int]]:
    """The new site and the rows loaded of each kind (reused people included)."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImportRefused("This is not an imroc site archive this version can read.")
    slug = data["site"]["slug"]
    if Site.objects.filter(slug=slug).exists():
        raise ImportRefused(f"A site {slug!r} is already in this database.")
    with transaction.atomic():
        loader = _Loader()
        for item in data["shared"]:
            loader.shared_row(item)
        for block in data["models"]:
            loader.site_rows(block)
        loader.finish()
    return Site.objects.get(slug=slug), {label: len(ids) for label, ids in loader.ids.items()}


def load_site_file(path) -> tuple[Site, dict[str, int]]:
    with zipfile.ZipFile(path) as archive:
        return load_site(json.loads(archive.read(JSON_NAME)))


class _Loader:
    def __init__(self):
        self.ids: dict[str, dict[int, int]] = {}  # model label -> archive ref -> new id
        self.shared_ids: dict[tuple[str, str], int] = {}  # (label, key as JSON) -> id
        self.later: list[tuple] = []  # (row, attname, model, ref): rows loaded after it
        self.m2m: list[tuple] = []

    # -- shared rows ----------------------------------------------------------------

    def shared_id(self, model, key) -> int:
        label = model._meta.label_lower
        found = self.shared_ids.get((label, json.dumps(key)))
        if found is None:
            lookup = self._key_lookup(model, key)
            found = model._base_manager.filter(**lookup).values_list("pk", flat=True).first()
            if found is None:
                raise ImportRefused(f"The archive names a {label} {key} it does not hold.")
            self.shared_ids[(label, json.dumps(key))] = found
        return found

    def _key_lookup(self, model, key) -> dict:
        entry = shared_entry(model._meta.label_lower)
        lookup = {}
        for name, value in zip(entry.key, key, strict=True):
            field = model._meta.get_field(name)
            if field.is_relation:
                lookup[field.attname] = self.shared_id(field.related_model, value)
            else:
                lookup[name] = field.to_python(value)
        return lookup

    def shared_row(self, item: dict) -> None:
        label = item["model"]
        entry = shared_entry(label)
        if entry is None:
            raise ImportRefused(f"This database does not know the shared {label}.")
        model = entry.model
        lookup = self._key_lookup(model, item["key"])
        existing = model._base_manager.filter(**lookup).values_list("pk", flat=True).first()
        if existing is not None:
            self.shared_ids[(label, json.dumps(item["key"]))] = existing
            self._queue_m2m(model, existing, item["fields"], created=False)
            return
        obj = model(**lookup)
        self._set_fields(obj, item["fields"], pointers={})
        if entry.prepare is not None:
            entry.prepare(obj)
        obj.save()
        self.shared_ids[(label, json.dumps(item["key"]))] = obj.pk
        self._queue_m2m(model, obj.pk, item["fields"], created=True)

    # -- the site's rows ----------------------------------------------------------------

    def site_rows(self, block: dict) -> None:
        label = block["model"]
        entry = site_entry(label)
        if entry is None:
            raise ImportRefused(f"This database does not know {label}.")
        model = entry.model
        ids = self.ids.setdefault(label, {})
        for row in block["rows"]:
            obj = model()
            self._set_fields(obj, row["fields"], pointers=entry.pointers)
            existing = entry.reuse(obj) if entry.reuse else None
            if existing is not None:
                ids[row["ref"]] = existing.pk
                continue
            # raw: times stamped on creation keep the archive's, history is not rewritten
            obj.save_base(raw=True)
            ids[row["ref"]] = obj.pk
            self._queue_m2m(model, obj.pk, row["fields"], created=True)

    def _set_fields(self, obj, fields: dict, *, pointers: dict) -> None:
        meta = obj._meta
        for name, value in fields.items():
            field = meta.get_field(name)
            if field.many_to_many:
                continue
            if name in pointers:
                value = None if value is None else self.ids[pointers[name].lower()].get(value)
                setattr(obj, field.attname, value)
            elif field.is_relation:
                setattr(obj, field.attname, self._target(obj, field, value))
            else:
                setattr(obj, field.attname, field.to_python(value))

    def _target(self, obj, field, value):
        if value is None:
            return None
        target = field.related_model._meta.label_lower
        if site_entry(target) is None:
            return self.shared_id(field.related_model, value)
        new_id = self.ids.get(target, {}).get(value)
        if new_id is None:  # a row loaded later (a cycle adapted from a later one)
            if not field.null:
                raise ImportRefused(f"{obj._meta.label_lower}.{field.name} names a row not loaded.")
            self.later.append((obj, field.attname, target, value))
        return new_id

    def _queue_m2m(self, model, pk, fields, *, created: bool) -> None:
        for field in model._meta.many_to_many:
            if field.name in fields and fields[field.name]:
                self.m2m.append((model, pk, field, fields[field.name], created))

    def finish(self) -> None:
        for obj, attname, target, ref in self.later:
            type(obj)._base_manager.filter(pk=obj.pk).update(**{attname: self.ids[target][ref]})
        for model, pk, field, values, created in self.m2m:
            target = field.related_model._meta.label_lower
            if site_entry(target) is not None:
                ids = [self.ids[target][ref] for ref in values if ref in self.ids.get(target, {})]
            elif created:  # an existing account's roles are never changed by an archive
                ids = [self.shared_id(field.related_model, key) for key in values]
            else:
                continue
            getattr(model._base_manager.get(pk=pk), field.name).add(*ids)
