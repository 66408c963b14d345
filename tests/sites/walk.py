import datetime

from tests.sites.factories import SiteFactory
from tests.walk import Case, expect, site_a_readable

LEAD_OR_ADMIN = {"member_a": 403, "lead_b": 404, "consultant": 403, "organiser": 403}
ADMIN_ONLY = {"lead_a": 403, **LEAD_OR_ADMIN}
# An archived site none of the site roles belongs to: only programme staff see it.
ADMIN_OF_STAFF = {
    "lead_a": 404,
    "member_a": 404,
    "lead_b": 404,
    "consultant": 403,
    "organiser": 403,
}


def cases(world):
    site = world.site_a
    member = site.project_group.get(person__user=world.member_a)
    archived = SiteFactory(
        is_active=False, archived_on=datetime.date(2012, 6, 1), archive_reason="Merged."
    )
    left = {"archived_on": "2012-06-01", "reason": "Left the programme."}
    return [
        Case("sites:site-archive", f"/sites/{site.slug}/archive/", expect(200, **ADMIN_ONLY)),
        Case(
            "sites:site-archive",
            f"/sites/{site.slug}/archive/",
            expect(302, **ADMIN_ONLY),
            method="post",
            data=left,
        ),
        Case(
            "sites:site-archive", f"/sites/{archived.slug}/archive/", expect(403, **ADMIN_OF_STAFF)
        ),
        Case(
            "sites:site-unarchive",
            f"/sites/{archived.slug}/unarchive/",
            expect(200, **ADMIN_OF_STAFF),
        ),
        Case(
            "sites:site-unarchive",
            f"/sites/{archived.slug}/unarchive/",
            expect(302, **ADMIN_OF_STAFF),
            method="post",
        ),
        Case("sites:site-unarchive", f"/sites/{site.slug}/unarchive/", expect(403, lead_b=404)),
        Case(
            "sites:site-detail",
            f"/sites/{archived.slug}/",
            expect(200, lead_a=404, member_a=404, lead_b=404),
        ),
        Case("sites:site-list", "/sites/", expect(200)),
        Case("sites:site-detail", f"/sites/{site.slug}/", site_a_readable()),
        Case("sites:site-edit", f"/sites/{site.slug}/edit/", expect(200, **LEAD_OR_ADMIN)),
        Case("sites:member-add", f"/sites/{site.slug}/group/add/", expect(200, **LEAD_OR_ADMIN)),
        Case(
            "sites:member-edit",
            f"/sites/{site.slug}/group/{member.pk}/edit/",
            expect(200, **LEAD_OR_ADMIN),
        ),
        Case(
            "sites:member-remove",
            f"/sites/{site.slug}/group/{member.pk}/remove/",
            expect(200, **LEAD_OR_ADMIN),
        ),
        Case(
            "sites:member-remove",
            f"/sites/{site.slug}/group/{member.pk}/remove/",
            expect(302, **LEAD_OR_ADMIN),
            method="post",
        ),
    ]
