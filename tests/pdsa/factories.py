import datetime

import factory

from challenges.models import Challenge, Framework
from pdsa.models import Cycle, DataPoint, Goal, Indicator, Phase, Priority
from tests.sites.factories import SiteFactory

START = datetime.date(2012, 1, 2)


def challenge(number: int) -> Challenge:
    return Challenge.objects.get(framework=Framework.objects.current(), number=number)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority
        django_get_or_create = ("site", "challenge")

    site = factory.SubFactory(SiteFactory)
    challenge = factory.LazyFunction(lambda: challenge(1))
    agreed_on = START


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    priority = factory.SubFactory(PriorityFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    description = "Make recovery part of every conversation."
    difficulty = Goal.Difficulty.EASY
    start_date = START
    target_date = datetime.date(2012, 12, 31)
    status = Goal.Status.IN_PROGRESS


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"
    better = Indicator.Better.UP
    data_interval_days = 7


class DataPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataPoint

    indicator = factory.SubFactory(IndicatorFactory)
    # Weekly from START, wrapping after ten years: late in a long run the dates never reach
    # the future, which an indicator refuses.
    date = factory.Sequence(lambda n: START + datetime.timedelta(days=7 * (n % 520)))
    value = 10.0


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    indicator = factory.SubFactory(IndicatorFactory)
    starts_on = factory.Sequence(lambda n: START + datetime.timedelta(days=70 + 7 * n))
    reason = "Cycle 1 adopted"


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    goal = factory.SubFactory(GoalFactory)
    number = factory.Sequence(lambda n: n + 1)
    objective = "Staff ask every person about their own goals."
    change_idea = "A recovery prompt card in every care review."
    prediction = "Half of reviews record a personal goal within a month."
    who = "Ward team"
    where = "Ward 3"
    starts_on = START
    ends_on = datetime.date(2012, 3, 31)
    plan_due = datetime.date(2012, 1, 15)
    do_due = datetime.date(2012, 3, 31)
    study_due = datetime.date(2012, 4, 15)
    act_due = datetime.date(2012, 4, 30)


def completed(outcome=Cycle.Outcome.ADOPT, **kwargs) -> Cycle:
    """A cycle with every stage done."""
    defaults = {
        "plan_done": datetime.date(2012, 1, 10),
        "do_done": datetime.date(2012, 3, 31),
        "study_done": datetime.date(2012, 4, 10),
        "act_done": datetime.date(2012, 4, 20),
        "results": "Forty per cent of reviews recorded a goal.",
        "learning": "Cards work when the team lead uses them first.",
    }
    return CycleFactory(outcome=outcome, **{**defaults, **kwargs})
