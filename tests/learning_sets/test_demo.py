import datetime

import pytest
from django.core.management import call_command

from learning_sets.models import Delegate, Evaluation, LearningSet, Workshop

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2013, 5, 1)


def test_demo_learning_sets_have_past_and_future_workshops_and_load_twice_the_same():
    from learning_sets import demo
    from sites import demo as sites_demo

    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    counts = (
        LearningSet.objects.count(),
        Workshop.objects.count(),
        Delegate.objects.count(),
        Evaluation.objects.count(),
    )
    demo.load(today=TODAY)
    assert (
        LearningSet.objects.count(),
        Workshop.objects.count(),
        Delegate.objects.count(),
        Evaluation.objects.count(),
    ) == counts
    assert counts[:2] == (2, 12)
    devon = LearningSet.objects.get(sites__name="Devon Partnership NHS Trust")
    assert devon.sites.count() == 7
    assert len(set(devon.sites.values_list("category", flat=True))) == 3
    assert devon.organisers.filter(username="organiser").exists()
    past = devon.workshops.filter(date__lt=TODAY)
    assert Delegate.objects.filter(workshop__in=past, attended=True).exists()
    assert Evaluation.objects.filter(delegate__workshop__in=past).exists()
    future = devon.workshops.filter(date__gt=TODAY).order_by("date").first()
    assert future.delegates.filter(site__name="Devon Partnership NHS Trust").exists()


def test_load_demo_command_runs_the_learning_set_step():
    call_command("load_demo")
    assert LearningSet.objects.count() == 2
