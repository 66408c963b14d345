from sites.rules import site_roles

from .rules import is_administrator, is_consultant, is_organiser


def roles(request):
    """Role flags for navigation; evaluated lazily so anonymous pages cost nothing."""
    user = request.user
    return {
        "is_administrator": lambda: is_administrator(user),
        "is_consultant": lambda: is_consultant(user),
        "is_organiser": lambda: is_organiser(user),
        "leads_a_site": lambda: "project_lead" in site_roles(user).values(),
    }
