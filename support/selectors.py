"""Reads of support, outcomes and reviews. The ``*_by_site`` reads take any set of sites and
answer in one query each, so a programme dashboard can aggregate 500 sites as cheaply as one."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from challenges.selectors import latest_stages
from sites import figures
from sites.models import Site
from sites.selectors import project_group, sites_for_user

from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)
from .site_work import site_work_now
from .usage import Usage, days

_TRAINING = SupportLogEntry.Kind.TRAINING_SESSION
_BY_CONSULTANT = Q(is_peer_trainer=False)


def usage_sums(prefix: str = "") -> dict:
    """Hours per package line and the entry count, summed in SQL over log rows reached
    through ``prefix`` (e.g. "support_log__" from a site)."""

    def on(condition: Q) -> Q:
        return Q(**{f"{prefix}{key}": value for key, value in condition.children})

    hours = f"{prefix}hours"
    return {
        "consultancy_hours": Sum(hours, filter=on(_BY_CONSULTANT) & ~on(Q(kind=_TRAINING))),
        "training_hours": Sum(hours, filter=on(_BY_CONSULTANT) & on(Q(kind=_TRAINING))),
        "peer_trainer_hours": Sum(hours, filter=on(Q(is_peer_trainer=True))),
        "log_entries": Count(f"{prefix}pk"),
    }


def usage_of(row) -> Usage:
    return Usage(
        consultancy_hours=row["consultancy_hours"] or 0,
        training_hours=row["training_hours"] or 0,
        peer_trainer_hours=row["peer_trainer_hours"] or 0,
        entries=row["log_entries"],
    )


def support_usage_by_site(sites, *, since=None, until=None) -> dict[int, Usage]:
    """Hours used per package line, per site, from the log (optionally within a period)."""
    entries = SupportLogEntry.objects.filter(site__in=sites)
    if since:
        entries = entries.filter(date__gte=since)
    if until:
        entries = entries.filter(date__lte=until)
    rows = entries.values("site_id").annotate(**usage_sums()).order_by()
    return {row["site_id"]: usage_of(row) for row in rows}


def latest_outcomes_by_site(sites) -> dict[int, ProgrammeOutcome]:
    newest = ProgrammeOutcome.objects.filter(site=OuterRef("site")).order_by("-recorded_on", "-pk")
    rows = ProgrammeOutcome.objects.filter(site__in=sites, pk=Subquery(newest.values("pk")[:1]))
    return {outcome.site_id: outcome for outcome in rows}


NO_REVIEW = "none"
REVIEW_DUE_WITHIN = datetime.timedelta(days=14)


def _latest_review(field: str) -> Subquery:
    newest = (
        ProgressReview.objects.published()
        .filter(site=OuterRef("pk"))
        .order_by("-review_date", "-pk")
    )
    return Subquery(newest.values(field)[:1])


def with_review_status(sites: QuerySet[Site]) -> QuerySet[Site]:
    """Each site with its latest review's status ("none" before its first review), date
    and next review date: what ``review_overdue`` reads."""
    return sites.annotate(
        review_status=Coalesce(_latest_review("status"), Value(NO_REVIEW)),
        review_date=_latest_review("review_date"),
        review_pk=_latest_review("pk"),
        next_review_due=_latest_review("next_review_due"),
    )


def review_overdue(today: datetime.date) -> Q:
    """The one definition of "review overdue", over ``with_review_status`` sites: the
    latest review's next review date has passed, or the site has had no review yet (its
    first review is due from the day it joins). Every page, report and export counts
    overdue reviews with this (``with_review_overdue`` marks each site)."""
    return Q(next_review_due__lt=today) | Q(next_review_due__isnull=True)


def review_is_due(site: Site, today: datetime.date) -> bool:
    """Overdue, or the next review falls within two weeks."""
    return site.next_review_due is None or site.next_review_due <= today + REVIEW_DUE_WITHIN


def with_review_overdue(sites: QuerySet[Site], today: datetime.date) -> QuerySet[Site]:
    """``with_review_status`` plus ``review_overdue`` as a boolean for the templates."""
    return with_review_status(sites).annotate(
        review_overdue=ExpressionWrapper(review_overdue(today), output_field=BooleanField())
    )


def consultant_sites(user, today: datetime.date) -> QuerySet[Site]:
    """The user's assigned active sites with their latest review; their last activity is a
    column the services keep (``sites.services.activity_recorded``)."""
    return with_review_overdue(user.consulted_sites.active(), today).order_by(
        F("next_review_due").asc(nulls_first=True), "name"
    )


def latest_reviews_by_site(sites, today=None) -> dict[int, ProgressReview]:
    """Each site's latest published review with its count of overdue actions (1 query)."""
    today = today or datetime.date.today()
    newest = (
        ProgressReview.objects.published()
        .filter(site=OuterRef("site"))
        .order_by("-review_date", "-pk")
    )
    rows = (
        ProgressReview.objects.filter(site__in=sites, pk=Subquery(newest.values("pk")[:1]))
        .select_related("consultant")
        .annotate(
            overdue_actions=Count(
                "actions", filter=Q(actions__done=False, actions__due_on__lt=today)
            ),
            is_late=ExpressionWrapper(Q(next_review_due__lt=today), output_field=BooleanField()),
        )
    )
    return {review.site_id: review for review in rows}


