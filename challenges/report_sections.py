"""Sections of reports about self-assessments (registered with ``reports.registry``)."""

from collections import Counter

from reports.registry import Section, Table, section
from sites.models import Site

from .models import Assessment, Framework
from .selectors import latest_stage_matrix, latest_stages


@section("site_progress", order=30)
def latest_assessment(ctx):
    stages = latest_stages(ctx.site)
    if stages is None:
        return Section(
            title="Self-assessment against the key challenges",
            template="challenges/report/_assessment.html",
            context={"stages": None},
        )
    rows = [
        [
            row.challenge.number,
            row.challenge.title,
            row.stage.name,
            row.previous.name if row.previous else "",
            row.movement_text,
        ]
        for row in stages
    ]
    return Section(
        title="Self-assessment against the key challenges",
        template="challenges/report/_assessment.html",
        context={"stages": stages, "rows": rows},
        tables=[
            Table("Assessment", ["Challenge", "Title", "Stage", "Previous stage", "Change"], rows)
        ],
    )


@section("programme", order=30)
def stage_distribution(ctx):
    """Where the active sites placed themselves on each challenge of the current framework at
    their latest assessment (an earlier version's rating counts under the same challenge),
    and how many assessed in the period. Four queries."""
    framework = Framework.objects.current()
    challenges = list(framework.challenges.all())
    stage_names = list(framework.stages.order_by("rank").values_list("name", flat=True))
    matrix = latest_stage_matrix(Site.objects.active())
    counts = Counter()
    for stages in matrix.values():
        for row in stages:
            counts[row.challenge.identity, row.stage.rank] += 1
    rows = [
        [c.number, c.title, *[counts[c.identity, rank] for rank in range(len(stage_names))]]
        for c in challenges
        if any(counts[c.identity, rank] for rank in range(len(stage_names)))
    ]
    in_period = Assessment.objects.all()
    if ctx.period_start and ctx.period_end:
        in_period = in_period.filter(assessed_on__range=(ctx.period_start, ctx.period_end))
    return Section(
        title="Stages of the key challenges",
        template="challenges/report/_distribution.html",
        context={
            "stage_names": stage_names,
            "rows": rows,
            "assessed_sites": len(matrix),
            "in_period": in_period.count(),
        },
        tables=[Table("Stages by challenge", ["Challenge", "Title", *stage_names], rows)],
    )
