"""The site page's recovery colleges with their latest fidelity score."""

from sites.registry import site_section

from .selectors import site_colleges


@site_section(
    title="Recovery colleges", order=50, template="colleges/_site_section.html", queries=1
)
def colleges(page):
    return {"site_colleges": site_colleges(page.site)}
