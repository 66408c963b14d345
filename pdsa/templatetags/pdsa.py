from django import template

from .. import selectors

register = template.Library()


@register.filter
def is_overdue_on(cycle, today) -> bool:
    return cycle.is_overdue(today)


@register.simple_tag
def your_goals(user):
    """The home page's "Your goals" list for members of a site team."""
    return selectors.your_goals(user)
