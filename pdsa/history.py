"""Reading django-simple-history records as "who changed what, when", for the goal, cycle and
indicator pages and for the conflict message of a stale save."""

from dataclasses import dataclass, field

from django.db.models import Model

from imroc.dates import short_date

# Bookkeeping, not what people changed.
SKIPPED = {"version", "created", "data_version", "search_vector"}


@dataclass(frozen=True)
class Change:
    field: str  # the field's label
    old: str
    new: str


@dataclass(frozen=True)
class Entry:
    when: object
    who: str
    action: str  # "created", "changed" or "deleted"
    changes: list[Change] = field(default_factory=list)


def _display(record, name: str) -> str:
    value = getattr(record, name)
    field_ = record.instance_type._meta.get_field(name)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value or ""))
    if value is None or value == "":
        return "(empty)"
    return str(value)


def _changes(old, new) -> list[Change]:
    model = new.instance_type
    changes = []
    for f in model._meta.concrete_fields:
        name = f.attname
        if f.name in SKIPPED or f.primary_key or getattr(old, name) == getattr(new, name):
            continue
        if f.is_relation:
            changes.append(Change(str(f.verbose_name).capitalize(), "", ""))
            continue
        changes.append(
            Change(str(f.verbose_name).capitalize(), _display(old, name), _display(new, name))
        )
    return changes


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return "the system"
    return user.get_full_name() or user.username


def entries(records) -> list[Entry]:
    """History records of one object (any order, ``history_user`` selected) as entries, newest
    first. Diffs are taken between neighbouring records in Python: no query per entry."""
    ordered = sorted(records, key=lambda r: (r.history_date, r.history_id))
    result = []
    previous = None
    for record in ordered:
        if record.history_type == "+":
            result.append(Entry(record.history_date, _who(record), "created"))
        elif record.history_type == "-":
            result.append(Entry(record.history_date, _who(record), "deleted"))
        else:
            changes = _changes(previous, record) if previous is not None else []
            result.append(Entry(record.history_date, _who(record), "changed", changes))
        previous = record
    return list(reversed(result))


def changes_since(obj: Model, version: int) -> tuple[list[Change], list[str]]:
    """What others changed on ``obj`` after the ``version`` a user started editing, and who."""
    records = list(
        obj.history.select_related("history_user").order_by("history_date", "history_id")
    )
    base = next((r for r in reversed(records) if r.version == version), None)
    later = [r for r in records if r.version > version]
    if base is None or not later:
        return [], []
    who = sorted({_who(r) for r in later})
    return _changes(base, later[-1]), who


def value_entries(records) -> list[Entry]:
    """History records of an indicator's values (``DataPoint.history``), corrections only,
    as entries naming the value's date: "changed the value of 3 Mar 2025"."""
    by_point: dict[int, list] = {}
    for record in records:
        by_point.setdefault(record.id, []).append(record)
    found = []
    for point_records in by_point.values():
        for entry in entries(point_records):
            if entry.action == "changed" and entry.changes:
                latest = max(point_records, key=lambda r: (r.history_date, r.history_id))
                found.append(
                    Entry(
                        entry.when,
                        entry.who,
                        f"changed the value of {short_date(latest.date)}",
                        entry.changes,
                    )
                )
    return found
