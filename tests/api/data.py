"""Both sites of the shared world with something of every resource, and tokens to read them."""

import datetime

from api import services
from api.views.resources import RESOURCES
from pdsa.models import Cycle
from tests.challenges.factories import assess
from tests.learning_sets.factories import register, workshop_for
from tests.pdsa.factories import (
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    completed,
)
from tests.support.factories import ProgrammeOutcomeFactory, SupportLogEntryFactory

NAMES = tuple(RESOURCES)
LATER = datetime.date.today() + datetime.timedelta(days=30)
# A shift of improvement after 12 steady weeks: signals on the XmR chart, a later score.
SERIES = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 12, 11, 16, 17, 18, 17, 18, 19, 18, 17]


def site_work(site):
    """One of everything for ``site``; returns its goal."""
    assess(site, [1] * 10)
    goal = GoalFactory(priority=PriorityFactory(site=site), title=f"Goal of {site.slug}")
    indicator = IndicatorFactory(goal=goal, name=f"Indicator of {site.slug}", target=20.0)
    for n, value in enumerate(SERIES):
        DataPointFactory(
            indicator=indicator,
            date=datetime.date(2012, 1, 2) + datetime.timedelta(days=7 * n),
            value=value,
        )
    completed(goal=goal, outcome=Cycle.Outcome.ADOPT)
    SupportLogEntryFactory(site=site, topic=f"Support for {site.slug}")
    ProgrammeOutcomeFactory(site=site)
    return goal


def programme(world):
    """Both sites' work and one workshop both sites attend."""
    goals = {"a": site_work(world.site_a), "b": site_work(world.site_b)}
    workshop = workshop_for([world.site_a, world.site_b], date=datetime.date(2012, 5, 1))
    for site, perspective in [
        (world.site_a, "service_user"),
        (world.site_a, "nhs_professional"),
        (world.site_b, "carer"),
    ]:
        delegate = register(workshop, site, perspective=perspective)
        delegate.attended = True
        delegate.save(update_fields=["attended"])
    return goals, workshop


def token_for(user, site=None, *, by=None):
    _, secret = services.token_issue(
        name="Power BI", user=user, site=site, expires_on=LATER, by=by or user
    )
    return secret


def read(client, secret, name, **params):
    return client.get(f"/api/v1/{name}/", params, HTTP_AUTHORIZATION=f"Bearer {secret}")


def site_ids_in(name, rows) -> set[int]:
    return {row["site"] for row in rows} if name != "sites" else {row["id"] for row in rows}
