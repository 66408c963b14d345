import datetime

from django.urls import reverse

from challenges import demo
from challenges.models import Assessment
from challenges.selectors import Movement, latest_stages
from sites import demo as sites_demo
from sites.models import Site

TODAY = datetime.date(2012, 6, 1)


def test_the_demo_adds_two_co_produced_assessments_a_site_once(db):
    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    demo.load(today=TODAY)
    assert Assessment.objects.count() == 6
    devon = Site.objects.get(name="Devon Partnership NHS Trust")
    stages = latest_stages(devon)
    assert (stages.latest.assessed_on - stages.previous.assessed_on).days == demo.MONTHS_APART
    assert stages.latest.co_production.is_co_produced
    mersey = latest_stages(Site.objects.get(name="Mersey Care NHS Trust"))
    assert {Movement.UP, Movement.DOWN, Movement.SAME} <= {row.movement for row in mersey}


def test_the_administrator_manages_assessments_in_the_django_admin(client, world):
    from .factories import assess

    assessment = assess(world.site_a, [1] * 10)
    client.force_login(world.admin)
    assert client.get(reverse("admin:challenges_assessment_changelist")).status_code == 200
    page = client.get(reverse("admin:challenges_assessment_change", args=[assessment.pk]))
    assert page.status_code == 200
    assert "Areas to improve" in page.content.decode()


def test_the_demo_shows_a_2012_re_assessment_compared_by_challenge_with_2009(db):
    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    stages = latest_stages(Site.objects.get(name="Devon Partnership NHS Trust"))
    assert stages.previous.framework.version == "2009"
    assert stages.latest.framework.version == "2012"
    workforce = stages.by_number()[8]
    assert workforce.challenge.key == "workforce"
    assert workforce.movement_text == "up from Not started, as challenge 6 in 2009"
