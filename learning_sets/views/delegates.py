"""Registering delegates, marking attendance on the day and delegates' evaluations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import require
from audit.services import Action, record
from imroc.dates import long_date

from .. import selectors, services
from ..forms import DelegateForm, EvaluationForm
from ..models import Delegate
from ..personal import personal_path
from ..registration_forms import CancelPlaceForm
from .common import workshop_for

MANAGE = "learning_sets.change_workshop"
DETAILS = ["full_name", "email", "perspective", "dietary_needs", "access_needs"]


@login_required
def delegate_add(request, pk):
    """Leads and team members register their own site's delegates; organisers anyone's."""
    workshop = workshop_for(request, pk)
    sites = selectors.registrable_sites(request.user, workshop)
    if not sites.exists():
        raise PermissionDenied
    form = DelegateForm(request.POST or None, workshop=workshop, sites=sites)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            delegate = services.delegate_register(
                workshop=workshop,
                site=data["site"],
                by=request.user,
                waiting_list_ok=data["waiting_list_ok"],
                **{name: data[name] for name in DETAILS},
            )
        except services.PlaceLimitReached as limit:
            form.add_error(
                None, f"{limit} Tick “put them on the waiting list” to wait for a place."
            )
        except services.AlreadyRegistered as duplicate:
            form.add_error("email", str(duplicate))
        else:
            if delegate.status == Delegate.Status.WAITING:
                messages.warning(request, f"No place is free: {delegate} is on the waiting list.")
            else:
                messages.success(request, f"{delegate} registered for {data['site']}.")
            return redirect(workshop)
    return render(
        request,
        "learning_sets/delegate_form.html",
        {"form": form, "workshop": workshop, "title": "Register a delegate"},
    )


def _delegate_for(request, pk):
    delegate = get_object_or_404(selectors.delegates_for_user(request.user), pk=pk)
    require(request.user, "learning_sets.change_delegate", delegate)
    return delegate


@login_required
def delegate_edit(request, pk):
    delegate = _delegate_for(request, pk)
    record(
        action=Action.READ_NEEDS,
        request=request,
        what=f"{delegate} (delegate {delegate.pk}, {delegate.workshop})",
    )
    form = DelegateForm(request.POST or None, workshop=delegate.workshop, delegate=delegate)
    if request.method == "POST" and form.is_valid():
        services.delegate_update(delegate=delegate, **form.cleaned_data)
        messages.success(request, f"{delegate} saved.")
        return redirect(delegate.workshop)
    return render(
        request,
        "learning_sets/delegate_form.html",
        {
            "form": form,
            "workshop": delegate.workshop,
            "delegate": delegate,
            "title": f"Edit {delegate}",
        },
    )


@login_required
def delegate_cancel(request, pk):
    """Asks first (who and why are kept); the delegate is told, with the calendar entry
    that removes the day."""
    delegate = _delegate_for(request, pk)
    if delegate.status == Delegate.Status.CANCELLED:
        return redirect(delegate.workshop)
    form = CancelPlaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        promoted = services.delegate_cancel(
            delegate=delegate, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            f"{delegate}'s place is cancelled and they are told. You can undo it below while "
            "the place is free.",
        )
        for other in promoted:
            messages.info(
                request, f"{other} ({other.site}) moved from the waiting list to a place."
            )
        return redirect(delegate.workshop)
    return render(
        request,
        "learning_sets/delegate_cancel.html",
        {"delegate": delegate, "workshop": delegate.workshop, "form": form},
    )


@login_required
@require_POST
def delegate_restore(request, pk):
    delegate = _delegate_for(request, pk)
    try:
        services.delegate_restore(delegate=delegate, by=request.user)
    except services.PlaceTaken as taken:
        messages.error(request, str(taken))
    else:
        messages.success(request, f"{delegate} has their place back and is told.")
    return redirect(delegate.workshop)


@login_required
def joining_instructions(request, pk):
    """A print-friendly page of the day for a delegate nobody can email."""
    delegate = _delegate_for(request, pk)
    workshop = workshop_for(request, delegate.workshop_id, MANAGE)
    return render(
        request,
        "learning_sets/joining_instructions.html",
        {
            "delegate": delegate,
            "workshop": workshop,
            "agenda": selectors.agenda(workshop),
            "personal_link": request.build_absolute_uri(personal_path(delegate)),
        },
    )


@login_required
def attendance(request, pk):
    """On the day, on a tablet: one tap per delegate as they arrive."""
    workshop = workshop_for(request, pk, MANAGE)
    delegates = list(
        workshop.delegates.filter(status=Delegate.Status.REGISTERED)
        .select_related("site")
        .order_by("site__name", "full_name")
    )
    attended = sum(d.attended for d in delegates)
    today = timezone.localdate()
    return render(
        request,
        "learning_sets/attendance.html",
        {
            "workshop": workshop,
            "delegates": delegates,
            "attended": attended,
            "not_marked": len(delegates) - attended,
            "happened": workshop.has_happened(today),
            "open": workshop.attendance_open(today),
        },
    )


@login_required
@require_POST
def attendance_mark(request, pk):
    delegate = get_object_or_404(selectors.delegates_for_user(request.user), pk=pk)
    workshop = workshop_for(request, delegate.workshop_id, MANAGE)
    if not workshop.attendance_open(timezone.localdate()):
        refusal = (
            f"Attendance can be taken from the day of the workshop, {long_date(workshop.date)}."
        )
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"error": refusal}, status=409)
        messages.error(request, refusal)
    elif delegate.status == Delegate.Status.REGISTERED:
        services.attendance_mark(delegate=delegate, attended=request.POST.get("attended") == "yes")
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"attended": delegate.attended, "name": delegate.full_name})
    return redirect(
        reverse("learning_sets:attendance", kwargs={"pk": workshop.pk}) + f"#delegate-{delegate.pk}"
    )


@login_required
@require_safe
def evaluation_links(request, pk):
    """Each attendee's own link, to copy into an email (sending is done elsewhere)."""
    workshop = workshop_for(request, pk, MANAGE)
    attendees = (
        workshop.delegates.filter(status=Delegate.Status.REGISTERED, attended=True)
        .select_related("site", "evaluation")
        .order_by("site__name", "full_name")
    )
    links = [
        (d, request.build_absolute_uri(d.get_evaluation_url()), hasattr(d, "evaluation"))
        for d in attendees
    ]
    return render(
        request, "learning_sets/evaluation_links.html", {"workshop": workshop, "links": links}
    )


def evaluate(request, token):
    """No sign-in: the unguessable token is the delegate's key, good for one answer."""
    delegate = get_object_or_404(
        Delegate.objects.select_related("workshop__learning_set", "workshop__topic"),
        token=token,
        status=Delegate.Status.REGISTERED,
    )
    state = "open"
    if not delegate.workshop.evaluation_open(timezone.now()):
        state = "not_yet"
    elif Delegate.objects.filter(pk=delegate.pk, evaluation__isnull=False).exists():
        state = "received"
    elif not delegate.attended:
        state = "not_attended"
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and state == "open" and form.is_valid():
        try:
            services.evaluation_submit(delegate=delegate, **form.cleaned_data)
        except services.EvaluationAlreadyReceived:
            state = "received"
        else:
            state = "thanks"
    return render(
        request,
        "learning_sets/evaluate.html",
        {"delegate": delegate, "workshop": delegate.workshop, "form": form, "state": state},
    )
