import datetime

from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PhaseFactory,
    PriorityFactory,
    challenge,
    completed,
)
from tests.walk import Case, expect, site_a_editable, site_a_readable

START = datetime.date(2012, 1, 10)

# Comments: the site team, consultants and the administrator; organisers only read.
COMMENTERS = expect(302, lead_b=404, organiser=403)


def cases(world):
    site = world.site_a
    priority = PriorityFactory(site=site)
    goal = GoalFactory(priority=priority)
    indicator = IndicatorFactory(goal=goal)
    point = DataPointFactory(indicator=indicator)
    phase = PhaseFactory(indicator=indicator)
    cycle = CycleFactory(goal=goal)
    studied = CycleFactory(goal=goal, plan_done=START, do_done=START, study_done=START)
    done = completed(goal=GoalFactory(priority=PriorityFactory(site=world.site_b)))
    version = {"version": 1}
    closed = GoalFactory(
        priority=PriorityFactory(site=site, challenge=challenge(2)),
        status="achieved",
        closed_on=START,
        closing_note="Met.",
    )
    closed_indicator = IndicatorFactory(goal=closed)
    closed_cycle = CycleFactory(goal=closed)
    return [
        Case(
            "pdsa:priority-drop",
            f"/pdsa/sites/{site.slug}/priorities/{closed.priority_id}/drop/",
            site_a_editable(),
        ),
        Case(
            "pdsa:priority-drop",
            f"/pdsa/sites/{site.slug}/priorities/{closed.priority_id}/drop/",
            site_a_editable(302),
            method="post",
        ),
        Case("pdsa:goal-close", f"/pdsa/goals/{goal.pk}/close/", site_a_editable()),
        Case(
            "pdsa:goal-close",
            f"/pdsa/goals/{goal.pk}/close/",
            site_a_editable(302),
            method="post",
            data={
                "outcome": "achieved",
                "closed_on": "2012-01-10",
                "note": "Met.",
            },
        ),
        # A closed goal, its indicators and cycles are read-only for everyone.
        *[
            Case(name, url, expect(403, lead_b=404))
            for name, url in [
                ("pdsa:goal-edit", f"/pdsa/goals/{closed.pk}/edit/"),
                ("pdsa:goal-close", f"/pdsa/goals/{closed.pk}/close/"),
                ("pdsa:indicator-add", f"/pdsa/goals/{closed.pk}/indicators/add/"),
                ("pdsa:cycle-add", f"/pdsa/goals/{closed.pk}/cycles/add/"),
                ("pdsa:indicator-edit", f"/pdsa/indicators/{closed_indicator.pk}/edit/"),
                ("pdsa:datapoint-add", f"/pdsa/indicators/{closed_indicator.pk}/data/add/"),
                ("pdsa:cycle-stage", f"/pdsa/cycles/{closed_cycle.pk}/do/"),
            ]
        ],
        Case("pdsa:goal-detail", f"/pdsa/goals/{closed.pk}/", site_a_readable()),
        # Reopening: the site's lead or the administrator.
        Case(
            "pdsa:goal-reopen",
            f"/pdsa/goals/{closed.pk}/reopen/",
            expect(200, member_a=403, lead_b=404, consultant=403, organiser=403),
        ),
        Case(
            "pdsa:goal-reopen",
            f"/pdsa/goals/{closed.pk}/reopen/",
            expect(302, member_a=403, lead_b=404, consultant=403, organiser=403),
            method="post",
        ),
        Case("pdsa:goal-reopen", f"/pdsa/goals/{goal.pk}/reopen/", expect(403, lead_b=404)),
        Case("pdsa:priorities-edit", f"/pdsa/sites/{site.slug}/priorities/", site_a_editable()),
        Case("pdsa:goal-add", f"/pdsa/sites/{site.slug}/goals/add/", site_a_editable()),
        Case("pdsa:site-timeline", f"/pdsa/sites/{site.slug}/timeline/", site_a_readable()),
        Case("pdsa:site-progress", f"/pdsa/sites/{site.slug}/progress/", site_a_readable()),
        Case("pdsa:site-indicators", f"/pdsa/sites/{site.slug}/indicators/", site_a_readable()),
        Case(
            "pdsa:site-indicators-csv",
            f"/pdsa/sites/{site.slug}/indicators.csv",
            site_a_readable(),
        ),
        Case(
            "pdsa:indicator-compare",
            f"/pdsa/indicators/compare/?name={indicator.name}",
            expect(200, lead_a=403, member_a=403, lead_b=403),
        ),
        Case("pdsa:goal-detail", f"/pdsa/goals/{goal.pk}/", site_a_readable()),
        Case("pdsa:goal-edit", f"/pdsa/goals/{goal.pk}/edit/", site_a_editable()),
        Case(
            "pdsa:goal-comment",
            f"/pdsa/goals/{goal.pk}/comments/",
            COMMENTERS,
            method="post",
            data={"text": "Good start."},
        ),
        Case("pdsa:indicator-add", f"/pdsa/goals/{goal.pk}/indicators/add/", site_a_editable()),
        Case("pdsa:cycle-add", f"/pdsa/goals/{goal.pk}/cycles/add/", site_a_editable()),
        Case("pdsa:indicator-detail", f"/pdsa/indicators/{indicator.pk}/", site_a_readable()),
        Case("pdsa:indicator-edit", f"/pdsa/indicators/{indicator.pk}/edit/", site_a_editable()),
        Case(
            "pdsa:datapoint-add",
            f"/pdsa/indicators/{indicator.pk}/data/add/",
            site_a_editable(),
        ),
        Case(
            "pdsa:datapoint-import",
            f"/pdsa/indicators/{indicator.pk}/data/import/",
            site_a_editable(),
        ),
        Case(
            "pdsa:datapoint-edit",
            f"/pdsa/indicators/{indicator.pk}/data/{point.pk}/edit/",
            site_a_editable(),
        ),
        Case(
            "pdsa:datapoint-delete",
            f"/pdsa/indicators/{indicator.pk}/data/{point.pk}/delete/",
            site_a_editable(),
        ),
        Case(
            "pdsa:datapoint-delete",
            f"/pdsa/indicators/{indicator.pk}/data/{point.pk}/delete/",
            site_a_editable(302),
            method="post",
        ),
        Case("pdsa:phase-add", f"/pdsa/indicators/{indicator.pk}/phases/add/", site_a_editable()),
        Case(
            "pdsa:phase-delete",
            f"/pdsa/indicators/{indicator.pk}/phases/{phase.pk}/delete/",
            site_a_editable(),
        ),
        Case("pdsa:cycle-detail", f"/pdsa/cycles/{cycle.pk}/", site_a_readable()),
        Case("pdsa:cycle-team", f"/pdsa/cycles/{cycle.pk}/team/", site_a_editable()),
        *[
            Case(
                "pdsa:cycle-stage",
                f"/pdsa/cycles/{cycle.pk}/{stage}/",
                site_a_editable(),
                data=version,
            )
            for stage in ("plan", "do", "study")
        ],
        # The act stage opens once do and study are done.
        Case("pdsa:cycle-stage", f"/pdsa/cycles/{studied.pk}/act/", site_a_editable()),
        Case(
            "pdsa:cycle-comment",
            f"/pdsa/cycles/{cycle.pk}/comments/",
            COMMENTERS,
            method="post",
            data={"text": "What did the carers say?"},
        ),
        Case("pdsa:cycle-library", "/pdsa/library/", expect(200)),
        Case("pdsa:library-cycle", f"/pdsa/library/{done.pk}/", expect(200)),
    ]
