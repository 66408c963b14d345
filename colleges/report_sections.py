"""The site progress report's recovery colleges (registered with ``reports.registry``): each
college's status, its fidelity score over time as a chart, and its terms."""

from collections import Counter

from reports.registry import Section, Table, section

from . import fidelity
from .chart_svg import fidelity_chart
from .models import FidelityCheck, RecoveryCollege, Term
from .selectors import standings


@section("site_progress", order=65)
def recovery_colleges(ctx):
    colleges = list(ctx.site.recovery_colleges.all())
    if not colleges:
        return None
    checks, terms = {}, {}
    for check in FidelityCheck.objects.filter(college__in=colleges).order_by("checked_on"):
        checks.setdefault(check.college_id, []).append(check)
    for term in Term.objects.filter(college__in=colleges).prefetch_related("courses"):
        terms.setdefault(term.college_id, []).append(term)
    blocks, check_rows, term_rows = [], [], []
    for college in colleges:
        previous = None
        for check in checks.get(college.pk, []):
            check_rows.append(
                [
                    college.name,
                    check.checked_on,
                    check.score,
                    fidelity.change(check.score, previous),
                ]
            )
            previous = check.score
        for term in terms.get(college.pk, []):
            courses = list(term.courses.all())
            term_rows.append(
                [
                    college.name,
                    term.name,
                    term.starts_on,
                    term.students,
                    term.students_using_services,
                    len(courses),
                    sum(course.co_produced for course in courses),
                ]
            )
        points = [(f"{c.checked_on:%b %Y}", c.score) for c in checks.get(college.pk, [])]
        blocks.append(
            {
                "college": college,
                "latest": checks[college.pk][-1] if college.pk in checks else None,
                "chart": fidelity_chart(
                    title=f"RECOLLECT fidelity score of {college.name} at each check",
                    points=points,
                )
                if points
                else "",
                "term": terms[college.pk][0] if college.pk in terms else None,
            }
        )
    return Section(
        title="Recovery colleges",
        template="colleges/report/_colleges.html",
        context={"blocks": blocks},
        tables=[
            Table(
                "Recovery colleges",
                ["College", "Status", "Opened on", "Physical base"],
                [[c.name, c.get_status_display(), c.opened_on, c.physical_base] for c in colleges],
            ),
            Table("Fidelity checks", ["College", "Date", "Score out of 14", "Change"], check_rows),
            Table(
                "College terms",
                [
                    "College",
                    "Term",
                    "Starts on",
                    "Students",
                    "Students who use services",
                    "Courses",
                    "Co-produced courses",
                ],
                term_rows,
            ),
        ],
    )


@section("programme", order=65)
def programme_colleges(ctx):
    """Every active site's colleges with their latest score and term, in one query: the PDF
    gives the totals and how many colleges stand in each band of the fidelity score, the
    spreadsheet every college's row."""
    rows, totals = standings(RecoveryCollege.objects.filter(site__is_active=True))
    table_rows = [
        [
            row.college.site.name,
            row.college.name,
            row.college.get_status_display(),
            row.score,
            row.change,
            row.students,
            row.share_using_services,
        ]
        for row in rows
    ]
    return Section(
        title="Recovery colleges",
        template="colleges/report/_programme.html",
        context={"bands": _score_bands(rows), "totals": totals},
        tables=[
            Table(
                "Recovery colleges",
                [
                    "Site",
                    "College",
                    "Status",
                    "Latest score out of 14",
                    "Change",
                    "Students last term",
                    "Per cent who use services",
                ],
                table_rows,
            )
        ],
    )


def _score_bands(standings) -> list[tuple[str, int]]:
    """How many colleges' latest fidelity score is in each band of the 14 (or none yet)."""
    bands = [(low, min(low + 4, fidelity.MOST)) for low in range(0, fidelity.MOST + 1, 5)]
    counts = Counter()
    for row in standings:
        band = next((b for b in bands if row.score is not None and b[0] <= row.score <= b[1]), None)
        counts[band] += 1
    return [("No fidelity check yet", counts[None])] + [
        (f"{low} to {high} of {fidelity.MOST}", counts[low, high]) for low, high in bands
    ]
