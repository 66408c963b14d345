"""Thin views: fetch through a scoped selector (404 for outsiders), require the permission
(403 for readers), validate, call a service."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from sites.selectors import sites_for_user

from . import selectors, services
from .filters import SupportLogFilter
from .forms import (
    ProgrammeOutcomeForm,
    SupportLogEntryForm,
    SupportPackageForm,
    TrainingDeliveryForm,
)
from .models import SupportPackage

PAGE_SIZE = 25


def _site(request, slug):
    return get_object_or_404(sites_for_user(request.user), slug=slug)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_safe
def site_support(request, slug):
    site = _site(request, slug)
    log_filter = SupportLogFilter(request.GET, queryset=selectors.support_log(site))
    entries = log_filter.qs
    return render(
        request,
        "support/site_support.html",
        {
            "site": site,
            "support": selectors.site_support(site),
            "filter": log_filter,
            "page": _page(request, entries),
            "query": _query_without_page(request),
            "by_kind": selectors.support_by_kind(entries),
            "training": list(selectors.training_for_site(site)),
        },
    )


@login_required
def package_edit(request, slug):
    site = _site(request, slug)
    require(request.user, "support.change_supportpackage", site)
    package = SupportPackage.objects.filter(site=site).first()
    form = SupportPackageForm(
        request.POST or None, instance=package, site=site, today=datetime.date.today()
    )
    if request.method == "POST" and form.is_valid():
        services.package_agree(site=site, **form.cleaned_data)
        messages.success(request, "Support package saved.")
        return redirect("support:site-support", slug=site.slug)
    return render(
        request,
        "support/form.html",
        {
            "site": site,
            "form": form,
            "section": "Support",
            "title": "Support package",
            "intro": "Days agreed with the site. New packages start from the defaults for the "
            "site's category; change them to what was agreed.",
        },
    )


@login_required
def log_add(request, slug):
    site = _site(request, slug)
    require(request.user, "support.add_supportlogentry", site)
    form = SupportLogEntryForm(request.POST or None, initial={"date": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        services.support_log_add(site=site, recorded_by=request.user, **form.cleaned_data)
        messages.success(request, "Support logged.")
        return redirect("support:site-support", slug=site.slug)
    return render(
        request,
        "support/form.html",
        {"site": site, "form": form, "section": "Support", "title": "Log support given"},
    )


def _correct(request, site, record, *, form_class, perm, save, done, title):
    """The shared page for correcting a logged record of a site's support."""
    require(request.user, perm, record)
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        save(record, form.cleaned_data)
        messages.success(request, done)
        return redirect("support:site-support", slug=site.slug)
    return render(
        request,
        "support/form.html",
        {"site": site, "form": form, "section": "Support", "title": title},
    )


def _remove(request, site, record, *, perm, delete):
    require(request.user, perm, record)
    delete(record)
    messages.success(request, f"Removed: {record}.")
    return redirect("support:site-support", slug=site.slug)


def _log_entry(request, slug, pk):
    site = _site(request, slug)
    return site, get_object_or_404(selectors.support_log(site), pk=pk)


def _corrections(*, find, form_class, model: str, update, delete, done: str, title: str):
    """The pair of views that correct and remove one kind of record of a site's support:
    ``find(request, slug, pk)`` gives the site and the record through the reader's sites."""

    @login_required
    def edit(request, slug, pk):
        site, record = find(request, slug, pk)
        return _correct(
            request,
            site,
            record,
            form_class=form_class,
            perm=f"support.change_{model}",
            save=update,
            done=done,
            title=title,
        )

    @login_required
    @require_POST
    def remove(request, slug, pk):
        site, record = find(request, slug, pk)
        return _remove(request, site, record, perm=f"support.delete_{model}", delete=delete)

    return edit, remove


log_edit, log_delete = _corrections(
    find=_log_entry,
    form_class=SupportLogEntryForm,
    model="supportlogentry",
    update=lambda entry, data: services.support_log_update(entry=entry, **data),
    delete=lambda entry: services.support_log_delete(entry=entry),
    done="Support log entry corrected.",
    title="Correct a support entry",
)


@login_required
def training_add(request, slug):
    site = _site(request, slug)
    require(request.user, "support.add_trainingdelivery", site)
    form = TrainingDeliveryForm(request.POST or None, initial={"date": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        services.training_record(site=site, recorded_by=request.user, **form.cleaned_data)
        messages.success(request, "Training recorded.")
        return redirect("support:site-support", slug=site.slug)
    return render(
        request,
        "support/form.html",
        {"site": site, "form": form, "section": "Support", "title": "Record co-produced training"},
    )


def _course(request, slug, pk):
    site = _site(request, slug)
    return site, get_object_or_404(selectors.training_for_site(site), pk=pk)


training_edit, training_delete = _corrections(
    find=_course,
    form_class=TrainingDeliveryForm,
    model="trainingdelivery",
    update=lambda course, data: services.training_update(course=course, **data),
    delete=lambda course: services.training_delete(course=course),
    done="Training record corrected.",
    title="Correct a training record",
)


@login_required
@require_safe
def outcomes(request, slug):
    """The snapshots, and the peer-support and college figures now from their sources (not
    typed into the snapshot)."""
    site = _site(request, slug)
    history = list(selectors.outcome_history(site))
    return render(
        request,
        "support/outcomes.html",
        {
            "site": site,
            "latest": history[0] if history else None,
            "history": history,
            "figures": selectors.source_figures(site, datetime.date.today()),
        },
    )


@login_required
def outcome_add(request, slug):
    """Start from the latest figures, so a lead changes only what moved."""
    site = _site(request, slug)
    require(request.user, "support.add_programmeoutcome", site)
    latest = selectors.outcome_history(site).first()
    initial = model_to_dict(latest, fields=ProgrammeOutcomeForm.Meta.fields) if latest else {}
    initial["recorded_on"] = datetime.date.today()
    form = ProgrammeOutcomeForm(request.POST or None, initial=initial, from_latest=bool(latest))
    if request.method == "POST" and form.is_valid():
        services.outcome_record(site=site, recorded_by=request.user, **form.cleaned_data)
        messages.success(request, "Programme outcomes saved.")
        return redirect("support:outcomes", slug=site.slug)
    return render(
        request,
        "support/form.html",
        {
            "site": site,
            "form": form,
            "section": "Outcomes",
            "title": "Update programme outcomes",
            "intro": "Each update is kept with its date, so the history shows how the site moved.",
        },
    )
