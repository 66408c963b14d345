"""The home page's learning-set section: organisers' next workshops, sites' registrations."""

from django import template
from django.utils import timezone

from accounts.rules import is_organiser

from .. import selectors

register = template.Library()


@register.inclusion_tag("learning_sets/_home_section.html")
def learning_sets_home(user):
    today = timezone.localdate()
    return {
        "workshops": selectors.upcoming_workshops_organised_by(user, today)
        if is_organiser(user)
        else None,
        "registrations": selectors.upcoming_registrations_for(user, today),
    }
