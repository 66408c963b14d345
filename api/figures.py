"""The API's figures, read from the functions the pages use (the progress score, the chart
results, the workshop figures), never computed again here: the API cannot disagree with a page."""

from learning_sets.summary import Figures
from pdsa import scores as pdsa_scores
from pdsa import selectors as pdsa_selectors
from pdsa.charts import IMPROVEMENT


def progress_record(progress) -> dict:
    """A progress score as the goal page and the site's progress page show it."""
    return {
        "score": progress.score,
        "label": progress.label,
        "steps": [
            {"score": s.score, "label": s.label, "met": s.met, "reason": s.reason}
            for s in progress.steps
        ],
    }


def progress_of_sites(sites) -> dict[int, tuple[dict, dict[int, dict]]]:
    """Each site's score and its goals' scores, from the site progress page's selector."""
    return {
        site_id: (
            progress_record(score),
            {goal.pk: progress_record(progress) for goal, progress in goals},
        )
        for site_id, (score, goals) in pdsa_scores.sites_progress(sites).items()
    }


def _phase_numbers(phases, n: int) -> list[int]:
    numbers = [0] * n
    for number, phase in enumerate(phases, start=1):
        for i in range(phase.start, min(phase.end, n)):
            numbers[i] = number
    return numbers


def chart_record(results) -> dict:
    """An indicator's chart results as its page shows them: every point with its phase, its
    XmR and run-chart signals and reading; each phase's centre line and limits; the variation
    and assurance icons of the latest point."""
    xmr, run = results.xmr, results.run
    n = len(results.values)
    phase_of = _phase_numbers(xmr.phases, n)
    points = []
    for i in range(n):
        xmr_point = xmr.points[i] if i < len(xmr.points) else None
        run_point = run.points[i] if i < len(run.points) else None
        points.append(
            {
                "date": results.dates[i],
                "value": results.values[i],
                "note": results.notes[i],
                "phase": phase_of[i],
                "xmr_signals": sorted(xmr_point.signals) if xmr_point else [],
                "reading": xmr_point.reading(results.better) if xmr_point else None,
                "improvement": bool(xmr_point) and xmr_point.reading(results.better) == IMPROVEMENT,
                "run_signals": sorted(run_point.signals) if run_point else [],
                "run_position": run_point.position if run_point else None,
            }
        )
    phases = []
    for number, (xmr_phase, run_phase) in enumerate(
        zip(xmr.phases, run.phases, strict=False), start=1
    ):
        if xmr_phase.end <= xmr_phase.start:
            continue
        phases.append(
            {
                "number": number,
                "first": results.dates[xmr_phase.start],
                "last": results.dates[xmr_phase.end - 1],
                "points": xmr_phase.end - xmr_phase.start,
                "mean": xmr_phase.centre,
                "median": run_phase.centre,
                "upper_limit": xmr_phase.upper_limit,
                "lower_limit": xmr_phase.lower_limit,
                "baseline_points": xmr_phase.baseline,
                "trial_limits": xmr_phase.trial,
            }
        )
    return {
        "points": points,
        "phases": phases,
        "mean": xmr.mean,
        "upper_limit": xmr.upper_limit,
        "lower_limit": xmr.lower_limit,
        "median": run.median,
        "trial_limits": results.trial,
        "variation": results.variation,
        "variation_words": results.variation_words,
        "assurance": results.assurance,
        "assurance_words": results.assurance_words,
        "too_large": bool(results.too_large),
    }


def with_chart_results(indicators):
    """The indicators with ``.results``, from the stored chart results the pages read."""
    return pdsa_selectors.with_results(indicators)


def attendance_figures(rows) -> Figures:
    """A workshop's figures for one site, from grouped delegate counts, by the rule the
    workshop page counts with (``Figures.add_delegates``)."""
    figures = Figures()
    for row in rows:
        figures.add_delegates(
            status=row["status"],
            attended=row["attended"],
            perspective=row["perspective"],
            n=row["n"],
            site_id=row["site_id"],
        )
    return figures
