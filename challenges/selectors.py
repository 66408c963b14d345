"""Reads of self-assessments: a site's history, and the latest stage per challenge with its
movement since the previous assessment (site page, consultants' review, dashboards)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from sites.models import Person, Site

from .models import Assessment, Participant, Rating, Stage

NEWEST_FIRST = [F("assessed_on").desc(), F("created_at").desc(), F("id").desc()]


class Movement(models.TextChoices):
    UP = "up", "Up"
    DOWN = "down", "Down"
    SAME = "same", "Same"
    NEW = "new", "New"


@dataclass(frozen=True)
class ChallengeStage:
    """The latest stage of one challenge and the stage the previous assessment gave it."""

    rating: Rating
    previous: Stage | None = None

    @property
    def challenge(self):
        return self.rating.challenge

    @property
    def stage(self) -> Stage:
        return self.rating.stage

    @property
    def movement(self) -> Movement:
        if self.previous is None:
            return Movement.NEW
        if self.stage.rank > self.previous.rank:
            return Movement.UP
        if self.stage.rank < self.previous.rank:
            return Movement.DOWN
        return Movement.SAME

    @property
    def movement_text(self) -> str:
        """The movement in words, so it reads without colour or arrows."""
        return {
            Movement.UP: f"up from {self.previous}",
            Movement.DOWN: f"down from {self.previous}",
            Movement.SAME: f"same as before ({self.previous})",
            Movement.NEW: "new: no earlier assessment",
        }[self.movement]


@dataclass
class SiteStages:
    """A site's latest assessment, the one before it on the same framework, and per challenge
    the latest stage and its movement."""

    latest: Assessment
    previous: Assessment | None = None
    rows: list[ChallengeStage] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def by_number(self) -> dict[int, ChallengeStage]:
        return {row.challenge.number: row for row in self.rows}


def assessments_for_site(site: Site) -> QuerySet[Assessment]:
    """The site's history, newest first, with what the list shows."""
    return (
        site.assessments.select_related("framework", "created_by")
        .prefetch_related("participants")
        .order_by(*NEWEST_FIRST)
    )


def assessment_detail(site: Site) -> QuerySet[Assessment]:
    """Assessments of the site with everything one assessment's page shows."""
    return site.assessments.select_related("framework", "created_by", "site").prefetch_related(
        models.Prefetch("ratings", Rating.objects.select_related("challenge", "stage")),
        models.Prefetch("participants", Participant.objects.select_related("person")),
    )


def latest_assessment(site: Site) -> Assessment | None:
    return site.assessments.select_related("framework").order_by(*NEWEST_FIRST).first()


def latest_stages(site: Site) -> SiteStages | None:
    """The latest stage per challenge of one site (None before its first assessment)."""
    return latest_stage_matrix(Site.objects.filter(pk=site.pk)).get(site.pk)


@dataclass(frozen=True)
class LatestRanks:
    """A site's latest assessment in numbers only: what a programme-wide heatmap needs."""

    assessment_id: int
    ranks: dict[int, int]  # challenge number -> stage rank


def latest_stage_ranks(site_ids) -> dict[int, LatestRanks]:
    """The stage rank per challenge number of each site's latest assessment, as plain
    numbers (no model instances), in two queries however many sites."""
    latest = (
        Assessment.objects.filter(site_id__in=site_ids)
        .annotate(in_site=Window(RowNumber(), partition_by=[F("site_id")], order_by=NEWEST_FIRST))
        .filter(in_site=1)
        .values_list("pk", "site_id")
    )
    site_of = dict(latest)
    ranks: dict[int, dict[int, int]] = defaultdict(dict)
    for assessment_id, number, rank in Rating.objects.filter(
        assessment_id__in=list(site_of)
    ).values_list("assessment_id", "challenge__number", "stage__rank"):
        ranks[assessment_id][number] = rank
    return {
        site_id: LatestRanks(assessment_id, ranks[assessment_id])
        for assessment_id, site_id in site_of.items()
    }


def latest_stage_matrix(sites) -> dict[int, SiteStages]:
    """For every site in ``sites`` (a queryset or list) that has been assessed: its latest
    stage per challenge and the movement since its previous assessment of the same framework
    version (stages of another version's scale are not comparable). Two queries, however
    many sites and assessments."""
    ranked = (
        Assessment.objects.filter(site__in=sites)
        .select_related("framework", "site")
        .annotate(
            in_site=Window(RowNumber(), partition_by=[F("site_id")], order_by=NEWEST_FIRST),
            in_framework=Window(
                RowNumber(), partition_by=[F("site_id"), F("framework_id")], order_by=NEWEST_FIRST
            ),
        )
        .filter(in_framework__lte=2)
    )
    by_site: dict[int, SiteStages] = {}
    candidates = defaultdict(list)
    for assessment in ranked:
        if assessment.in_site == 1:
            by_site[assessment.site_id] = SiteStages(latest=assessment)
        elif assessment.in_framework == 2:
            candidates[assessment.site_id].append(assessment)
    for site_id, earlier in candidates.items():
        latest = by_site[site_id].latest
        by_site[site_id].previous = next(
            (a for a in earlier if a.framework_id == latest.framework_id), None
        )
    wanted = [s.latest.pk for s in by_site.values()]
    wanted += [s.previous.pk for s in by_site.values() if s.previous]
    ratings = defaultdict(dict)
    for rating in Rating.objects.filter(assessment_id__in=wanted).select_related(
        "challenge", "stage"
    ):
        ratings[rating.assessment_id][rating.challenge_id] = rating
    for stages in by_site.values():
        previous = ratings[stages.previous.pk] if stages.previous else {}
        stages.rows = [
            ChallengeStage(
                rating=rating, previous=getattr(previous.get(challenge_id), "stage", None)
            )
            for challenge_id, rating in sorted(
                ratings[stages.latest.pk].items(), key=lambda item: item[1].challenge.number
            )
        ]
    return by_site


def people_to_invite(site: Site, assessment: Assessment | None = None) -> list[tuple[Person, str]]:
    """Who the form offers as participants: the project group with their perspectives, and on
    an existing assessment also whoever took part then (even if no longer in the group)."""
    offered = {
        member.person_id: (member.person, member.perspective)
        for member in site.project_group.select_related("person")
    }
    if assessment is not None:
        for participant in assessment.participants.select_related("person"):
            offered[participant.person_id] = (participant.person, participant.perspective)
    return sorted(offered.values(), key=lambda pair: pair[0].full_name)
