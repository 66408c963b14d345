"""Inviting people and assigning consultants, outside the Django admin. An administrator
invites anyone to any site (or a new one); a consultant invites to their own sites (or a
new one, which becomes theirs); a project lead invites to their own site's group."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from sites.figures import figures_changed
from sites.models import ProjectGroupMember, Site

from . import services
from .forms import ConsultantAssignForm, InvitationForm, SetPassword
from .models import Invitation
from .rules import is_administrator, is_consultant


def _scope(user):
    """(sites the user invites to, roles they may give, may they add a site) or 403. Nobody
    joins an archived site."""
    if is_administrator(user):
        return (
            Site.objects.active().order_by("name"),
            list(Invitation.Role.values),
            True,
        )
    site_roles = list(Invitation.SITE_ROLES)
    if is_consultant(user):
        return user.consulted_sites.active().order_by("name"), site_roles, True
    led = Site.objects.filter(
        is_active=True,
        project_group__person__user=user,
        project_group__role=ProjectGroupMember.Role.PROJECT_LEAD,
    ).order_by("name")
    if led.exists():
        return led, site_roles, False
    raise PermissionDenied


def _pending(user, sites):
    pending = Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("site", "invited_by")
    if is_administrator(user):
        return pending
    return pending.filter(site__in=sites)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "site"
    slug, n = base, 1
    while Site.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@login_required
def invitation_list(request):
    sites, roles, may_add_site = _scope(request.user)
    chosen = sites.filter(slug=request.GET.get("site", "")).first()
    form = InvitationForm(
        request.POST or None,
        sites=sites,
        roles=roles,
        may_add_site=may_add_site,
        suggest="visible" if is_administrator(request.user) else "mine",
        initial={"site": chosen, "role": "member" if chosen else "project_lead"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        site = data["site"]
        if data["role"] in Invitation.SITE_ROLES and data.get("new_site_name"):
            site = Site.objects.create(
                name=data["new_site_name"],
                slug=_unique_slug(data["new_site_name"]),
                category=data["new_site_category"],
                region=data["new_site_region"],
                date_joined=datetime.date.today(),
            )
            if is_consultant(request.user):
                site.consultants.add(request.user)
            figures_changed()
        services.invitation_create(
            full_name=data["full_name"],
            email=data["email"],
            role=data["role"],
            site=site,
            perspective=data["perspective"],
            by=request.user,
        )
        messages.success(request, f"Invitation sent to {data['email']}.")
        return redirect("invitation-list")
    return render(
        request,
        "accounts/invitation_list.html",
        {"form": form, "pending": _pending(request.user, sites), "now": timezone.now()},
    )


def _invitation(request, pk):
    sites, _, _ = _scope(request.user)
    return get_object_or_404(_pending(request.user, sites), pk=pk)


@login_required
@require_POST
def invitation_resend(request, pk):
    invitation = services.invitation_resend(invitation=_invitation(request, pk), by=request.user)
    messages.success(request, f"A new link was sent to {invitation.email}.")
    return redirect("invitation-list")


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = _invitation(request, pk)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, f"The invitation to {invitation.email} no longer works.")
    return redirect("invitation-list")


def invitation_accept(request, token):
    """The emailed link: set a password once, then sign in."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    first, _, last = invitation.full_name.partition(" ")
    someone = get_user_model()(
        username=invitation.email, email=invitation.email, first_name=first, last_name=last
    )
    form = SetPassword(someone, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.invitation_accept(
            invitation=invitation, password=form.cleaned_data["new_password1"]
        )
        if user is None:
            return render(request, "accounts/invitation_invalid.html", status=404)
        messages.success(request, f"Your password is set. Sign in as {user.username}.")
        return redirect("login")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )


@login_required
def consultant_assign(request):
    """The administrator gives a consultant many sites at once."""
    if not is_administrator(request.user):
        raise PermissionDenied
    form = ConsultantAssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consultant = form.cleaned_data["consultant"]
        added = services.consultant_assign(
            consultant=consultant, sites=form.cleaned_data["sites"], by=request.user
        )
        name = consultant.get_full_name() or consultant.username
        messages.success(
            request, f"{name} now reviews {added} more site{'s' if added != 1 else ''}."
        )
        return redirect("consultant-assign")
    return render(request, "accounts/consultant_assign.html", {"form": form})
