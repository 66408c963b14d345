"""Co-production across the programme: the seeds' own figure ("751 people attended the
workshops, 101 of them service users and/or carers") computed from the data, then every
kind of gathering overall and by site."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from imroc.exports import csv_download
from learning_sets.selectors import programme_headline
from sites.models import CoProduction
from sites.selectors import sites_for_user

from . import selectors


@login_required
@require_safe
def programme(request):
    """Everyone signed in reads it: the headline is the programme's; the tables cover the
    sites the reader may see (all of them for programme staff), the sites' a page at a time."""
    visible = sites_for_user(request.user)
    table = selectors.programme_table(visible, request.GET)
    headline = programme_headline(timezone.localdate())
    return render(
        request,
        "coproduction/programme.html",
        {
            "headline": headline,
            "headline_index": CoProduction.of_counts(
                people=headline["attendees"], lived_experience=headline["lived_experience"]
            ),
            "kinds": selectors.by_kind(selectors.Scope(sites=visible)),
            "table": table,
            "rows": [(site, selectors.site_gatherings(site)) for site in table.page],
        },
    )


@login_required
@require_safe
def programme_csv(request):
    """Every site the programme page's filter finds, in its order."""
    table = selectors.programme_table(sites_for_user(request.user), request.GET)
    return csv_download("co-production", selectors.programme_csv(table.rows))
