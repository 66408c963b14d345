"""Colleges built through the services, as the demo and the views build them."""

import datetime

from colleges import fidelity, services
from colleges.models import RecoveryCollege


def college(site, name="Alpha Recovery College", **fields):
    return services.college_save(
        site=site,
        name=name,
        status=fields.pop("status", RecoveryCollege.Status.OPEN),
        opened_on=fields.pop("opened_on", datetime.date(2011, 9, 1)),
        physical_base=fields.pop("physical_base", "Rooms at the day centre"),
    )


def check(college, checked_on=datetime.date(2012, 1, 10), scores=(1,) * 7, status=fidelity.PARTLY):
    return services.fidelity_check_record(
        college=college,
        checked_on=checked_on,
        notes="",
        features={feature.key: (status, "") for feature in fidelity.FEATURES},
        components={
            **{c.key: (s, "") for c, s in zip(fidelity.SCORED, scores, strict=True)},
            **{c.key: (None, "") for c in fidelity.VARYING},
        },
        by=None,
    )


def term(college, starts_on=datetime.date(2012, 1, 9), students=40, using=30):
    return services.term_save(
        college=college,
        name=f"Term of {starts_on:%B %Y}",
        starts_on=starts_on,
        students=students,
        students_using_services=using,
    )


def check_post(checked_on="2012-06-01", score=2, status="present", **extra) -> dict:
    """What the fidelity check form posts: every feature and component filled in."""
    data = {"checked_on": checked_on, "notes": "With students and peer trainers."}
    for feature in fidelity.FEATURES:
        data[f"feature_{feature.key}"] = status
        data[f"evidence_{feature.key}"] = "In the prospectus."
    for component in fidelity.SCORED:
        data[f"score_{component.key}"] = score
    for component in fidelity.VARYING:
        data[f"describe_{component.key}"] = "Open to everyone."
    return data | extra
