import pytest
from django.db import IntegrityError

from challenges.models import Framework

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_the_ten_challenges_of_2009_and_its_scale():
    framework = Framework.objects.current()
    assert framework.version == "2009"
    assert [c.number for c in framework.challenges.all()] == list(range(1, 11))
    assert framework.challenges.get(number=7).title.startswith("Changing the way we approach risk")
    assert [s.name for s in framework.stages.all()] == [
        "Not started",
        "1 Engagement",
        "2 Development",
        "3 Transformation",
    ]


def test_only_one_framework_can_be_current():
    with pytest.raises(IntegrityError):
        Framework.objects.create(version="2016", name="Reviewed", published=2016, is_current=True)


def test_framework_page_lists_the_challenges_and_the_stages(client, world):
    client.force_login(world.lead_a)
    response = client.get("/challenges/", follow=True)
    page = response.content.decode()
    assert "Increasing opportunities for building a life" in page
    assert "3 Transformation" in page


def test_an_unknown_framework_version_is_a_404(client, world):
    client.force_login(world.lead_a)
    assert client.get("/challenges/1999/").status_code == 404


def test_the_2012_briefing_version_sits_beside_2009_in_its_own_order():
    framework = Framework.objects.get(version="2012")
    assert not framework.is_current
    keys = list(framework.challenges.values_list("key", flat=True))
    assert keys[5:8] == ["risk", "involvement", "workforce"]
    assert framework.challenges.get(number=8).title == "Transforming the workforce"
    assert Framework.objects.get(version="2009").challenges.get(key="workforce").number == 6
    assert [s.rank for s in framework.stages.all()] == [0, 1, 2, 3]


def test_every_challenge_of_both_versions_has_a_descriptor_per_stage():
    for framework in Framework.objects.filter(version__in=["2009", "2012"]):
        for challenge in framework.challenges.all():
            texts = list(challenge.descriptors.values_list("text", flat=True))
            assert len(texts) == 4 and all(texts), challenge


@pytest.mark.parametrize("challenges", [10, 30])
def test_the_framework_page_reads_in_constant_queries(
    client, world, django_assert_max_num_queries, challenges
):
    from .factories import other_framework

    framework = other_framework(version="2016", challenges=challenges)
    client.force_login(world.admin)
    with django_assert_max_num_queries(7):
        response = client.get(framework.get_absolute_url())
    assert response.content.decode().count("Change what the stages mean") == challenges


def test_the_framework_page_shows_what_each_stage_means_for_each_challenge(client, world):
    client.force_login(world.lead_a)
    page = client.get("/challenges/2012/").content.decode()
    assert "Preparation: job descriptions, terms and team preparation" in page
    assert "Change what the stages mean" not in page
    assert "Use this version for new assessments" not in page


BOX_1 = [  # Boardman & Shepherd (2012), Box 1: the Sainsbury Centre's 2009 list, word for word
    "Changing the nature of day-to-day interactions and the quality of experience",
    "Delivering comprehensive, user-led education and training programmes",
    "Establishing a 'recovery education centre' to drive the programmes forward",
    "Ensuring organisational commitment, creating the 'culture'. Leadership",
    "Increasing 'personalisation' and choice",
    "Transforming the workforce (training and deployment of peer professionals)",
    "Changing the way we approach risk assessment and management",
    "Redefining user involvement to achieve true partnership working",
    "Supporting staff in their recovery journey",
    "Increasing opportunities for building a life 'beyond illness' (e.g. 'individual placement "
    "and support')",
]


def test_the_2009_titles_are_one_sources_words_and_the_framework_page_names_it(client, world):
    framework = Framework.objects.get(version="2009")
    assert [c.title for c in framework.challenges.order_by("number")] == BOX_1
    client.force_login(world.lead_a)
    page = client.get("/challenges/2009/").content.decode()
    assert "Box 1 of Boardman &amp; Shepherd (2012)" in page
    assert "true partnership working" in page and "genuine partnership" not in page
