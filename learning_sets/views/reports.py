"""Reports per workshop and per learning set, and their CSV exports."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import require
from audit.services import Action, record
from imroc.exports import csv_writer

from .. import selectors
from ..models import Delegate, DelegatePerspective
from .common import learning_set_for, workshop_for

REPORT = "learning_sets.report_learningset"
SUMMARY_HEADER = [
    "workshop",
    "date",
    "topic",
    "registered",
    "waiting",
    "attended",
    "no-shows",
    "service users or carers attending",
    "share with lived experience (%)",
    "evaluations",
    "mean overall rating",
    "mean usefulness",
]


@login_required
@require_safe
def workshop_report(request, pk):
    workshop = workshop_for(request, pk)
    require(request.user, REPORT, workshop.learning_set)
    figures = selectors.figures_for([workshop], timezone.localdate())[workshop.pk]
    return render(
        request,
        "learning_sets/workshop_report.html",
        {
            "workshop": workshop,
            "figures": figures,
            "perspectives": figures.perspective_rows(DelegatePerspective.choices),
            "answers": selectors.evaluation_answers([workshop]),
        },
    )


@login_required
@require_safe
def set_report(request, pk):
    learning_set = learning_set_for(request, pk, REPORT)
    rows, totals = selectors.set_figures(learning_set, timezone.localdate())
    members = list(learning_set.sites.order_by("name"))
    return render(
        request,
        "learning_sets/set_report.html",
        {
            "learning_set": learning_set,
            "rows": rows,
            "totals": totals,
            "perspectives": totals.perspective_rows(DelegatePerspective.choices),
            "perspective_choices": DelegatePerspective.choices,
            "members": members,
            "perspective_mix": [
                (w, [f.attended_by_perspective[value] for value, _ in DelegatePerspective.choices])
                for w, f in rows
            ],
            "site_mix": [(w, [f.attended_by_site[site.pk] for site in members]) for w, f in rows],
            "answers": selectors.evaluation_answers([w for w, _ in rows]),
        },
    )


def _csv_response(filename: str):
    """UTF-8 with a byte-order mark, so Excel opens names with accents correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv_writer(response)


def _summary_row(label, workshop, figures, members):
    evaluation = figures.evaluation
    mix = [figures.attended_by_perspective[value] for value, _ in DelegatePerspective.choices]
    return [
        label,
        workshop.date.isoformat() if workshop else "",
        (workshop.topic or "") if workshop else "",
        figures.registered,
        figures.waiting,
        figures.attended,
        "" if figures.no_shows is None else figures.no_shows,
        figures.lived_experience_attended,
        "" if figures.lived_experience_share is None else figures.lived_experience_share,
        evaluation.responses,
        "" if evaluation.mean_overall is None else evaluation.mean_overall,
        "" if evaluation.mean_usefulness is None else evaluation.mean_usefulness,
        *mix,
        *(figures.attended_by_site[site.pk] for site in members),
    ]


@login_required
@require_safe
def set_summary_csv(request, pk):
    learning_set = learning_set_for(request, pk, REPORT)
    rows, totals = selectors.set_figures(learning_set, timezone.localdate())
    members = list(learning_set.sites.order_by("name"))
    response, writer = _csv_response(f"learning-set-{learning_set.pk}-summary.csv")
    writer.writerow(
        [
            *SUMMARY_HEADER,
            *(f"attended: {label}" for _, label in DelegatePerspective.choices),
            *(f"attended from {site.name}" for site in members),
        ]
    )
    for workshop, figures in rows:
        writer.writerow(_summary_row(f"Workshop {workshop.number}", workshop, figures, members))
    writer.writerow(_summary_row("All workshops", None, totals, members))
    return response


@login_required
@require_safe
def workshop_delegates_csv(request, pk):
    """Personal details included, so for organisers only."""
    workshop = workshop_for(request, pk, "learning_sets.change_workshop")
    record(action=Action.READ_NEEDS, request=request, what=f"{workshop} delegates CSV")
    response, writer = _csv_response(f"workshop-{workshop.pk}-delegates.csv")
    writer.writerow(
        [
            "site",
            "name",
            "email",
            "perspective",
            "status",
            "attended",
            "dietary needs",
            "access needs",
        ]
    )
    delegates = workshop.delegates.exclude(status=Delegate.Status.CANCELLED).select_related("site")
    for d in delegates.order_by("site__name", "full_name"):
        writer.writerow(
            [
                d.site.name,
                d.full_name,
                d.email,
                d.get_perspective_display(),
                d.get_status_display(),
                "yes" if d.attended else "no",
                d.dietary_needs,
                d.access_needs,
            ]
        )
    return response
