"""The site page's team recovery plans (TRIP): which teams have moved, overdue actions."""

from sites.registry import site_section

from .selectors import SUMMARY, site_teams


@site_section(title="Team recovery plans", order=60, template="teams/_site_section.html", queries=1)
def teams(page):
    return {"site_teams": site_teams(page.site, today=page.today, only=SUMMARY)}
