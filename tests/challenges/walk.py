import datetime

from tests.walk import Case, expect, site_a_editable, site_a_readable

from .factories import assess

LEAD_OR_ADMIN = {"member_a": 403, "lead_b": 404, "consultant": 403, "organiser": 403}
ADMIN_ONLY = {"lead_a": 403, "member_a": 403, "lead_b": 403, "consultant": 403, "organiser": 403}


def cases(world):
    site = world.site_a
    assessment = assess(site, [1] * 10, on=datetime.date(2012, 3, 1), by=world.lead_a)
    base = f"/challenges/sites/{site.slug}/assessments/"
    return [
        Case("challenges:framework-current", "/challenges/", expect(302)),
        Case("challenges:framework-detail", "/challenges/2009/", expect(200)),
        Case("challenges:framework-detail", "/challenges/2012/", expect(200)),
        Case(
            "challenges:framework-make-current",
            "/challenges/2009/make-current/",  # already current: the walk changes nothing
            expect(302, **ADMIN_ONLY),
            method="post",
        ),
        Case(
            "challenges:descriptors-edit",
            "/challenges/2012/challenges/8/stages/",
            expect(200, **ADMIN_ONLY),
        ),
        Case(
            "challenges:descriptors-edit",
            "/challenges/2012/challenges/8/stages/",
            expect(200, **ADMIN_ONLY),
            method="post",
        ),
        Case("challenges:assessment-list", base, site_a_readable()),
        Case("challenges:assessment-create", f"{base}new/", site_a_editable()),
        Case("challenges:assessment-detail", f"{base}{assessment.pk}/", site_a_readable()),
        Case("challenges:assessment-edit", f"{base}{assessment.pk}/edit/", site_a_editable()),
        Case(
            "challenges:assessment-delete",
            f"{base}{assessment.pk}/delete/",
            expect(200, **LEAD_OR_ADMIN),
        ),
        Case(
            "challenges:assessment-delete",
            f"{base}{assessment.pk}/delete/",
            expect(302, **LEAD_OR_ADMIN),
            method="post",
        ),
        Case(
            "challenges:assessment-edit",
            f"{base}{assessment.pk}/edit/",
            expect(200, lead_b=404, consultant=403, organiser=403),
            method="post",
        ),
    ]