# What the outcome snapshot no longer holds: read from the posts and the colleges.
SOURCE_FIGURES = (
    "peer_workers",
    "peer_workers_wte",
    "colleges_open",
    "colleges_planned",
    "college_courses",
    "college_students",
)


def source_figures(site: Site, as_at: datetime.date) -> dict:
    """The site's peer-support and recovery-college figures as at a date, from their
    sources (``sites.figures``): kept once per programme data version (``figures.cached``;
    the colleges' query alone took ~12 ms of CPU to build), else two queries."""
    return figures.cached(
        "support:source-figures",
        (site.pk, as_at),
        lambda: figures.values(SOURCE_FIGURES, Site.objects.filter(pk=site.pk), as_at),
    )


@dataclass
class SiteSupport:
    """What the site page and the review page show about a site's support, in 3 queries."""

    site: Site
    package: SupportPackage | None
    usage: Usage
    latest_review: ProgressReview | None
    latest_outcome: ProgrammeOutcome | None
    allowances: list = field(init=False)

    def __post_init__(self):
        self.allowances = self.usage.allowances(self.package)

    @property
    def is_over(self) -> bool:
        return any(line.is_over for line in self.allowances)

    @cached_property
    def figures(self) -> dict:
        """Read only where shown (the site page, the review form, the site report)."""
        return source_figures(self.site, datetime.date.today())


def with_support_usage(sites: QuerySet[Site]) -> QuerySet[Site]:
    """``sites`` (a user's, for a page) each with its package joined and its log summed
    beside it: what ``site_support`` reads, in the query that finds the site."""
    return (
        Site.objects.filter(pk__in=sites.values("pk"))
        .select_related("support_package")
        .annotate(**usage_sums("support_log__"))
    )


def site_support(site: Site, *, with_latest_review: bool = True) -> SiteSupport:
    """The package and its use come in one query (the package joined to the site, the log
    summed beside it), none if the site was read ``with_support_usage``. The review page
    shows the previous review itself, so it skips the latest one."""
    read = "log_entries" in vars(site)
    row = site if read else with_support_usage(Site.objects.filter(pk=site.pk)).get()
    return SiteSupport(
        site=site,
        package=getattr(row, "support_package", None),
        usage=usage_of(vars(row)),
        latest_review=(
            latest_reviews_by_site([site.pk]).get(site.pk) if with_latest_review else None
        ),
        latest_outcome=latest_outcomes_by_site([site.pk]).get(site.pk),
    )


def support_log(site: Site) -> QuerySet[SupportLogEntry]:
    return site.support_log.select_related("given_by", "challenge")


def support_by_kind(entries: QuerySet[SupportLogEntry]) -> list[dict]:
    """Count and days per kind of support, for the (filtered) log, in one query."""
    labels = dict(SupportLogEntry.Kind.choices)
    rows = entries.order_by().values("kind").annotate(hours=Sum("hours"), count=Count("pk"))
    return sorted(
        (
            {
                "kind": row["kind"],
                "label": labels[row["kind"]],
                "count": row["count"],
                "days": days(row["hours"]),
            }
            for row in rows
        ),
        key=lambda row: list(labels).index(row["kind"]),
    )


def training_for_site(site: Site) -> QuerySet[TrainingDelivery]:
    return site.training.all()


