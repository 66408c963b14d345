"""Demo co-production: peer workers (staff with lived experience) in two project groups, and
a team for every demo PDSA cycle drawn from its site's group, with a service user or carer
from a local group (no email address) in most. Built through the services; safe to rerun."""

import datetime
import random

from challenges.services import ParticipantEntry
from pdsa import services as pdsa_services
from pdsa.models import Cycle
from sites import services as site_services
from sites.models import Person, ProjectGroupMember, Site

PEER_WORKERS = {
    "Devon Partnership NHS Trust": "Jess Tremayne",
    "Mersey Care NHS Trust": "Carl Dawes",
}
GUESTS = [
    ("Lynn Pascoe", "service_user"),
    ("Ray Gilbert", "carer"),
    ("Amir Haddad", "service_user"),
]


def load(*, today: datetime.date) -> str:
    for site_name, name in PEER_WORKERS.items():
        site = Site.objects.filter(name=site_name).first()
        if site and not site.project_group.filter(person__full_name=name).exists():
            site_services.project_group_add(
                site=site,
                full_name=name,
                email="",
                role=ProjectGroupMember.Role.MEMBER,
                perspective="staff_lived",
            )
    cycles = Cycle.objects.filter(team__isnull=True).select_related("goal__priority__site")
    made = 0
    for cycle in cycles.order_by("pk"):
        site = cycle.goal.priority.site
        rng = random.Random(f"{site.name}-{cycle.goal.title}-{cycle.number}")
        group = list(site.project_group.select_related("person").order_by("person__full_name"))
        members = [
            ParticipantEntry(person=m.person, perspective=m.perspective)
            for m in rng.sample(group, min(len(group), rng.randint(2, 4)))
        ]
        if rng.random() < 0.7:
            full_name, perspective = rng.choice(GUESTS)
            guest, _ = Person.objects.get_or_create(full_name=full_name, email="", user=None)
            members.append(ParticipantEntry(person=guest, perspective=perspective))
        if members:
            pdsa_services.cycle_team_set(cycle=cycle, members=members)
            made += 1
    return f"teams for {made} cycle{'s' if made != 1 else ''}"
