"""Reminder emails: plain text and HTML parts from per-kind templates with a shared
layout, an absolute link to the page, and the reminder's attachments."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string, select_template
from django.urls import reverse

from .models import Reminder
from .registry import Attachment

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
DIGEST = "digest"  # the one-click link of a digest stops every email going into digests


def _render(kind: str, suffix: str, context: dict) -> str:
    template = select_template(
        [f"notifications/email/{kind}.{suffix}", f"notifications/email/default.{suffix}"]
    )
    return template.render(context)


def _address(reminder: Reminder) -> str:
    if reminder.user_id:
        user = reminder.user
        return user.email
    return reminder.email


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_headers(*, user=None, kind: str = "", page: str = "") -> dict[str, str]:
    """RFC 2369/8058: an account holder's one-click link stops this kind of email (their
    preferences page says so and undoes it); someone without an account is pointed at their
    own page (a delegate's personal link), where they manage what they booked."""
    if user is not None:
        link = _absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)]))
        return {
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return {"List-Unsubscribe": f"<{page}>"} if page else {}


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def reminder_email(reminder: Reminder) -> EmailMultiAlternatives:
    personal = reminder.context.get("personal_path", "")
    context = {
        **reminder.context,
        "subject": reminder.subject,
        "name": reminder.name,
        "link": reminder.absolute_url,
        "personal_link": _absolute(personal) if personal else "",
        "preferences_link": _preferences_link() if reminder.user_id else "",
    }
    message = EmailMultiAlternatives(
        subject=reminder.subject,
        body=_render(reminder.kind, "txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[_address(reminder)],
        headers=unsubscribe_headers(
            user=reminder.user if reminder.user_id else None,
            kind=reminder.kind,
            page=context["personal_link"],
        ),
    )
    message.attach_alternative(_render(reminder.kind, "html", context), "text/html")
    for data in reminder.attachments:
        attachment = Attachment.from_json(data)
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def digest_email(user, reminders: list[Reminder]) -> EmailMultiAlternatives:
    context = {
        "name": user.get_full_name() or user.username,
        "reminders": reminders,
        "preferences_link": _preferences_link(),
    }
    count = len(reminders)
    message = EmailMultiAlternatives(
        subject=f"Your ImROC week: {count} reminder{'s' if count != 1 else ''}",
        body=render_to_string("notifications/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=unsubscribe_headers(user=user, kind=DIGEST),
    )
    message.attach_alternative(
        render_to_string("notifications/email/digest.html", context), "text/html"
    )
    for reminder in reminders:
        for data in reminder.attachments:
            attachment = Attachment.from_json(data)
            message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def _preferences_link() -> str:
    return _absolute(reverse("notifications:preferences"))
