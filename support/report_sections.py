"""Sections of reports about support (registered with ``reports.registry``): what a site
received against its package; what the programme gave in a period."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from reports.registry import Section, Table, section
from sites.figures import get

from .models import ProgressReview, ReviewResponse, SupportLogEntry, TrainingDelivery
from .selectors import SOURCE_FIGURES, actions_with_owners, site_support, support_by_kind
from .usage import days


def _snapshot_rows(outcome) -> list[list]:
    """What only the outcome snapshot holds."""
    return [
        ["Risk policy review", outcome.get_risk_policy_review_display()],
        ["People with a personal budget", outcome.personal_budgets],
        ["IPS employment service", outcome.get_ips_service_display()],
        ["Outcome measures in use", ", ".join(outcome.outcome_measures) or "None"],
    ]


@section("site_progress", order=60)
def support_received(ctx):
    support = site_support(ctx.site, with_latest_review=False)
    kinds = support_by_kind(ctx.site.support_log.all())
    training = list(ctx.site.training.order_by("date"))
    package_rows = [
        [line.label, float(line.agreed) if line.agreed is not None else "", float(line.used)]
        for line in support.allowances
    ]
    kind_rows = [[row["label"], row["count"], float(row["days"])] for row in kinds]
    training_rows = [
        [
            t.date,
            t.course_title,
            t.get_audience_display(),
            t.staff_attending,
            t.service_users_attending,
            "Yes" if t.co_delivered_by_peer_trainer else "No",
        ]
        for t in training
    ]
    outcome = support.latest_outcome
    outcome_rows = [[get(key).label, support.figures[key]] for key in SOURCE_FIGURES] + (
        _snapshot_rows(outcome) if outcome else []
    )
    outcome_rows = [[label, float(v) if isinstance(v, Decimal) else v] for label, v in outcome_rows]
    return Section(
        title="Support received",
        template="support/report/_support.html",
        context={
            "support": support,
            "package_rows": package_rows,
            "kind_rows": kind_rows,
            "training_rows": training_rows,
            "outcome": outcome,
            "outcome_rows": outcome_rows,
        },
        tables=[
            Table("Support package", ["Line", "Days agreed", "Days used"], package_rows),
            Table("Support by kind", ["Kind", "Entries", "Days"], kind_rows),
            Table(
                "Training",
                ["Date", "Course", "Audience", "Staff", "Service users", "Peer co-delivered"],
                training_rows,
            ),
            Table("Outcomes", ["Outcome", "Value"], outcome_rows),
        ],
    )


REVIEW_HEADERS = [
    "Review date",
    "Consultant",
    "Overall status",
    "Period from",
    "Period to",
    "What moved",
    "Risks",
    "Next review due",
    "Responses from the site",
    "Action",
    "Owner",
    "Due",
    "Done",
    "The site's note on the action",
    "Carried into the review of",
]


def _name(user) -> str:
    return user.get_full_name() or user.username


def _review_rows(review, review_dates: dict) -> list[list]:
    """One row per action agreed at the review (one row with the action cells empty when
    none was agreed), each carrying the review's own cells; ``review_dates``: the date of
    each review by id, to name the one an action was carried into."""
    responses = "\n\n".join(f"{_name(r.author)}: {r.text}" for r in review.responses.all())
    cells = [
        review.review_date,
        _name(review.consultant),
        review.get_status_display(),
        review.period_start,
        review.period_end,
        review.progress,
        review.risks,
        review.next_review_due,
        responses,
    ]
    return [
        [
            *cells,
            action.action,
            action.owner_label,
            action.due_on,
            action.state_label,
            action.done_note,
            review_dates.get(action.carried_to_id, ""),
        ]
        for action in review.actions.all()
    ] or [cells + [""] * 6]


@section("site_progress", order=62)
def progress_reviews(ctx):
    """The latest published review in full (its text, every action agreed with its owner,
    due date, state and the site's note, the site's responses) and the actions still open
    from earlier reviews; the sheet holds every published review. Three queries."""
    reviews = list(
        ProgressReview.objects.published()
        .filter(site=ctx.site)
        .select_related("consultant")
        .prefetch_related(
            Prefetch("actions", queryset=actions_with_owners()),
            Prefetch("responses", queryset=ReviewResponse.objects.select_related("author")),
        )
        .order_by("-review_date", "-pk")
    )
    review_dates = {review.pk: review.review_date for review in reviews}
    latest = reviews[0] if reviews else None
    earlier_open = [
        (review, action)
        for review in reviews[1:]
        for action in review.actions.all()
        if not action.done
    ]
    return Section(
        title="Progress reviews",
        template="support/report/_reviews.html",
        context={"latest": latest, "earlier_open": earlier_open, "count": len(reviews)},
        tables=[
            Table(
                "Reviews and actions",
                REVIEW_HEADERS,
                [row for review in reviews for row in _review_rows(review, review_dates)],
            )
        ],
    )


@section("programme", order=60)
def support_and_outcomes(ctx):
    """Support given and training delivered in the period: grouped sums, two queries for any
    number of sites (the headline figures open the report: ``sites.report_sections``)."""
    period = Q()
    if ctx.period_start and ctx.period_end:
        period = Q(date__range=(ctx.period_start, ctx.period_end))
    labels = dict(SupportLogEntry.Kind.choices)
    by_kind = (
        SupportLogEntry.objects.filter(period, site__is_active=True)
        .order_by()
        .values("kind")
        .annotate(hours=Sum("hours"), count=Count("pk"), sites=Count("site", distinct=True))
    )
    kind_rows = [
        [labels[row["kind"]], row["count"], float(days(row["hours"])), row["sites"]]
        for row in sorted(by_kind, key=lambda row: list(labels).index(row["kind"]))
    ]
    training = TrainingDelivery.objects.filter(period, site__is_active=True).aggregate(
        courses=Count("pk"),
        staff=Sum("staff_attending"),
        service_users=Sum("service_users_attending"),
        peer=Count("pk", filter=Q(co_delivered_by_peer_trainer=True)),
    )
    return Section(
        title="Support and training",
        template="support/report/_programme.html",
        context={
            "kind_rows": kind_rows,
            "training": training,
        },
        tables=[
            Table("Support given", ["Kind", "Entries", "Days", "Sites"], kind_rows),
            Table(
                "Training delivered",
                ["Courses", "Staff", "Service users", "Co-delivered by a peer trainer"],
                [
                    [
                        training["courses"],
                        training["staff"] or 0,
                        training["service_users"] or 0,
                        training["peer"],
                    ]
                ],
            ),
        ],
    )
