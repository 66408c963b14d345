"""Load a site's archive into a database: shared rows found by natural key (or created),
the site's rows created afresh with their references mapped to the new ids.

An archive may come from anyone, so it is read as hostile: only the fields the export
writes are read (never an id, a password or an administrator's flag), every row is new
(a reference names a row of the archive, never one already in the database), the JSON's
size and its number of rows are capped before it is unpacked, and it loads all or nothing.
"""

from __future__ import annotations

import json
import zipfile

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction

from sites.models import Site

from .dump import FORMAT, JSON_NAME, VERSION, exported_fields
from .registry import shared_entry, site_entry


class ImportRefused(Exception):
    """The archive cannot be loaded here; the message says why, in plain words."""


# What a malformed archive raises when read into the models: each becomes a refusal.
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, ValidationError, FieldDoesNotExist)


def load_site(data) -> tuple[Site, dict[str, int]]:
    """The new site and the rows loaded of each kind (reused people included)."""
    _check_shape(data)
    slug = data["site"]["slug"]
    if Site.objects.filter(slug=slug).exists():
        raise ImportRefused(f"A site {slug!r} is already in this database.")
    try:
        with transaction.atomic():
            loader = _Loader()
            for item in data["shared"]:
                loader.shared_row(item)
            for block in data["models"]:
                loader.site_rows(block)
            loader.finish()
            site = Site.objects.filter(slug=slug).first()
            if site is None or len(loader.ids.get("sites.site", {})) != 1:
                raise ImportRefused("The archive must hold exactly its own site.")
    except MALFORMED as exc:
        raise ImportRefused(f"The archive's rows do not fit this database ({exc!r}).") from exc
    except DatabaseError as exc:
        raise ImportRefused(f"The database refused the archive's rows ({exc}).") from exc
    return site, {label: len(ids) for label, ids in loader.ids.items()}


def load_site_file(path) -> tuple[Site, dict[str, int]]:
    """Read the archive's JSON with its size capped: the size the ZIP declares is checked
    first, then no more than the cap is ever unpacked (a false declaration fails its CRC)."""
    limit = settings.IMROC_IMPORT_MAX_BYTES
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(JSON_NAME)
            except KeyError as exc:
                raise ImportRefused(f"The ZIP holds no {JSON_NAME}: not a site archive.") from exc
            if info.file_size > limit:
                raise ImportRefused(_too_big(limit))
            with archive.open(info) as opened:
                raw = opened.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise ImportRefused(f"The file is not a readable ZIP archive ({exc}).") from exc
    except OSError as exc:
        raise ImportRefused(f"The file cannot be read ({exc}).") from exc
    if len(raw) > limit:
        raise ImportRefused(_too_big(limit))
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ImportRefused(f"{JSON_NAME} is not valid JSON ({exc}).") from exc
    return load_site(data)


def _too_big(limit: int) -> str:
    return (
        f"{JSON_NAME} unpacks to more than {limit // 1_000_000} MB, the most an import takes "
        "(IMROC_IMPORT_MAX_MB)."
    )


def _check_shape(data) -> None:
    """The archive's outline, checked before anything is written: each refusal names what
    is missing or of the wrong kind."""
    if not isinstance(data, dict):
        raise ImportRefused(f"{JSON_NAME} must hold an object, not a {type(data).__name__}.")
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImportRefused("This is not an imroc site archive this version can read.")
    site = data.get("site")
    if not isinstance(site, dict) or not isinstance(site.get("slug"), str):
        raise ImportRefused("The archive does not say which site it holds (site.slug).")
    _need_list(data, "shared", ("model", str), ("key", list), ("fields", dict))
    _need_list(data, "models", ("model", str), ("rows", list))
    rows = len(data["shared"])
    for block in data["models"]:
        for row in block["rows"]:
            if not isinstance(row, dict) or not isinstance(row.get("fields"), dict):
                raise ImportRefused(f"A {block['model']} row has no fields.")
            if type(row.get("ref")) is not int:
                raise ImportRefused(f"A {block['model']} row has no whole-number ref.")
        rows += len(block["rows"])
    if rows > settings.IMROC_IMPORT_MAX_ROWS:
        raise ImportRefused(
            f"The archive holds {rows:,} rows, more than the {settings.IMROC_IMPORT_MAX_ROWS:,} "
            "an import takes (IMROC_IMPORT_MAX_ROWS)."
        )


def _need_list(data: dict, name: str, *keys: tuple[str, type]) -> None:
    items = data.get(name)
    if not isinstance(items, list):
        raise ImportRefused(f"The archive has no list of {name!r}.")
    for item in items:
        if not isinstance(item, dict):
            raise ImportRefused(f"An entry of {name!r} is not an object.")
        for key, kind in keys:
            if not isinstance(item.get(key), kind):
                raise ImportRefused(f"An entry of {name!r} has no {key!r} ({kind.__name__}).")


