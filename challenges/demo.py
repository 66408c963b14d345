"""Demo self-assessments: two for each of a few sites, about six months apart, so the site
page shows movement. Built through the services; run again, it adds nothing."""

import datetime

from django.contrib.auth import get_user_model

from sites.models import Site

from . import services
from .models import Framework

# site name -> (username who records it or None, ranks then, ranks now, guest or None)
ASSESSMENTS = {
    "Devon Partnership NHS Trust": (
        "lead",
        [1, 1, 0, 1, 0, 0, 1, 1, 0, 1],
        [2, 2, 1, 2, 1, 1, 1, 2, 1, 1],
        ("Wendy Hocking", "service_user"),
    ),
    "Mersey Care NHS Trust": (
        "lead2",
        [2, 1, 1, 2, 1, 1, 2, 1, 1, 0],
        [2, 2, 2, 2, 1, 2, 1, 2, 1, 1],
        ("Liam Doyle", "carer"),
    ),
    "Nottingham University Hospitals NHS Foundation Trust": (
        None,
        [2, 2, 3, 2, 1, 2, 1, 2, 1, 2],
        [3, 2, 3, 3, 2, 2, 2, 2, 2, 2],
        None,
    ),
}
EVIDENCE = {
    0: ("Not discussed yet.", "", "Agree who will lead this."),
    1: (
        "Discussed at the project group; a plan is agreed.",
        "Shared commitment.",
        "Turn the plan into a first goal.",
    ),
    2: (
        "Changes are being tried in two teams.",
        "Early results are encouraging.",
        "Measure the effect and spread.",
    ),
    3: (
        "Established across the trust, reviewed by the board.",
        "Part of everyday practice.",
        "Keep it going as staff change.",
    ),
}
MONTHS_APART = 183


def load(*, today: datetime.date) -> str:
    framework = Framework.objects.current()
    challenges = list(framework.challenges.all())
    stages = {stage.rank: stage for stage in framework.stages.all()}
    added = 0
    for site_name, (username, before, after, guest) in ASSESSMENTS.items():
        site = Site.objects.filter(name=site_name).first()
        if site is None or site.assessments.exists():
            continue
        by = get_user_model().objects.filter(username=username).first() if username else None
        group = [(m.person, m.perspective) for m in site.project_group.select_related("person")]
        for assessed_on, ranks, with_guest in [
            (today - datetime.timedelta(days=MONTHS_APART + 14), before, False),
            (today - datetime.timedelta(days=14), after, True),
        ]:
            participants = [
                services.ParticipantEntry(person=person, perspective=perspective)
                for person, perspective in group
            ]
            if with_guest and guest:
                participants.append(
                    services.ParticipantEntry(full_name=guest[0], perspective=guest[1])
                )
            services.assessment_create(
                site=site,
                framework=framework,
                assessed_on=assessed_on,
                by=by,
                notes="Workshop with the project group.",
                participants=participants,
                ratings=[
                    services.RatingEntry(
                        challenge=challenge,
                        stage=stages[rank],
                        **dict(
                            zip(
                                ("evidence", "strengths", "areas_to_improve"),
                                EVIDENCE[rank],
                                strict=True,
                            )
                        ),
                    )
                    for challenge, rank in zip(challenges, ranks, strict=True)
                ],
            )
            added += 1
    return f"{added} self-assessments"
