"""The site page's learning sets: the site's sets with its registrations and attendance."""

from sites.registry import site_section

from .selectors import site_learning_sets


@site_section(
    title="Learning sets", order=30, template="learning_sets/_site_section.html", queries=1
)
def learning_sets(page):
    return {"site_learning_sets": list(site_learning_sets(page.site))}
