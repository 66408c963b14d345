"""Sections of reports about support (registered with ``reports.registry``): what a site
received against its package; what the programme gave in a period."""

from decimal import Decimal

from django.db.models import Count, Q, Sum

from reports.registry import Section, Table, section
from sites.figures import get

from .models import SupportLogEntry, TrainingDelivery
from .selectors import SOURCE_FIGURES, site_support, support_by_kind
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
    support = site_support(ctx.site)
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
