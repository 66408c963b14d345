"""Demo: the lead of Devon has downloaded all the site's data once, so the archive page,
its contents and the "ready" notification show. Built here, without a worker."""

from django.contrib.auth import get_user_model

from sites.models import Site

from . import services
from .models import SiteExport

SITE = "Devon Partnership NHS Trust"


def load(**_) -> str:
    site = Site.objects.filter(name=SITE).first()
    lead = get_user_model().objects.filter(username="lead").first()
    if site is None or lead is None:
        return "no archive (the demo site or its lead is missing)"
    if SiteExport.objects.filter(site=site, requested_by=lead).exists():
        return "the archive is already there"
    export = SiteExport.objects.create(site=site, requested_by=lead)
    services.export_build(export=export)
    return f"an archive of {SITE} for its lead"
