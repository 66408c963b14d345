"""Recovery colleges open and planned, their courses and students: read from the colleges
(status and opening date) and their terms, and only from there."""

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from sites.figures import figures_of

from .models import Course, RecoveryCollege, Term


@figures_of(
    ("colleges_open", "Recovery colleges open", 30),
    ("colleges_planned", "Recovery colleges planned", 31),
    ("college_courses", "Recovery college courses (latest term)", 32),
    ("college_students", "Recovery college students (latest term)", 33),
)
def colleges_and_courses(sites, as_at) -> dict:
    """Open by the date (open with an opening date on or before it); planned: any other
    college. Courses and students: each college's latest term started by the date (as the
    colleges' overview shows them). One query."""
    terms = Term.objects.filter(college=OuterRef("pk"), starts_on__lte=as_at).order_by("-starts_on")
    latest_of_outer = Term.objects.filter(
        college=OuterRef(OuterRef("pk")), starts_on__lte=as_at
    ).order_by("-starts_on")
    courses = (
        Course.objects.filter(term=Subquery(latest_of_outer.values("pk")[:1]))
        .order_by()
        .values("term")
        .annotate(n=Count("pk"))
        .values("n")
    )
    opened = Q(status=RecoveryCollege.Status.OPEN, opened_on__lte=as_at)
    row = (
        RecoveryCollege.objects.filter(site__in=sites)
        .annotate(
            term_students=Subquery(terms.values("students")[:1]),
            term_courses=Coalesce(Subquery(courses), 0),
        )
        .aggregate(
            open=Count("pk", filter=opened),
            planned=Count("pk", filter=~opened),
            courses=Sum("term_courses"),
            students=Sum("term_students"),
        )
    )
    return {
        "colleges_open": row["open"],
        "colleges_planned": row["planned"],
        "college_courses": row["courses"] or 0,
        "college_students": row["students"] or 0,
    }
