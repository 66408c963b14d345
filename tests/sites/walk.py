from tests.walk import Case, expect, site_a_readable

LEAD_OR_ADMIN = {"member_a": 403, "lead_b": 404, "consultant": 403, "organiser": 403}


def cases(world):
    site = world.site_a
    member = site.project_group.get(person__user=world.member_a)
    return [
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
