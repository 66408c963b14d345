import datetime

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from dashboard.selectors import consultant_sites, is_quiet, review_is_due
from sites.models import Site
from sites.selectors import sites_for_user, sites_in_group_of

from . import home as work
from .rules import is_administrator, is_consultant, is_organiser


@login_required
def home(request):
    """One page, a section per role the user holds: each person's work, every item linked to
    where it is done, in a fixed number of queries however large the programme."""
    user = request.user
    today = datetime.date.today()
    context = {"today": today, "my_sites": list(sites_in_group_of(user).order_by("name"))}
    if work.team_site_ids(user):
        context["due_items"] = work.my_due_items(user, today)
        context["next_workshops"] = work.next_workshops_of_sites(work.team_site_ids(user), today)
    if context["my_sites"]:
        context["new_items"] = work.new_for_team(user, today)
    if is_consultant(user):
        sites = list(consultant_sites(user))
        context["assigned_count"] = len(sites)
        context["reviews_due"] = [s for s in sites if review_is_due(s, today)]
        context["quiet_sites"] = [s for s in sites if is_quiet(s, today)]
        context["open_actions"] = work.consultant_actions(user, today)
        context["activity"] = work.consultant_activity(user, today)
    if is_organiser(user):
        context["organised_workshops"] = work.organiser_workshops(user, today)
        context["missing_evaluations"] = work.missing_evaluations(user, today)
    if is_administrator(user):
        context["checks"] = work.programme_checks(today)
    if is_administrator(user) or is_consultant(user) or is_organiser(user):
        context["category_counts"] = (
            sites_for_user(user)
            .filter(is_active=True)
            .values("category")
            .annotate(total=Count("pk"))
            .order_by("category")
        )
        context["category_labels"] = dict(Site.Category.choices)
    return render(request, "accounts/home.html", context)
