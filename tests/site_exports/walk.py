from tests.site_exports.factories import SiteExportFactory, ready_export
from tests.walk import Case, expect


def cases(world):
    """The lead, the assigned consultant and the administrator export site A; its members
    read the site but the bulk archive is the lead's (403); site B's lead gets a 404. An
    archive is seen by whoever asked for it only."""
    mine = ready_export(site=world.site_a, requested_by=world.lead_a)
    failed = SiteExportFactory(site=world.site_a, requested_by=world.lead_a, status="failed")
    theirs = ready_export(site=world.site_a, requested_by=world.consultant)
    page = f"/exports/sites/{world.site_a.slug}/"
    exporters = {"member_a": 403, "lead_b": 404, "organiser": 403}
    return [
        Case("site_exports:site-export", page, expect(200, **exporters)),
        Case("site_exports:site-export", page, expect(302, **exporters), method="post"),
        Case("site_exports:export-detail", f"/exports/{mine.pk}/", expect(404, lead_a=200)),
        Case("site_exports:export-detail", f"/exports/{theirs.pk}/", expect(404, consultant=200)),
        Case(
            "site_exports:export-download",
            f"/exports/{mine.pk}/download/",
            expect(404, lead_a=200),
        ),
        Case(
            "site_exports:export-retry",
            f"/exports/{failed.pk}/retry/",
            expect(404, lead_a=302),
            method="post",
        ),
    ]
