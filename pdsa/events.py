"""Events of a site's improvement work (registered with ``notifications.registry``; raised
by the services): a comment on a goal or a cycle reaches the goal's owner and the site's
leads, never its own author; a closed goal reaches the site's consultants."""

from accounts.rules import is_consultant
from imroc.dates import long_date
from notifications.registry import Due, each_once, register_event
from sites.selectors import leads_by_site

from .models import Comment, Goal


@register_event("comment_added", label="Someone commented on a goal or PDSA cycle of your site")
def comment_added(*, comment: Comment):
    cycle = comment.cycle
    goal = cycle.goal if cycle else comment.goal
    site = goal.priority.site
    owner = goal.owner.user if goal.owner else None
    people = each_once(leads_by_site([site.pk]).get(site.pk, []), [owner])
    author = comment.author.get_full_name() or comment.author.username
    about = f"cycle {cycle.number} of “{goal.title}”" if cycle else f"the goal “{goal.title}”"
    for person in people:
        if person == comment.author:
            continue
        yield Due(
            kind="comment_added",
            recipient=person,
            key=f"comment:{comment.pk}",
            subject=f"{site.name}: {author} commented on {about}",
            url=(cycle or goal).get_absolute_url(),
            context={
                "message": f"{author} commented on {about} at {site.name}.",
                "site_name": site.name,
                "comment": comment.text,
            },
        )


@register_event(
    "goal_closed",
    label="A goal of a site you review was achieved or abandoned",
    offered_to=is_consultant,
)
def goal_closed(*, goal: Goal):
    """The site's consultants hear when a goal closes: a moment to review, or to learn from
    an abandoned goal as much as from an achieved one."""
    site = goal.priority.site
    by = goal.closed_by.get_full_name() or goal.closed_by.username if goal.closed_by else ""
    outcome = goal.get_status_display().lower()
    for consultant in site.consultants.all():
        if consultant == goal.closed_by:
            continue
        yield Due(
            kind="goal_closed",
            recipient=consultant,
            key=f"goal:{goal.pk}:closed:{goal.closed_on:%Y-%m-%d}",
            subject=f"{site.name}: the goal “{goal.title}” was {outcome}",
            url=goal.get_absolute_url(),
            context={
                "message": f"{site.name} closed the goal “{goal.title}” as {outcome} on "
                f"{long_date(goal.closed_on)}{f' ({by})' if by else ''}.",
                "site_name": site.name,
                "goal_title": goal.title,
                "note": goal.closing_note,
            },
        )
