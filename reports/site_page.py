"""The site page's button asking for the site's progress report (no query)."""

from sites.registry import site_section


@site_section(title="Progress report", order=90, template="reports/_site_section.html", queries=0)
def progress_report(page):
    return {}
