import datetime

from sites.models import ProjectGroupMember
from tests.sites.factories import SiteFactory, join
from tests.walk import Case, expect, site_a_readable

LEAD_OR_ADMIN = {"member_a": 403, "lead_b": 404, "consultant": 403, "organiser": 403}
ADMIN_ONLY = {"lead_a": 403, **LEAD_OR_ADMIN}
# An archived site led by the site A lead: read-only for everyone, its lead included.
ARCHIVED_READ_ONLY = expect(403, member_a=404, lead_b=404)
ARCHIVED_ADMIN_ONLY = {"lead_a": 403, "member_a": 404, "lead_b": 404, "consultant": 403}


def cases(world):
    site = world.site_a
    member = site.project_group.get(person__user=world.member_a)
    archived = SiteFactory(
        is_active=False, archived_on=datetime.date(2012, 6, 1), archive_reason="Merged."
    )
    archived_lead = join(archived, world.lead_a, ProjectGroupMember.Role.PROJECT_LEAD)
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
        Case("sites:site-unarchive", f"/sites/{site.slug}/unarchive/", expect(403, lead_b=404)),
        Case(
            "sites:site-detail",
            f"/sites/{archived.slug}/",
            expect(200, member_a=404, lead_b=404),
        ),
        Case(
            "sites:site-unarchive",
            f"/sites/{archived.slug}/unarchive/",
            expect(200, organiser=403, **ARCHIVED_ADMIN_ONLY),
        ),
        Case(
            "sites:site-unarchive",
            f"/sites/{archived.slug}/unarchive/",
            expect(302, organiser=403, **ARCHIVED_ADMIN_ONLY),
            method="post",
        ),
        *[
            Case(name, url, ARCHIVED_READ_ONLY)
            for name, url in [
                ("sites:site-archive", f"/sites/{archived.slug}/archive/"),
                ("sites:site-edit", f"/sites/{archived.slug}/edit/"),
                ("sites:member-add", f"/sites/{archived.slug}/group/add/"),
                ("sites:member-edit", f"/sites/{archived.slug}/group/{archived_lead.pk}/edit/"),
                ("pdsa:priorities-edit", f"/pdsa/sites/{archived.slug}/priorities/"),
                ("pdsa:goal-add", f"/pdsa/sites/{archived.slug}/goals/add/"),
            ]
        ],
        Case("sites:site-list", "/sites/", expect(200)),
        Case("sites:site-search", "/sites/search.json?q=al", expect(200)),
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
