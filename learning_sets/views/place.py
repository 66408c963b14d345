"""A delegate's own page through their personal link (no account): the day, the calendar
entry, their needs, and giving their place back."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from audit.services import Action, record

from .. import selectors, services
from ..ical import ics_filename, workshop_ics
from ..models import Delegate
from ..personal import delegate_for_token
from ..registration_forms import NeedsForm


def _delegate(token) -> Delegate:
    delegate = delegate_for_token(token, timezone.localdate())
    if delegate is None:
        raise Http404("This link is not ours, or its workshop is over.")
    return delegate


def place(request, token):
    delegate = _delegate(token)
    workshop = delegate.workshop
    active = delegate.status != Delegate.Status.CANCELLED and not workshop.is_cancelled
    form = NeedsForm(
        request.POST or None,
        initial={"dietary_needs": delegate.dietary_needs, "access_needs": delegate.access_needs},
    )
    if request.method == "POST" and active and form.is_valid():
        services.delegate_update_needs(delegate=delegate, **form.cleaned_data)
        messages.success(request, "Your needs are saved: the organisers will see them.")
        return redirect(request.path)
    record(
        action=Action.READ_NEEDS,
        request=request,
        what=f"{delegate} (delegate {delegate.pk}, {workshop}), through their personal link",
    )
    return render(
        request,
        "learning_sets/place.html",
        {
            "delegate": delegate,
            "workshop": workshop,
            "agenda": selectors.agenda(workshop),
            "form": form,
            "active": active,
            "token": token,
        },
    )


def place_calendar(request, token):
    """The workshop's current entry (its latest SEQUENCE), or its cancellation when the
    delegate's place or the workshop is off."""
    delegate = _delegate(token)
    cancelled = delegate.status == Delegate.Status.CANCELLED
    response = HttpResponse(
        workshop_ics(delegate.workshop, cancelled=cancelled),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(delegate.workshop)}"'
    return response


def place_give_back(request, token):
    """Asks first; the place goes to the next person waiting whose site may take it."""
    delegate = _delegate(token)
    if request.method == "POST" and delegate.status != Delegate.Status.CANCELLED:
        services.delegate_cancel(delegate=delegate)
        return render(request, "learning_sets/place_given_back.html", {"delegate": delegate})
    if delegate.status == Delegate.Status.CANCELLED:
        return redirect("learning_sets:place", token=token)
    return render(
        request,
        "learning_sets/place_give_back.html",
        {"delegate": delegate, "workshop": delegate.workshop, "token": token},
    )
