from tests.reports.factories import ReportFactory, ready_report, scheduled_programme_report
from tests.walk import Case, expect


def cases(world):
    mine = ready_report(site=world.site_a, requested_by=world.lead_a)
    monthly = scheduled_programme_report()
    failed = ReportFactory(site=world.site_a, requested_by=world.lead_a, status="failed")
    return [
        Case("reports:report-list", "/reports/", expect(200)),
        Case(
            "reports:report-request",
            "/reports/request/",
            expect(302, lead_b=400),  # site B's lead cannot choose site A
            method="post",
            data={"kind": "site_progress", "site-site": world.site_a.slug},
        ),
        Case("reports:report-detail", f"/reports/{mine.pk}/", expect(404, lead_a=200)),
        Case(
            "reports:report-retry",
            f"/reports/{failed.pk}/retry/",
            expect(404, lead_a=302),
            method="post",
        ),
        Case(
            "reports:report-detail",
            f"/reports/{monthly.pk}/",
            expect(404, admin=200),
        ),
        Case(
            "reports:report-download",
            f"/reports/{mine.pk}/download/pdf/",
            expect(404, lead_a=200),
        ),
        Case(
            "reports:report-download",
            f"/reports/{monthly.pk}/download/xlsx/",
            expect(404, admin=200),
        ),
        Case(
            "reports:report-request",
            "/reports/request/",
            expect(403, lead_a=403, consultant=302, admin=302),
            method="post",
            data={
                "kind": "programme",
                "programme-period_start": "2012-01-01",
                "programme-period_end": "2012-03-31",
            },
        ),
    ]
