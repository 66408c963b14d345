"""Closing a goal as achieved or abandoned, reopening it, and dropping a finished priority."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.permissions import require
from sites.selectors import sites_for_user

from .. import selectors, services
from ..forms import GoalCloseForm
from ..models import Priority


@login_required
def goal_close(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.close_goal", goal)
    form = GoalCloseForm(request.POST or None, goal=goal, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_close(
                goal=goal,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                closed_on=form.cleaned_data["closed_on"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"“{goal.title}” is closed as {goal.get_status_display().lower()}. "
                "Its record stays here, read-only.",
            )
            return redirect(goal)
    open_cycles = [c for c in goal.cycles.all() if not c.is_complete]
    return render(
        request,
        "pdsa/goal_close.html",
        {"goal": goal, "site": goal.priority.site, "form": form, "open_cycles": open_cycles},
    )


@login_required
def goal_reopen(request, pk):
    """Asks first; the goal goes back to in progress, its closing note is cleared."""
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.reopen_goal", goal)
    problem = None
    if request.method == "POST":
        try:
            services.goal_reopen(goal=goal, by=request.user)
        except ValidationError as error:
            problem = error.messages[0]
        else:
            messages.success(request, f"“{goal.title}” is open again, in progress.")
            return redirect(goal)
    return render(
        request,
        "pdsa/goal_reopen.html",
        {"goal": goal, "site": goal.priority.site, "problem": problem},
    )


@login_required
def priority_drop(request, slug, pk):
    """Asks first; refused, with the reason, while a goal under the priority is open."""
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    priority = get_object_or_404(
        Priority.objects.filter(site=site).select_related("challenge", "site"), pk=pk
    )
    require(request.user, "pdsa.drop_priority", priority)
    goals = list(priority.goals.order_by("start_date", "pk"))
    open_goals = [g for g in goals if not g.is_closed]
    problem = None
    if request.method == "POST":
        try:
            services.priority_drop(priority=priority)
        except ValidationError as error:
            problem = error.messages[0]
        else:
            messages.success(
                request,
                f"Challenge {priority.challenge.number} is no longer one of the site's "
                "priorities. Its goals stay in the site's history.",
            )
            return redirect(site)
    return render(
        request,
        "pdsa/priority_drop.html",
        {
            "site": site,
            "priority": priority,
            "goals": goals,
            "open_goals": open_goals,
            "problem": problem,
        },
    )
