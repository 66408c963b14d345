"""A workshop's page, its agenda, its calendar entry and its printable sign-in sheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from audit.services import Action, record

from .. import selectors, services
from ..forms import AgendaItemForm, WorkshopForm
from ..ical import ics_filename, workshop_ics
from ..messages import addressees, unreachable
from ..models import MAX_DELEGATES_PER_SITE, AgendaItem, Delegate
from ..registration_forms import WorkshopMessageForm
from ..rules import can_manage_learning_sets
from .common import workshop_for

MANAGE = "learning_sets.change_workshop"


@login_required
@require_safe
def workshop_detail(request, pk):
    user = request.user
    today = timezone.localdate()
    workshop = workshop_for(request, pk)
    can_manage = can_manage_learning_sets(user)
    member_sites = {site.pk: site for site in workshop.learning_set.sites.order_by("name")}
    team_sites = selectors.team_site_ids(user) if not can_manage else set()
    link_sites = [pk for pk in member_sites if can_manage or pk in team_sites]
    is_staff_reader = user.has_perm("learning_sets.report_learningset", workshop.learning_set)
    delegates, waiting_list, waiting, places, people, cancelled = selectors.workshop_people(
        user, workshop, member_sites, today
    )
    open_day = not workshop.has_happened(today) and not workshop.is_cancelled
    for delegate in cancelled:
        delegate.restorable = (
            open_day and delegate.cancelled_at is not None and not places.problem(delegate.site_id)
        )
    no_email = [d for d in people if not d.email] if can_manage else []
    cannot_reach = unreachable(no_email, addressees(no_email)) if no_email else []
    site_places = [(member_sites[entry.site_id], entry) for entry in places.sites()]
    links = selectors.open_registration_links(workshop, link_sites)
    if can_manage:  # the page shows every delegate's access and dietary needs
        record(
            action=Action.READ_NEEDS, request=request, what=f"{workshop} ({workshop.learning_set})"
        )
    return render(
        request,
        "learning_sets/workshop_detail.html",
        {
            "workshop": workshop,
            "learning_set": workshop.learning_set,
            "agenda": selectors.agenda(workshop),
            "delegates": delegates,
            "co_production": selectors.workshop_co_production(people),
            "waiting_list": waiting_list,
            "places": places,
            "site_places": site_places,
            "unclaimed_sites": [
                site for site, entry in site_places if places.shares_apply and not entry.used
            ]
            if can_manage and not places.released
            else [],
            "registered": places.registered,
            "waiting": waiting,
            "per_site_limit": MAX_DELEGATES_PER_SITE,
            "can_manage": can_manage,
            "can_register": bool(link_sites),
            "link_rows": [(member_sites[pk], links.get(pk)) for pk in link_sites],
            "editable_site_ids": team_sites,
            "is_staff_reader": is_staff_reader,
            "attendance_open": workshop.attendance_open(today),
            "today": today,
            "cancelled": cancelled,
            "cannot_reach": cannot_reach,
            "sent_messages": list(workshop.messages.select_related("site", "sent_by"))
            if can_manage
            else [],
        },
    )


@login_required
def workshop_cancel(request, pk):
    """Asks first; everyone booked or waiting is told, calendars drop the day."""
    workshop = workshop_for(request, pk, MANAGE)
    if request.method == "POST" and not workshop.is_cancelled:
        services.workshop_cancel(workshop=workshop, by=request.user)
        messages.success(
            request, f"Workshop {workshop.number} is cancelled; everyone booked is told."
        )
        return redirect(workshop)
    people = workshop.delegates.exclude(status=Delegate.Status.CANCELLED)
    return render(
        request,
        "learning_sets/workshop_cancel.html",
        {
            "workshop": workshop,
            "registered": people.filter(status=Delegate.Status.REGISTERED).count(),
            "waiting": people.filter(status=Delegate.Status.WAITING).count(),
        },
    )


@login_required
def workshop_message(request, pk):
    """One email each, with the person's own link; kept on the workshop."""
    workshop = workshop_for(request, pk, MANAGE)
    form = WorkshopMessageForm(
        request.POST or None, sites=workshop.learning_set.sites.order_by("name")
    )
    if request.method == "POST" and form.is_valid():
        sent = services.workshop_message_send(
            workshop=workshop, by=request.user, **form.cleaned_data
        )
        messages.success(request, f"“{sent.subject}” is on its way to {sent.recipients} people.")
        return redirect(f"{workshop.get_absolute_url()}#messages")
    return render(
        request, "learning_sets/workshop_message.html", {"form": form, "workshop": workshop}
    )


@login_required
def workshop_edit(request, pk):
    """Move one workshop of the series, or set its venue and topic."""
    workshop = workshop_for(request, pk, MANAGE)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "confirm_dates"}
        services.workshop_update(workshop=workshop, **data)
        messages.success(request, f"Workshop {workshop.number} saved.")
        return redirect(workshop)
    return render(request, "learning_sets/workshop_form.html", {"form": form, "workshop": workshop})


@login_required
@require_POST
def agenda_standard(request, pk):
    workshop = workshop_for(request, pk, MANAGE)
    if workshop.agenda_items.exists():
        messages.info(request, "The agenda already has items; add or edit them one by one.")
    else:
        services.agenda_standard_add(workshop=workshop)
        messages.success(request, "Standard agenda added. Fill in the speaker and the sites.")
    return redirect(workshop)


@login_required
def agenda_add(request, pk):
    workshop = workshop_for(request, pk, MANAGE)
    return _agenda_form(request, workshop, None)


@login_required
def agenda_edit(request, pk):
    item = get_object_or_404(AgendaItem, pk=pk)
    workshop = workshop_for(request, item.workshop_id, MANAGE)
    return _agenda_form(request, workshop, item)


def _agenda_form(request, workshop, item):
    form = AgendaItemForm(request.POST or None, instance=item, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.agenda_item_save(
            workshop=workshop, item=item, stall_sites=data.pop("stall_sites"), **data
        )
        messages.success(request, "Agenda item saved.")
        return redirect(workshop)
    return render(
        request,
        "learning_sets/agenda_form.html",
        {"form": form, "workshop": workshop, "item": item},
    )


@login_required
@require_POST
def agenda_remove(request, pk):
    item = get_object_or_404(AgendaItem, pk=pk)
    workshop = workshop_for(request, item.workshop_id, MANAGE)
    services.agenda_item_remove(item=item)
    messages.success(request, f"“{item}” removed from the agenda.")
    return redirect(workshop)


@login_required
@require_safe
def workshop_calendar(request, pk):
    """An .ics file so delegates and organisers can put the day in their calendar."""
    workshop = workshop_for(request, pk)
    response = HttpResponse(workshop_ics(workshop), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(workshop)}"'
    return response


@login_required
@require_safe
def sign_in_sheet(request, pk):
    """A printable list of registered delegates with room to sign."""
    workshop = workshop_for(request, pk, MANAGE)
    delegates = (
        workshop.delegates.filter(status=Delegate.Status.REGISTERED)
        .select_related("site")
        .order_by("site__name", "full_name")
    )
    return render(
        request, "learning_sets/sign_in_sheet.html", {"workshop": workshop, "delegates": delegates}
    )
