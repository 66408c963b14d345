import functools
from html import escape

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from imroc.dates import short_date
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


@functools.cache
def _overdue() -> str:
    """The "Overdue" tag every page includes, read once."""
    return get_template("includes/_overdue.html").render()


@register.simple_tag
def site_goal(goal) -> str:
    """A goal's row on the site page (``selectors.site_work``'s goals), written here rather
    than by an included template: the busiest site lists ~150, and the include's variables
    and filters took ~14 ms of the page's CPU (format_html's lazy escaping half of what was
    left). The same HTML as the template it replaced, every text escaped."""
    closed = f" on {short_date(goal.closed_on)}" if goal.closed_on else ""
    owner = f"; owner {escape(goal.owner_name)}" if goal.owner_name else ""
    late = f" {_overdue()}" if goal.is_late else ""
    stages = goal.overdue_stages
    overdue = (
        f' <strong class="nhsuk-tag nhsuk-tag--red">{stages} PDSA stage{_plural(stages)}'
        " overdue</strong>"
        if stages
        else ""
    )
    cycles = goal.cycle_count
    return mark_safe(  # every text above and below is escaped
        f'<li><a href="{escape(goal.url)}">{escape(goal.title)}</a>\n'
        f'      <span class="nhsuk-tag nhsuk-tag--grey">{escape(goal.get_difficulty_display())}'
        "</span>\n"
        f"      <span>{escape(goal.get_status_display())}{closed}; {cycles} cycle"
        f"{_plural(cycles)} ({goal.open_cycles} open){owner}; target "
        f"{short_date(goal.target_date)}</span>{late}{overdue}</li>\n"
    )


def _plural(n: int) -> str:
    return "" if n == 1 else "s"
