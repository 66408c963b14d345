"""Peer support posts for tests, entered on a given date so their history says so."""

import datetime
from decimal import Decimal

import time_machine

from peer_support.models import PeerPost


def peer_posts(site, head_count: int, wte: str, *, on: datetime.date, team="Community teams"):
    """Posts entered on a date: the figures as at a past date read their history."""
    with time_machine.travel(datetime.datetime.combine(on, datetime.time(12)), tick=False):
        return PeerPost.objects.create(
            site=site, team=team, head_count=head_count, wte=Decimal(wte)
        )
