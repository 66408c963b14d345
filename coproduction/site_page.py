"""The site page's co-production summary by kind of gathering, counted on the site's own
fetch (no query of its own)."""

from sites.registry import site_section

from .selectors import site_summary, with_co_production


@site_section(
    title="Co-production",
    order=70,
    template="coproduction/_site_section.html",
    queries=0,
    annotate=with_co_production,
)
def co_production(page):
    return {"site_co_production": site_summary(page.site, group=page.co_production)}
