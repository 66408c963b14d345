"""Demo programme: the sites of 2011, some project groups, one account a role.

The June 2012 briefing counts 29 sites (6 demonstration, 6 pilot, 17 network) but names only
27: two network sites are unnamed there, so the demo loads the 27 it names."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from accounts.roles import Role

from . import services
from .models import Person, ProjectGroupMember, Site

DEMO_PASSWORD = "imroc-demo-2011"
JOINED = datetime.date(2011, 4, 1)
DAY = datetime.timedelta(days=1)
C, T = Site.Category, Site.OrganisationType
R = Site.Region

SITES = [
    ("Cambridgeshire and Peterborough NHS Foundation Trust", C.DEMONSTRATION, T.NHS_TRUST, R.EAST),
    ("Dorset Wellbeing & Recovery Partnership", C.DEMONSTRATION, T.OTHER, R.SOUTH_WEST),
    ("Hertfordshire Partnership NHS Foundation Trust", C.DEMONSTRATION, T.NHS_TRUST, R.EAST),
    ("Manchester Mental Health & Social Care Trust", C.DEMONSTRATION, T.NHS_TRUST, R.NORTH_WEST),
    (
        "Nottingham University Hospitals NHS Foundation Trust",
        C.DEMONSTRATION,
        T.NHS_TRUST,
        R.MIDLANDS,
    ),
    (
        "South West London and St George's Mental Health NHS Trust",
        C.DEMONSTRATION,
        T.NHS_TRUST,
        R.LONDON,
    ),
    ("Central and North West London NHS Foundation Trust", C.PILOT, T.NHS_TRUST, R.LONDON),
    ("Devon Partnership NHS Trust", C.PILOT, T.NHS_TRUST, R.SOUTH_WEST),
    ("Southern Health NHS Foundation Trust", C.PILOT, T.NHS_TRUST, R.SOUTH_EAST),
    ("Mersey Care NHS Trust", C.PILOT, T.NHS_TRUST, R.NORTH_WEST),
    ("St Andrew's Healthcare", C.PILOT, T.INDEPENDENT, R.MIDLANDS),
    ("West London Mental Health NHS Trust", C.PILOT, T.NHS_TRUST, R.LONDON),
    ("Avon & Wiltshire (Fromside)", C.NETWORK, T.NHS_TRUST, R.SOUTH_WEST),
    ("Cardiff & Vale University Health Board", C.NETWORK, T.HEALTH_BOARD, R.WALES),
    ("Care UK", C.NETWORK, T.INDEPENDENT, R.NATIONAL),
    ("Cheshire & Wirral Partnership NHS Foundation Trust", C.NETWORK, T.NHS_TRUST, R.NORTH_WEST),
    ("County Mayo Mental Health Services", C.NETWORK, T.OTHER, R.IRELAND),
    ("Coventry & Warwickshire NHS Partnership Trust", C.NETWORK, T.NHS_TRUST, R.MIDLANDS),
    ("East London NHS Foundation Trust", C.NETWORK, T.NHS_TRUST, R.LONDON),
    ("Herefordshire Partnership NHS Foundation Trust", C.NETWORK, T.NHS_TRUST, R.MIDLANDS),
    ("5 Boroughs Partnership NHS Foundation Trust", C.NETWORK, T.NHS_TRUST, R.NORTH_WEST),
    ("Kent & Medway NHS & Social Care Partnership Trust", C.NETWORK, T.NHS_TRUST, R.SOUTH_EAST),
    ("Norfolk & Waveney Mental Health Foundation Trust", C.NETWORK, T.NHS_TRUST, R.EAST),
    ("Northamptonshire Healthcare NHS Foundation Trust", C.NETWORK, T.NHS_TRUST, R.MIDLANDS),
    ("Nottinghamshire NHS Forensic Services", C.NETWORK, T.NHS_TRUST, R.MIDLANDS),
    ("South Essex Partnership Trust", C.NETWORK, T.NHS_TRUST, R.EAST),
    ("Worcestershire Mental Health NHS Partnership Trust", C.NETWORK, T.NHS_TRUST, R.MIDLANDS),
]

# (username, first, last, role group or None, superuser)
ACCOUNTS = [
    ("admin", "Alex", "Morgan", Role.ADMINISTRATOR, True),
    ("consultant", "Chris", "Patel", Role.CONSULTANT, False),
    ("organiser", "Olu", "Adeyemi", Role.ORGANISER, False),
    ("lead", "Lee", "Harper", None, False),
    ("member", "Sam", "Okafor", None, False),
    ("lead2", "Jo", "Whitfield", None, False),
]

P, G = ProjectGroupMember.Role, ProjectGroupMember
# Project groups: site name -> [(full name, role, perspective, username or None)]
GROUPS = {
    "Devon Partnership NHS Trust": [
        ("Lee Harper", P.PROJECT_LEAD, "manager", "lead"),
        ("Sam Okafor", P.MEMBER, "clinician", "member"),
        ("Ruth Penrose", P.BOARD_SPONSOR, "manager", None),
        ("Dan Ellery", P.MEMBER, "service_user", None),
        ("Mary Trelawny", P.MEMBER, "carer", None),
        ("Kofi Mensah", P.MEMBER, "third_sector", None),
    ],
    "Mersey Care NHS Trust": [
        ("Jo Whitfield", P.PROJECT_LEAD, "clinician", "lead2"),
        ("Paul Rimmer", P.BOARD_SPONSOR, "manager", None),
        ("Aisha Khan", P.MEMBER, "service_user", None),
        ("Tom Byrne", P.MEMBER, "other_staff", None),
    ],
    "Nottingham University Hospitals NHS Foundation Trust": [
        ("Helen Cartwright", P.PROJECT_LEAD, "manager", None),
        ("Ian Fletcher", P.BOARD_SPONSOR, "manager", None),
        ("Grace Lowe", P.MEMBER, "service_user", None),
        ("Peter Lowe", P.MEMBER, "carer", None),
    ],
    "Central and North West London NHS Foundation Trust": [
        ("Nadia Rahman", P.PROJECT_LEAD, "clinician", None),
        ("Marcus Bell", P.MEMBER, "service_user", None),
        ("Fiona Grant", P.MEMBER, "third_sector", None),
    ],
    "Cardiff & Vale University Health Board": [
        ("Rhys Evans", P.PROJECT_LEAD, "manager", None),
        ("Carys Morgan", P.MEMBER, "clinician", None),
    ],
    "South West London and St George's Mental Health NHS Trust": [
        ("Yvonne Clarke", P.PROJECT_LEAD, "manager", None),
        ("Ben Osei", P.MEMBER, "service_user", None),
        ("Ann Foley", P.BOARD_SPONSOR, "manager", None),
    ],
}
CONSULTANT_SITES = [name for name, category, *_ in SITES if category == C.PILOT]


# A network site that left the programme: archived, read-only, still in the history.
LEFT = (
    "County Mayo Mental Health Services",
    "The service was reorganised under a new regional structure and ended its part in the "
    "programme; its work so far stays on record.",
)


def load(*, today: datetime.date, **_) -> str:
    users = {username: _account(username, *rest) for username, *rest in ACCOUNTS}
    sites = {name: _site(name, category, org, region) for name, category, org, region in SITES}
    for site_name, members in GROUPS.items():
        site = sites[site_name]
        for full_name, role, perspective, username in members:
            _member(site, full_name, role, perspective, users.get(username))
    users["consultant"].consulted_sites.set([sites[name] for name in CONSULTANT_SITES])
    name, reason = LEFT
    if sites[name].is_active:
        services.site_archive(site=sites[name], archived_on=today - 60 * DAY, reason=reason)
    return (
        f"{len(sites)} sites ({name} archived), {len(GROUPS)} project groups, "
        f"{len(users)} demo accounts"
    )


def _account(username, first, last, role, superuser):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@imroc.example",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return user


def _site(name, category, organisation_type, region):
    site, _ = Site.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "category": category,
            "organisation_type": organisation_type,
            "region": region,
            "date_joined": JOINED,
            "partners_with_independent_providers": True,
            "collaborates_with_user_carer_groups": True,
        },
    )
    return site


def _member(site, full_name, role, perspective, user):
    email = user.email if user else f"{slugify(full_name)}@{site.slug[:20]}.example"
    if site.project_group.filter(person__email=email).exists():
        return
    member = services.project_group_add(
        site=site,
        full_name=full_name,
        email=email,
        role=role,
        perspective=perspective,
        joined_on=JOINED,
    )
    if user is not None and member.person.user_id is None:
        Person.objects.filter(pk=member.person.pk).update(user=user)
