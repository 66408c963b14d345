"""Reads of self-assessments: a site's history, and the latest stage per challenge with its
movement since the previous assessment (site page, consultants' review, dashboards)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from sites.models import Person, Site

from .models import Assessment, Participant, Rating, Stage, identity_of

NEWEST_FIRST = [F("assessed_on").desc(), F("created_at").desc(), F("id").desc()]


class Movement(models.TextChoices):
    UP = "up", "Up"
    DOWN = "down", "Down"
    SAME = "same", "Same"
    NEW = "new", "New"


@dataclass(frozen=True)
class ChallengeStage:
    """The stage one assessment gave a challenge and the stage the assessment before it gave
    the same challenge, found by its key, so 2009's challenge 6 (workforce) lines up with
    2012's challenge 8. The scale keeps its ranks across versions."""

    rating: Rating
    previous_rating: Rating | None = None

    @property
    def challenge(self):
        return self.rating.challenge

    @property
    def stage(self) -> Stage:
        return self.rating.stage

    @property
    def previous(self) -> Stage | None:
        return self.previous_rating.stage if self.previous_rating else None

    @property
    def renumbered(self) -> str:
        """Where the challenge stood in the earlier version, when its number changed."""
        before = self.previous_rating
        if before is None or before.challenge.number == self.challenge.number:
            return ""
        return f"challenge {before.challenge.number} in {before.assessment.framework.version}"

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
        text = {
            Movement.UP: f"up from {self.previous}",
            Movement.DOWN: f"down from {self.previous}",
            Movement.SAME: f"same as before ({self.previous})",
            Movement.NEW: "new: no earlier assessment",
        }[self.movement]
        return f"{text}, as {self.renumbered}" if self.renumbered else text

    @property
    def evidence_changed(self) -> bool:
        return self.previous_rating is not None and (
            self.rating.evidence.strip() != self.previous_rating.evidence.strip()
        )


def compare(ratings, earlier) -> list[ChallengeStage]:
    """Pair each rating with the earlier assessment's rating of the same challenge (by key),
    in challenge order. ``earlier``: ratings of the assessment before, or none."""
    before = {rating.challenge.identity: rating for rating in earlier}
    return [
        ChallengeStage(rating=rating, previous_rating=before.get(rating.challenge.identity))
        for rating in sorted(ratings, key=lambda rating: rating.challenge.number)
    ]


@dataclass
class SiteStages:
    """A site's latest assessment, the one before it (on whichever framework version), and
    per challenge the latest stage and its movement."""

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
    ranks: dict[str, int]  # challenge identity (its key) -> stage rank


def latest_stage_ranks(site_ids) -> dict[int, LatestRanks]:
    """The stage rank per challenge (by key, so any version's columns can read it) of each
    site's latest assessment, as plain values (no model instances), in two queries."""
    latest = (
        Assessment.objects.filter(site_id__in=site_ids)
        .annotate(in_site=Window(RowNumber(), partition_by=[F("site_id")], order_by=NEWEST_FIRST))
        .filter(in_site=1)
        .values_list("pk", "site_id")
    )
    site_of = dict(latest)
    ranks: dict[int, dict[str, int]] = defaultdict(dict)
    for assessment_id, key, framework_id, number, rank in Rating.objects.filter(
        assessment_id__in=list(site_of)
    ).values_list(
        "assessment_id",
        "challenge__key",
        "challenge__framework_id",
        "challenge__number",
        "stage__rank",
    ):
        ranks[assessment_id][identity_of(key, framework_id, number)] = rank
    return {
        site_id: LatestRanks(assessment_id, ranks[assessment_id])
        for assessment_id, site_id in site_of.items()
    }


