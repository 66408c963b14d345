"""Learning sets, their workshop series, members' topic choices and the venues."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import require
from sites.selectors import sites_for_user

from .. import selectors, services
from ..forms import LearningSetForm, TopicChoiceForm, VenueForm, WorkshopSeriesForm
from ..models import Topic, TopicChoice, Venue, composition_warnings
from ..rules import can_manage_learning_sets, can_register_for_site
from .common import learning_set_for

SET_FIELDS = ["name", "organisers", "sites", "start_date", "status", "release_days"]


@login_required
@require_safe
def set_list(request):
    today = timezone.localdate()
    return render(
        request,
        "learning_sets/set_list.html",
        {
            "learning_sets": selectors.learning_set_directory(request.user, today),
            "headline": selectors.programme_headline(today),
            "can_manage": can_manage_learning_sets(request.user),
            "today": today,
        },
    )


@login_required
def set_create(request):
    require(request.user, "learning_sets.add_learningset")
    form = LearningSetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        learning_set = services.learning_set_create(**{f: form.cleaned_data[f] for f in SET_FIELDS})
        messages.success(request, f"Learning set “{learning_set}” created.")
        return redirect(learning_set)
    return render(
        request, "learning_sets/set_form.html", {"form": form, "title": "New learning set"}
    )


@login_required
def set_edit(request, pk):
    learning_set = learning_set_for(request, pk, "learning_sets.change_learningset")
    form = LearningSetForm(request.POST or None, instance=learning_set)
    if request.method == "POST" and form.is_valid():
        services.learning_set_update(
            learning_set=learning_set, **{f: form.cleaned_data[f] for f in SET_FIELDS}
        )
        messages.success(request, "Learning set saved.")
        return redirect(learning_set)
    return render(
        request,
        "learning_sets/set_form.html",
        {"form": form, "learning_set": learning_set, "title": f"Edit {learning_set}"},
    )


@login_required
@require_safe
def set_detail(request, pk):
    learning_set = learning_set_for(request, pk, queryset=selectors.learning_set_page(request.user))
    sites = list(learning_set.sites.all())
    choices = TopicChoice.objects.filter(learning_set=learning_set).select_related("topic")
    choices_by_site: dict[int, list] = {}
    for choice in choices:
        choices_by_site.setdefault(choice.site_id, []).append(choice.topic)
    return render(
        request,
        "learning_sets/set_detail.html",
        {
            "learning_set": learning_set,
            "sites": [(site, choices_by_site.get(site.pk, [])) for site in sites],
            "workshops": learning_set.workshops.all(),
            "warnings": composition_warnings(sites),
            "ranking": services.topic_ranking(learning_set),
            "can_manage": request.user.has_perm("learning_sets.change_learningset", learning_set),
            "can_report": request.user.has_perm("learning_sets.report_learningset", learning_set),
            "choosing_site_ids": {s.pk for s in sites if can_register_for_site(request.user, s)},
            "today": timezone.localdate(),
        },
    )


@login_required
def series_create(request, pk):
    """The six workshops at once; single dates are moved afterwards."""
    learning_set = learning_set_for(request, pk, "learning_sets.change_learningset")
    if learning_set.workshops.exists():
        messages.info(
            request, "This learning set already has its workshops; move single dates instead."
        )
        return redirect(learning_set)
    form = WorkshopSeriesForm(
        request.POST or None,
        initial={"first_date": learning_set.start_date},
        learning_set=learning_set,
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "confirm_dates"}
        services.workshop_series_create(learning_set=learning_set, **data)
        messages.success(request, "Six workshops created.")
        return redirect(learning_set)
    return render(
        request, "learning_sets/series_form.html", {"form": form, "learning_set": learning_set}
    )


@login_required
def topic_choices(request, pk, site_slug):
    """A member site's ranked topics, recorded by the site's team or an organiser."""
    learning_set = learning_set_for(request, pk)
    site = get_object_or_404(
        sites_for_user(request.user).filter(pk__in=learning_set.sites.values("pk")), slug=site_slug
    )
    require(request.user, "learning_sets.act_for_site", site)
    current = [
        c.topic
        for c in TopicChoice.objects.filter(learning_set=learning_set, site=site).select_related(
            "topic"
        )
    ]
    initial = dict(zip(["first", "second", "third"], current, strict=False))
    form = TopicChoiceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.topic_choices_record(
            learning_set=learning_set, site=site, topics=form.cleaned_data["topics"]
        )
        messages.success(request, f"Topic choices of {site} saved.")
        return redirect(learning_set)
    return render(
        request,
        "learning_sets/topic_choices.html",
        {"form": form, "learning_set": learning_set, "site": site, "topics": Topic.objects.all()},
    )


@login_required
@require_safe
def venue_list(request):
    require(request.user, "learning_sets.add_learningset")
    return render(request, "learning_sets/venue_list.html", {"venues": Venue.objects.all()})


@login_required
def venue_add(request):
    require(request.user, "learning_sets.add_learningset")
    return _venue_form(request, None, "New venue")


@login_required
def venue_edit(request, pk):
    require(request.user, "learning_sets.add_learningset")
    venue = get_object_or_404(Venue, pk=pk)
    return _venue_form(request, venue, f"Edit {venue.name}")


def _venue_form(request, venue, title):
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        venue = services.venue_save(venue=venue, **form.cleaned_data)
        messages.success(request, f"Venue {venue.name} saved.")
        return redirect("learning_sets:venue-list")
    return render(request, "learning_sets/venue_form.html", {"form": form, "title": title})
