"""Marking where a new phase of an indicator's charts begins, and taking it back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import require
from imroc.dates import long_date

from .. import selectors, services
from ..chart_warnings import needs_more
from ..charts import TRIAL_BELOW
from ..forms import PhaseForm

OUTCOME_WORDS = {"adopt": "adopted", "adapt": "adapted", "abandon": "abandoned"}


def _editable_indicator(request, pk):
    indicator = get_object_or_404(selectors.indicators_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_indicator", indicator)
    return indicator


@login_required
def phase_add(request, pk):
    """Offered when a watching cycle is adopted (``?cycle=``): dated and explained from it."""
    indicator = _editable_indicator(request, pk)
    cycle_pk = request.GET.get("cycle") or request.POST.get("cycle")
    cycle = indicator.cycles.filter(pk=cycle_pk).first() if str(cycle_pk).isdigit() else None
    initial = {}
    if cycle is not None:
        initial = {
            "starts_on": cycle.act_done or cycle.ends_on,
            "reason": f"Cycle {cycle.number} {OUTCOME_WORDS.get(cycle.outcome, 'tested')}: "
            f"{cycle.change_idea}"[:300],
        }
    form = PhaseForm(request.POST or None, indicator=indicator, initial=initial)
    if request.method == "POST" and form.is_valid():
        phase = services.phase_start(
            indicator=indicator, cycle=cycle, by=request.user, **form.cleaned_data
        )
        count = phase.value_count()
        warning = (
            f" It has {count} value{'s' if count != 1 else ''} so far: its limits are trial "
            f"limits, which cannot yet tell, until it has {TRIAL_BELOW} ({needs_more(count)})."
            if count < TRIAL_BELOW
            else ""
        )
        messages.success(
            request, f"A new phase starts on {long_date(form.cleaned_data['starts_on'])}.{warning}"
        )
        return redirect(indicator)
    return render(
        request,
        "pdsa/phase_form.html",
        {"indicator": indicator, "form": form, "cycle": cycle, "title": "Start a new phase"},
    )


@login_required
def phase_delete(request, pk, phase_pk):
    """Asks first; the charts go back to one phase over these dates."""
    indicator = _editable_indicator(request, pk)
    phase = get_object_or_404(indicator.phases, pk=phase_pk)
    if request.method == "POST":
        services.phase_delete(phase=phase)
        messages.success(request, f"The phase from {long_date(phase.starts_on)} was removed.")
        return redirect(indicator)
    return render(
        request,
        "pdsa/confirm_delete.html",
        {
            "indicator": indicator,
            "title": f"Remove the phase starting {long_date(phase.starts_on)}?",
            "detail": f"Reason given: {phase.reason}. The charts will draw one centre line "
            "and one set of limits across this date again.",
            "button": "Remove the phase",
        },
    )
