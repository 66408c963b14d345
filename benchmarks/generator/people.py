"""Accounts across the roles, sites, project groups and consultants' assignments."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from accounts.roles import Role
from sites.models import Person, ProjectGroupMember, Site
from support.models import SupportPackage

from .bulk import insert
from .common import PLACES, SUFFIXES, allocate, days_before, person_name, skewed_weights

PASSWORD = "benchmark-password"
P = ProjectGroupMember


@dataclass
class People:
    """What the later steps need: who is who, and how busy each site is."""

    admins: list = field(default_factory=list)
    consultants: list = field(default_factory=list)
    organisers: list = field(default_factory=list)
    sites: list = field(default_factory=list)
    site_weights: list = field(default_factory=list)
    persons_by_site: dict = field(default_factory=dict)
    consultants_by_site: dict = field(default_factory=dict)


def build(*, rng, scale, today, timings) -> People:
    people = People()
    password = make_password(PASSWORD)  # hashed once: hashing per user costs ~0.3 s each
    admins = max(1, scale.users // 60)
    consultants = max(2, round(scale.users * 0.13))
    organisers = max(1, round(scale.users * 0.05))
    site_users = max(0, scale.users - admins - consultants - organisers)

    with timings.table("users + roles") as t:
        users = []
        for role, count in (
            (Role.ADMINISTRATOR, admins),
            (Role.CONSULTANT, consultants),
            (Role.ORGANISER, organisers),
        ):
            for i in range(count):
                first, last = person_name(rng).split(" ", 1)
                users.append(
                    User(
                        username=f"{role.value}{i + 1}",
                        first_name=first,
                        last_name=last,
                        email=f"{role.value}{i + 1}@imroc.example",
                        password=password,
                        is_staff=role == Role.ADMINISTRATOR,
                    )
                )
        users = insert(User, users)
        people.admins = users[:admins]
        people.consultants = users[admins : admins + consultants]
        people.organisers = users[admins + consultants :]
        groups = {g.name: g for g in Group.objects.filter(name__in=[r.value for r in Role])}
        through = User.groups.through
        links = [
            through(user_id=u.pk, group_id=groups[role.value].pk)
            for role, members in (
                (Role.ADMINISTRATOR, people.admins),
                (Role.CONSULTANT, people.consultants),
                (Role.ORGANISER, people.organisers),
            )
            for u in members
        ]
        insert(through, links)
        t["rows"] = len(users) + len(links)

    with timings.table("sites") as t:
        names = [(f"{place} {suffix}", kind) for place in PLACES for suffix, kind in SUFFIXES]
        rng.shuffle(names)
        categories = [Site.Category.DEMONSTRATION, Site.Category.PILOT, Site.Category.NETWORK]
        regions = list(Site.Region.values)
        sites = []
        for i in range(scale.sites):
            name, kind = names[i % len(names)]
            if i >= len(names):
                name = f"{name} {i // len(names) + 1}"
            sites.append(
                Site(
                    name=name,
                    slug=slugify(name),
                    organisation_type=kind,
                    category=rng.choices(categories, (1, 1, 4))[0],
                    region=rng.choice(regions),
                    date_joined=days_before(today, rng, 3 * 365, 400),
                    is_active=rng.random() > 0.05,
                    partners_with_independent_providers=rng.random() > 0.2,
                    collaborates_with_user_carer_groups=rng.random() > 0.1,
                )
            )
        people.sites = insert(Site, sites)
        people.site_weights = skewed_weights(rng, len(sites))
        t["rows"] = len(sites)

    with timings.table("consultants assigned") as t:
        consultant_weights = skewed_weights(rng, len(people.consultants), shape=2.0)
        through = Site.consultants.through
        links = []
        for site in people.sites:
            count = 2 if site.category == Site.Category.PILOT else 1
            chosen = set(rng.choices(people.consultants, consultant_weights, k=count))
            people.consultants_by_site[site.pk] = sorted(chosen, key=lambda u: u.pk)
            links += [through(site_id=site.pk, user_id=u.pk) for u in chosen]
        insert(through, links)
        t["rows"] = len(links)

    _project_groups(people, rng=rng, site_users=site_users, password=password, timings=timings)

    with timings.table("support packages") as t:
        packages = []
        for site in people.sites:
            consultancy, training, peer = SupportPackage.default_days(site.category)
            packages.append(
                SupportPackage(
                    site=site,
                    consultancy_days=consultancy,
                    training_days=training,
                    peer_trainer_days=peer,
                    agreed_on=site.date_joined + datetime.timedelta(days=30),
                )
            )
        t["rows"] = len(insert(SupportPackage, packages))
    return people


def _project_groups(people, *, rng, site_users, password, timings) -> None:
    """Every site has a group of 3-8 people; the busiest sites' leads and members have
    accounts (a carer in a group may never have one)."""
    by_weight = sorted(range(len(people.sites)), key=lambda i: people.site_weights[i], reverse=True)
    leads_with_accounts = by_weight[: max(1, round(site_users * 2 / 3))]
    members_with_accounts = allocate(
        rng,
        site_users - len(leads_with_accounts),
        [people.site_weights[i] for i in leads_with_accounts],
        cap=2,  # a group has at least 3 people: the lead and two with accounts
    )
    account_plan = {i: 0 for i in range(len(people.sites))}
    for i, extra in zip(leads_with_accounts, members_with_accounts, strict=True):
        account_plan[i] = 1 + extra

    with timings.table("people + project groups") as t:
        persons, memberships, users = [], [], []
        perspectives = [p for p in P._meta.get_field("perspective").choices]
        for i, site in enumerate(people.sites):
            size = rng.randint(3, 8)
            with_account = min(size, account_plan[i])
            for k in range(size):
                person = Person(full_name=person_name(rng))
                if k < with_account:
                    username = f"{site.slug[:100]}-{'lead' if k == 0 else f'member{k}'}"
                    first, last = person.full_name.split(" ", 1)
                    users.append(
                        User(
                            username=username,
                            first_name=first,
                            last_name=last,
                            email=f"{username}@nhs.example",
                            password=password,
                        )
                    )
                    person.email = users[-1].email
                    person._user = users[-1]
                persons.append(person)
                role = (
                    P.Role.PROJECT_LEAD
                    if k == 0
                    else P.Role.BOARD_SPONSOR
                    if k == size - 1
                    else P.Role.MEMBER
                )
                perspective = (
                    "service_user" if k == 1 else "carer" if k == 2 else rng.choice(perspectives)[0]
                )
                memberships.append((site, person, role, perspective))
        insert(User, users)
        for person in persons:
            if hasattr(person, "_user"):
                person.user_id = person._user.pk
        insert(Person, persons)
        objects = [
            P(
                site=site,
                person=person,
                role=role,
                perspective=perspective,
                joined_on=site.date_joined,
            )
            for site, person, role, perspective in memberships
        ]
        insert(P, objects)
        for site, person, _, _ in memberships:
            people.persons_by_site.setdefault(site.pk, []).append(person)
        t["rows"] = len(users) + len(persons) + len(objects)
