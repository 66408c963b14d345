from colleges import services
from tests.colleges import factories
from tests.walk import Case, expect, site_a_editable, site_a_pages


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
        Case("colleges:overview-csv", "/colleges/overview.csv", staff_only),
        *site_a_pages(
            "colleges",
            read=[
                ("site-colleges", "/colleges/sites/alpha/"),
                ("college-detail", f"{base}/"),
                ("check-detail", f"{base}/checks/{check.pk}/"),
            ],
            edit=[
                ("college-add", "/colleges/sites/alpha/new/"),
                ("college-edit", f"{base}/edit/"),
                ("check-add", f"{base}/checks/new/"),
                ("check-edit", f"{base}/checks/{check.pk}/edit/"),
                ("term-add", f"{base}/terms/new/"),
                ("term-edit", f"{base}/terms/{term.pk}/"),
                ("course-add", f"{base}/terms/{term.pk}/courses/new/"),
                ("course-edit", f"{base}/courses/{course.pk}/"),
            ],
        ),
        Case(
            "colleges:record-remove",
            f"{base}/terms/{removable.pk}/remove/",
            site_a_editable(302),
            method="post",
        ),
    ]
