from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from imroc import jobs
from learning_sets.views.common import learning_set_for

from . import selectors, services
from .forms import forms_for
from .models import Report

PAGE_SIZE = 20
FORMATS = {
    "pdf": ("pdf", "application/pdf"),
    "xlsx": ("spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _visible_report(user, pk) -> Report:
    """Outsiders get a 404, including someone who has since left the site's group."""
    report = get_object_or_404(selectors.reports_for_user(user), pk=pk)
    if not user.has_perm("reports.view_report", report):
        raise Http404
    return report


def _list(request, request_forms, status=200):
    page = Paginator(selectors.reports_for_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reports/report_list.html",
        {"page": page, "forms": request_forms, "most_in_flight": settings.IMROC_JOBS_IN_FLIGHT},
        status=status,
    )


@login_required
@require_safe
def report_list(request):
    return _list(request, forms_for(request.user))


@login_required
@require_POST
def report_request(request):
    request_forms = forms_for(request.user, request.POST)
    kind = request.POST.get("kind")
    form = request_forms.get(kind)
    if form is None:
        if kind == Report.Kind.PROGRAMME:
            require(request.user, "reports.request_programme_report")
        messages.error(request, "Choose a kind of report.")
        return _list(request, request_forms, status=400)
    if not form.is_valid():
        return _list(request, request_forms, status=400)
    try:
        report = services.report_request(requested_by=request.user, kind=kind, **form.cleaned_data)
    except jobs.TooManyJobs as refused:
        form.add_error(None, str(refused))
        return _list(request, request_forms, status=400)
    messages.success(request, "Your report is being prepared.")
    return redirect(report)


@login_required
@require_POST
def learning_set_report_request(request, pk):
    """The learning-set report as a PDF and a spreadsheet, asked for from the set's page."""
    learning_set = learning_set_for(request, pk, "learning_sets.report_learningset")
    try:
        report = services.report_request(
            kind=Report.Kind.LEARNING_SET,
            requested_by=request.user,
            learning_set_id=learning_set.pk,
        )
    except jobs.TooManyJobs as refused:
        messages.error(request, str(refused))
        return redirect(learning_set)
    messages.success(request, f"The report on {learning_set} is being prepared.")
    return redirect(report)


@login_required
@require_POST
def report_retry(request, pk):
    """Whoever may see a failed report may ask for it again."""
    report = _visible_report(request.user, pk)
    try:
        if services.report_retry(report=report):
            messages.success(request, "Your report is being prepared again.")
    except jobs.TooManyJobs as refused:
        messages.error(request, str(refused))
    return redirect(report)


@login_required
@require_safe
def report_detail(request, pk):
    report = _visible_report(request.user, pk)
    return render(request, "reports/report_detail.html", {"report": report})


@login_required
@require_safe
def report_download(request, pk, fmt):
    report = _visible_report(request.user, pk)
    if fmt not in FORMATS or report.status != Report.Status.READY:
        raise Http404
    field_name, content_type = FORMATS[fmt]
    stored = getattr(report, field_name)
    if not stored:
        raise Http404
    filename = f"{report.title}.{fmt}".replace("/", "-").replace(":", " -")
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
