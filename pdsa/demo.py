"""Demo improvement work for three sites, built through the services: priorities, easy and
hard goals, indicators with data that make the charts signal, and PDSA cycles with every
outcome, including an abandoned change and what it taught."""

import datetime
import random

from django.contrib.auth import get_user_model

from challenges.models import Challenge, Framework
from sites.models import Person, Site

from . import services
from .models import Cycle, Goal, Indicator

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


# site -> (lead username, [(challenge, [goal])]); goal: (title, difficulty, status, owner,
# months ago started, months to target, [indicator], [cycle]); indicator: (name, unit, better,
# interval days, points, series kwargs); cycle: (change idea, outcome or None, learning)
PLAN = {
    "Devon Partnership NHS Trust": (
        "lead",
        [
            (
                3,
                [
                    (
                        "Open a co-produced Recovery College prospectus",
                        Goal.Difficulty.EASY,
                        Goal.Status.ACHIEVED,
                        "Dan Ellery",
                        24,
                        6,
                        [
                            (
                                "Course places taken each month",
                                "places",
                                Indicator.Better.UP,
                                30,
                                24,
                                {"base": 40, "noise": 6, "shift_at": 12, "shift": 18},
                            ),
                        ],
                        [
                            (
                                "Peer trainers and clinicians write course descriptions together",
                                Cycle.Outcome.ADOPT,
                                "Courses written by peer trainers filled first.",
                            ),
                        ],
                    )
                ],
            ),
            (
                6,
                [
                    (
                        "A peer support worker in every community team",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Ruth Penrose",
                        24,
                        24,
                        [
                            (
                                "Community teams with a peer support worker",
                                "%",
                                Indicator.Better.UP,
                                30,
                                24,
                                {"base": 20, "noise": 2, "trend_from": 14, "step": 4},
                            ),
                        ],
                        [
                            (
                                "Recruit peer workers through the Recovery College graduates",
                                Cycle.Outcome.ADAPT,
                                "Graduates applied but needed a supported interview.",
                            ),
                            ("Supported interviews with a peer on every panel", None, ""),
                        ],
                    )
                ],
            ),
            (
                1,
                [
                    (
                        "Personal goals in every care review",
                        Goal.Difficulty.EASY,
                        Goal.Status.IN_PROGRESS,
                        "Sam Okafor",
                        8,
                        6,
                        [
                            (
                                "Care reviews recording a personal goal in the person's words",
                                "%",
                                Indicator.Better.UP,
                                7,
                                30,
                                {"base": 35, "noise": 5, "shift_at": 18, "shift": 20},
                            ),
                            (
                                "Days from referral to first conversation about goals",
                                "days",
                                Indicator.Better.DOWN,
                                7,
                                26,
                                {"base": 21, "noise": 3, "shift_at": 16, "shift": -8},
                            ),
                        ],
                        [
                            (
                                "A recovery prompt card attached to the electronic care record",
                                Cycle.Outcome.ABANDON,
                                "Staff clicked past the prompt: a form field does not change a "
                                "conversation. "
                                "We need people, not screens, to model the question.",
                            ),
                            (
                                "Peer-led coaching on one ward before care reviews",
                                Cycle.Outcome.ADAPT,
                                "Coaching worked on the ward where the manager joined in.",
                            ),
                            (
                                "Peer-led coaching with the ward manager on all acute wards",
                                Cycle.Outcome.ADOPT,
                                "Managers modelling the question made it stick.",
                            ),
                        ],
                    )
                ],
            ),
        ],
    ),
    "Mersey Care NHS Trust": (
        "lead2",
        [
            (
                7,
                [
                    (
                        "Co-produced safety plans on two wards",
                        Goal.Difficulty.EASY,
                        Goal.Status.IN_PROGRESS,
                        "Aisha Khan",
                        10,
                        6,
                        [
                            (
                                "Safety plans written with the person",
                                "%",
                                Indicator.Better.UP,
                                14,
                                22,
                                {"base": 30, "noise": 4, "shift_at": 12, "shift": 15},
                            ),
                        ],
                        [
                            (
                                "Service users and nurses write safety plans side by side",
                                Cycle.Outcome.ADOPT,
                                "People kept their own copy and used it.",
                            ),
                        ],
                    ),
                    (
                        "Text-message recovery check-ins after discharge",
                        Goal.Difficulty.EASY,
                        Goal.Status.ABANDONED,
                        "Aisha Khan",
                        16,
                        6,
                        [],
                        [
                            (
                                "A text from the ward a week after discharge",
                                Cycle.Outcome.ABANDON,
                                "Few people answered a number they did not know; "
                                "the peer worker's phone call worked better.",
                            ),
                        ],
                    ),
                ],
            ),
            (
                8,
                [
                    (
                        "Halve restrictive interventions",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Paul Rimmer",
                        18,
                        18,
                        [
                            (
                                "Restraint incidents each month",
                                "incidents",
                                Indicator.Better.DOWN,
                                30,
                                24,
                                {"base": 28, "noise": 4, "shift_at": 14, "shift": -10},
                            ),
                        ],
                        [
                            (
                                "A weekly reflective practice group on each ward",
                                Cycle.Outcome.ABANDON,
                                "Shift patterns meant few staff could attend; "
                                "learning moved to handovers.",
                            ),
                            ("Ten-minute safety huddles at every handover", None, ""),
                        ],
                    )
                ],
            ),
        ],
    ),
    "Nottingham University Hospitals NHS Foundation Trust": (
        None,
        [
            (
                10,
                [
                    (
                        "Employment specialists in community teams (IPS)",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Helen Cartwright",
                        20,
                        12,
                        [
                            (
                                "People in paid work supported by IPS",
                                "people",
                                Indicator.Better.UP,
                                30,
                                20,
                                {"base": 8, "noise": 2, "trend_from": 10, "step": 1.2},
                            ),
                        ],
                        [
                            (
                                "An employment specialist attends team meetings weekly",
                                Cycle.Outcome.ADOPT,
                                "Referrals rose once clinicians met the specialist.",
                            ),
                        ],
                    )
                ],
            ),
            (
                2,
                [
                    (
                        "Co-produced recovery training for team managers",
                        Goal.Difficulty.EASY,
                        Goal.Status.NOT_STARTED,
                        "Grace Lowe",
                        1,
                        6,
                        [],
                        [],
                    )
                ],
            ),
        ],
    ),
}


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
    for site in Site.objects.filter(is_active=True):
        services.progress_record(site=site, today=today)
    return f"improvement work for {made} site{'s' if made != 1 else ''}"


# Why each closed goal of the plan was closed, in the group's words.
CLOSING_NOTES = {
    "Open a co-produced Recovery College prospectus": (
        "The first prospectus is out, written by peer trainers and clinicians together, and "
        "places taken each month stayed up after the change. The college carries on as "
        "part of the trust's ordinary work."
    ),
    "Text-message recovery check-ins after discharge": (
        "Stopped after one cycle: people did not answer texts from a number they did not "
        "know. The peer workers' phone calls do the job; the group put its time there."
    ),
}


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
