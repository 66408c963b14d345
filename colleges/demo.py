"""Demo recovery colleges as the June 2012 briefing counts them (3 open, 4 planned), one of
them with a fidelity self-check repeated over two years, built through the services."""

import datetime

from sites.models import Site

from . import fidelity, services
from .models import RecoveryCollege

DAY = datetime.timedelta(days=1)
P, H, N = fidelity.PRESENT, fidelity.PARTLY, fidelity.NOT_YET

# As the support demo's outcome snapshots have them in 2012: South West London, Nottingham and
# CNWL open; Devon, Mersey Care, Southern Health and Hertfordshire planned.
# Site, college, open?, days from today it opened (or is planned to open), physical base.
COLLEGES = [
    (
        "South West London and St George's Mental Health NHS Trust",
        "South West London Recovery College",
        True,
        -800,
        "Classrooms and a library at Springfield University Hospital, Tooting",
    ),
    (
        "Nottingham University Hospitals NHS Foundation Trust",
        "Nottingham Recovery College",
        True,
        -600,
        "Two teaching rooms in the city centre",
    ),
    (
        "Central and North West London NHS Foundation Trust",
        "CNWL Recovery College",
        True,
        -300,
        "Classrooms in the trust's Paddington offices",
    ),
    ("Devon Partnership NHS Trust", "Devon Recovery Learning Community", False, 120, ""),
    ("Mersey Care NHS Trust", "Mersey Care Recovery College", False, 150, ""),
    (
        "Hertfordshire Partnership NHS Foundation Trust",
        "Hertfordshire Recovery College",
        False,
        200,
        "",
    ),
    ("Southern Health NHS Foundation Trust", "Southern Health Recovery College", False, 240, ""),
]
SELF_CHECKED = "South West London Recovery College"

# South West London's self-checks, about every six months over two years: each feature's
# status in the method's order, and the 7 scored components (in RECOLLECT's order).
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
    "location": "A base at Springfield and courses in libraries and community centres.",
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
# South West London's terms: days from today, name, students, of whom use services, courses offered.
TERMS = [
    (-700, "Autumn term, year 1", 180, 131, 3),
    (-580, "Spring term, year 1", 260, 186, 4),
    (-460, "Summer term, year 1", 310, 220, 5),
    (-335, "Autumn term, year 2", 420, 296, 6),
    (-215, "Spring term, year 2", 530, 371, 7),
    (-95, "Summer term, year 2", 620, 428, 8),
]
# The other open colleges' latest term: name, students, of whom use services, courses.
OTHER_TERMS = {
    "Nottingham Recovery College": ("Spring term", 480, 336, 7),
    "CNWL Recovery College": ("Spring term", 150, 108, 5),
}


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
        if college.name == SELF_CHECKED:
            _self_checks(college, today)
            _terms(college, today, TERMS)
        elif college.name in OTHER_TERMS:
            _terms(college, today, [(-100, *OTHER_TERMS[college.name])])
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
