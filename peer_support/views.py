"""The programme's peer-support-worker overview and each site's programme page."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import allowed, require
from imroc.exports import csv_download
from sites.selectors import sites_for_user

from . import checklist, selectors, services
from .forms import ChecklistEntryForm, PeerPostForm, RecruitmentRoundForm
from .models import ChecklistEntry, PeerPost, RecruitmentRound

RECORD = "peer_support.record_programme"


def _site(request, slug, perm: str | None = None):
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    if perm:
        require(request.user, perm, site)
    return site


@login_required
@require_safe
def overview(request):
    """Everyone signed in reads it, over the sites they may see (every site for programme
    staff): the figures, then a page of the sites."""
    sites = sites_for_user(request.user).active()
    table = selectors.programme_table(request.user, request.GET)
    return render(
        request,
        "peer_support/overview.html",
        {
            "table": table,
            "rows": [selectors.SiteStanding(site) for site in table.page],
            "totals": selectors.programme_totals(sites, timezone.localdate()),
            "stage_counts": selectors.stage_counts(sites),
        },
    )


@login_required
@require_safe
def overview_csv(request):
    """Every site the overview's filter finds, in its order."""
    table = selectors.programme_table(request.user, request.GET)
    return csv_download("peer-support-workers", selectors.programme_csv(table.rows))


@login_required
@require_safe
def programme(request, slug):
    site = _site(request, slug)
    return render(
        request,
        "peer_support/programme.html",
        {
            "site": site,
            "can_record": allowed(request.user, RECORD, site),
            **selectors.site_programme(site),
        },
    )


@login_required
def checklist_item(request, slug, item):
    site = _site(request, slug, RECORD)
    if item not in checklist.BY_KEY:
        raise Http404
    entry = ChecklistEntry.objects.filter(site=site, item=item).first()
    form = ChecklistEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and "undo" in request.POST:
        services.checklist_undo(site=site, item=item)
        messages.success(request, "Marked as not done yet.")
        return redirect("peer_support:programme", slug=site.slug)
    if request.method == "POST" and form.is_valid():
        services.checklist_record(site=site, item=item, by=request.user, **form.cleaned_data)
        messages.success(request, f"Recorded: {checklist.BY_KEY[item].text}.")
        return redirect("peer_support:programme", slug=site.slug)
    return render(
        request,
        "peer_support/record_form.html",
        {
            "site": site,
            "form": form,
            "title": checklist.BY_KEY[item].text,
            "stage": checklist.STAGE_LABELS[checklist.BY_KEY[item].stage],
            "undo": entry is not None,
        },
    )


def _record_form(request, site, form, save, title, record):
    if request.method == "POST" and form.is_valid():
        save(**form.cleaned_data)
        messages.success(request, f"{title} saved.")
        return redirect("peer_support:programme", slug=site.slug)
    return render(
        request,
        "peer_support/record_form.html",
        {"site": site, "form": form, "title": title, "record": record},
    )


@login_required
def round_form(request, slug, pk=None):
    site = _site(request, slug, RECORD)
    record = get_object_or_404(RecruitmentRound, site=site, pk=pk) if pk else None
    form = RecruitmentRoundForm(request.POST or None, instance=record)
    save = partial(services.round_save, site=site, round=record)
    return _record_form(request, site, form, save, "Recruitment round", record)


@login_required
def post_form(request, slug, pk=None):
    site = _site(request, slug, RECORD)
    record = get_object_or_404(PeerPost, site=site, pk=pk) if pk else None
    form = PeerPostForm(request.POST or None, instance=record, site=site)
    save = partial(services.post_save, site=site, post=record)
    return _record_form(request, site, form, save, "Peer support posts", record)


@login_required
@require_POST
def record_remove(request, slug, kind, pk):
    site = _site(request, slug, RECORD)
    model = {"rounds": RecruitmentRound, "posts": PeerPost}.get(kind)
    if model is None:
        raise Http404
    services.record_remove(record=get_object_or_404(model, site=site, pk=pk))
    messages.success(request, "Removed.")
    return redirect("peer_support:programme", slug=site.slug)
