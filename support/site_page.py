"""The site page's support package and its use, latest review and outcomes."""

from sites.registry import site_section

from .selectors import site_support


@site_section(
    title="Support and reviews", order=80, template="support/_site_section.html", queries=3
)
def support(page):
    return {"site_support": site_support(page.site)}
