"""Demo peer-support-worker programmes at different stages, built through the services."""

import datetime
from decimal import Decimal

from sites.models import Site

from . import checklist, services
from .models import ChecklistEntry

# Site, how many checklist items are done (in the method's order), recruitment, posts.
PROGRAMMES = [
    (
        "Devon Partnership NHS Trust",
        13,
        [(26, 9, 6)],
        [("Home treatment", 3, "2.5"), ("Acute ward", 2, "1.6")],
    ),
    (
        "Nottinghamshire Healthcare NHS Trust",
        17,
        [(48, 20, 12), (30, 14, 8)],
        [("Community teams", 12, "9.0"), ("Recovery college", 4, "3.2")],
    ),
    ("Mersey Care NHS Trust", 7, [(40, 0, 0)], []),
    ("Cambridgeshire and Peterborough NHS Foundation Trust", 3, [], []),
]


def load(*, today: datetime.date) -> str:
    sites = {site.name: site for site in Site.objects.filter(name__in=[p[0] for p in PROGRAMMES])}
    loaded = 0
    for name, done, rounds, posts in PROGRAMMES:
        site = sites.get(name)
        if site is None or ChecklistEntry.objects.filter(site=site).exists():
            continue
        for n, item in enumerate(checklist.ITEMS[:done]):
            services.checklist_record(
                site=site,
                item=item.key,
                done_on=today - datetime.timedelta(days=540 - 30 * n),
                evidence="Agreed at the project group; minutes on the shared drive.",
                by=None,
            )
        for n, (applicants, interviewed, appointed) in enumerate(rounds):
            opened = today - datetime.timedelta(days=400 - 180 * n)
            services.round_save(
                site=site,
                opened_on=opened,
                closed_on=opened + datetime.timedelta(days=60) if appointed else None,
                applicants=applicants,
                interviewed=interviewed,
                appointed=appointed,
            )
        for team, head_count, wte in posts:
            services.post_save(site=site, team=team, head_count=head_count, wte=Decimal(wte))
        loaded += 1
    return f"{loaded} peer-support-worker programmes"
