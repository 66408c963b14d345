"""Each site's improvement work: assessments with ratings, priorities, goals, indicators
with their data, and PDSA cycles. Busy sites hold most goals, busy goals most cycles."""

import datetime

from challenges.models import Assessment, Framework, Participant, Rating
from pdsa.models import Cycle, DataPoint, Goal, Indicator, Priority
from pdsa.services import charts_changed

from .bulk import copy_rows, insert
from .common import CHANGE_IDEAS, allocate, days_before, skewed_weights
from .scale import ASSESSMENTS_PER_SITE

DAY = datetime.timedelta(days=1)
MOST_POINTS_PER_INDICATOR = 1_500  # four years of daily values
MEASURES = (
    "Share of care plans co-produced",
    "Number of people in paid work",
    "Restraints a month",
    "Peer support contacts",
    "Days from referral to first contact",
)


def build(people, *, rng, scale, today, timings) -> None:
    framework = Framework.objects.current()
    challenges = list(framework.challenges.order_by("number"))
    stages = list(framework.stages.order_by("rank"))
    _assessments(
        people, rng=rng, today=today, timings=timings, challenges=challenges, stages=stages
    )
    goals = _goals(
        people, rng=rng, scale=scale, today=today, timings=timings, challenges=challenges
    )
    indicators = _indicators(goals, rng=rng, scale=scale, today=today, timings=timings)
    _cycles(goals, indicators, rng=rng, scale=scale, today=today, timings=timings)


