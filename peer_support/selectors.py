"""Reads of peer-support-worker programmes, scoped to the sites the user may see."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from sites import figures
from sites.models import Site
from sites.selectors import sites_for_user
from sites.tables import Column, SiteTable

from . import checklist
from .models import ChecklistEntry, PeerPost, RecruitmentRound

STAGE_KEYS = [stage for stage, _ in checklist.STAGES]
DONE = "All four stages in place"
NOT_STARTED = -1
SIZES = {stage: sum(item.stage == stage for item in checklist.ITEMS) for stage in STAGE_KEYS}


def _count(model, **lookups) -> Coalesce:
    rows = model.objects.filter(site=OuterRef("pk"), **lookups).order_by().values("site")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def _sum(model, field: str, output) -> Coalesce:
    rows = model.objects.filter(site=OuterRef("pk")).order_by().values("site")
    return Coalesce(
        Subquery(rows.annotate(total=Sum(field)).values("total")), Value(0), output_field=output
    )


def _checklist_rank() -> Coalesce:
    """The stage a site's checklist is working on (0 to 3; 4 when every stage is done), in
    one subquery over its entries: the first stage with an item not done."""
    entries = ChecklistEntry.objects.filter(site=OuterRef("pk")).order_by().values("site")
    done = {
        f"in_{stage}": Count(
            "pk", filter=Q(item__in=[i.key for i in checklist.ITEMS if i.stage == stage])
        )
        for stage in STAGE_KEYS
    }
    rank = Case(
        *(
            When(**{f"in_{stage}__lt": SIZES[stage]}, then=Value(n))
            for n, stage in enumerate(STAGE_KEYS)
        ),
        default=Value(len(STAGE_KEYS)),
    )
    return Coalesce(Subquery(entries.annotate(**done).annotate(rank=rank).values("rank")), 0)


def with_standing(sites: QuerySet[Site]) -> QuerySet[Site]:
    """Each site with its checklist items done, its posts and its recruitment, and the stage
    it is working on as a number (``stage_rank``: -1 not started, 0 to 3 the four stages, 4
    all done), each a subquery of the query that fetches the sites."""
    return sites.annotate(
        done=_count(ChecklistEntry),
        checklist_rank=_checklist_rank(),
        head_count=_sum(PeerPost, "head_count", IntegerField()),
        wte=_sum(PeerPost, "wte", DecimalField(max_digits=8, decimal_places=2)),
        applicants=_sum(RecruitmentRound, "applicants", IntegerField()),
        appointed=_sum(RecruitmentRound, "appointed", IntegerField()),
    ).annotate(
        stage_rank=Case(
            When(Q(done=0, head_count=0, applicants=0), then=Value(NOT_STARTED)),
            default=F("checklist_rank"),
        )
    )


@dataclass
class SiteStanding:
    """A site's row: ``site`` comes annotated by ``with_standing``."""

    site: Site

    @property
    def started(self) -> bool:
        return self.site.stage_rank != NOT_STARTED

    @property
    def stage(self) -> str | None:
        rank = max(self.site.stage_rank, 0)
        return STAGE_KEYS[rank] if rank < len(STAGE_KEYS) else None

    @property
    def stage_label(self) -> str:
        return checklist.STAGE_LABELS[self.stage] if self.stage else DONE


@dataclass
class Totals:
    head_count: int
    wte: Decimal
    applicants: int
    appointed: int


def programme_totals(sites: QuerySet[Site], today) -> Totals:
    """Peer support workers from the figures' registry (the dashboard's values) and the
    recruitment rounds' applicants and appointments: two queries."""
    read = figures.values(["peer_workers", "peer_workers_wte"], sites, today)
    rounds = RecruitmentRound.objects.filter(site__in=sites).aggregate(
        applicants=Sum("applicants"), appointed=Sum("appointed")
    )
    return Totals(
        head_count=read["peer_workers"],
        wte=read["peer_workers_wte"],
        applicants=rounds["applicants"] or 0,
        appointed=rounds["appointed"] or 0,
    )


def stage_counts(sites: QuerySet[Site]) -> list[tuple[str, int]]:
    """How many started sites are working on each stage (and have finished all four): one
    grouped query whatever the number of sites."""
    found = dict(with_standing(sites).order_by().values_list("stage_rank").annotate(n=Count("pk")))
    labels = [label for _, label in checklist.STAGES] + [DONE]
    return [(label, found.get(rank, 0)) for rank, label in enumerate(labels)]


COLUMNS = [
    Column("Site", "site", by="name"),
    Column("Stage", "stage", by="stage_rank"),
    Column("Checklist", "checklist", by="done"),
    Column("People employed", "people", by="head_count"),
    Column("Whole-time equivalent", "wte"),
    Column("Appointed", "appointed"),
]


def programme_table(user, params) -> SiteTable:
    """The active sites the user may see, a page at a time, filtered and sorted."""
    return SiteTable(
        params,
        with_standing(sites_for_user(user).active()),
        columns=COLUMNS,
        default="site",
    )


CSV_HEADER = [
    "Site",
    "Category",
    "Region",
    "Stage",
    f"Checklist items done (of {len(checklist.ITEMS)})",
    "People employed",
    "Whole-time equivalent",
    "Applicants",
    "Appointed",
]


def programme_csv(sites: QuerySet[Site]):
    """The header, then a row a site, read in chunks."""
    yield CSV_HEADER
    for site in sites.iterator(chunk_size=500):
        row = SiteStanding(site)
        yield [
            site.name,
            site.get_category_display(),
            site.get_region_display(),
            row.stage_label if row.started else "Not started",
            site.done,
            site.head_count,
            site.wte,
            site.applicants,
            site.appointed,
        ]


def site_programme(site) -> dict:
    entries = {entry.item: entry for entry in site.peer_checklist.select_related("recorded_by")}
    stages = [
        (
            stage,
            label,
            [(item, entries.get(item.key)) for item in checklist.ITEMS if item.stage == stage],
        )
        for stage, label in checklist.STAGES
    ]
    posts = list(site.peer_posts.all())
    return {
        "stages": stages,
        "stage": checklist.stage_reached(set(entries)),
        "progress": checklist.progress(set(entries)),
        "rounds": list(site.peer_rounds.all()),
        "posts": posts,
        "head_count": sum(post.head_count for post in posts),
        "wte": sum((post.wte for post in posts), Decimal(0)),
    }
