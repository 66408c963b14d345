"""The site page gathers a section from several apps; its query budget is pinned once here,
so each app's test asserts the same whole-page number."""

# 18: the progress score's chart results, read from the cache, are computed in 3 more
# queries when an indicator changed since they were last read (pdsa.site_page).
SITE_PAGE_QUERIES = 18
