from colleges import services
from tests.colleges import factories
from tests.walk import Case, expect, site_a_editable, site_a_readable


def cases(world):
    college = factories.college(world.site_a)
    check = factories.check(college)
    term = factories.term(college)
    course = services.course_save(term=term, title="Understanding psychosis", sessions=4)
    base = f"/colleges/{college.pk}"
    staff_only = expect(403, consultant=200, organiser=200, admin=200)
    removable = factories.term(college, starts_on=term.starts_on.replace(month=9))
    return [
        Case("colleges:overview", "/colleges/", staff_only),
        Case("colleges:site-colleges", "/colleges/sites/alpha/", site_a_readable()),
        Case("colleges:college-add", "/colleges/sites/alpha/new/", site_a_editable()),
        Case("colleges:college-detail", f"{base}/", site_a_readable()),
        Case("colleges:college-edit", f"{base}/edit/", site_a_editable()),
        Case("colleges:check-add", f"{base}/checks/new/", site_a_editable()),
        Case("colleges:check-detail", f"{base}/checks/{check.pk}/", site_a_readable()),
        Case("colleges:check-edit", f"{base}/checks/{check.pk}/edit/", site_a_editable()),
        Case("colleges:term-add", f"{base}/terms/new/", site_a_editable()),
        Case("colleges:term-edit", f"{base}/terms/{term.pk}/", site_a_editable()),
        Case("colleges:course-add", f"{base}/terms/{term.pk}/courses/new/", site_a_editable()),
        Case("colleges:course-edit", f"{base}/courses/{course.pk}/", site_a_editable()),
        Case(
            "colleges:record-remove",
            f"{base}/terms/{removable.pk}/remove/",
            site_a_editable(302),
            method="post",
        ),
    ]
