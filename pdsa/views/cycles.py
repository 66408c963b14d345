from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import allowed, require

from .. import chart_cache, selectors, services
from ..forms import CommentForm, CycleActForm, CycleDoForm, CyclePlanForm, CycleStudyForm
from ..models import Cycle
from .common import save_or_conflict

STAGE_FORMS = {
    "plan": CyclePlanForm,
    "do": CycleDoForm,
    "study": CycleStudyForm,
    "act": CycleActForm,
}
CARRIED_OVER = ["objective", "change_idea", "prediction", "who", "where"]


def _prefill(source: Cycle) -> dict:
    """The next cycle starts from the adapted one: same plan, to be changed where needed."""
    initial = {name: getattr(source, name) for name in CARRIED_OVER}
    initial["change_idea"] = f"{source.change_idea}\n\nAdapted after cycle {source.number}: " + (
        source.next_steps or source.learning
    )
    initial["watched_indicators"] = list(source.watched_indicators.values_list("pk", flat=True))
    return initial


@login_required
def cycle_add(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.add_cycle", goal)
    today = timezone.localdate()
    source = None
    if request.GET.get("from") or request.POST.get("adapted_from"):
        source = goal.cycles.filter(
            pk=request.GET.get("from") or request.POST.get("adapted_from")
        ).first()
        if source is None:
            raise Http404("No such cycle on this goal.")
    initial = _prefill(source) if source else {"starts_on": today}
    form = CyclePlanForm(request.POST or None, goal=goal, today=today, initial=initial)
    if request.method == "POST" and form.is_valid():
        cycle = services.cycle_plan(
            goal=goal,
            by=request.user,
            adapted_from=source,
            watched_indicators=form.cleaned_data["watched_indicators"],
            **form.changes(),
        )
        messages.success(request, f"Cycle {cycle.number} planned.")
        return redirect(cycle)
    return render(
        request,
        "pdsa/cycle_form.html",
        {
            "goal": goal,
            "form": form,
            "source": source,
            "stage": "plan",
            "title": f"Plan cycle on {goal.title}",
        },
    )


@login_required
@require_safe
def cycle_detail(request, pk):
    cycle = get_object_or_404(selectors.cycles_for_user(request.user), pk=pk)
    return _cycle_page(request, cycle, CommentForm())


def _cycle_page(request, cycle, comment_form):
    context = {
        "cycle": cycle,
        "goal": cycle.goal,
        "stages": cycle.stages(timezone.localdate()),
        "comment_form": comment_form,
        "offer_phases": allowed(request.user, "pdsa.change_cycle", cycle),
    }
    context.update(selectors.cycle_page(cycle))
    return render(request, "pdsa/cycle_detail.html", context)


@login_required
def cycle_stage(request, pk, stage):
    cycle = get_object_or_404(selectors.cycles_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_cycle", cycle)
    if stage == "act" and not (cycle.do_done and cycle.study_done):
        messages.info(request, "The act stage opens once the do and study stages are done.")
        return redirect(cycle)
    form_class = STAGE_FORMS[stage]
    kwargs = {"instance": cycle, "today": timezone.localdate()}
    if stage == "plan":
        kwargs["goal"] = cycle.goal
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        watched = form.cleaned_data.get("watched_indicators") if stage == "plan" else None
        version = form.cleaned_data["version"]

        def save():
            return services.cycle_update(
                cycle=cycle,
                version=version,
                by=request.user,
                watched_indicators=watched,
                **form.changes(),
            )

        try:
            response, form = save_or_conflict(request, form, form_class, kwargs, save)
        except ValidationError as error:
            form.add_error(None, error)
            response = None
        if response:
            if stage == "act" and cycle.outcome == Cycle.Outcome.ADAPT and cycle.is_complete:
                messages.info(request, "Adapted: the next cycle starts from this one.")
                return redirect(
                    reverse("pdsa:cycle-add", kwargs={"pk": cycle.goal_id}) + f"?from={cycle.pk}"
                )
            if stage == "act" and cycle.outcome == Cycle.Outcome.ADOPT and cycle.is_complete:
                messages.info(
                    request, "Adopted: you can start a new phase on the indicators it watches."
                )
            return response
    return render(
        request,
        "pdsa/cycle_form.html",
        {
            "goal": cycle.goal,
            "cycle": cycle,
            "form": form,
            "stage": stage,
            "title": f"Cycle {cycle.number}: {stage}",
            "watched": _charted(cycle) if stage == "study" else [],
        },
    )


def _charted(cycle: Cycle) -> list:
    """The watched indicators with their run charts, to study the results beside the data."""
    watched = selectors.watched_data(cycle)
    for indicator in watched:
        indicator.run_svg = chart_cache.page(indicator).run_svg
    return watched


@login_required
@require_POST
def cycle_comment(request, pk):
    cycle = get_object_or_404(selectors.cycles_for_user(request.user), pk=pk)
    require(request.user, "pdsa.comment_cycle", cycle)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _cycle_page(request, cycle, form)
    services.comment_add(author=request.user, text=form.cleaned_data["text"], cycle=cycle)
    messages.success(request, "Comment added.")
    return redirect(cycle)
