from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import require

from . import registry, selectors, services
from .filters import SiteFilter
from .forms import ProjectGroupMemberForm, SiteArchiveForm, SiteForm
from .models import CoProduction

PAGE_SIZE = 25


@login_required
@require_safe
def site_list(request):
    site_filter = SiteFilter(request.GET, queryset=selectors.site_directory(request.user))
    page = Paginator(site_filter.qs.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "sites/site_list.html",
        {"filter": site_filter, "page": page, "query": query.urlencode()},
    )


@login_required
@require_safe
def site_detail(request, slug):
    """The site's own details and project group, then each app's registered section."""
    site = get_object_or_404(
        registry.annotate(selectors.sites_for_user(request.user)).prefetch_related("consultants"),
        slug=slug,
    )
    members = list(selectors.project_group(site))
    page = registry.SitePage(
        site=site,
        user=request.user,
        today=timezone.localdate(),
        members=members,
        co_production=CoProduction.of_group(members),
    )
    sections, values = registry.render_sections(page)
    return render(
        request,
        "sites/site_detail.html",
        {
            "site": site,
            "members": members,
            "co_production": page.co_production,
            "sections": sections,
            **values,
        },
    )


@login_required
def site_edit(request, slug):
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.change_site", site)
    form = SiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        services.site_update(form=form)
        messages.success(request, "Site details saved.")
        return redirect(site)
    return render(request, "sites/site_form.html", {"site": site, "form": form})


@login_required
def site_archive(request, slug):
    """The administrator archives a site that left the programme, with the date and why."""
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.archive_site", site)
    form = SiteArchiveForm(request.POST or None, site=site, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            services.site_archive(site=site, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{site.name} is archived: its record is read-only.")
            return redirect(site)
    return render(request, "sites/site_archive.html", {"site": site, "form": form})


@login_required
def site_unarchive(request, slug):
    """Asks first, then brings the site back into the programme."""
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.unarchive_site", site)
    if request.method == "POST":
        services.site_unarchive(site=site, by=request.user)
        messages.success(request, f"{site.name} is back in the programme and can be edited.")
        return redirect(site)
    return render(request, "sites/site_unarchive.html", {"site": site})


@login_required
def member_add(request, slug):
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.manage_group_site", site)
    form = ProjectGroupMemberForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        member = services.project_group_add(site=site, **form.cleaned_data)
        messages.success(request, f"{member.person} added to the project group.")
        return redirect(site)
    return render(
        request, "sites/member_form.html", {"site": site, "form": form, "title": "Add a member"}
    )


@login_required
def member_edit(request, slug, pk):
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.manage_group_site", site)
    member = get_object_or_404(selectors.project_group(site), pk=pk)
    form = ProjectGroupMemberForm(request.POST or None, site=site, member=member)
    if request.method == "POST" and form.is_valid():
        services.project_group_update(member=member, **form.cleaned_data)
        messages.success(request, f"{member.person} updated.")
        return redirect(site)
    return render(
        request,
        "sites/member_form.html",
        {"site": site, "form": form, "member": member, "title": f"Edit {member.person}"},
    )


@login_required
def member_remove(request, slug, pk):
    """A page asking to confirm, then the removal: no one-click delete beside each name."""
    site = get_object_or_404(selectors.sites_for_user(request.user), slug=slug)
    require(request.user, "sites.manage_group_site", site)
    member = get_object_or_404(selectors.project_group(site), pk=pk)
    if request.method != "POST":
        return render(request, "sites/member_confirm_remove.html", {"site": site, "member": member})
    services.project_group_remove(member=member)
    messages.success(request, f"{member.person} removed from the project group.")
    return redirect(site)
