"""Registering a site's people in a batch, the site's own registration link, and a person
registering themselves through it (no account needed)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.permissions import require
from accounts.throttling import client_ip

from .. import floods, selectors, services
from ..messages import addressees, unreachable
from ..models import Delegate, RegistrationLink
from ..personal import personal_path
from ..registration_forms import BatchForm, JoinForm
from .common import workshop_for

DETAILS = ["full_name", "email", "perspective", "dietary_needs", "access_needs"]


@login_required
def delegate_batch(request, pk):
    workshop = workshop_for(request, pk)
    sites = selectors.registrable_sites(request.user, workshop)
    if not sites.exists():
        raise PermissionDenied
    form = BatchForm(request.POST or None, request.FILES or None, sites=sites)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            delegates = services.delegates_register_batch(
                workshop=workshop,
                site=data["site"],
                people=data["batch"],
                by=request.user,
                waiting_list_ok=data["waiting_list_ok"],
            )
        except services.BatchRefused as refused:
            form.add_error(
                "people",
                f"{refused} Nobody was registered. Remove or correct that line, or tick "
                "“waiting list” to let the others wait for a place.",
            )
        else:
            waiting = sum(d.status == Delegate.Status.WAITING for d in delegates)
            text = f"{len(delegates) - waiting} people registered for {data['site']}."
            if waiting:
                text += f" {waiting} on the waiting list."
            messages.success(request, text)
            return redirect(workshop)
    return render(
        request, "learning_sets/delegate_batch.html", {"form": form, "workshop": workshop}
    )


def _site_for_link(request, workshop, site_pk):
    """A member site of the workshop's set (else 404) the user acts for (else 403)."""
    site = get_object_or_404(workshop.learning_set.sites, pk=site_pk)
    require(request.user, "learning_sets.act_for_site", site)
    return site


@login_required
@require_POST
def link_issue(request, pk, site_pk):
    """A new link for the site to pass on; the one it replaces stops working."""
    workshop = workshop_for(request, pk)
    site = _site_for_link(request, workshop, site_pk)
    services.registration_link_issue(workshop=workshop, site=site, by=request.user)
    messages.success(request, f"A new registration link for {site} is ready to share.")
    return redirect(f"{workshop.get_absolute_url()}#links")


@login_required
@require_POST
def link_revoke(request, pk, site_pk):
    workshop = workshop_for(request, pk)
    site = _site_for_link(request, workshop, site_pk)
    link = RegistrationLink.objects.filter(
        workshop=workshop, site=site, revoked_at__isnull=True
    ).first()
    if link is not None:
        services.registration_link_revoke(link=link)
        messages.success(request, f"{site}'s registration link no longer works.")
    return redirect(f"{workshop.get_absolute_url()}#links")


def join(request, token):
    """No sign-in: the site's link is the key, good while the lead keeps it open."""
    link = get_object_or_404(
        RegistrationLink.objects.select_related(
            "site", "workshop__learning_set", "workshop__venue", "workshop__topic"
        ),
        token=token,
        revoked_at__isnull=True,
    )
    workshop, site = link.workshop, link.site
    today = timezone.localdate()
    places = selectors.workshop_places(workshop, today)
    state = "closed" if workshop.has_happened(today) else "open"
    form = JoinForm(request.POST or None)
    status = 200
    delegate = None
    if request.method == "POST" and state == "open" and form.is_valid():
        data = form.cleaned_data
        address = client_ip(request)
        try:
            floods.join_allowed(link, address)
            floods.join_counted(address)
            delegate = services.delegate_register(
                workshop=workshop,
                site=site,
                waiting_list_ok=data["waiting_list_ok"],
                registration_link=link,
                **{name: data[name] for name in DETAILS},
            )
        except (floods.JoinRefused, services.WaitingListFull) as refused:
            form.add_error(None, str(refused))
            floods.link_flooded(link=link, reason=str(refused))
            status = 429 if isinstance(refused, floods.JoinRefused) else 200
        except services.PlaceLimitReached as limit:
            form.add_error(None, f"{limit} Tick the waiting-list box to wait for a place.")
        except services.AlreadyRegistered:
            form.add_error("email", "This email is already registered for this workshop.")
        else:
            state = "waiting" if delegate.status == Delegate.Status.WAITING else "registered"
    return render(
        request,
        "learning_sets/join.html",
        {
            "link": link,
            "workshop": workshop,
            "site": site,
            "form": form,
            "state": state,
            "site_places": places.for_site(site.pk),
            "problem": places.problem(site.pk),
            "waiting_list_full": floods.waiting_list_full(workshop, site),
            "limits": floods.limits(),
            "waiting_list_most": settings.IMROC_WAITING_LIST_PER_SITE,
            **_what_happens_next(delegate),
        },
        status=status,
    )


def _what_happens_next(delegate) -> dict:
    """The page promises only what will happen: their own link now, and who (if anyone)
    is sent the joining instructions."""
    if delegate is None:
        return {}
    found = addressees([delegate])
    return {
        "own_link": personal_path(delegate),
        "passed_on": bool(found[delegate.pk]) and not delegate.email,
        "cannot_reach": bool(unreachable([delegate], found)),
    }
