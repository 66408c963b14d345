"""A site's teams ("which teams have moved"), each team's recovery plan page, and the forms
that record them. Reads go through the user's sites: outsiders get a 404, readers who try to
write a 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import allowed, require
from imroc.dates import long_date
from sites.selectors import sites_for_user

from . import practice, selectors, services
from .forms import ActionForm, AssessmentEntry, TeamForm
from .models import TeamAction

EDIT = "teams.change_team"


def _team(request, pk, perm: str | None = None):
    team = get_object_or_404(selectors.teams_for_user(request.user), pk=pk)
    if perm:
        require(request.user, perm, team)
    return team


@login_required
@require_safe
def site_teams(request, slug):
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    return render(
        request,
        "teams/site_teams.html",
        {
            "site": site,
            "site_teams": selectors.site_teams(site, today=timezone.localdate()),
            "can_edit": allowed(request.user, "teams.add_team", site),
            "most": practice.MOST,
        },
    )


@login_required
def team_form(request, slug=None, pk=None):
    if pk is None:
        site = get_object_or_404(sites_for_user(request.user), slug=slug)
        require(request.user, "teams.add_team", site)
        team = None
    else:
        team = _team(request, pk, EDIT)
        site = team.site
    form = TeamForm(request.POST or None, instance=team, site=site)
    if request.method == "POST" and form.is_valid():
        team = services.team_save(site=site, team=team, **form.cleaned_data)
        messages.success(request, f"{team.name} saved.")
        return redirect(team)
    return render(request, "teams/team_form.html", {"site": site, "team": team, "form": form})


@login_required
@require_safe
def team_detail(request, pk):
    team = _team(request, pk)
    today = timezone.localdate()
    plan = selectors.team_plan(team)
    return render(
        request,
        "teams/team_detail.html",
        {
            "team": team,
            "site": team.site,
            "today": today,
            "can_edit": allowed(request.user, EDIT, team),
            "scale": practice.SCALE,
            "most": practice.MOST,
            "overdue": [a for a in plan["actions"] if a.is_overdue(today)],
            **plan,
        },
    )


@login_required
def assessment_add(request, pk):
    team = _team(request, pk, EDIT)
    previous = selectors.latest_ratings(team)
    entry = AssessmentEntry(request.POST or None, previous=previous)
    if request.method == "POST" and entry.is_valid():
        assessment = services.assessment_record(team=team, by=request.user, **entry.cleaned())
        messages.success(request, f"Assessment of {long_date(assessment.assessed_on)} saved.")
        return redirect(team)
    return render(
        request,
        "teams/assessment_form.html",
        {
            "team": team,
            "site": team.site,
            "entry": entry,
            "rows": list(zip(practice.ITEMS, entry.ratings, strict=True)),
            "scale": practice.SCALE,
            "from_previous": bool(previous),
        },
    )


@login_required
@require_safe
def assessment_detail(request, pk):
    assessment = selectors.assessment_for_user(request.user, pk)
    if assessment is None:
        raise Http404
    return render(
        request,
        "teams/assessment_detail.html",
        {
            "assessment": assessment,
            "team": assessment.team,
            "site": assessment.team.site,
            "ratings": [(practice.BY_KEY[r.item], r) for r in assessment.ratings.all()],
            "most": practice.MOST,
            "total": sum(r.rating for r in assessment.ratings.all()),
        },
    )


@login_required
def action_form(request, pk, action_pk=None):
    team = _team(request, pk, EDIT)
    action = get_object_or_404(TeamAction, team=team, pk=action_pk) if action_pk else None
    form = ActionForm(request.POST or None, instance=action, people=selectors.people_of(team.site))
    if request.method == "POST" and form.is_valid():
        services.action_save(
            team=team,
            action=action,
            today=timezone.localdate(),
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, "Action saved.")
        return redirect(f"{team.get_absolute_url()}#plan")
    return render(
        request, "teams/action_form.html", {"team": team, "site": team.site, "form": form}
    )
