"""The programme's progress scores in SQL: each site's latest stored score as at a date (its
snapshot, ``ProgressSnapshot``), how many sites stand at each score, and who moved most.

A site's score is the one its progress page shows, stored when it moves (``progress_record``);
reading the stored scores keeps the programme report to a few queries at any size.
"""

import datetime

from django.db.models import Count, F, OuterRef, QuerySet, Subquery

from .models import ProgressSnapshot


def _score_as_at(as_at: datetime.date | None, *, earliest: bool = False) -> Subquery:
    """The site's latest score on or before ``as_at`` (its first ever, with ``earliest``)."""
    scores = ProgressSnapshot.objects.filter(site=OuterRef("pk"), goal__isnull=True)
    if earliest:
        return Subquery(scores.order_by("recorded_on", "pk").values("score")[:1])
    return Subquery(
        scores.filter(recorded_on__lte=as_at).order_by("-recorded_on", "-pk").values("score")[:1]
    )


def with_scores(sites: QuerySet, *, start: datetime.date | None, end: datetime.date) -> QuerySet:
    """``sites`` with ``score`` as at ``end`` and ``before`` as at ``start`` (their first
    score, without a start) and ``change`` between them (None where either is missing)."""
    before = _score_as_at(start, earliest=True) if start is None else _score_as_at(start)
    return sites.annotate(score=_score_as_at(end), before=before).annotate(
        change=F("score") - F("before")
    )


def distribution(sites: QuerySet, *, end: datetime.date) -> dict:
    """How many of ``sites`` stand at each score as at ``end`` (``None``: no score stored)."""
    rows = (
        sites.annotate(score=_score_as_at(end))
        .order_by()
        .values("score")
        .annotate(n=Count("pk"))
        .values_list("score", "n")
    )
    return {None if score is None else float(score): n for score, n in rows}


def movers(scored: QuerySet, *, most: int = 10) -> tuple[list, list]:
    """The ``most`` sites whose score rose most and fell most (``with_scores``), largest
    first; a site that did not move is in neither."""
    moved = scored.exclude(change__isnull=True).values_list("name", "before", "score", "change")
    rose = list(moved.filter(change__gt=0).order_by("-change", "name")[:most])
    fell = list(moved.filter(change__lt=0).order_by("change", "name")[:most])
    return rose, fell
