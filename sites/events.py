"""Events of sites (registered with ``notifications.registry``; raised by the services): when
a site is archived, its leads and consultants hear that its record is now read-only."""

from imroc.dates import long_date
from notifications.registry import Due, each_once, register_event

from .models import Site
from .selectors import leads_by_site


@register_event("site_archived", label="A site you lead or review left the programme")
def site_archived(*, site: Site):
    people = each_once(leads_by_site([site.pk]).get(site.pk, []), site.consultants.all())
    for person in people:
        yield Due(
            kind="site_archived",
            recipient=person,
            key=f"site:{site.pk}:archived:{site.archived_on:%Y-%m-%d}",
            subject=f"{site.name} left the programme: its record is archived",
            url=site.get_absolute_url(),
            context={
                "message": (
                    f"{site.name} left the programme on {long_date(site.archived_on)} and is "
                    "archived: its record stays readable, counted in the programme's "
                    "history, and nobody can change it. The administrator can bring it back."
                ),
                "site_name": site.name,
                "reason": site.archive_reason,
            },
        )
