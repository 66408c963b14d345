from django import template

from pdsa import chart_words

register = template.Library()


@register.filter
def shown(value) -> str:
    """A centre line or limit rounded as every page, report and spreadsheet rounds it."""
    return chart_words.shown(value)


@register.filter
def is_overdue_on(cycle, today) -> bool:
    return cycle.is_overdue(today)


# Making Data Count icon colours and letters: (fill, letter).
VARIATION_ICONS = {
    "common_cause": ("#7B7D7D", "~"),
    "improvement_high": ("#289de0", "H"),
    "improvement_low": ("#289de0", "L"),
    "concern_high": ("#fab428", "H"),
    "concern_low": ("#fab428", "L"),
    "neutral_high": ("#490092", "H"),
    "neutral_low": ("#490092", "L"),
}
ASSURANCE_ICONS = {
    "pass": ("#289de0", "P"),
    "fail": ("#fab428", "F"),
    "hit_and_miss": ("#7B7D7D", "?"),
}


@register.inclusion_tag("pdsa/_spc_icons.html")
def spc_icons(results, compact=False):
    """The Making Data Count variation and assurance icons, each with its words."""
    return {
        "results": results,
        "compact": compact,
        "variation": VARIATION_ICONS.get(results.variation),
        "assurance": ASSURANCE_ICONS.get(results.assurance),
    }
