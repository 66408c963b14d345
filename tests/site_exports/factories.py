import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from site_exports.models import KEEP_FOR, SiteExport


class SiteExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteExport

    status = SiteExport.Status.QUEUED


def ready_export(**kwargs) -> SiteExport:
    """A finished archive with a small stand-in file in the default storage."""
    export = SiteExportFactory(status=SiteExport.Status.READY, **kwargs)
    export.archive.save("walk.zip", ContentFile(b"PK stand-in"), save=False)
    export.finished_at = timezone.now()
    export.expires_at = export.finished_at + KEEP_FOR
    export.counts = {"sites.site": 1, "pdsa.goal": 3, "pdsa.historicalgoal": 4}
    export.save()
    return export
