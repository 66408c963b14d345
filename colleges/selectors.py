"""Reads of recovery colleges, scoped to the sites the user may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum

from sites import figures
from sites.models import Site
from sites.selectors import sites_for_user
from sites.tables import Column, SiteTable

from . import fidelity
from .chart_svg import fidelity_chart
from .models import FidelityCheck, RecoveryCollege, Term


def colleges_for_user(user) -> QuerySet[RecoveryCollege]:
    """Views fetch a college through this, so an outsider gets a 404."""
    return RecoveryCollege.objects.filter(site__in=sites_for_user(user)).select_related("site")


@dataclass
class CollegeStanding:
    """A college's row in a list: its latest fidelity score and change, and its latest term
    (the annotations of ``standings``)."""

    college: RecoveryCollege

    @property
    def score(self) -> int | None:
        return self.college.latest_score

    @property
    def change(self) -> int | None:
        previous = self.college.previous_score
        return None if self.score is None else fidelity.change(self.score, previous)

    @property
    def term(self) -> str | None:
        return self.college.term_name

    @property
    def students(self) -> int | None:
        return self.college.term_students

    @property
    def share_using_services(self) -> int | None:
        return _share(self.college.term_using_services or 0, self.students)


@dataclass
class Totals:
    open: int = 0
    planned: int = 0
    checked: int = 0
    students: int = 0
    using_services: int = 0

    @property
    def share_using_services(self) -> int | None:
        return _share(self.using_services, self.students)


def _share(part: int, whole: int | None) -> int | None:
    return round(100 * part / whole) if whole else None


def _with_standing(colleges: QuerySet[RecoveryCollege]) -> QuerySet[RecoveryCollege]:
    """Each college's latest and previous score and its latest term, as subqueries."""
    checks = FidelityCheck.objects.filter(college=OuterRef("pk")).order_by("-checked_on")
    terms = Term.objects.filter(college=OuterRef("pk")).order_by("-starts_on")
    return colleges.select_related("site").annotate(
        latest_score=Subquery(checks.values("score")[:1]),
        previous_score=Subquery(checks.values("score")[1:2]),
        term_name=Subquery(terms.values("name")[:1]),
        term_students=Subquery(terms.values("students")[:1]),
        term_using_services=Subquery(terms.values("students_using_services")[:1]),
    )


def standings(colleges: QuerySet[RecoveryCollege]) -> tuple[list[CollegeStanding], Totals]:
    """A site's colleges with their standing and the totals over them, in one query."""
    rows = [CollegeStanding(college) for college in _with_standing(colleges)]
    totals = Totals()
    for row in rows:
        totals.open += row.college.is_open
        totals.planned += not row.college.is_open
        totals.checked += row.score is not None
        if row.term is not None:
            totals.students += row.students
            totals.using_services += row.college.term_using_services
    return rows, totals


COLUMNS = [
    Column("Site", "site", by="site__name"),
    Column("College", "college", by="name"),
    Column("Status", "status"),
    Column("Latest fidelity score", "score", by="latest_score"),
    Column("Students last term", "students", by="term_students"),
    Column("Students who use services"),
]


def programme_table(user, params) -> SiteTable:
    """The active sites' colleges, a page at a time, filtered by their site and sorted."""
    return SiteTable(
        params,
        _with_standing(colleges_for_user(user).filter(site__in=Site.objects.active())),
        columns=COLUMNS,
        default="site",
        site="site",
        search=("name", "site__name"),
        search_label="College or site name contains",
        tie=("site__name", "name"),
    )


def programme_totals(user, today: datetime.date) -> Totals:
    """The programme's colleges open and planned and their students, from the figures'
    registry (the dashboard's values), with the colleges checked and the students who use
    services counted the same way: two queries whatever the number of colleges."""
    sites = sites_for_user(user).active()
    read = figures.values(["colleges_open", "colleges_planned", "college_students"], sites, today)
    latest_term = Term.objects.filter(college=OuterRef("pk"), starts_on__lte=today).order_by(
        "-starts_on"
    )
    checked = FidelityCheck.objects.filter(college=OuterRef("pk"))
    more = (
        RecoveryCollege.objects.filter(site__in=sites)
        .annotate(
            term_using=Subquery(latest_term.values("students_using_services")[:1]),
            has_check=Exists(checked),
        )
        .aggregate(checked=Count("pk", filter=Q(has_check=True)), using=Sum("term_using"))
    )
    return Totals(
        open=read["colleges_open"],
        planned=read["colleges_planned"],
        checked=more["checked"],
        students=read["college_students"],
        using_services=more["using"] or 0,
    )


CSV_HEADER = [
    "Site",
    "Category",
    "Region",
    "College",
    "Status",
    "Opened on",
    "Latest fidelity score (of 14)",
    "Previous fidelity score",
    "Latest term",
    "Students last term",
    "Students who use services",
]


def programme_csv(colleges: QuerySet[RecoveryCollege]):
    """The header, then a row a college, read in chunks."""
    yield CSV_HEADER
    for college in colleges.iterator(chunk_size=500):
        yield [
            college.site.name,
            college.site.get_category_display(),
            college.site.get_region_display(),
            college.name,
            college.get_status_display(),
            college.opened_on,
            college.latest_score,
            college.previous_score,
            college.term_name,
            college.term_students,
            college.term_using_services,
        ]


def site_colleges(site) -> list[RecoveryCollege]:
    """The site page's section: each college with its latest score, in one query."""
    latest = FidelityCheck.objects.filter(college=OuterRef("pk")).order_by("-checked_on")
    return list(
        site.recovery_colleges.annotate(
            latest_score=Subquery(latest.values("score")[:1]),
            latest_checked_on=Subquery(latest.values("checked_on")[:1]),
        )
    )


def college_page(college: RecoveryCollege) -> dict:
    """The college's checks with their change, the chart, the latest check's ratings and
    the terms with their courses."""
    checks = list(college.fidelity_checks.order_by("checked_on"))
    previous = None
    for check in checks:
        check.change = fidelity.change(check.score, previous)
        previous = check.score
    latest = checks[-1] if checks else None
    terms = list(college.terms.prefetch_related("courses"))
    return {
        "checks": checks,
        "latest": latest,
        "ratings": check_ratings(latest) if latest else None,
        "chart": fidelity_chart(
            title=f"RECOLLECT fidelity score of {college.name} at each check",
            points=[(f"{check.checked_on:%b %Y}", check.score) for check in checks],
        )
        if checks
        else "",
        "terms": terms,
    }


def check_ratings(check: FidelityCheck) -> dict:
    """A check's features and components in the method's order, with their labels."""
    features = {rating.feature: rating for rating in check.features.all()}
    components = {rating.component: rating for rating in check.components.all()}
    return {
        "features": [(feature, features.get(feature.key)) for feature in fidelity.FEATURES],
        "scored": [(component, components.get(component.key)) for component in fidelity.SCORED],
        "varying": [(component, components.get(component.key)) for component in fidelity.VARYING],
        "present": sum(r.status == fidelity.PRESENT for r in features.values()),
        "partly": sum(r.status == fidelity.PARTLY for r in features.values()),
    }


def previous_check(check: FidelityCheck) -> FidelityCheck | None:
    return (
        FidelityCheck.objects.filter(college_id=check.college_id, checked_on__lt=check.checked_on)
        .order_by("-checked_on")
        .first()
    )
