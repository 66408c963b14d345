"""What a token reads: the same user-scoped querysets as the pages, narrowed to the token's
site when it has one."""

from django.db.models import QuerySet

from sites.models import Site
from sites.selectors import sites_for_user


def token_sites(request) -> QuerySet[Site]:
    sites = sites_for_user(request.user)
    token = request.auth
    if token is not None and token.site_id is not None:
        sites = sites.filter(pk=token.site_id)
    return sites


def narrowed(queryset: QuerySet, request, site_path: str) -> QuerySet:
    """``queryset`` (already scoped to the user by its app's selector) limited to the token's
    sites."""
    return queryset.filter(**{f"{site_path}__in": token_sites(request)})
