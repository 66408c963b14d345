"""Peer support workers: the head count and whole-time equivalent come from the posts by
team (the tracker), and only from there; a date in the past reads the posts' history."""

import datetime
from decimal import Decimal

from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from sites.figures import figures_of

from .models import PeerPost


def posts_as_at(sites, as_at: datetime.date):
    """The posts as they stood at the end of ``as_at``: the live rows from today on, else
    each post's latest recorded version by then (a post deleted by then is gone)."""
    if as_at >= timezone.localdate():
        return PeerPost.objects.filter(site__in=sites)
    history = PeerPost.history.model
    by_then = history.objects.filter(history_date__date__lte=as_at)
    latest = by_then.filter(id=OuterRef("id")).order_by("-history_date", "-history_id")
    return (
        by_then.filter(site__in=sites, history_id=Subquery(latest.values("history_id")[:1]))
        .exclude(history_type="-")
        .order_by()
    )


@figures_of(
    ("peer_workers", "Peer support workers (head count)", 20),
    ("peer_workers_wte", "Peer support workers (whole-time equivalent)", 21),
)
def head_count_and_wte(sites, as_at) -> dict:
    row = posts_as_at(sites, as_at).aggregate(people=Sum("head_count"), wte=Sum("wte"))
    return {"peer_workers": row["people"] or 0, "peer_workers_wte": row["wte"] or Decimal(0)}
