"""A page assembled from sections registered by several apps (the site page, the home page):
each section's function returns the names its template reads, or None to stay off the page."""


def gather(sections, page) -> tuple[list, dict]:
    """The sections to show, in their order, and the names their templates read."""
    shown, values = [], {}
    for section in sections:
        context = section.build(page)
        if context is not None:
            shown.append(section)
            values.update(context)
    return shown, values
