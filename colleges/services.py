"""State changes of a site's recovery colleges."""

from django.db import transaction

from sites.figures import figures_changed

from . import fidelity
from .models import ComponentRating, Course, FeatureRating, FidelityCheck, RecoveryCollege, Term


def college_save(*, site, college: RecoveryCollege | None = None, **fields) -> RecoveryCollege:
    college = college or RecoveryCollege(site=site)
    for name, value in fields.items():
        setattr(college, name, value)
    college.save()
    figures_changed()
    return college


@transaction.atomic
def fidelity_check_record(
    *,
    college: RecoveryCollege,
    checked_on,
    notes: str,
    features: dict[str, tuple[str, str]],
    components: dict[str, tuple[int | None, str]],
    by,
    check: FidelityCheck | None = None,
) -> FidelityCheck:
    """Write a check with its 8 feature ratings and 12 component ratings (a change replaces
    them all), and its RECOLLECT score from the 7 scored components.

    ``features`` maps a feature's key to (status, evidence); ``components`` maps a
    component's key to (score, description), score None for the 5 that vary."""
    score = fidelity.total({key: score or 0 for key, (score, _) in components.items()})
    check = check or FidelityCheck(college=college)
    check.checked_on, check.notes, check.score, check.recorded_by = checked_on, notes, score, by
    check.save()
    check.features.all().delete()
    check.components.all().delete()
    FeatureRating.objects.bulk_create(
        FeatureRating(fidelity_check=check, feature=key, status=status, evidence=evidence)
        for key, (status, evidence) in features.items()
    )
    ComponentRating.objects.bulk_create(
        ComponentRating(fidelity_check=check, component=key, score=score, description=text)
        for key, (score, text) in components.items()
    )
    return check


def term_save(*, college: RecoveryCollege, term: Term | None = None, **fields) -> Term:
    term = term or Term(college=college)
    for name, value in fields.items():
        setattr(term, name, value)
    term.save()
    figures_changed()
    return term


def course_save(*, term: Term, course: Course | None = None, **fields) -> Course:
    course = course or Course(term=term)
    for name, value in fields.items():
        setattr(course, name, value)
    course.save()
    figures_changed()
    return course


def record_remove(*, record: FidelityCheck | Term | Course) -> None:
    record.delete()
    figures_changed()
