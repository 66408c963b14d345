"""One framework's numbering on a page: the site's current framework (the version of its
latest assessment, else the programme's current one). A challenge of another version is
shown with this framework's number and the other version's number in brackets, so a
page never lists challenges in two orders."""

from dataclasses import dataclass

from django.db.models import BigIntegerField, F, Subquery
from django.db.models.functions import Coalesce

from .models import Assessment, Challenge, Framework


@dataclass(frozen=True)
class Numbering:
    version: str
    by_identity: dict[str, Challenge]

    def same_challenge(self, challenge: Challenge) -> Challenge | None:
        return self.by_identity.get(challenge.identity)

    def number(self, challenge: Challenge) -> str:
        """ "8" on the site's framework; "8 (2009: 6)" for 2009's challenge 6."""
        if challenge.framework.version == self.version:
            return str(challenge.number)
        same = self.same_challenge(challenge)
        other = f"{challenge.framework.version}: {challenge.number}"
        return f"{same.number} ({other})" if same else f"({other})"

    def sort_key(self, challenge: Challenge) -> tuple[int, int]:
        same = self.same_challenge(challenge)
        return (0, same.number) if same else (1, challenge.number)


def site_numbering(site) -> Numbering:
    """The site's framework's challenges, in one query."""
    latest = (
        Assessment.objects.filter(site=site)
        .order_by("-assessed_on", "-created_at", "-id")
        .values("framework_id")[:1]
    )
    current = Framework.objects.filter(is_current=True).values("pk")[:1]
    challenges = list(
        Challenge.objects.annotate(
            site_framework=Coalesce(
                Subquery(latest), Subquery(current), output_field=BigIntegerField()
            )
        )
        .filter(framework_id=F("site_framework"))
        .select_related("framework")
    )
    version = challenges[0].framework.version if challenges else ""
    return Numbering(version=version, by_identity={c.identity: c for c in challenges})
