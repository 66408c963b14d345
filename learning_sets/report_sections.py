"""Sections of reports about learning sets (registered with ``reports.registry``): a site's
attendance, a learning set's own report, and the programme's attendance in a period."""

from django.db.models import Count, Q

from reports.registry import Section, Table, section

from .models import Delegate, DelegatePerspective, LearningSet, Workshop
from .selectors import evaluation_answers, figures_for, set_figures
from .summary import total

PERSPECTIVE_HEADERS = ["Perspective", "Registered", "Attended"]


@section("site_progress", order=70)
def site_attendance(ctx):
    """One grouped query: the site's delegates per workshop."""
    rows = (
        Delegate.objects.filter(site=ctx.site, status=Delegate.Status.REGISTERED)
        .order_by("workshop__date")
        .values("workshop__date", "workshop__number", "workshop__learning_set__name")
        .annotate(
            registered_count=Count("pk"),
            attended_count=Count("pk", filter=Q(attended=True)),
            lived_count=Count(
                "pk",
                filter=Q(attended=True, perspective__in=DelegatePerspective.lived_experience()),
            ),
        )
    )
    table = [
        [
            r["workshop__learning_set__name"],
            r["workshop__number"],
            r["workshop__date"],
            r["registered_count"],
            r["attended_count"] if r["workshop__date"] < ctx.today else "",
            r["lived_count"] if r["workshop__date"] < ctx.today else "",
        ]
        for r in rows
    ]
    return Section(
        title="Learning-set attendance",
        template="learning_sets/report/_site_attendance.html",
        context={"rows": table},
        tables=[
            Table(
                "Learning sets",
                [
                    "Learning set",
                    "Workshop",
                    "Date",
                    "Registered",
                    "Attended",
                    "Service users or carers attending",
                ],
                table,
            )
        ],
    )


def _perspective_rows(figures) -> list:
    return [list(row) for row in figures.perspective_rows(DelegatePerspective.choices)]


@section("learning_set", order=10)
def learning_set_report(ctx):
    learning_set = (
        LearningSet.objects.prefetch_related("sites", "organisers")
        .filter(pk=ctx.learning_set_id)
        .first()
    )
    if learning_set is None:
        return None
    rows, totals = set_figures(learning_set, ctx.today)
    workshop_rows = [
        [
            w.number,
            w.date,
            str(w.topic or ""),
            w.venue.name if w.venue else "",
            f.registered,
            f.attended if f.happened else "",
            f.lived_experience_attended if f.happened else "",
            f.evaluation.responses,
            f.evaluation.mean_overall,
            f.evaluation.mean_usefulness,
        ]
        for w, f in rows
    ]
    answers = evaluation_answers([w for w, _ in rows])
    return Section(
        title=learning_set.name,
        template="learning_sets/report/_set.html",
        context={
            "learning_set": learning_set,
            "workshop_rows": workshop_rows,
            "totals": totals,
            "perspectives": _perspective_rows(totals),
            "answers": answers,
        },
        tables=[
            Table(
                "Workshops",
                [
                    "Workshop",
                    "Date",
                    "Topic",
                    "Venue",
                    "Registered",
                    "Attended",
                    "Service users or carers",
                    "Evaluations",
                    "Mean overall",
                    "Mean usefulness",
                ],
                workshop_rows,
            ),
            Table("Attendance by perspective", PERSPECTIVE_HEADERS, _perspective_rows(totals)),
            Table(
                "Evaluation ratings",
                ["Rating", "Overall"],
                [list(r) for r in totals.evaluation.overall_distribution],
            ),
            Table(
                "What I will take back",
                ["Answer", "Given by"],
                [list(row) for row in answers["take_back"]],
            ),
            Table(
                "Other comments", ["Comment", "Given by"], [list(r) for r in answers["comments"]]
            ),
        ],
    )


@section("programme", order=70)
def programme_attendance(ctx):
    """The workshops held in the period: attendance, the share of service users and carers
    (the programme's headline figure) and the evaluations; three queries."""
    workshops = Workshop.objects.filter(date__lt=ctx.today)
    if ctx.period_start and ctx.period_end:
        workshops = workshops.filter(date__range=(ctx.period_start, ctx.period_end))
    workshops = list(workshops.select_related("learning_set").order_by("date"))
    totals = total(figures_for(workshops, ctx.today).values())
    summary = [
        ["Workshops held", len(workshops)],
        ["Registered", totals.registered],
        ["Attended", totals.attended],
        ["Service users or carers attending", totals.lived_experience_attended],
        ["Share with lived experience (%)", totals.lived_experience_share],
        ["Evaluations", totals.evaluation.responses],
        ["Mean overall rating", totals.evaluation.mean_overall],
    ]
    return Section(
        title="Learning sets",
        template="learning_sets/report/_programme.html",
        context={"summary": summary, "perspectives": _perspective_rows(totals)},
        tables=[
            Table("Learning-set attendance", ["Figure", "Value"], summary),
            Table("Attendance by perspective", PERSPECTIVE_HEADERS, _perspective_rows(totals)),
        ],
    )