def allowed_fields(entry) -> dict:
    """The fields the export writes of a kind (``exported_fields`` less the key and what it
    skips), by name: the only ones an import reads."""
    meta = entry.model._meta
    if getattr(entry, "fields", None) is not None:
        return {name: meta.get_field(name) for name in entry.fields}
    return {
        f.name: f
        for f in exported_fields(meta)
        if not f.primary_key and f.name not in getattr(entry, "skip", ())
    }


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
        if not isinstance(key, list) or len(key) != len(entry.key):
            raise ImportRefused(f"A {entry.label} is named by {key!r}, not by {entry.key}.")
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
        fields = self._allowed(entry, item["fields"])
        lookup = self._key_lookup(model, item["key"])
        existing = model._base_manager.filter(**lookup).values_list("pk", flat=True).first()
        if existing is not None:  # found by its key: its fields are never changed
            self.shared_ids[(label, json.dumps(item["key"]))] = existing
            self._queue_m2m(entry, existing, fields, created=False)
            return
        obj = model(**lookup)
        self._set_fields(obj, fields, pointers={})
        if entry.prepare is not None:
            entry.prepare(obj)
        obj.save()
        self.shared_ids[(label, json.dumps(item["key"]))] = obj.pk
        self._queue_m2m(entry, obj.pk, fields, created=True)

    # -- the site's rows ----------------------------------------------------------------

    def site_rows(self, block: dict) -> None:
        label = block["model"]
        entry = site_entry(label)
        if entry is None:
            raise ImportRefused(f"This database does not know {label}.")
        model = entry.model
        ids = self.ids.setdefault(label, {})
        for row in block["rows"]:
            if row["ref"] in ids:
                raise ImportRefused(f"Two {label} rows have the ref {row['ref']}.")
            fields = self._allowed(entry, row["fields"])
            obj = model()
            self._set_fields(obj, fields, pointers=entry.pointers)
            existing = entry.reuse(obj) if entry.reuse else None
            if existing is not None:
                ids[row["ref"]] = existing.pk
                continue
            # raw: times stamped on creation keep the archive's, history is not rewritten;
            # force_insert: a new row, whatever key the model gave it
            obj.pk = None
            obj.save_base(raw=True, force_insert=True)
            ids[row["ref"]] = obj.pk
            self._queue_m2m(entry, obj.pk, fields, created=True)

    @staticmethod
    def _allowed(entry, fields: dict) -> dict:
        allowed = allowed_fields(entry)
        unknown = sorted(set(fields) - set(allowed))
        if unknown:
            raise ImportRefused(
                f"{entry.label} rows carry {', '.join(unknown)}, which an archive never holds."
            )
        return {allowed[name]: value for name, value in fields.items()}

    def _set_fields(self, obj, fields: dict, *, pointers: dict) -> None:
        for field, value in fields.items():
            if field.many_to_many:
                continue
            if field.name in pointers:
                value = None if value is None else self._ref(pointers[field.name].lower(), value)
                setattr(obj, field.attname, value)
            elif field.is_relation:
                setattr(obj, field.attname, self._target(obj, field, value))
            else:
                setattr(obj, field.attname, field.to_python(value))

    def _ref(self, target: str, ref):
        """The new id of a row loaded from this archive: never a row already here."""
        new_id = self.ids.get(target, {}).get(ref)
        if new_id is None:
            raise ImportRefused(f"The archive points at a {target} {ref!r} it does not hold.")
        return new_id

    def _target(self, obj, field, value):
        if value is None:
            return None
        target = field.related_model._meta.label_lower
        if site_entry(target) is None:
            return self.shared_id(field.related_model, value)
        new_id = self.ids.get(target, {}).get(value)
        if new_id is None:  # a row loaded later (a cycle adapted from a later one)
            if not field.null:
                raise ImportRefused(
                    f"{obj._meta.label_lower}.{field.name} points at a {target} {value!r} "
                    "the archive does not hold."
                )
            self.later.append((obj, field.attname, target, value))
        return new_id

    def _queue_m2m(self, entry, pk, fields: dict, *, created: bool) -> None:
        for field, values in fields.items():
            if field.many_to_many and values:
                if not isinstance(values, list):
                    raise ImportRefused(f"{entry.label}.{field.name} is not a list.")
                self.m2m.append((entry, pk, field, values, created))

    def finish(self) -> None:
        for obj, attname, target, ref in self.later:
            new_id = self._ref(target, ref)
            type(obj)._base_manager.filter(pk=obj.pk).update(**{attname: new_id})
        for entry, pk, field, values, created in self.m2m:
            target = field.related_model._meta.label_lower
            if site_entry(target) is not None:  # the site's own rows: a set's new member
                ids = [self._ref(target, ref) for ref in values]
            elif not created:  # an existing account's roles are never changed by an archive
                continue
            else:  # a new account's roles, less those an archive never gives
                withheld = getattr(entry, "withheld", {}).get(field.name, ())
                keys = [key for key in values if key not in withheld]
                ids = [self.shared_id(field.related_model, key) for key in keys]
            getattr(entry.model._base_manager.get(pk=pk), field.name).add(*ids)
