"""The site page's method checklist, priorities and goals."""

from django.db.models import Exists, OuterRef

from challenges.models import Assessment
from sites.registry import site_section

from .scores import site_work_score
from .selectors import site_work


def _assessed(sites):
    """Whether the site has assessed itself (the checklist's step), on the site's own fetch."""
    return sites.annotate(has_assessment=Exists(Assessment.objects.filter(site=OuterRef("pk"))))


@site_section(
    title="Priorities and goals",
    order=20,
    template="pdsa/_site_section.html",
    queries=6,  # 3, and 3 more when chart results must be computed afresh
    annotate=_assessed,
)
def priorities_and_goals(page):
    work = site_work(page.site, page.co_production, assessed=page.site.has_assessment)
    return {
        "site_work": work,
        "site_score": site_work_score(page.site, work, group_formed=bool(page.members)),
    }
