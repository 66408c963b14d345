"""``{% has_perm "app.perm" user obj as name %}`` as rules' tag, checked like the views
(``accounts.permissions.allowed``), so a page never offers what its view refuses."""

from django import template

from ..permissions import allowed

register = template.Library()


@register.simple_tag
def has_perm(perm, user, obj=None):
    return allowed(user, perm, obj)
