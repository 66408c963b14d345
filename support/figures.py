"""The figures only the outcome snapshots hold (risk reviews, personal budgets, IPS) and
the count of sites whose review is overdue, for ``sites.figures``."""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from sites.figures import figure, figures_of

from .models import ProgrammeOutcome
from .selectors import review_overdue, with_review_status


def latest_outcomes(sites, as_at: datetime.date):
    """Each site's latest outcome snapshot recorded by the date."""
    newest = ProgrammeOutcome.objects.filter(
        site=OuterRef("site"), recorded_on__lte=as_at
    ).order_by("-recorded_on", "-pk")
    return ProgrammeOutcome.objects.filter(
        site__in=sites, pk=Subquery(newest.values("pk")[:1])
    ).order_by()


@figures_of(
    ("risk_done", "Risk policy reviews done", 50),
    ("risk_under_way", "Risk policy reviews under way", 51),
    ("ips_running", "IPS employment services running", 52),
    ("personal_budgets", "People with a personal budget", 53),
)
def from_outcomes(sites, as_at) -> dict:
    """What only the outcome snapshots hold, from each site's latest by the date."""
    risk, ips = ProgrammeOutcome.RiskReview, ProgrammeOutcome.IpsService
    row = latest_outcomes(sites, as_at).aggregate(
        risk_done=Count("pk", filter=Q(risk_policy_review=risk.DONE)),
        risk_under_way=Count("pk", filter=Q(risk_policy_review=risk.UNDER_WAY)),
        ips_running=Count("pk", filter=Q(ips_service=ips.RUNNING)),
        personal_budgets=Sum("personal_budgets"),
    )
    return row | {"personal_budgets": row["personal_budgets"] or 0}


@figure("reviews_overdue", label="Active sites with a review overdue", order=60)
def reviews_overdue(sites, as_at) -> int:
    """Read at the date or today, whichever is earlier: a review is not late in advance."""
    today = min(as_at, timezone.localdate())
    return with_review_status(sites.active()).filter(review_overdue(today)).count()
