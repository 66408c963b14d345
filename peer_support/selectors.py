"""Reads of peer-support-worker programmes, scoped to the sites the user may see."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from sites.selectors import sites_for_user

from . import checklist
from .models import ChecklistEntry, PeerPost, RecruitmentRound


@dataclass
class SiteStanding:
    site: object
    done: set = field(default_factory=set)
    head_count: int = 0
    wte: Decimal = Decimal(0)
    applicants: int = 0
    appointed: int = 0

    @property
    def stage(self) -> str | None:
        return checklist.stage_reached(self.done)

    @property
    def stage_label(self) -> str:
        stage = self.stage
        return checklist.STAGE_LABELS[stage] if stage else "All four stages in place"

    @property
    def started(self) -> bool:
        return bool(self.done or self.head_count or self.applicants)


def programme_standings(user) -> tuple[list[SiteStanding], SiteStanding]:
    """Every visible site's stage, posts and recruitment, and the programme's totals, in
    four queries whatever the number of sites."""
    sites = list(sites_for_user(user).active().order_by("name"))
    standings = {site.pk: SiteStanding(site) for site in sites}
    for site_id, item in ChecklistEntry.objects.filter(site__in=sites).values_list(
        "site_id", "item"
    ):
        standings[site_id].done.add(item)
    for row in (
        PeerPost.objects.filter(site__in=sites)
        .values("site_id")
        .annotate(people=Sum("head_count"), wte=Sum("wte"))
        .order_by()
    ):
        standings[row["site_id"]].head_count = row["people"] or 0
        standings[row["site_id"]].wte = row["wte"] or Decimal(0)
    for row in (
        RecruitmentRound.objects.filter(site__in=sites)
        .values("site_id")
        .annotate(applicants=Sum("applicants"), appointed=Sum("appointed"))
        .order_by()
    ):
        standings[row["site_id"]].applicants = row["applicants"] or 0
        standings[row["site_id"]].appointed = row["appointed"] or 0
    rows = list(standings.values())
    totals = SiteStanding(site=None)
    for row in rows:
        totals.head_count += row.head_count
        totals.wte += row.wte
        totals.applicants += row.applicants
        totals.appointed += row.appointed
    return rows, totals


def stage_counts(rows: list[SiteStanding]) -> list[tuple[str, int]]:
    """How many started sites are working on each stage (and have finished all four)."""
    counts = defaultdict(int)
    for row in rows:
        if row.started:
            counts[row.stage_label] += 1
    labels = [label for _, label in checklist.STAGES] + ["All four stages in place"]
    return [(label, counts[label]) for label in labels]


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
