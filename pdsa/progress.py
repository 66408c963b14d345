"""A progress score nobody has to type: the IHI 0.5-5 project progress scale, read from the
data (project group, goals and indicators, cycles, the charts' signals, phases, assurance).

Life QI users set the score by hand and forget; here each step is met or not from what is
recorded, with the reason shown. Steps are cumulative: a goal scores the highest step whose
condition, and every condition below it, holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from .charts import IMPROVEMENT, TRIAL_BELOW

# The IHI scale, as Life QI uses it.
SCALE = {
    0.5: "Intent to participate",
    1.0: "Forming team",
    1.5: "Planning for the project has begun",
    2.0: "Activity, but no changes",
    2.5: "Changes tested, but no improvement",
    3.0: "Modest improvement",
    3.5: "Improvement",
    4.0: "Significant improvement",
    4.5: "Sustainable improvement",
    5.0: "Outstanding sustainable results",
}


@dataclass(frozen=True)
class Step:
    score: float
    label: str
    met: bool
    reason: str  # why it is met, or what would meet it


@dataclass(frozen=True)
class Progress:
    score: float
    steps: tuple[Step, ...]

    @property
    def label(self) -> str:
        return SCALE[self.score]

    @property
    def next_step(self) -> Step | None:
        return next((s for s in self.steps if not s.met), None)


def goal_progress(goal, *, group_formed: bool, indicators, cycles) -> Progress:
    """``indicators`` carry ``.results`` (chart results); ``cycles`` are the goal's."""
    results = [i.results for i in indicators]
    started = list(cycles)
    tested = [c for c in cycles if c.act_done]
    adopted = [c for c in tested if c.outcome == "adopt"]
    signal = _first_improvement(results)
    after_change = _improvement_after(results, adopted)
    better_phase = _better_phase(results)
    sustained = better_phase if better_phase and _sustained(better_phase) else None
    assured = [r for r in results if r.assurance == "pass"]
    checks = [
        (0.5, True, f"The goal “{goal.title}” is recorded.", ""),
        (
            1.0,
            group_formed,
            "The site's project group is formed.",
            "Add the project group's members to the site.",
        ),
        (
            1.5,
            bool(results),
            f"{len(results)} indicator{'s' if len(results) != 1 else ''} set to measure it.",
            "Set an indicator to measure the goal.",
        ),
        (
            2.0,
            bool(started),
            f"{len(started)} PDSA cycle{'s' if len(started) != 1 else ''} run.",
            "Plan and run a PDSA cycle.",
        ),
        (
            2.5,
            bool(tested),
            f"{len(tested)} change{'s' if len(tested) != 1 else ''} tested to the act stage.",
            "Complete a cycle's act stage (adopt, adapt or abandon).",
        ),
        (
            3.0,
            signal is not None,
            f"An improvement signal on {signal}." if signal else "",
            "An improvement signal on an indicator's XmR chart.",
        ),
        (
            3.5,
            after_change is not None,
            f"A change adopted and improvement on {after_change} after it." if after_change else "",
            "Adopt a change and see an improvement signal after it.",
        ),
        (
            4.0,
            better_phase is not None,
            f"A later phase of {better_phase[0]} has a better mean than the one before."
            if better_phase
            else "",
            "Start a new phase where a change was adopted; its mean better than before.",
        ),
        (
            4.5,
            sustained is not None,
            f"The better phase of {sustained[0]} holds over {sustained[1].end - sustained[1].start}"
            " points with no concern."
            if sustained
            else "",
            f"The better phase holds over {TRIAL_BELOW}+ points with no special cause concern.",
        ),
        (
            5.0,
            bool(assured),
            f"{assured[0].name} consistently meets its target (assurance)." if assured else "",
            "The latest limits lie wholly on the right side of the target (assurance: pass).",
        ),
    ]
    steps, reached, holding = [], 0.5, True
    for score, met, because, to_meet in checks:
        holding = holding and met
        if holding:
            reached = score
        steps.append(Step(score, SCALE[score], met, because if met else to_meet))
    return Progress(reached, tuple(steps))


def site_progress(goal_scores: list[tuple[object, Progress]], *, group_formed: bool) -> Progress:
    """The site's score is its most advanced goal's; without goals, 0.5 or 1.0."""
    if goal_scores:
        goal, best = max(goal_scores, key=lambda pair: pair[1].score)
        steps = tuple(
            Step(s.score, s.label, s.met, f"{goal.title}: {s.reason}") for s in best.steps
        )
        return Progress(best.score, steps)
    return Progress(
        1.0 if group_formed else 0.5,
        (
            Step(0.5, SCALE[0.5], True, "The site takes part in the programme."),
            Step(
                1.0,
                SCALE[1.0],
                group_formed,
                "The project group is formed." if group_formed else "Form the project group.",
            ),
            Step(1.5, SCALE[1.5], False, "Agree priorities and set a goal with an indicator."),
        ),
    )


def _first_improvement(results) -> str | None:
    for r in results:
        if any(p.reading(r.better) == IMPROVEMENT for p in r.xmr.points):
            return r.name
    return None


def _improvement_after(results, adopted) -> str | None:
    if not adopted:
        return None
    since = min(c.starts_on for c in adopted)
    for r in results:
        for day, point in zip(r.dates, r.xmr.points, strict=True):
            if day >= since and point.reading(r.better) == IMPROVEMENT:
                return r.name
    return None


def _better_phase(results):
    """(indicator name, phase, results) of a later phase whose mean beats the one before."""
    for r in results:
        if r.better is None:
            continue
        phases = [p for p in r.xmr.phases if p.end > p.start]
        for before, after in zip(phases, phases[1:], strict=False):
            gain = after.centre - before.centre
            if (gain > 0) if r.better == "up" else (gain < 0):
                return r.name, after, r
    return None


def _sustained(found) -> bool:
    _, phase, r = found
    points = r.xmr.points[phase.start : phase.end]
    return phase.end - phase.start >= TRIAL_BELOW and not any(
        p.reading(r.better) == "concern" for p in points
    )


def as_record(progress: Progress) -> list[dict]:
    """The steps as JSON for a stored snapshot."""
    return [
        {"score": s.score, "label": s.label, "met": s.met, "reason": s.reason}
        for s in progress.steps
    ]
