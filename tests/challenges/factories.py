import datetime

from challenges import services
from challenges.models import Framework
from tests.sites.factories import PersonFactory


def assess(site, ranks, *, on=datetime.date(2012, 1, 10), people=None, by=None, framework=None):
    """Record an assessment through the service: ``ranks`` gives the stage rank of challenge
    1, 2, ... in order; ``people`` are (person, perspective) pairs (one clinician if none)."""
    framework = framework or Framework.objects.current()
    stages = {stage.rank: stage for stage in framework.stages.all()}
    if people is None:
        people = [(PersonFactory(), "clinician")]
    return services.assessment_create(
        site=site,
        framework=framework,
        assessed_on=on,
        by=by,
        ratings=[
            services.RatingEntry(challenge=challenge, stage=stages[rank])
            for challenge, rank in zip(framework.challenges.all(), ranks, strict=True)
        ],
        participants=[
            services.ParticipantEntry(person=person, perspective=perspective)
            for person, perspective in people
        ],
    )


def other_framework(version="2016", ranks=4, challenges=10):
    """A later framework version with its own scale (not current)."""
    framework = Framework.objects.create(
        version=version, name=f"Challenges {version}", published=int(version)
    )
    for number in range(1, challenges + 1):
        framework.challenges.create(
            number=number, title=f"Challenge {number} ({version})", description=""
        )
    for rank in range(ranks):
        framework.stages.create(rank=rank, name=f"Level {rank} ({version})")
    return framework