def outcome_history(site: Site) -> QuerySet[ProgrammeOutcome]:
    return site.outcomes.select_related("recorded_by")


def reviews_for_user(user, today=None) -> QuerySet[ProgressReview]:
    """Reviews of the sites the user may see: all for staff, their own sites for a team;
    drafts only for the consultant writing them (and the administrator)."""
    today = today or datetime.date.today()
    return (
        ProgressReview.objects.seen_by(user)
        .filter(site__in=sites_for_user(user))
        .select_related("site", "consultant")
        .annotate(
            action_count=Count("actions", distinct=True),
            open_actions=Count("actions", filter=Q(actions__done=False), distinct=True),
            overdue_actions=Count(
                "actions", filter=Q(actions__done=False, actions__due_on__lt=today), distinct=True
            ),
            response_count=Count("responses", distinct=True),
            is_latest=~Exists(
                ProgressReview.objects.published().filter(
                    site=OuterRef("site"), review_date__gt=OuterRef("review_date")
                )
            ),
        )
        .order_by("-review_date", "-pk")
    )


def review_with_details(reviews: QuerySet[ProgressReview]) -> QuerySet[ProgressReview]:
    return reviews.prefetch_related(
        Prefetch("actions", queryset=actions_with_owners()),
        Prefetch("carried_actions", queryset=actions_with_owners().select_related("review")),
        Prefetch("responses", queryset=ReviewResponse.objects.select_related("author")),
    )


def actions_with_owners() -> QuerySet[ReviewAction]:
    return ReviewAction.objects.select_related("owner_person", "owner_user")


def actions_for_user(user) -> QuerySet[ReviewAction]:
    """Actions of the reviews the user may read."""
    return (
        actions_with_owners()
        .seen_by(user)
        .filter(review__site__in=sites_for_user(user))
        .select_related("review__site", "review__consultant")
    )


def open_earlier_actions(site: Site, review: ProgressReview | None = None):
    """The actions still open from the site's published reviews (other than ``review``):
    what a new review keeps, closes or drops. 1 query."""
    actions = actions_with_owners().published().filter(review__site=site, done=False)
    if review is not None:
        actions = actions.exclude(review=review)
    return actions.select_related("review").order_by("review__review_date", "due_on", "pk")


def previous_review(site: Site, before: ProgressReview | None = None) -> ProgressReview | None:
    """The site's latest published review (before ``before``, if given)."""
    reviews = site.reviews.published().select_related("consultant")
    if before is not None:
        reviews = reviews.filter(
            Q(review_date__lt=before.review_date)
            | Q(review_date=before.review_date, pk__lt=before.pk)
        )
    return reviews.order_by("-review_date", "-pk").first()


def _earlier_actions(site: Site, previous, review) -> tuple[list, list]:
    """The previous review's actions and the actions still open from the site's published
    reviews other than ``review`` (``open_earlier_actions``), in one query."""
    if previous is None and review is None:
        return [], []  # a new review with no published one before it: nothing earlier
    wanted = Q(done=False) | Q(review=previous) if previous else Q(done=False)
    actions = (
        actions_with_owners()
        .published()
        .filter(review__site=site)
        .filter(wanted)
        .select_related("review")
        .order_by("review__review_date", "due_on", "pk")
    )
    if review is not None:
        actions = actions.exclude(review=review)
    found = list(actions)
    return (
        [a for a in found if previous and a.review_id == previous.pk],
        [a for a in found if not a.done],
    )


def review_context(site: Site, review: ProgressReview | None = None, *, today=None) -> dict:
    """What the consultant sees beside the review form so they never have to hunt: the
    project group, support now, latest outcomes, the previous review with its actions, the
    latest assessment (stage and movement per challenge), goals, cycles and indicators; and
    ``open_earlier``, the actions still open from earlier reviews (for the carry form). 10
    queries, whatever the amount of work (one fewer for a site read ``with_support_usage``,
    two more when the source figures are not kept)."""
    today = today or datetime.date.today()
    previous = previous_review(site, before=review)
    previous_actions, open_earlier = _earlier_actions(site, previous, review)
    return {
        "members": list(project_group(site)),
        "support": site_support(site, with_latest_review=False),
        "previous_review": previous,
        "previous_actions": previous_actions,
        "open_earlier": open_earlier,
        "stages": latest_stages(site),
        "work": site_work_now(site, today),
        "today": today,
    }
