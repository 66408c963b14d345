"""The site page's link to the archive of all the site's data, for those who may take it."""

from sites.registry import site_section


@site_section(
    title="All the site's data", order=100, template="site_exports/_site_section.html", queries=0
)
def site_archive(page):
    if not page.user.has_perm("site_exports.export_site", page.site):
        return None
    return {}
