"""Demo improvement work for three sites, built through the services: priorities, easy and
hard goals, indicators with data that make the charts signal, and PDSA cycles with every
outcome, including an abandoned change and what it taught."""

import datetime
import random

from django.contrib.auth import get_user_model

from challenges.models import Challenge, Framework
from sites.models import Person, Site

from . import services
from .charts import TRIAL_BELOW
from .demo_plan import CLOSING_NOTES, PLAN
from .models import Cycle, Goal

DAY = datetime.timedelta(days=1)
CYCLE = 42 * DAY  # a cycle's test period
ACTED_AFTER = 14 * DAY  # from the test's end to the act stage (study a week, act a week)
ADOPTED = (Cycle.Outcome.ADOPT, Cycle.Outcome.ADAPT)


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
    watched, change_on = [], None
    for name, unit, better, interval, n, shape, indicator_target in indicators:
        values = _series(n, rng=rng, **shape)
        indicator = services.indicator_create(
            goal=goal,
            name=name,
            unit=unit,
            better=better,
            data_interval_days=interval,
            baseline=values[0],
            target=indicator_target,
            xmr_baseline=12 if n >= 20 else None,
            by=by,
        )
        first = today - interval * (n - 1) * DAY
        services.data_points_add(
            indicator=indicator,
            rows=[(first + interval * i * DAY, v, "") for i, v in enumerate(values)],
        )
        watched.append(indicator)
        moved = shape.get("shift_at", shape.get("trend_from"))
        if change_on is None and moved is not None:
            change_on = first + interval * moved * DAY
    previous, made = None, []
    for (change_idea, outcome, learning), (starts, ends) in zip(
        cycles, _schedule(cycles, start=start, today=today, change_on=change_on), strict=True
    ):
        previous = _cycle(
            goal, change_idea, outcome, learning, watched, previous, by=by, starts=starts,
            ends=ends, today=today,
        )  # fmt: skip
        made.append(previous)
    change = next((c for c in made if c.outcome in ADOPTED), None)
    if change is not None:
        _phase_at_change(change, watched, by=by)
    if status in Goal.CLOSED:  # closed the way a site closes one: with a date and a note
        last_done = previous.act_done if previous and previous.act_done else start
        services.goal_close(
            goal=goal,
            outcome=status,
            note=CLOSING_NOTES[title],
            closed_on=min(today, max(goal.target_date, last_done + 180 * DAY)),
            by=by,
        )


def _schedule(cycles, *, start, today, change_on):
    """(starts, ends) of each cycle. The first adopted or adapted change is acted on the day
    the data moved (``change_on``): the cycles before it come earlier, those after it run up
    to a week ago. Without such a change, the cycles share the time since the goal began."""
    key = next((i for i, (_, outcome, _) in enumerate(cycles) if outcome in ADOPTED), None)
    if key is None or change_on is None:
        length = (today - start) / max(len(cycles), 1)
        return [
            (start + length * i, start + length * (i + 1) - 7 * DAY) for i in range(len(cycles))
        ]
    key_ends = change_on - ACTED_AFTER
    slots = [(key_ends - (key - i) * (CYCLE + 7 * DAY)) for i in range(key + 1)]
    later = len(cycles) - key - 1
    slots += [change_on + (today - 7 * DAY - change_on) * j / later for j in range(1, later + 1)]
    return [(ends - CYCLE, ends) for ends in slots]


def _phase_at_change(change, watched, *, by):
    """A new phase where the change was adopted, on each indicator with enough values after
    it for limits that can tell (12): a phase of a few points would only have trial limits."""
    for indicator in watched:
        if indicator.data_points.filter(date__gte=change.act_done).count() >= TRIAL_BELOW:
            services.phase_start(
                indicator=indicator,
                starts_on=change.act_done,
                reason=f"Cycle {change.number} {change.outcome}ed: {change.change_idea}"[:300],
                cycle=change,
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
    return services.cycle_update(cycle=cycle, version=cycle.version, by=by, **stages)
