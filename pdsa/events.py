"""Events of a site's improvement work (registered with ``notifications.registry``; raised
by the services): a comment on a goal or a cycle reaches the goal's owner and the site's
leads, never its own author."""

from notifications.registry import Due, register_event
from sites.selectors import leads_by_site

from .models import Comment


@register_event("comment_added", label="Someone commented on a goal or PDSA cycle of your site")
def comment_added(*, comment: Comment):
    cycle = comment.cycle
    goal = cycle.goal if cycle else comment.goal
    site = goal.priority.site
    people = list(leads_by_site([site.pk]).get(site.pk, []))
    owner = goal.owner.user if goal.owner else None
    if owner is not None and owner not in people:
        people.append(owner)
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