def latest_stage_matrix(sites) -> dict[int, SiteStages]:
    """For every site in ``sites`` (a queryset or list) that has been assessed: its latest
    stage per challenge and the movement since its previous assessment, challenge by
    challenge across framework versions. Two queries, however many sites and assessments."""
    ranked = (
        Assessment.objects.filter(site__in=sites)
        .select_related("framework", "site")
        .annotate(in_site=Window(RowNumber(), partition_by=[F("site_id")], order_by=NEWEST_FIRST))
        .filter(in_site__lte=2)
    )
    by_site: dict[int, SiteStages] = {}
    earlier = {}
    for assessment in ranked:
        if assessment.in_site == 1:
            by_site[assessment.site_id] = SiteStages(latest=assessment)
        else:
            earlier[assessment.site_id] = assessment
    for site_id, previous in earlier.items():
        by_site[site_id].previous = previous
    assessments = {s.latest.pk: s.latest for s in by_site.values()}
    assessments |= {s.previous.pk: s.previous for s in by_site.values() if s.previous}
    ratings = defaultdict(list)
    for rating in Rating.objects.filter(assessment_id__in=list(assessments)).select_related(
        "challenge", "stage"
    ):
        rating.assessment = assessments[rating.assessment_id]
        ratings[rating.assessment_id].append(rating)
    for stages in by_site.values():
        previous = ratings[stages.previous.pk] if stages.previous else []
        stages.rows = compare(ratings[stages.latest.pk], previous)
    return by_site


def previous_assessment(site: Site, assessment: Assessment | None = None) -> Assessment | None:
    """The site's assessment just before ``assessment`` (the latest when None), on whichever
    framework version, with its ratings: what a re-assessment starts from and compares with."""
    earlier = site.assessments.all()
    if assessment is not None:
        day, at = assessment.assessed_on, assessment.created_at
        earlier = earlier.filter(
            models.Q(assessed_on__lt=day)
            | models.Q(assessed_on=day, created_at__lt=at)
            | models.Q(assessed_on=day, created_at=at, pk__lt=assessment.pk)
        )
    return (
        earlier.select_related("framework")
        .prefetch_related(
            models.Prefetch("ratings", Rating.objects.select_related("challenge", "stage"))
        )
        .order_by(*NEWEST_FIRST)
        .first()
    )


@dataclass(frozen=True)
class Moved:
    """How many challenges an assessment moved up or down from the one before it."""

    up: int
    down: int
    compared_with: int | None  # the earlier assessment's id, None for the first

    @property
    def text(self) -> str:
        if self.compared_with is None:
            return "First assessment"
        if not (self.up or self.down):
            return "No challenge moved"
        parts = [
            f"{n} challenge{'s' if n != 1 else ''} {way}"
            for n, way in [(self.up, "up"), (self.down, "down")]
            if n
        ]
        return ", ".join(parts)


def moved_since_previous(assessments: list[Assessment]) -> dict[int, Moved]:
    """For a site's history (newest first): per assessment, the challenges that moved up or
    down since the one before it, paired by challenge key across versions. One query (none
    for a site with no assessment yet)."""
    if not assessments:
        return {}
    ranks: dict[int, dict[str, int]] = defaultdict(dict)
    for assessment_id, key, framework_id, number, rank in Rating.objects.filter(
        assessment_id__in=[a.pk for a in assessments]
    ).values_list(
        "assessment_id",
        "challenge__key",
        "challenge__framework_id",
        "challenge__number",
        "stage__rank",
    ):
        ranks[assessment_id][identity_of(key, framework_id, number)] = rank
    moved = {}
    for later, earlier in zip(assessments, [*assessments[1:], None], strict=True):
        if earlier is None:
            moved[later.pk] = Moved(0, 0, None)
            continue
        now, before = ranks[later.pk], ranks[earlier.pk]
        pairs = [(now[k], before[k]) for k in now.keys() & before.keys()]
        moved[later.pk] = Moved(
            up=sum(a > b for a, b in pairs),
            down=sum(a < b for a, b in pairs),
            compared_with=earlier.pk,
        )
    return moved


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
