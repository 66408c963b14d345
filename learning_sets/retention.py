"""Delegates' access and dietary needs are special-category data kept only as long as the
workshop needs them: erased ``IMROC_NEEDS_RETENTION_DAYS`` after the day."""

import datetime
import logging

from django.conf import settings

from audit.services import Action, record
from imroc.dates import long_date

from .models import Delegate

log = logging.getLogger(__name__)


def erase_past_needs(*, today: datetime.date) -> int:
    """Blank the needs of every delegate of a workshop held more than the retention period
    before ``today``; returns how many delegates had some."""
    cutoff = today - datetime.timedelta(days=settings.IMROC_NEEDS_RETENTION_DAYS)
    erased = (
        Delegate.objects.filter(workshop__date__lt=cutoff)
        .exclude(dietary_needs="", access_needs="")
        .update(dietary_needs="", access_needs="")
    )
    log.info(
        "Erased the access and dietary needs of %d delegate(s) of workshops before %s",
        erased,
        cutoff,
    )
    if erased:
        record(
            action=Action.NEEDS_ERASED,
            what=f"{erased} delegate(s) of workshops held before {long_date(cutoff)}",
        )
    return erased
