"""What the workshop reminders and events share: who hears on a delegate's behalf, and the
workshop's joining details with its calendar file."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

from imroc.dates import weekday_date
from notifications.registry import Attachment, Due, Recipient, each_once
from sites.selectors import leads_by_site

from .ical import ics_filename, workshop_ics
from .personal import personal_path


@dataclass(frozen=True)
class Addressee:
    """One recipient of a delegate's message; ``on_behalf_of`` names the delegate when a
    project lead (or whoever registered them) hears instead: the delegate gave no email
    address."""

    recipient: object
    on_behalf_of: str = ""

    def key(self, delegate) -> str:
        """Keys of messages to a lead carry the delegate, so each of several is told."""
        return f":for-delegate:{delegate.pk}" if self.on_behalf_of else ""

    def subject(self, subject: str) -> str:
        return f"For {self.on_behalf_of}: {subject}" if self.on_behalf_of else subject

    @property
    def is_delegate(self) -> bool:
        return not self.on_behalf_of

    def message(self, message: str, *, you: str = "") -> str:
        """``you`` says it to the delegate themselves; ``message`` names them, for whoever
        passes it on."""
        if not self.on_behalf_of:
            return you or message
        return (
            f"{self.on_behalf_of} has no email address with us, so this comes to you as their "
            f"site's project lead or the person who registered them: please pass it on. "
            f"{message}"
        )


def addressees(delegates) -> dict[int, list[Addressee]]:
    """Each delegate's account if their email has one, else their email; a delegate with no
    email address is reached through their site's project leads and whoever registered them
    (three queries in all)."""
    delegates = list(delegates)
    emails = {d.email.lower() for d in delegates if d.email}
    accounts = {}
    if emails:
        users = get_user_model().objects.annotate(email_lower=Lower("email"))
        accounts = {u.email_lower: u for u in users.filter(email_lower__in=emails, is_active=True)}
    without_email = [d for d in delegates if not d.email]
    leads, registrars = {}, {}
    if without_email:
        leads = leads_by_site({d.site_id for d in without_email})
        registrars = (
            get_user_model()
            .objects.filter(is_active=True)
            .in_bulk({d.registered_by_id for d in without_email if d.registered_by_id})
        )
    found = {}
    for d in delegates:
        if d.email:
            account = accounts.get(d.email.lower())
            found[d.pk] = [Addressee(account or Recipient(d.email, d.full_name))]
            continue
        people = each_once(leads.get(d.site_id, []), [registrars.get(d.registered_by_id)])
        found[d.pk] = [Addressee(person, d.full_name) for person in people]
    return found


def unreachable(delegates, found: dict[int, list[Addressee]]) -> list:
    """Delegates no email can reach: none of their own, and nobody with one to pass it on."""
    return [
        d
        for d in delegates
        if not d.email and not any(getattr(a.recipient, "email", "") for a in found[d.pk])
    ]


def calendar_file(workshop, *, cancelled: bool = False) -> Attachment:
    return Attachment(
        ics_filename(workshop), workshop_ics(workshop, cancelled=cancelled), "text/calendar"
    )


def delegate_due(
    kind, delegate, addressee, *, key, subject, message, you="", context=None, attachments=()
):
    """One message about a delegate: to them, with their personal link as the email's link,
    or to whoever passes it on (the workshop's page, and the delegate's link to hand over)."""
    workshop = delegate.workshop
    own = personal_path(delegate)
    return Due(
        kind=kind,
        recipient=addressee.recipient,
        key=key + addressee.key(delegate),
        subject=addressee.subject(subject),
        url=own if addressee.is_delegate else workshop.get_absolute_url(),
        context={
            **(context or {}),
            "message": addressee.message(message, you=you),
            "personal_path": own,
            "on_behalf_of": addressee.on_behalf_of,
        },
        attachments=list(attachments),
    )


def joining_details(workshop) -> dict:
    """The day as the email states it (reads ``learning_set``, ``venue``, ``topic`` and
    ``agenda_items``: select or prefetch them)."""
    venue = workshop.venue
    return {
        "learning_set": str(workshop.learning_set),
        "workshop": str(workshop),
        "when": (
            f"{weekday_date(workshop.date)}, {workshop.start_time:%H:%M} to "
            f"{workshop.end_time:%H:%M}"
        ),
        "venue": venue.name if venue else "to be confirmed",
        "address": venue.address if venue else "",
        "accessibility": venue.accessibility_notes if venue else "",
        "agenda": [
            f"{item.start_time:%H:%M}-{item.end_time:%H:%M} {item}"
            for item in workshop.agenda_items.all()
        ],
    }
