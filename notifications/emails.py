"""Reminder emails: plain text and HTML parts from per-kind templates with a shared
layout, an absolute link to the page, and the reminder's attachments."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string, select_template

from .models import Reminder
from .registry import Attachment


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


def reminder_email(reminder: Reminder) -> EmailMultiAlternatives:
    context = {
        **reminder.context,
        "subject": reminder.subject,
        "name": reminder.name,
        "link": reminder.absolute_url,
        "preferences_link": _preferences_link() if reminder.user_id else "",
    }
    message = EmailMultiAlternatives(
        subject=reminder.subject,
        body=_render(reminder.kind, "txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[_address(reminder)],
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
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse("notifications:preferences")
