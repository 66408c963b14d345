"""The site page's self-assessment section: the latest stage per challenge and its movement."""

from sites.registry import site_section

from .selectors import latest_stages


@site_section(
    title="Self-assessment", order=10, template="challenges/_site_section.html", queries=2
)
def assessment(page):
    return {"challenge_stages": latest_stages(page.site)}
