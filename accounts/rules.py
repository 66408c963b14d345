"""Predicates for the programme-wide roles."""

import rules

from .roles import Role, has_role


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


@rules.predicate
def is_consultant(user) -> bool:
    return has_role(user, Role.CONSULTANT)


@rules.predicate
def is_organiser(user) -> bool:
    return has_role(user, Role.ORGANISER)


is_programme_staff = is_administrator | is_consultant | is_organiser

# Pages of the apps below accounts that only administrators open: those apps check the
# permission by name and need not know the roles.
rules.add_perm("audit.read_log", is_administrator)
rules.add_perm("notifications.manage_failed", is_administrator)
