from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from design.forms import NhsFormMixin
from imroc import jobs
from sites.selectors import sites_for_user

from . import selectors, services
from .models import SiteExport


def _visible_export(user, pk) -> SiteExport:
    """Only the requester, while they may still export the site; anyone else gets a 404."""
    export = get_object_or_404(selectors.exports_for_user(user), pk=pk)
    if not user.has_perm("site_exports.view_siteexport", export):
        raise Http404
    return export


class ExportRequestForm(NhsFormMixin, forms.Form):
    """Nothing to fill in: the form carries the refusal when the person has too many jobs."""


@login_required
def site_export(request, slug):
    """What the archive holds, the button to prepare one and the person's earlier ones."""
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    require(request.user, "site_exports.export_site", site)
    form = ExportRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            export = services.export_request(site=site, requested_by=request.user)
        except jobs.TooManyJobs as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "The archive is being prepared.")
            return redirect(export)
    return render(
        request,
        "site_exports/site_export.html",
        {
            "site": site,
            "form": form,
            "exports": selectors.recent_exports(request.user, site),
            "most_in_flight": settings.IMROC_JOBS_IN_FLIGHT,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def export_detail(request, pk):
    export = _visible_export(request.user, pk)
    return render(request, "site_exports/export_detail.html", {"export": export})


@login_required
@require_POST
def export_retry(request, pk):
    export = _visible_export(request.user, pk)
    try:
        if services.export_retry(export=export):
            messages.success(request, "The archive is being prepared again.")
    except jobs.TooManyJobs as refused:
        messages.error(request, str(refused))
    return redirect(export)


@login_required
@require_safe
def export_download(request, pk):
    export = _visible_export(request.user, pk)
    if export.status != SiteExport.Status.READY or not export.archive:
        raise Http404
    return FileResponse(
        export.archive.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type="application/zip",
    )
