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
