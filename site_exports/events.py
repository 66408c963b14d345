"""Events of site archives (raised by the services): the archive is ready for whoever asked."""

from imroc.dates import long_date
from notifications.registry import Due, register_event

from .models import SiteExport


@register_event("site_export_ready", label="A site's data you asked for is ready to download")
def site_export_ready(*, export: SiteExport):
    if export.requested_by is None:
        return
    yield Due(
        kind="site_export_ready",
        recipient=export.requested_by,
        key=f"site_export:{export.pk}",
        subject=f"Ready: {export.title}",
        url=export.get_absolute_url(),
        context={
            "message": (
                f"The archive of all the data of {export.site.name} is ready to download "
                f"(JSON, CSV files and the progress report). It is kept until "
                f"{long_date(export.expires_at)}."
            ),
            "title": export.title,
        },
    )
