"""The programme's overview of recovery colleges, a site's colleges and each college's page
with its fidelity checks, terms and courses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import allowed, require
from imroc.exports import csv_download
from sites.selectors import sites_for_user

from . import selectors, services
from .forms import CollegeForm, CourseForm, FidelityCheckForm, TermForm
from .models import Course

RECORD = "colleges.record_college"


def _college(request, pk, perm: str | None = None):
    college = get_object_or_404(selectors.colleges_for_user(request.user), pk=pk)
    if perm:
        require(request.user, perm, college)
    return college


def _data(request):
    return request.POST if request.method == "POST" else None


@login_required
@require_safe
def overview(request):
    require(request.user, "colleges.view_overview")
    table = selectors.programme_table(request.user, request.GET)
    return render(
        request,
        "colleges/overview.html",
        {
            "table": table,
            "rows": [selectors.CollegeStanding(college) for college in table.page],
            "totals": selectors.programme_totals(request.user, timezone.localdate()),
        },
    )


@login_required
@require_safe
def overview_csv(request):
    """Every college the overview's filter finds, in its order."""
    require(request.user, "colleges.view_overview")
    table = selectors.programme_table(request.user, request.GET)
    return csv_download("recovery-colleges", selectors.programme_csv(table.rows))


@login_required
@require_safe
def site_colleges(request, slug):
    site = get_object_or_404(sites_for_user(request.user), slug=slug)
    rows, totals = selectors.standings(site.recovery_colleges.all())
    return render(
        request,
        "colleges/site_colleges.html",
        {
            "site": site,
            "rows": rows,
            "totals": totals,
            "can_record": allowed(request.user, RECORD, site),
        },
    )


@login_required
@require_safe
def college_detail(request, pk):
    college = _college(request, pk)
    return render(
        request,
        "colleges/college_detail.html",
        {
            "college": college,
            "site": college.site,
            "can_record": allowed(request.user, RECORD, college),
            **selectors.college_page(college),
        },
    )


@login_required
def college_form(request, slug=None, pk=None):
    if pk:
        college = _college(request, pk, RECORD)
        site = college.site
    else:
        college = None
        site = get_object_or_404(sites_for_user(request.user), slug=slug)
        require(request.user, RECORD, site)
    form = CollegeForm(_data(request), instance=college, site=site)
    if form.is_valid():
        college = services.college_save(site=site, college=college, **form.cleaned_data)
        messages.success(request, f"{college.name} saved.")
        return redirect(college)
    title = f"Change {college.name}" if college else "Add a recovery college"
    return _form_page(request, form, title, site=site, college=college)


@login_required
@require_safe
def check_detail(request, pk, check):
    college = _college(request, pk)
    check = get_object_or_404(college.fidelity_checks, pk=check)
    previous = selectors.previous_check(check)
    return render(
        request,
        "colleges/check_detail.html",
        {
            "college": college,
            "site": college.site,
            "check": check,
            "change": None if previous is None else check.score - previous.score,
            "previous": previous,
            "can_record": allowed(request.user, RECORD, college),
            **selectors.check_ratings(check),
        },
    )


@login_required
def check_form(request, pk, check=None):
    college = _college(request, pk, RECORD)
    check = get_object_or_404(college.fidelity_checks, pk=check) if check else None
    start_from = None if check else college.fidelity_checks.order_by("-checked_on").first()
    form = FidelityCheckForm(_data(request), college=college, check=check, start_from=start_from)
    if form.is_valid():
        check = services.fidelity_check_record(
            college=college, check=check, by=request.user, **form.record()
        )
        messages.success(request, f"Fidelity check saved: {check.score} out of 14.")
        return redirect(college)
    return render(
        request,
        "colleges/check_form.html",
        {
            "college": college,
            "site": college.site,
            "form": form,
            "check": check,
            "start_from": start_from,
            "title": "Change the fidelity check" if check else "Record a fidelity check",
        },
    )


@login_required
def term_form(request, pk, term=None):
    college = _college(request, pk, RECORD)
    term = get_object_or_404(college.terms, pk=term) if term else None
    form = TermForm(_data(request), instance=term, college=college)
    if form.is_valid():
        term = services.term_save(college=college, term=term, **form.cleaned_data)
        messages.success(request, f"{term.name} saved.")
        return redirect(college)
    title = f"Change {term.name}" if term else "Add a term"
    return _form_page(request, form, title, site=college.site, college=college, record=term)


@login_required
def course_form(request, pk, term=None, course=None):
    college = _college(request, pk, RECORD)
    if course:
        course = get_object_or_404(Course, term__college=college, pk=course)
        term = course.term
    else:
        term = get_object_or_404(college.terms, pk=term)
    form = CourseForm(_data(request), instance=course)
    if form.is_valid():
        course = services.course_save(term=term, course=course, **form.cleaned_data)
        messages.success(request, f"{course.title} saved.")
        return redirect(college)
    title = f"Change {course.title}" if course else f"Add a course to {term.name}"
    return _form_page(request, form, title, site=college.site, college=college, record=course)


def _form_page(request, form, title, **context):
    return render(request, "colleges/form.html", {"form": form, "title": title, **context})


REMOVABLE = {
    "checks": lambda college, pk: get_object_or_404(college.fidelity_checks, pk=pk),
    "terms": lambda college, pk: get_object_or_404(college.terms, pk=pk),
    "courses": lambda college, pk: get_object_or_404(Course, term__college=college, pk=pk),
}


@login_required
@require_POST
def record_remove(request, pk, kind, record):
    college = _college(request, pk, RECORD)
    if kind not in REMOVABLE:
        raise Http404
    services.record_remove(record=REMOVABLE[kind](college, record))
    messages.success(request, "Removed.")
    return redirect(college)
