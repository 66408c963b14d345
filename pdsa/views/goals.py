from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from sites.selectors import sites_for_user

from .. import selectors, services, site_lists
from ..forms import CommentForm, GoalForm, PrioritiesForm
from ..models import Priority
from .common import save_or_conflict


def _site(request, slug):
    return get_object_or_404(sites_for_user(request.user), slug=slug)


@login_required
def priorities_edit(request, slug):
    site = _site(request, slug)
    require(request.user, "pdsa.change_priority", Priority(site=site))
    form = PrioritiesForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        try:
            services.priorities_set(
                site=site,
                challenges=form.cleaned_data["challenges"],
                agreed_on=timezone.localdate(),
            )
        except ValidationError as error:
            form.add_error("challenges", error)
        else:
            messages.success(request, "Priorities saved.")
            return redirect(site)
    return render(request, "pdsa/priorities_form.html", {"site": site, "form": form})


@login_required
def goal_add(request, slug):
    site = _site(request, slug)
    require(request.user, "pdsa.add_goal", Priority(site=site))
    if not site.priorities.exists():
        messages.info(request, "Agree the site's priority challenges before setting goals.")
        return redirect("pdsa:priorities-edit", slug=site.slug)
    initial = {"priority": request.GET.get("priority"), "start_date": timezone.localdate()}
    form = GoalForm(request.POST or None, site=site, initial=initial)
    if request.method == "POST" and form.is_valid():
        goal = services.goal_create(by=request.user, **form.cleaned_data)
        messages.success(request, f"Goal “{goal.title}” added.")
        return redirect(goal)
    return render(
        request, "pdsa/goal_form.html", {"site": site, "form": form, "title": "Add a goal"}
    )


@login_required
@require_safe
def goal_detail(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    return _goal_page(request, goal, CommentForm())


def _goal_page(request, goal, comment_form):
    context = {"goal": goal, "site": goal.priority.site, "comment_form": comment_form}
    context.update(selectors.goal_page(goal))
    context["today"] = timezone.localdate()
    return render(request, "pdsa/goal_detail.html", context)


@login_required
def goal_edit(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_goal", goal)
    site = goal.priority.site
    kwargs = {"site": site, "instance": goal}
    form = GoalForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        version = fields.pop("version")
        response, form = save_or_conflict(
            request,
            form,
            GoalForm,
            kwargs,
            lambda: services.goal_update(goal=goal, version=version, by=request.user, **fields),
        )
        if response:
            return response
    return render(
        request,
        "pdsa/goal_form.html",
        {"site": site, "goal": goal, "form": form, "title": f"Edit {goal.title}"},
    )


@login_required
@require_POST
def goal_comment(request, pk):
    goal = get_object_or_404(selectors.goals_for_user(request.user), pk=pk)
    require(request.user, "pdsa.comment_goal", goal)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _goal_page(request, goal, form)
    services.comment_add(author=request.user, text=form.cleaned_data["text"], goal=goal)
    messages.success(request, "Comment added.")
    return redirect(goal)


@login_required
@require_safe
def site_timeline(request, slug):
    """The site's events newest first, 50 a page, of the kind chosen."""
    site = _site(request, slug)
    timeline = site_lists.timeline(site, request.GET)
    return render(
        request,
        "pdsa/site_timeline.html",
        {"site": site, "timeline": timeline, "filter": timeline.filter},
    )
