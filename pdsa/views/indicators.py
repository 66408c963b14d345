from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from accounts.permissions import require

from .. import chart_cache, history, selectors, services
from ..chart_warnings import RUN_CHART_KINDS
from ..forms import IndicatorForm
from ..models import DataPoint

DATA_PAGE_SIZE = 50


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


@login_required
@require_safe
def indicator_detail(request, pk):
    indicator = get_object_or_404(selectors.indicators_for_user(request.user), pk=pk)
    charted = chart_cache.page(indicator)
    count = len(charted.results.values)
    # The charts draw every point; the table lists a page of them, the latest by default
    # (prefetched when the charts were just computed, else one query for the page).
    paginator = Paginator(indicator.data_points.all(), DATA_PAGE_SIZE)
    if not charted.results.too_large:  # every value is charted: no COUNT query
        paginator.count = count
    page = paginator.get_page(request.GET.get("page") or paginator.num_pages)
    context = {
        "indicator": indicator,
        "goal": indicator.goal,
        "points": paginator.count,
        "page": page,
        "history": sorted(
            history.entries(indicator.history.select_related("history_user"))
            + history.value_entries(
                DataPoint.history.filter(indicator_id=indicator.pk).select_related("history_user")
            ),
            key=lambda entry: entry.when,
            reverse=True,
        ),
        "phases": indicator.phases.all(),
        "results": charted.results,
        "run": charted.results.run,
        "xmr": charted.results.xmr,
        "phase_lines": charted.phase_lines,
        "run_svg": charted.run_svg,
        "run_warnings": [w for w in charted.results.warnings if w.kind in RUN_CHART_KINDS],
        "xmr_svg": charted.xmr_svg,
        "words": charted.words,
    }
    return render(request, "pdsa/indicator_detail.html", context)