def _assessments(people, *, rng, today, timings, challenges, stages) -> None:
    with timings.table("assessments") as t:
        assessments = []
        for site in people.sites:
            for k in range(ASSESSMENTS_PER_SITE):
                assessed_on = today - datetime.timedelta(days=91 * (ASSESSMENTS_PER_SITE - k))
                assessments.append(
                    Assessment(
                        site=site,
                        framework_id=challenges[0].framework_id,
                        assessed_on=assessed_on - rng.randint(0, 20) * DAY,
                    )
                )
        t["rows"] = len(insert(Assessment, assessments))
    with timings.table("ratings") as t:
        ratings, start_rank = [], {}
        for n, assessment in enumerate(assessments):
            k = n % ASSESSMENTS_PER_SITE  # the site's k-th assessment: sites move up the scale
            for challenge in challenges:
                key = (assessment.site_id, challenge.pk)
                start_rank.setdefault(key, rng.randint(0, 1))
                rank = min(len(stages) - 1, start_rank[key] + k * rng.randint(0, 2) // 6)
                ratings.append(
                    Rating(
                        assessment=assessment,
                        challenge=challenge,
                        stage=stages[rank],
                        evidence="Discussed at the project group; see the TRIP review.",
                    )
                )
        t["rows"] = len(insert(Rating, ratings))
    with timings.table("assessment participants") as t:
        participants = []
        for assessment in assessments:
            group = people.persons_by_site[assessment.site_id]
            for person in rng.sample(group, min(len(group), rng.randint(2, 4))):
                participants.append(
                    Participant(
                        assessment=assessment,
                        person=person,
                        perspective=rng.choice(("clinician", "service_user", "carer")),
                    )
                )
        t["rows"] = len(insert(Participant, participants))


def _goals(people, *, rng, scale, today, timings, challenges) -> list[Goal]:
    goals_per_site = allocate(rng, scale.goals, people.site_weights, cap=400)
    with timings.table("priorities") as t:
        priorities, per_priority = [], []
        for site, goal_count in zip(people.sites, goals_per_site, strict=True):
            count = min(len(challenges), 2 + goal_count // 12)
            chosen = rng.sample(challenges, count)
            for challenge in chosen:
                priorities.append(
                    Priority(site=site, challenge=challenge, agreed_on=site.date_joined + 60 * DAY)
                )
            per_priority += allocate(rng, goal_count, [1.0] * count)
        t["rows"] = len(insert(Priority, priorities))
    with timings.table("goals") as t:
        goals = []
        statuses = list(Goal.Status.values)
        for priority, count in zip(priorities, per_priority, strict=True):
            owners = people.persons_by_site[priority.site_id]
            for k in range(count):
                start = days_before(today, rng, 3 * 365, 30)
                goals.append(
                    Goal(
                        priority=priority,
                        title=f"{rng.choice(CHANGE_IDEAS).capitalize()} ({k + 1})",
                        description="Agreed with the project group after the assessment.",
                        difficulty=Goal.Difficulty.EASY if k % 2 == 0 else Goal.Difficulty.HARD,
                        owner=rng.choice(owners),
                        start_date=start,
                        target_date=start + rng.randint(60, 540) * DAY,
                        status=rng.choices(statuses, (1, 5, 3, 1, 1))[0],
                    )
                )
        t["rows"] = len(insert(Goal, goals))
    return goals


def _indicators(goals, *, rng, scale, today, timings) -> list[Indicator]:
    per_goal = allocate(rng, scale.indicators, skewed_weights(rng, len(goals)), cap=40)
    points = allocate(
        rng,
        scale.data_points,
        skewed_weights(rng, scale.indicators, shape=1.5),
        cap=MOST_POINTS_PER_INDICATOR,
    )
    counts = iter(points)
    with timings.table("indicators") as t:
        indicators = []
        for goal, count in zip(goals, per_goal, strict=True):
            for k in range(count):
                baseline = round(rng.uniform(5, 80), 1)
                better = rng.choice(("up", "down"))
                n_points = next(counts)
                indicators.append(
                    Indicator(
                        goal=goal,
                        name=f"{rng.choice(MEASURES)} {k + 1}",
                        unit=rng.choice(("%", "people", "days")),
                        better=better,
                        baseline=baseline,
                        target=round(baseline * (1.3 if better == "up" else 0.7), 1),
                        data_interval_days=1 if n_points > 150 else 7 if n_points > 40 else 30,
                        xmr_baseline=rng.choice((None, 12, 20)),
                    )
                )
        t["rows"] = len(insert(Indicator, indicators))
    with timings.table("data points (COPY on PostgreSQL)") as t:

        def rows():
            for indicator, count in zip(indicators, points, strict=True):
                value, step = indicator.baseline, indicator.data_interval_days * DAY
                drift = 0.2 if indicator.better == "up" else -0.2
                first = today - (count - 1) * step
                for k in range(count):
                    value = max(0.0, value + rng.gauss(drift, 2))
                    yield (indicator.pk, first + k * step, round(value, 1), "")

        t["rows"] = copy_rows(DataPoint, ["indicator", "date", "value", "note"], rows())
        charts_changed(indicator_ids=Indicator.objects.values("pk"))
    return indicators


def _cycles(goals, indicators, *, rng, scale, today, timings) -> None:
    per_goal = allocate(rng, scale.cycles, skewed_weights(rng, len(goals)), cap=300)
    indicators_of = {}
    for indicator in indicators:
        indicators_of.setdefault(indicator.goal_id, []).append(indicator)
    outcomes = list(Cycle.Outcome.values)
    with timings.table("cycles") as t:
        cycles = []
        for goal, count in zip(goals, per_goal, strict=True):
            start = goal.start_date
            for number in range(1, count + 1):
                idea = rng.choice(CHANGE_IDEAS)
                starts = min(today, start + rng.randint(0, 20) * DAY)
                ends = starts + rng.randint(14, 60) * DAY
                cycle = Cycle(
                    goal=goal,
                    number=number,
                    objective=f"Test whether {idea} helps {goal.title.lower()}",
                    change_idea=f"Try {idea} with one team for a month.",
                    prediction="We expect a rise of about 10% in the indicator.",
                    who="Ward team with peer support workers",
                    where="One ward",
                    starts_on=starts,
                    ends_on=ends,
                    plan_due=starts,
                    do_due=ends,
                    study_due=ends + 14 * DAY,
                    act_due=ends + 28 * DAY,
                )
                progress = rng.randint(0, 4) if ends < today else rng.randint(0, 1)
                for stage, due in (
                    ("plan", starts),
                    ("do", ends),
                    ("study", ends + 14 * DAY),
                    ("act", ends + 28 * DAY),
                )[:progress]:
                    setattr(cycle, f"{stage}_done", min(today, due))
                if progress == 4:
                    cycle.outcome = rng.choices(outcomes, (5, 3, 2))[0]
                    cycle.learning = f"{idea.capitalize()} worked best when co-delivered."
                    cycle.results = "The indicator moved as predicted for two of three weeks."
                cycles.append(cycle)
                start = min(today, ends)
        t["rows"] = len(insert(Cycle, cycles))
    with timings.table("cycles' watched indicators") as t:
        through = Cycle.watched_indicators.through
        links = []
        for cycle in cycles:
            own = indicators_of.get(cycle.goal_id)
            if own and rng.random() < 0.5:
                links.append(through(cycle_id=cycle.pk, indicator_id=rng.choice(own).pk))
        t["rows"] = len(insert(through, links))
