"""The site page gathers a section from several apps; its query budget is pinned once here,
so each app's test asserts the same whole-page number."""

SITE_PAGE_QUERIES = 15
