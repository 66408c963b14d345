"""Tables of indicators with their Making Data Count icons: all of a site's, and one
indicator name across sites for a consultant comparing them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from accounts.permissions import require
from imroc.exports import csv_download
from sites.selectors import sites_for_user

from .. import scores, selectors, site_lists


@login_required
@require_safe
def site_indicators(request, slug):
    """The site's indicators 25 a page: only the page's chart results are read."""
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    table = site_lists.indicator_table(site, request.GET)
    return render(
        request,
        "pdsa/site_indicators.html",
        {
            "site": site,
            "table": table,
            "filter": table.filter,
            "indicators": selectors.with_results(table.page.object_list),
        },
    )


@login_required
@require_safe
def site_indicators_csv(request, slug):
    """Every indicator the page's filter finds, in its order."""
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    table = site_lists.indicator_table(site, request.GET)
    return csv_download(f"{site.slug}-indicators", site_lists.indicators_csv(table.rows))


@login_required
@require_safe
def indicator_compare(request):
    require(request.user, "pdsa.compare_indicators")
    names = selectors.indicator_names(request.user)
    name = request.GET.get("name", "")
    indicators = selectors.indicators_named(request.user, name) if name else []
    return render(
        request,
        "pdsa/indicator_compare.html",
        {"names": names, "name": name, "indicators": indicators},
    )


def _goals_html(goals) -> str:
    """Each goal's score and steps, drawn once per version of the site's score."""
    return render_to_string("pdsa/_site_progress_goals.html", {"goals": goals})


@login_required
@require_safe
def site_progress(request, slug):
    """The site's progress score and each goal's, with the reason for every step, and the
    stored history of the site's score."""
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    score, goals_html = scores.site_score_and(site, "goals-html", _goals_html)
    history = scores.progress_history(site)
    return render(
        request,
        "pdsa/site_progress.html",
        {
            "site": site,
            "progress": score,
            "goals_html": goals_html,
            "history": history,
            "history_has_earlier_rule": any(s.rule == 1 for s in history),
        },
    )
