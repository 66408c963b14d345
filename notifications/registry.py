"""The registries of reminder kinds and event kinds: every app adds its own with one small
function each. Reminders are found by the daily scan (something is due); events are raised by
a service when something happens (``notify``). Both end as the same ``Reminder`` rows, so
sending once, in-app notifications, preferences, digests and retries are shared.

Reminders
---------

An app that owns something worth reminding about puts a ``reminders.py`` module beside its
models (found by ``NotificationsConfig.ready``) and registers one function per kind::

    from notifications.registry import Due, register

    @register("cycle_stage_due", label="A PDSA stage is due within 7 days")
    def cycle_stage_due(today):
        for cycle in Cycle.objects.stage_due_between(today, today + timedelta(days=7)):
            yield Due(
                kind="cycle_stage_due",
                recipient=cycle.owner,                 # a User, or Recipient(email, name)
                key=f"cycle:{cycle.pk}:{cycle.stage}:{cycle.stage_due}",
                subject=f"{cycle} is due on {day_month(cycle.stage_due)}",
                context={"message": "...", "cycle_title": cycle.title},
                url=cycle.get_absolute_url(),
                attachments=[Attachment("workshop.ics", ics_text, "text/calendar")],
            )

The scan calls every registered function with ``today`` and records one ``Reminder`` per
(kind, key, recipient): the key is what makes a reminder happen once, so put in it
everything that should make the reminder new again (the due date, the month...).
``context`` must be JSON-serialisable; it feeds ``notifications/email/<kind>.txt`` and
``.html`` if an app provides them, else the shared ``default`` templates, which show
``context["message"]``. People without accounts (workshop delegates) get the email only.

Events
------
An app puts an ``events.py`` module beside its models and registers one function per event
kind; it turns the objects the event is about into messages (the same ``Due``)::

    from notifications.registry import Due, register_event

    @register_event("review_published", label="A consultant published a review of your site")
    def review_published(*, review):
        for lead in leads_by_site([review.site_id]).get(review.site_id, []):
            yield Due(kind="review_published", recipient=lead, key=f"review:{review.pk}", ...)

The service that makes the change raises it inside its transaction::

    from notifications.services import notify
    notify("review_published", review=review)

``notify`` records one ``Reminder`` per (kind, key, recipient) at once (so raising an event
twice tells nobody twice, and a rollback takes the messages with it), adds each to the
person's notifications, and queues the emails with ``transaction.on_commit``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Recipient:
    """Someone reached by email only: no account, so no in-app list or preferences."""

    email: str
    name: str = ""


def each_once(*groups: Iterable) -> list:
    """The recipients of every group in order, each once, leaving out the ``None`` a group
    holds for someone without an account (the site's leads, then the owner...)."""
    people: list = []
    for group in groups:
        people += [person for person in group if person is not None and person not in people]
    return people


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str | bytes
    mimetype: str

    def as_json(self) -> dict:
        raw = self.content.encode() if isinstance(self.content, str) else self.content
        return {
            "filename": self.filename,
            "content": base64.b64encode(raw).decode(),
            "mimetype": self.mimetype,
        }

    @classmethod
    def from_json(cls, data: dict) -> Attachment:
        return cls(data["filename"], base64.b64decode(data["content"]), data["mimetype"])


@dataclass(frozen=True)
class Due:
    kind: str
    recipient: object  # a User or a Recipient
    key: str
    subject: str
    url: str
    context: dict = field(default_factory=dict)
    attachments: tuple[Attachment, ...] | list[Attachment] = ()


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    due: Callable[[date], Iterable[Due]]
    offered_to: Callable | None = None  # who may choose how to get it; None: everyone


_KINDS: dict[str, Kind] = {}


def register(name: str, *, label: str, offered_to: Callable | None = None):
    """Register ``due(today) -> iterable[Due]`` as the reminder kind ``name``;
    ``offered_to(user)`` says whose preferences list it (a kind only consultants get)."""

    def decorator(due):
        _KINDS[name] = Kind(name=name, label=label, due=due, offered_to=offered_to)
        return due

    return decorator


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.label)


@dataclass(frozen=True)
class EventKind:
    name: str
    label: str
    messages: Callable[..., Iterable[Due]]
    offered_to: Callable | None = None


_EVENTS: dict[str, EventKind] = {}


def register_event(name: str, *, label: str, offered_to: Callable | None = None):
    """Register ``messages(**objects) -> iterable[Due]`` as the event kind ``name``."""

    def decorator(messages):
        if name in _KINDS:
            raise ValueError(f"{name!r} is already a reminder kind")
        _EVENTS[name] = EventKind(name=name, label=label, messages=messages, offered_to=offered_to)
        return messages

    return decorator


def event_kind(name: str) -> EventKind:
    try:
        return _EVENTS[name]
    except KeyError:
        raise LookupError(f"No event kind {name!r}: register it in an app's events.py") from None


def event_kinds() -> list[EventKind]:
    return sorted(_EVENTS.values(), key=lambda kind: kind.label)


def label_of(name: str) -> str:
    kind = _KINDS.get(name) or _EVENTS.get(name)
    return kind.label if kind else name


def unregister(name: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(name, None)
    _EVENTS.pop(name, None)
