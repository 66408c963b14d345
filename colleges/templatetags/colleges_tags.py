from django import template

register = template.Library()


@register.filter
def change_words(change) -> str:
    """A score's change since the previous check in words: "up 3", "down 1", "no change"."""
    if change is None:
        return "first check"
    if change > 0:
        return f"up {change}"
    if change < 0:
        return f"down {-change}"
    return "no change"


@register.simple_tag
def co_produced_count(courses) -> int:
    return sum(course.co_produced for course in courses)
