"""A progress score nobody has to type: the IHI 0.5-5 project progress scale, read from the
data exactly as domain.md ("The progress score, read from the data") defines it.

The goal's change is its first cycle whose act stage ended in adopt or adapt; its act date
splits each indicator's series into before and after (:mod:`pdsa.charts.change`). Steps are
cumulative: a goal scores the highest step whose condition, and every one below it, holds.
Each step says why it is met or what would meet it; every page, report and export shows
these same words (:func:`goal_progress`, :func:`site_progress`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from . import progress_words as words
from .charts import CONCERN
from .charts.change import ChangeReading, read_change

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
ADOPTED = ("adopt", "adapt")
SOME, HALF, MOST = 0.2, 0.5, 0.75  # completion towards the targets at 3.0, 4.0 and 4.5
ACTIVITY_VALUES = 6  # values recorded that count as activity (2.0) without a cycle


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

    @property
    def reached(self) -> Step | None:
        """The score's own step: its reason says why the score is what it is."""
        return next((s for s in self.steps if s.score == self.score), None)


@dataclass(frozen=True)
class Change:
    """The goal's change: its cycle's number, outcome (adopt or adapt) and act date."""

    number: int
    outcome: str
    act_done: object


@dataclass(frozen=True)
class CycleFacts:
    """What the score needs of a goal's cycles: read from the cycles, or from a query's
    annotations (the site page)."""

    started: int
    tested: int  # reached the act stage
    change: Change | None


@dataclass(frozen=True)
class Read:
    """One indicator of the goal, read against the change."""

    name: str
    unit: str
    values: int
    target: float | None
    change: ChangeReading


def the_change(cycles):
    """The goal's change: the first cycle (by act date) whose act stage ended in adopt or adapt."""
    adopted = [c for c in cycles if c.act_done and c.outcome in ADOPTED]
    return min(adopted, key=lambda c: (c.act_done, c.number), default=None)


def cycle_facts(cycles) -> CycleFacts:
    cycles = list(cycles)
    change = the_change(cycles)
    return CycleFacts(
        started=len(cycles),
        tested=sum(1 for c in cycles if c.act_done),
        change=Change(change.number, change.outcome, change.act_done) if change else None,
    )


def read_indicator(results, change_on) -> Read:
    concerns = [p.reading(results.better) == CONCERN for p in results.xmr.points]
    change = read_change(
        dates=results.dates,
        values=results.values,
        better=results.better,
        target=results.target,
        typed_baseline=results.typed_baseline,
        change_on=change_on,
        phase_starts=[m.starts_on for m in results.phases],
        run=results.run_length,
        excluded=results.excluded,
        fixed_baseline=results.fixed_baseline,
        concerns=concerns,
    )
    return Read(results.name, results.unit, len(results.values), results.target, change)


def goal_progress(goal, *, group_formed: bool, cycles, indicators=(), reads=None) -> Progress:
    """``indicators`` carry ``.results`` (chart results), read here against the change; or
    ``reads`` are their readings already made (``chart_cache.reads_many``). ``cycles`` are
    the goal's cycles or their :class:`CycleFacts`."""
    facts = cycles if isinstance(cycles, CycleFacts) else cycle_facts(cycles)
    change = facts.change
    if reads is None:
        on = change.act_done if change else None
        reads = [read_indicator(i.results, on) for i in indicators]
    with_target = [r for r in reads if r.target is not None]
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
            bool(with_target),
            f"“{with_target[0].name}” measures it, with a target of "
            f"{words.num(with_target[0].target)}."
            if with_target
            else "",
            "Set an indicator with a target to measure the goal."
            if not reads
            else f"Set a target on “{reads[0].name}”.",
        ),
        _activity(facts.started, reads),
        _tested(facts.tested, reads),
        *_after_change(change, reads),
    ]
    steps, reached, holding = [], 0.5, True
    for score, met, because, to_meet in checks:
        holding = holding and met
        if holding:
            reached = score
        steps.append(Step(score, SCALE[score], met, because if met else to_meet))
    return Progress(reached, tuple(steps))


def _activity(started: int, reads):
    busiest = max(reads, key=lambda r: r.values, default=None)
    if started:
        n = started
        return 2.0, True, f"{n} PDSA cycle{'s' if n != 1 else ''} started.", ""
    if busiest and busiest.values >= ACTIVITY_VALUES:
        return 2.0, True, f"“{busiest.name}” has {busiest.values} values recorded.", ""
    return 2.0, False, "", "Start a PDSA cycle, or record 6 values of an indicator."


def _tested(tested: int, reads):
    missing = [f"set a target on “{r.name}”" for r in reads if r.target is None]
    missing += [f"record values of “{r.name}”" for r in reads if not r.values]
    if not tested:
        missing.insert(0, "complete a cycle's act stage (adopt, adapt or abandon)")
    if not reads:
        missing.append("set an indicator with a target")
    if missing:
        return 2.5, False, "", words.sentence(missing)
    n = tested
    return (
        2.5,
        True,
        f"{n} change{'s' if n != 1 else ''} tested to the act stage; every indicator has a "
        "target and values.",
        "",
    )


