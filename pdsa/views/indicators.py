from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import require

from .. import history, selectors, services
from ..chart_results import compute
from ..forms import IndicatorForm
from ..indicator_svg import render_indicator_svg
from ..models import DataPoint, Indicator

DATA_PAGE_SIZE = 50

SIGNAL_NAMES = {
    "shift": "shift (6 or more points on one side of the median)",
    "trend": "trend (5 or more points all going up or all going down)",
    "astronomical": "astronomical point",
}
XMR_CAUSES = {
    "outside": "outside the process limits",
    "shift": "7 or more points on one side of the mean",
    "trend": "7 or more points each higher (or lower) than the last",
    "two_of_three": "2 of 3 points beyond two thirds of the way to a limit",
}


@login_required
def indicator_add(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.add_indicator", goal)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        indicator = services.indicator_create(goal=goal, by=request.user, **form.cleaned_data)
        messages.success(request, f"Indicator “{indicator.name}” added. Now add its data.")
        return redirect(indicator)
    return render(
        request,
        "pdsa/indicator_form.html",
        {"goal": goal, "form": form, "title": f"Add an indicator to {goal.title}"},
    )


@login_required
def indicator_edit(request, pk):
    indicator = get_object_or_404(selectors.indicators_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_indicator", indicator)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        services.indicator_update(indicator=indicator, by=request.user, **form.cleaned_data)
        messages.success(request, "Indicator saved.")
        return redirect(indicator)
    return render(
        request,
        "pdsa/indicator_form.html",
        {
            "goal": indicator.goal,
            "indicator": indicator,
            "form": form,
            "title": f"Edit {indicator.name}",
        },
    )


@dataclass
class Stretch:
    """Consecutive data points carrying the same signal, told once: a shift over a year of
    daily values is one sentence, not 300."""

    first: DataPoint
    last: DataPoint
    count: int
    reading: object


def stretches(signalled) -> list[Stretch]:
    """Group (index, point, reading) in date order into runs of the same reading on
    consecutive points."""
    found: list[Stretch] = []
    previous_index = None
    for index, point, reading in signalled:
        if found and found[-1].reading == reading and index == previous_index + 1:
            found[-1].last, found[-1].count = point, found[-1].count + 1
        else:
            found.append(Stretch(point, point, 1, reading))
        previous_index = index
    return found


def chart_context(indicator: Indicator, points, results) -> dict:
    """Both charts as inline SVG, and their signals in words for those who do not see them."""
    run, xmr = results.run, results.xmr
    if results.too_large:  # nothing is charted: no signals to tell
        points = []

    def side(index, value) -> str:
        """A shift below the median and the next one above it are two stretches."""
        median = next(p.centre for p in run.phases if p.start <= index < p.end)
        if median is None or value == median:
            return ""
        return "; above the median" if value > median else "; below the median"

    run_signals = stretches(
        (i, p, ", ".join(SIGNAL_NAMES[s] for s in sorted(point.signals)) + side(i, p.value))
        for i, (p, point) in enumerate(zip(points, run.points, strict=True))
        if point.signals
    )
    xmr_signals = stretches(
        (i, p, (point.reading(indicator.better), XMR_CAUSES[point.cause]))
        for i, (p, point) in enumerate(zip(points, xmr.points, strict=True))
        if point.cause
    )
    return {
        "results": results,
        "run": run,
        "xmr": xmr,
        "phase_lines": results.phase_summaries(),
        "run_svg": render_indicator_svg(results, "run"),
        "xmr_svg": render_indicator_svg(results, "xmr"),
        "run_signals": run_signals,
        "xmr_signals": xmr_signals,
    }


@login_required
def indicator_detail(request, pk):
    indicator = get_object_or_404(selectors.indicators_for_user(request.user), pk=pk)
    points = selectors.data_points(indicator)
    phases = list(indicator.phases.order_by("starts_on"))
    # The charts draw every point; the table lists a page of them, the latest by default.
    paginator = Paginator(points, DATA_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page") or paginator.num_pages)
    context = {
        "indicator": indicator,
        "goal": indicator.goal,
        "points": points,
        "page": page,
        "history": history.entries(indicator.history.select_related("history_user")),
        "phases": phases,
    }
    context.update(
        chart_context(indicator, points, compute(indicator, points, phases, indicator.cycles.all()))
    )
    return render(request, "pdsa/indicator_detail.html", context)
