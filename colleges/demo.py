"""Demo recovery colleges as the June 2012 briefing counts them (3 open, 4 planned), one of
them with a fidelity self-check repeated over two years, built through the services."""

import datetime

from sites.models import Site

from . import fidelity, services
from .models import RecoveryCollege

DAY = datetime.timedelta(days=1)
P, H, N = fidelity.PRESENT, fidelity.PARTLY, fidelity.NOT_YET

# Site, college, open?, days from today it opened (or is planned to open), physical base.
COLLEGES = [
    (
        "Devon Partnership NHS Trust",
        "Devon Recovery Learning Community",
        True,
        -800,
        "Two classrooms and a library at the Wonford House site, Exeter",
    ),
    (
        "South West London and St George's Mental Health NHS Trust",
        "South West London Recovery College",
        True,
        -1200,
        "Springfield University Hospital, Tooting",
    ),
    (
        "Central and North West London NHS Foundation Trust",
        "CNWL Recovery College",
        True,
        -900,
        "Classrooms in the trust's Paddington offices",
    ),
    ("Mersey Care NHS Trust", "Mersey Care Recovery College", False, 120, ""),
    (
        "Cambridgeshire and Peterborough NHS Foundation Trust",
        "CPFT Recovery College",
        False,
        150,
        "",
    ),
    (
        "Hertfordshire Partnership NHS Foundation Trust",
        "Hertfordshire Recovery College",
        False,
        200,
        "",
    ),
    ("Southern Health NHS Foundation Trust", "Southern Health Recovery College", False, 240, ""),
]

# Devon's self-checks, about every six months over two years: each feature's status in the
# method's order, and the 7 scored components (in RECOLLECT's order).
CHECKS = [
    (-730, [N, H, H, P, N, P, P, H], [1, 1, 0, 1, 1, 0, 1], "First check, with the project group."),
    (-550, [H, H, H, P, N, P, P, H], [1, 1, 1, 1, 1, 0, 2], "Peer trainers joined the check."),
    (
        -365,
        [P, H, P, P, H, P, P, H],
        [2, 1, 1, 2, 1, 1, 1],
        "Students took part for the first time.",
    ),
    (-180, [P, P, P, P, H, P, P, P], [2, 2, 1, 2, 2, 1, 2], "The library opened this term."),
    (-20, [P, P, P, P, P, P, P, P], [2, 2, 2, 2, 2, 1, 2], "Personal tutors for every student."),
]
EVIDENCE = {
    P: "Seen in the prospectus and the students' feedback.",
    H: "Started; not yet for all.",
    N: "",
}
VARYING = {
    "available_to_all": "Open to service users, families, friends, carers and staff.",
    "location": "A base at Wonford House and courses in community venues across Devon.",
    "distinctive_content": "Courses co-written with students; no clinical content.",
    "strengths_based": "Every course starts from what students already know and can do.",
    "progressive": "Students move on to volunteering, mainstream college and work.",
}
COURSES = [
    "Understanding the experience of mental ill-health",
    "Building a life beyond illness",
    "Developing life skills",
    "Physical health and wellbeing",
    "Ways of getting involved",
    "The role of family, friends and loved ones",
    "Wellness Recovery Action Planning (WRAP)",
    "Introduction to peer support",
]
# Devon's terms: days from today, name, students, of whom use services, courses offered.
TERMS = [
    (-700, "Autumn term, year 1", 38, 29, 3),
    (-580, "Spring term, year 1", 52, 37, 4),
    (-460, "Summer term, year 1", 61, 42, 5),
    (-335, "Autumn term, year 2", 84, 57, 6),
    (-215, "Spring term, year 2", 112, 74, 7),
    (-95, "Summer term, year 2", 146, 95, 8),
]


def load(*, today: datetime.date) -> str:
    sites = {site.name: site for site in Site.objects.filter(name__in=[c[0] for c in COLLEGES])}
    loaded = 0
    for site_name, name, is_open, days, base in COLLEGES:
        site = sites.get(site_name)
        if site is None or RecoveryCollege.objects.filter(site=site, name=name).exists():
            continue
        college = services.college_save(
            site=site,
            name=name,
            status=RecoveryCollege.Status.OPEN if is_open else RecoveryCollege.Status.PLANNED,
            opened_on=today + days * DAY,
            physical_base=base,
        )
        loaded += 1
        if college.name == "Devon Recovery Learning Community":
            _self_checks(college, today)
            _terms(college, today, TERMS)
        elif is_open:
            _terms(college, today, [(-100, "Spring term", 320, 230, 6)])
    return f"{loaded} recovery colleges"


def _self_checks(college, today):
    for days, statuses, scores, notes in CHECKS:
        services.fidelity_check_record(
            college=college,
            checked_on=today + days * DAY,
            notes=notes,
            features={
                feature.key: (status, EVIDENCE[status])
                for feature, status in zip(fidelity.FEATURES, statuses, strict=True)
            },
            components={
                **{c.key: (s, "") for c, s in zip(fidelity.SCORED, scores, strict=True)},
                **{c.key: (None, VARYING[c.key]) for c in fidelity.VARYING},
            },
            by=None,
        )


def _terms(college, today, terms):
    for days, name, students, using, courses in terms:
        term = services.term_save(
            college=college,
            name=name,
            starts_on=today + days * DAY,
            students=students,
            students_using_services=using,
        )
        for n, title in enumerate(COURSES[:courses]):
            services.course_save(term=term, title=title, sessions=1 + n % 4 * 2, co_produced=n != 2)