def _after_change(change, reads):
    """The steps 3.0 to 5.0, read from each indicator before and after the change."""
    if change is None:
        waiting = (
            "Adopt or adapt a tested change: its act date splits the data into before and after."
        )
        return [(s, False, "", waiting) for s in (3.0, 3.5, 4.0, 4.5, 5.0)]
    on = words.day(change.act_done)
    adopted = f"Cycle {change.number}'s change was {change.outcome}ed on {on}"
    complete = [r for r in reads if (r.change.completion or 0) >= SOME]
    improved = [r for r in reads if r.change.improved_on]
    both = [r for r in improved if (r.change.completion or 0) >= SOME]
    mean = statistics.mean((r.change.completion or 0) for r in reads) if reads else 0.0
    sustained = [r for r in improved if r.change.sustained]
    long = [r for r in reads if r.change.after >= 12]
    unsustained = [r for r in long if not r.change.sustained]
    unmet = [r for r in reads if not (r.change.meets_target and r.change.assured)]
    shown = complete[:1] or improved[:1]
    return [
        (
            3.0,
            bool(complete or improved),
            f"{adopted}; {words.where(shown[0])}." if shown else "",
            f"{adopted}; after it, an indicator 20 % of the way to its target, or an improvement "
            "signal against the limits before the change. " + words.status(reads),
        ),
        (
            3.5,
            bool(both),
            f"{words.improvement(both[0])}, and it is {words.pct(both[0])} of the way to its "
            "target."
            if both
            else "",
            "An improvement after the change on an indicator 20 % or more of the way to its "
            "target. " + words.status(reads),
        ),
        (
            4.0,
            mean >= HALF and bool(sustained),
            f"Completion towards the targets is {words.pct_of(mean)} on average; the improvement "
            f"on “{sustained[0].name}” is sustained ({words.sustained(sustained[0])})."
            if sustained and mean >= HALF
            else "",
            f"Completion of 50 % or more on average (now {words.pct_of(mean)}) and the improvement "
            "sustained on one indicator (7 after points in a row on the better side of the "
            "baseline level, or 12 after points, with no concern in the latest 12)."
            + (f" {words.unsustained(improved)}" if improved and not sustained else ""),
        ),
        (
            4.5,
            mean >= MOST and not unsustained,
            f"Completion is {words.pct_of(mean)} on average and the improvement holds on every "
            "indicator with 12 or more values after the change.",
            f"Completion of 75 % or more on average (now {words.pct_of(mean)}) and sustained on "
            "every indicator with 12 or more values after the change"
            + (f" (not yet: {words.names(unsustained)})." if unsustained else "."),
        ),
        (
            5.0,
            bool(reads) and not unmet,
            "Every indicator meets its target consistently: assurance “pass” from limits on "
            "12 or more values after the change.",
            "Every indicator meets its target consistently, with assurance “pass” from limits on "
            f"12 or more values after the change. {words.assurance(unmet[0])}"
            if unmet
            else "Set an indicator with a target.",
        ),
    ]


def site_progress(goal_scores: list[tuple[object, Progress]], *, group_formed: bool) -> Progress:
    """The site's score is the lower median of its open goals' scores: the score at least
    half of them reach, taking the lower of the two middle ones. Without open goals, its
    closed goals; without goals, 0.5, or 1.0 once the project group is formed."""
    open_goals = [(g, p) for g, p in goal_scores if not getattr(g, "is_closed", False)]
    counted = sorted(open_goals or goal_scores, key=lambda pair: pair[0].title)  # named in order
    if counted:
        scores = sorted(p.score for _, p in counted)
        score = statistics.median_low(scores)
        n = len(counted)
        needed = n - (n - 1) // 2
        kind = "open goals" if open_goals else "goals (all closed)"
        steps = []
        for step in SCALE:
            reaching = [g for g, p in counted if p.score >= step]
            names = ", ".join(f"“{g.title}”" for g in reaching[:3])
            names += "…" if len(reaching) > 3 else ""
            if len(reaching) >= needed:
                why = f"{len(reaching)} of {n} {kind} reach it ({names})."
            else:
                why = (
                    f"Needs {needed} of {n} {kind} at {step:.1f} (the lower median); "
                    f"{len(reaching)} reach{'es' if len(reaching) == 1 else ''} it"
                    + (f" ({names})." if reaching else ".")
                )
            steps.append(Step(step, SCALE[step], len(reaching) >= needed, why))
        return Progress(score, tuple(steps))
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


def as_record(progress: Progress) -> list[dict]:
    """The steps as JSON for a stored snapshot."""
    return [
        {"score": s.score, "label": s.label, "met": s.met, "reason": s.reason}
        for s in progress.steps
    ]
