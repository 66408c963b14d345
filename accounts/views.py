from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from sites.models import Site
from sites.selectors import sites_for_user, sites_in_group_of

from .rules import is_administrator, is_consultant, is_organiser


@login_required
def home(request):
    """One page, a section per role the user holds, so nobody hunts for their work."""
    user = request.user
    context = {
        "my_sites": sites_in_group_of(user).order_by("name"),
    }
    if is_consultant(user):
        context["assigned_sites"] = user.consulted_sites.order_by("name")
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


@never_cache
def healthz(request):
    """A trivial view for load balancers and the benchmark's baseline."""
    return HttpResponse("ok", content_type="text/plain")
