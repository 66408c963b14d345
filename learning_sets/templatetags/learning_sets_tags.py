"""Learning sets' template tags: the evaluation ratings as a small chart."""

from django import template

register = template.Library()


BAR_WIDTH = 200


@register.inclusion_tag("learning_sets/_rating_chart.html")
def rating_chart(distribution, label: str):
    """A small bar chart of how many gave each rating, the count written beside each bar
    (server-side SVG: it prints, and goes into the PDF)."""
    most = max((count for _, count in distribution), default=0) or 1
    bars = [
        {"rating": rating, "count": count, "width": round(BAR_WIDTH * count / most), "y": n * 28}
        for n, (rating, count) in enumerate(distribution)
    ]
    return {"bars": bars, "label": label, "height": len(bars) * 28, "text_x": BAR_WIDTH + 70}
