"""A delegate's personal link: signed for one person, good until their workshop is over, no
account needed. Through it they see the day, take the calendar entry, change their own
access and dietary needs and give their place back."""

import datetime

from django.core import signing
from django.urls import reverse

from .models import Delegate

SALT = "learning_sets.personal-link"


def personal_token(delegate: Delegate) -> str:
    return signing.Signer(salt=SALT).sign(str(delegate.pk))


def personal_path(delegate: Delegate) -> str:
    return reverse("learning_sets:place", kwargs={"token": personal_token(delegate)})


def delegate_for_token(token: str, today: datetime.date) -> Delegate | None:
    """The delegate the link was made for, or None when it is not one of ours or their
    workshop is over."""
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    delegate = (
        Delegate.objects.select_related(
            "site", "workshop__learning_set", "workshop__venue", "workshop__topic"
        )
        .filter(pk=pk, workshop__date__gte=today)
        .first()
    )
    return delegate
