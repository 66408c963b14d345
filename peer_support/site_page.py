"""The site page's link to the site's peer-support-worker programme (no query)."""

from sites.registry import site_section


@site_section(
    title="Peer support workers", order=40, template="peer_support/_site_section.html", queries=0
)
def peer_support(page):
    return {}
