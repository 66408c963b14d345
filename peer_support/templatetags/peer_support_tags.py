from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def wte(value) -> str:
    """A whole-time equivalent as people write it: 2.5, 4, 0.75."""
    return f"{Decimal(value).normalize():f}" if value is not None else ""
