from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import require
from sites.selectors import sites_for_user

from . import selectors, services
from .forms import AssessmentEntry
from .models import Framework


@login_required
def framework_current(request):
    return redirect(Framework.objects.current())


@login_required
def framework_detail(request, version):
    framework = get_object_or_404(
        Framework.objects.prefetch_related("challenges", "stages"), version=version
    )
    return render(
        request,
        "challenges/framework_detail.html",
        {"framework": framework, "frameworks": Framework.objects.all()},
    )


def _site(request, slug):
    """Outsiders get a 404: the site is fetched among those the user may see."""
    return get_object_or_404(sites_for_user(request.user), slug=slug)


@login_required
def assessment_list(request, slug):
    site = _site(request, slug)
    return render(
        request,
        "challenges/assessment_list.html",
        {"site": site, "assessments": selectors.assessments_for_site(site)},
    )


@login_required
def assessment_detail(request, slug, pk):
    site = _site(request, slug)
    assessment = get_object_or_404(selectors.assessment_detail(site), pk=pk)
    return render(
        request, "challenges/assessment_detail.html", {"site": site, "assessment": assessment}
    )


@login_required
def assessment_create(request, slug):
    site = _site(request, slug)
    require(request.user, "challenges.add_assessment", site)
    version = request.GET.get("framework")
    framework = (
        get_object_or_404(Framework, version=version) if version else Framework.objects.current()
    )
    entry = AssessmentEntry(
        request.POST or None, framework=framework, invited=selectors.people_to_invite(site)
    )
    if request.method == "POST" and entry.is_valid():
        try:
            assessment = services.assessment_create(
                site=site, framework=framework, by=request.user, **entry.cleaned()
            )
        except ValidationError as error:
            entry.add_error(error)
        else:
            messages.success(request, "Assessment saved.")
            return redirect(assessment)
    return render(
        request,
        "challenges/assessment_form.html",
        {"site": site, "entry": entry, "framework": framework, "title": "New self-assessment"},
    )


@login_required
def assessment_edit(request, slug, pk):
    site = _site(request, slug)
    assessment = get_object_or_404(selectors.assessment_detail(site), pk=pk)
    require(request.user, "challenges.change_assessment", assessment)
    entry = AssessmentEntry(
        request.POST or None,
        framework=assessment.framework,
        invited=selectors.people_to_invite(site, assessment),
        assessment=assessment,
    )
    if request.method == "POST" and entry.is_valid():
        try:
            services.assessment_update(assessment=assessment, **entry.cleaned())
        except ValidationError as error:
            entry.add_error(error)
        else:
            messages.success(request, "Assessment saved.")
            return redirect(assessment)
    return render(
        request,
        "challenges/assessment_form.html",
        {
            "site": site,
            "entry": entry,
            "framework": assessment.framework,
            "assessment": assessment,
            "title": f"Edit the assessment of {assessment.assessed_on:%-d %B %Y}",
        },
    )


@login_required
def assessment_delete(request, slug, pk):
    site = _site(request, slug)
    assessment = get_object_or_404(site.assessments, pk=pk)
    require(request.user, "challenges.delete_assessment", assessment)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        messages.success(request, f"Assessment of {assessment.assessed_on:%-d %B %Y} deleted.")
        return redirect("challenges:assessment-list", slug=site.slug)
    return render(
        request,
        "challenges/assessment_confirm_delete.html",
        {"site": site, "assessment": assessment},
    )
