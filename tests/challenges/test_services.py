import datetime

import pytest
from django.core.exceptions import ValidationError

from challenges import services
from challenges.models import Assessment, Framework, Participant
from sites.models import Person
from tests.sites.factories import PersonFactory

from .factories import assess, other_framework


def entries(framework, ranks):
    stages = {stage.rank: stage for stage in framework.stages.all()}
    return [
        services.RatingEntry(
            challenge=challenge, stage=stages[rank], evidence=f"e{challenge.number}"
        )
        for challenge, rank in zip(framework.challenges.all(), ranks, strict=True)
    ]


def test_an_assessment_rates_every_challenge_of_the_current_framework(world):
    carer = PersonFactory(full_name="Mary Trelawny")
    assessment = services.assessment_create(
        site=world.site_a,
        assessed_on=datetime.date(2012, 1, 10),
        ratings=entries(Framework.objects.current(), [0, 1, 2, 3, 0, 1, 2, 3, 0, 1]),
        participants=[
            services.ParticipantEntry(person=carer, perspective="carer"),
            services.ParticipantEntry(full_name="Dan Ellery", perspective="service_user"),
        ],
        by=world.lead_a,
    )
    assert assessment.framework.version == "2009"
    assert assessment.created_by == world.lead_a
    assert [r.stage.rank for r in assessment.ratings.order_by("challenge__number")] == [
        0,
        1,
        2,
        3,
        0,
        1,
        2,
        3,
        0,
        1,
    ]
    assert assessment.co_production.is_co_produced
    assert Person.objects.filter(full_name="Dan Ellery").exists()
    assert not world.site_a.project_group.filter(person__full_name="Dan Ellery").exists()


def test_a_stage_from_another_framework_is_rejected_and_nothing_is_saved(world):
    framework = Framework.objects.current()
    ratings = entries(framework, [1] * 10)
    foreign_stage = other_framework().stages.get(rank=1)
    ratings[3] = services.RatingEntry(challenge=ratings[3].challenge, stage=foreign_stage)
    with pytest.raises(ValidationError, match="Challenge 4"):
        services.assessment_create(
            site=world.site_a,
            assessed_on=datetime.date(2012, 1, 10),
            ratings=ratings,
            participants=[services.ParticipantEntry(full_name="A", perspective="carer")],
            by=world.lead_a,
        )
    assert not Assessment.objects.exists()
    assert not Person.objects.filter(full_name="A").exists()


@pytest.mark.parametrize("drop, duplicate", [(1, False), (0, True)])
def test_every_challenge_must_be_rated_exactly_once(world, drop, duplicate):
    ratings = entries(Framework.objects.current(), [1] * 10)
    ratings = ratings[drop:] + (ratings[:1] if duplicate else [])
    with pytest.raises(ValidationError, match="Rate every challenge"):
        services.assessment_create(
            site=world.site_a,
            assessed_on=datetime.date(2012, 1, 10),
            ratings=ratings,
            participants=[services.ParticipantEntry(full_name="A", perspective="carer")],
            by=world.lead_a,
        )
    assert not Assessment.objects.exists()


def test_an_assessment_needs_someone_who_took_part(world):
    with pytest.raises(ValidationError, match="who took part"):
        services.assessment_create(
            site=world.site_a,
            assessed_on=datetime.date(2012, 1, 10),
            ratings=entries(Framework.objects.current(), [1] * 10),
            participants=[],
            by=world.lead_a,
        )
    assert not Assessment.objects.exists()


def test_updating_replaces_stages_and_participants_but_keeps_the_people(world):
    clinician, carer = PersonFactory(), PersonFactory()
    assessment = assess(world.site_a, [1] * 10, people=[(clinician, "clinician")])
    services.assessment_update(
        assessment=assessment,
        assessed_on=datetime.date(2012, 2, 1),
        notes="Corrected",
        ratings=entries(assessment.framework, [2] * 10),
        participants=[services.ParticipantEntry(person=carer, perspective="carer")],
    )
    assessment.refresh_from_db()
    assert assessment.assessed_on == datetime.date(2012, 2, 1)
    assert {r.stage.rank for r in assessment.ratings.all()} == {2}
    assert assessment.ratings.count() == 10
    assert list(assessment.participants.values_list("person", "perspective")) == [
        (carer.pk, "carer")
    ]
    assert Person.objects.filter(pk=clinician.pk).exists()


def test_deleting_an_assessment_keeps_the_people_who_took_part(world):
    person = PersonFactory()
    assessment = assess(world.site_a, [1] * 10, people=[(person, "service_user")])
    services.assessment_delete(assessment=assessment)
    assert not Assessment.objects.exists()
    assert not Participant.objects.exists()
    assert Person.objects.filter(pk=person.pk).exists()


def test_a_rating_on_another_frameworks_scale_fails_model_validation(world):
    assessment = assess(world.site_a, [1] * 10)
    rating = assessment.ratings.first()
    rating.stage = other_framework().stages.first()
    with pytest.raises(ValidationError) as error:
        rating.full_clean()
    assert "stage" in error.value.message_dict
