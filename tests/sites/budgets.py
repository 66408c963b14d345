"""The site page gathers a section from several apps; its query budget is pinned once here,
so each app's test asserts the same whole-page number."""

# 20: the sections' own budgets (tests/sites/test_site_page_sections.py), the progress score's
# chart results (3 more queries when an indicator changed since they were last read:
# pdsa.site_page), and the site's headline figures from their sources (peer-support posts,
# recovery colleges, the outcome snapshot: sites.figures). Constant however much data.
SITE_PAGE_QUERIES = 20
# As served once those are kept (a second view, nothing written between): the page's own
# reads and the sections' (tests/sites/test_site_page_sections.py).
SERVED_SITE_PAGE_QUERIES = 12
