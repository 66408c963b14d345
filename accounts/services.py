"""Invitations: create, resend, revoke, accept. The link's token exists only in the email."""

import logging
import secrets
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from audit import services as audit
from sites.figures import figures_changed
from sites.models import Person, ProjectGroupMember, Site

from .models import Invitation, token_hash

logger = logging.getLogger(__name__)


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = token_hash(token)
    invitation.sent_at = now
    invitation.expires_at = Invitation.expiry(now)
    return token


def _send(invitation: Invitation, token: str) -> None:
    """Sent after commit; a mail server that is down is logged and the page offers a resend."""
    link = settings.SITE_URL.rstrip("/") + reverse("invitation-accept", args=[token])
    context = {
        "invitation": invitation,
        "link": link,
        "days": (invitation.expires_at - invitation.sent_at).days,
    }
    message = EmailMultiAlternatives(
        subject="You are invited to the ImROC programme",
        body=render_to_string("accounts/email/invitation.txt", context),
        to=[invitation.email],
    )
    message.attach_alternative(
        render_to_string("accounts/email/invitation.html", context), "text/html"
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Invitation %s not sent", invitation.pk)


@transaction.atomic
def invitation_create(
    *, full_name: str, email: str, role: str, site: Site | None, perspective: str = "", by
) -> Invitation:
    invitation = Invitation(
        full_name=full_name.strip(),
        email=email.strip().lower(),
        role=role,
        site=site if role in Invitation.SITE_ROLES else None,
        perspective=perspective,
        invited_by=by,
    )
    token = _new_token(invitation)
    invitation.save()
    _record(audit.Action.INVITATION_SENT, invitation, by)
    transaction.on_commit(lambda: _send(invitation, token))
    return invitation


def _record(action: str, invitation: Invitation, by) -> None:
    where = f" to {invitation.site.name}" if invitation.site else ""
    what = f"{invitation.full_name} <{invitation.email}> as {invitation.get_role_display()}{where}"
    audit.record(action=action, user=by, what=what)


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by=None) -> Invitation:
    """A new link (the old one stops working) and a new expiry."""
    token = _new_token(invitation)
    invitation.revoked_at = None
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "revoked_at"])
    _record(audit.Action.INVITATION_RESENT, invitation, by)
    transaction.on_commit(lambda: _send(invitation, token))
    return invitation


def invitation_revoke(*, invitation: Invitation, by=None) -> None:
    revoked = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        _record(audit.Action.INVITATION_REVOKED, invitation, by)


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation the link belongs to, or None (unknown, used, revoked, expired)."""
    invitation = (
        Invitation.objects.select_related("site").filter(token_hash=token_hash(token)).first()
    )
    if invitation is None or not invitation.is_open(timezone.now()):
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str | None):
    """Claim the invitation (single use, even if two tabs submit), then make the account:
    the person keeps their place in the programme's records (found by email). Without a
    password (signing in with the organisation's account) a new account has none."""
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(accepted_at=timezone.now())
    if claimed != 1:
        return None
    User = get_user_model()
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        first, _, last = invitation.full_name.partition(" ")
        user = User(
            username=invitation.email, email=invitation.email, first_name=first, last_name=last
        )
    user.is_active = True
    if password is not None:
        user.set_password(password)
    elif user.pk is None:
        user.set_unusable_password()
    user.save()
    if invitation.role in Invitation.SITE_ROLES:
        person = getattr(user, "person", None) or (
            Person.objects.filter(email__iexact=invitation.email, user__isnull=True).first()
        )
        if person is None:
            person = Person.objects.create(full_name=invitation.full_name, email=invitation.email)
        person.user = user
        person.save(update_fields=["user"])
        ProjectGroupMember.objects.update_or_create(
            site=invitation.site,
            person=person,
            defaults={"role": invitation.role, "perspective": invitation.perspective or "manager"},
        )
        Site.objects.filter(pk=invitation.site_id).progress_changed()  # the group is formed
    else:
        user.groups.add(Group.objects.get(name=invitation.role))
    Invitation.objects.filter(pk=invitation.pk).update(user=user)
    return user


@transaction.atomic
def consultant_assign(*, consultant, sites, by=None) -> int:
    """Assign one consultant to many sites at once; sites already theirs stay."""
    before = set(consultant.consulted_sites.values_list("pk", flat=True))
    consultant.consulted_sites.add(*sites)
    added = [site.name for site in sites if site.pk not in before]
    if added:
        audit.record(
            action=audit.Action.CONSULTANTS_ASSIGNED,
            user=by,
            what=f"{consultant.get_full_name() or consultant.username}: {', '.join(added)}",
        )
    figures_changed()
    return len(added)
