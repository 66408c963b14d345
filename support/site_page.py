"""The site page's support package and its use, latest review and outcomes: all read with
the site's own fetch (``with_support_summary``), so the section spends no query."""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce, JSONObject

from sites.registry import site_section

from .models import ProgrammeOutcome, ProgressReview, ReviewAction, SupportLogEntry
from .selectors import SiteSupport, usage_of, usage_sums


def _latest(rows, **fields) -> Subquery:
    """The first of ``rows`` (ordered newest first) as one JSON object of ``fields``."""
    return Subquery(rows.values(row=JSONObject(**fields))[:1])


def with_support_summary(sites):
    """Each site with its package joined, its log summed, and its latest published review
    (with its overdue actions) and latest outcomes, each as a subquery of the site's row:
    what ``latest_reviews_by_site`` and ``latest_outcomes_by_site`` read, in no query of
    their own."""
    today = datetime.date.today()
    log = SupportLogEntry.objects.filter(site=OuterRef("pk")).order_by().values("site")
    sums = {
        name: Subquery(log.annotate(total=total).values("total"))
        for name, total in usage_sums().items()
    }
    sums["log_entries"] = Coalesce(sums["log_entries"], 0)  # no rows: no group, no count
    overdue = (
        ReviewAction.objects.filter(review=OuterRef("pk"), done=False, due_on__lt=today)
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values("n")
    )
    reviews = (
        ProgressReview.objects.published()
        .filter(site=OuterRef("pk"))
        .order_by("-review_date", "-pk")
        .annotate(overdue=Coalesce(Subquery(overdue, output_field=IntegerField()), 0))
    )
    outcomes = ProgrammeOutcome.objects.filter(site=OuterRef("pk")).order_by("-recorded_on", "-pk")
    return sites.select_related("support_package").annotate(
        **sums,
        latest_review_row=_latest(
            reviews,
            pk="pk",
            status="status",
            review_date="review_date",
            next_review_due="next_review_due",
            overdue_actions="overdue",
        ),
        latest_outcome_row=_latest(
            outcomes,
            pk="pk",
            recorded_on="recorded_on",
            risk_policy_review="risk_policy_review",
            ips_service="ips_service",
        ),
    )


def _review(site, row: dict | None) -> ProgressReview | None:
    """The latest review with what the section shows of it (its status, dates, link and
    overdue actions)."""
    if row is None:
        return None
    review = ProgressReview(
        pk=row["pk"],
        site=site,
        status=row["status"],
        review_date=datetime.date.fromisoformat(row["review_date"]),
        next_review_due=datetime.date.fromisoformat(row["next_review_due"]),
    )
    review.overdue_actions = row["overdue_actions"]
    review.is_late = review.next_review_due < datetime.date.today()
    return review


def _outcome(site, row: dict | None) -> ProgrammeOutcome | None:
    """The latest outcomes with what the section shows of them."""
    if row is None:
        return None
    return ProgrammeOutcome(
        pk=row["pk"],
        site=site,
        recorded_on=datetime.date.fromisoformat(row["recorded_on"]),
        risk_policy_review=row["risk_policy_review"],
        ips_service=row["ips_service"],
    )


@site_section(
    title="Support and reviews",
    order=80,
    template="support/_site_section.html",
    queries=0,
    annotate=with_support_summary,
)
def support(page):
    site = page.site
    return {
        "site_support": SiteSupport(
            site=site,
            package=getattr(site, "support_package", None),
            usage=usage_of(vars(site)),
            latest_review=_review(site, site.latest_review_row),
            latest_outcome=_outcome(site, site.latest_outcome_row),
        )
    }
