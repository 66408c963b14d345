"""Demo improvement work for three sites, built through the services: priorities, easy and
hard goals, indicators with data that make the charts signal, and PDSA cycles with every
outcome, including an abandoned change and what it taught."""

import datetime
import random

from django.contrib.auth import get_user_model

from challenges.models import Challenge, Framework
from sites.models import Person, Site

from . import services
from .demo_plan import CLOSING_NOTES, PLAN
from .models import Cycle, Goal

DAY = datetime.timedelta(days=1)


def _series(n, base, noise, rng, *, shift_at=None, shift=0.0, trend_from=None, step=0.0):
    values = []
    for i in range(n):
        value = base + rng.uniform(-noise, noise)
        if shift_at is not None and i >= shift_at:
            value += shift
        if trend_from is not None and i >= trend_from:
            value += step * (i - trend_from + 1)
        values.append(round(value, 1))
    return values


def load(*, today: datetime.date) -> str:
    framework = Framework.objects.current()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["lead", "lead2"])}
    made = 0
    for site_name, (username, priorities) in PLAN.items():
        site = Site.objects.filter(name=site_name).first()
        if site is None or site.priorities.exists():
            continue  # not loaded, or already has its work: nothing to add
        by = users.get(username)
        rng = random.Random(site_name)
        challenges = [Challenge.objects.get(framework=framework, number=n) for n, _ in priorities]
        by_challenge = {
            p.challenge.number: p
            for p in services.priorities_set(
                site=site, challenges=challenges, agreed_on=today - 730 * DAY
            )
        }
        for number, goals in priorities:
            for goal_plan in goals:
                _goal(by_challenge[number], goal_plan, by=by, today=today, rng=rng)
        made += 1
    for site in Site.objects.active():
        services.progress_record(site=site, today=today)
    return f"improvement work for {made} site{'s' if made != 1 else ''}"


def _goal(priority, plan, *, by, today, rng):
    title, difficulty, status, owner, started, target, indicators, cycles = plan
    start = today - started * 30 * DAY
    goal = services.goal_create(
        priority=priority,
        title=title,
        description=f"{title}: agreed by the project group.",
        difficulty=difficulty,
        owner=Person.objects.filter(full_name=owner).first(),
        start_date=start,
        target_date=start + target * 30 * DAY,
        status=Goal.Status.IN_PROGRESS if status in Goal.CLOSED else status,
        by=by,
    )
    watched = []
    for name, unit, better, interval, n, shape in indicators:
        values = _series(n, rng=rng, **shape)
        indicator = services.indicator_create(
            goal=goal,
            name=name,
            unit=unit,
            better=better,
            data_interval_days=interval,
            baseline=values[0],
            xmr_baseline=12 if n >= 20 else None,
            by=by,
        )
        first = today - interval * (n - 1) * DAY
        services.data_points_add(
            indicator=indicator,
            rows=[(first + interval * i * DAY, v, "") for i, v in enumerate(values)],
        )
        watched.append(indicator)
    span = max(len(cycles), 1)
    length = (today - start) / span
    previous = None
    for i, (change_idea, outcome, learning) in enumerate(cycles):
        previous = _cycle(
            goal,
            change_idea,
            outcome,
            learning,
            watched,
            previous,
            by=by,
            starts=start + length * i,
            ends=start + length * (i + 1) - 7 * DAY,
            today=today,
        )
    if status in Goal.CLOSED:  # closed the way a site closes one: with a date and a note
        last_done = previous.act_done if previous and previous.act_done else start
        services.goal_close(
            goal=goal,
            outcome=status,
            note=CLOSING_NOTES[title],
            closed_on=min(today, max(goal.target_date, last_done)),
            by=by,
        )


def _cycle(goal, change_idea, outcome, learning, watched, previous, *, by, starts, ends, today):
    cycle = services.cycle_plan(
        goal=goal,
        by=by,
        adapted_from=previous if previous and previous.outcome == Cycle.Outcome.ADAPT else None,
        watched_indicators=watched,
        objective=f"Test whether this moves “{goal.title.lower()}”.",
        change_idea=change_idea,
        prediction="A visible rise in the watched indicator within the test period.",
        who="The project group with ward staff",
        where="Two wards first",
        starts_on=starts,
        ends_on=ends,
        plan_due=starts,
        plan_done=starts,
        do_due=ends,
        study_due=ends + 7 * DAY,
        act_due=ends + 14 * DAY,
    )
    if outcome is None:
        return cycle  # still running: the do stage is current
    stages = {
        "do_done": ends,
        "what_happened": "Ran as planned on both wards.",
        "observations": "Staff and service users reported the change in their own words.",
        "study_done": min(ends + 7 * DAY, today),
        "results": f"Against the prediction: {learning}",
        "act_done": min(ends + 14 * DAY, today),
        "outcome": outcome,
        "learning": learning,
        "next_steps": "Share at the next learning set.",
    }
    cycle = services.cycle_update(cycle=cycle, version=cycle.version, by=by, **stages)
    if outcome == Cycle.Outcome.ADOPT:  # the change is understood: a new phase on its charts
        for indicator in watched:
            if not indicator.phases.filter(starts_on=cycle.act_done).exists():
                services.phase_start(
                    indicator=indicator,
                    starts_on=cycle.act_done,
                    reason=f"Cycle {cycle.number} adopted: {change_idea}"[:300],
                    cycle=cycle,
                    by=by,
                )
    return cycle
