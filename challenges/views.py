from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from imroc.dates import long_date
from sites.selectors import sites_for_user

from . import selectors, services
from .forms import AssessmentEntry, DescriptorFormSet
from .models import Challenge, Framework


@login_required
@require_safe
def framework_current(request):
    return redirect(Framework.objects.current())


@login_required
@require_safe
def framework_detail(request, version):
    framework = get_object_or_404(
        Framework.objects.prefetch_related(
            "stages",
            models.Prefetch("challenges", Challenge.objects.prefetch_related("descriptors")),
        ),
        version=version,
    )
    stages = list(framework.stages.all())
    challenges = [(c, c.descriptors_on(stages)) for c in framework.challenges.all()]
    return render(
        request,
        "challenges/framework_detail.html",
        {
            "framework": framework,
            "frameworks": Framework.objects.all(),
            "challenges": challenges,
            "can_change": request.user.has_perm("challenges.change_framework", framework),
        },
    )


@login_required
@require_POST
def framework_make_current(request, version):
    framework = get_object_or_404(Framework, version=version)
    require(request.user, "challenges.change_framework", framework)
    services.framework_make_current(framework=framework, by=request.user)
    messages.success(request, f"New assessments now use {framework}.")
    return redirect(framework)


@login_required
def descriptors_edit(request, version, number):
    challenge = get_object_or_404(
        Challenge.objects.select_related("framework").prefetch_related("descriptors"),
        framework__version=version,
        number=number,
    )
    require(request.user, "challenges.change_framework", challenge.framework)
    stages = list(challenge.framework.stages.all())
    texts = {d.stage_id: d.text for d in challenge.descriptors.all()}
    formset = DescriptorFormSet(
        request.POST or None,
        prefix="stage",
        stages=stages,
        initial=[{"text": texts.get(stage.pk, "")} for stage in stages],
    )
    if request.method == "POST" and formset.is_valid():
        services.descriptors_update(challenge=challenge, texts=formset.texts())
        messages.success(request, f"Stages of challenge {challenge.number} saved.")
        return redirect(f"{challenge.framework.get_absolute_url()}#challenge-{challenge.number}")
    return render(
        request,
        "challenges/descriptors_form.html",
        {"challenge": challenge, "framework": challenge.framework, "formset": formset},
    )


def _site(request, slug):
    """Outsiders get a 404: the site is fetched among those the user may see."""
    return get_object_or_404(sites_for_user(request.user), slug=slug)


@login_required
@require_safe
def assessment_list(request, slug):
    site = _site(request, slug)
    assessments = list(selectors.assessments_for_site(site))
    moved = selectors.moved_since_previous(assessments)
    return render(
        request,
        "challenges/assessment_list.html",
        {"site": site, "rows": [(a, moved[a.pk]) for a in assessments]},
    )


@login_required
@require_safe
def assessment_detail(request, slug, pk):
    site = _site(request, slug)
    assessment = get_object_or_404(
        selectors.assessment_detail(site).prefetch_related("ratings__challenge__descriptors"),
        pk=pk,
    )
    previous = selectors.previous_assessment(site, assessment)
    rows = selectors.compare(assessment.ratings.all(), previous.ratings.all() if previous else [])
    return render(
        request,
        "challenges/assessment_detail.html",
        {"site": site, "assessment": assessment, "previous": previous, "rows": rows},
    )


@login_required
def assessment_create(request, slug):
    site = _site(request, slug)
    require(request.user, "challenges.add_assessment", site)
    version = request.GET.get("framework")
    framework = (
        get_object_or_404(Framework, version=version) if version else Framework.objects.current()
    )
    previous = selectors.previous_assessment(site)
    entry = AssessmentEntry(
        request.POST or None,
        framework=framework,
        invited=selectors.people_to_invite(site),
        previous=previous,
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
        {
            "site": site,
            "entry": entry,
            "framework": framework,
            "title": "Re-assessment" if previous else "New self-assessment",
        },
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
        previous=selectors.previous_assessment(site, assessment),
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
            "title": f"Edit the assessment of {long_date(assessment.assessed_on)}",
        },
    )


@login_required
def assessment_delete(request, slug, pk):
    site = _site(request, slug)
    assessment = get_object_or_404(site.assessments, pk=pk)
    require(request.user, "challenges.delete_assessment", assessment)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        messages.success(request, f"Assessment of {long_date(assessment.assessed_on)} deleted.")
        return redirect("challenges:assessment-list", slug=site.slug)
    return render(
        request,
        "challenges/assessment_confirm_delete.html",
        {"site": site, "assessment": assessment},
    )
