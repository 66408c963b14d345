"""Demo self-assessments: two for each of a few sites, about six months apart, so the site
page shows movement. Devon re-assessed itself on the June 2012 briefing's version, so its
page shows movement challenge by challenge across versions (workforce was 6, is 8). Built
through the services; run again, it adds nothing."""

import datetime

from django.contrib.auth import get_user_model

from sites.models import Site

from . import framework_2009, framework_2012, services
from .models import Framework

# site name -> (username who records it or None, ranks then, ranks now, guest or None);
# ranks in the 2009 order (a 2012 re-assessment takes each challenge's rank by its key)
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
REASSESSED_ON_2012 = {"Devon Partnership NHS Trust"}


def _ratings(framework, ranks):
    """Rating entries for ``ranks`` given in the 2009 order, matched by challenge key."""
    by_key = dict(zip(framework_2009.KEYS, ranks, strict=True))
    stages = {stage.rank: stage for stage in framework.stages.all()}
    return [
        services.RatingEntry(
            challenge=challenge,
            stage=stages[by_key[challenge.key]],
            **dict(
                zip(
                    ("evidence", "strengths", "areas_to_improve"),
                    EVIDENCE[by_key[challenge.key]],
                    strict=True,
                )
            ),
        )
        for challenge in framework.challenges.all()
    ]


def load(*, today: datetime.date) -> str:
    current = Framework.objects.current()
    v2012 = Framework.objects.get(version=framework_2012.VERSION)
    added = 0
    for site_name, (username, before, after, guest) in ASSESSMENTS.items():
        site = Site.objects.filter(name=site_name).first()
        if site is None or site.assessments.exists():
            continue
        by = get_user_model().objects.filter(username=username).first() if username else None
        group = [(m.person, m.perspective) for m in site.project_group.select_related("person")]
        later = v2012 if site_name in REASSESSED_ON_2012 else current
        for assessed_on, ranks, with_guest, framework in [
            (today - datetime.timedelta(days=MONTHS_APART + 14), before, False, current),
            (today - datetime.timedelta(days=14), after, True, later),
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
                ratings=_ratings(framework, ranks),
            )
            added += 1
    return f"{added} self-assessments"
