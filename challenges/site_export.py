"""A site's self-assessments; the framework versions, challenges and stages are the
programme's, found by version and number on import."""

from site_exports.registry import shared, site_rows

from .models import Assessment, Framework, Participant, Rating


def _not_current_beside_another(framework) -> None:
    """The importing database's current framework stays current."""
    if framework.is_current and Framework.objects.filter(is_current=True).exists():
        framework.is_current = False


shared("challenges.Framework", key=("version",), prepare=_not_current_beside_another)
shared("challenges.Challenge", key=("framework", "number"))
shared("challenges.Stage", key=("framework", "rank"))


@site_rows("challenges.Assessment", order=30)
def assessments(site):
    return Assessment.objects.filter(site=site)


@site_rows("challenges.Rating", order=31)
def ratings(site):
    return Rating.objects.filter(assessment__site=site)


@site_rows("challenges.Participant", order=32)
def participants(site):
    return Participant.objects.filter(assessment__site=site)
