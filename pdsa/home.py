"""pdsa's part of each person's work: goals, PDSA stages and indicators' next values due,
comments on the goals and cycles of their sites, and the goals of their site teams."""

from django.db.models import Count, Q, Window
from django.urls import reverse

from accounts.registry import Item, home_section, left_out, work_items
from sites.models import Site

from .models import Comment, Cycle, Goal, Indicator, Stage, cycles_with_current_stage_due
from .selectors import your_goals

LIMIT = 10
BEYOND = f" beyond the {LIMIT} most pressing listed"


@work_items("due", order=10, queries=1)
def goals_due(page):
    """Open goals of my sites near or past their target date; archived sites are done with."""
    goals = list(
        Goal.objects.filter(priority__site_id__in=page.team_site_ids, target_date__lte=page.soon)
        .filter(status__in=Goal.OPEN, priority__site__is_active=True)
        .select_related("priority__site")
        .annotate(total=Window(Count("pk")))
        .order_by("target_date", "pk")[:LIMIT]
    )
    return [
        Item(
            f"Goal: {goal.title}",
            goal.get_absolute_url(),
            f"{goal.priority.site.name}; target date",
            goal.target_date,
            goal.target_date < page.today,
        )
        for goal in goals
    ] + left_out(goals, noun=("goal", "goals"), what=f"near or past their target date{BEYOND}")


@work_items("due", order=20, queries=1)
def stages_due(page):
    """PDSA stages of my sites' open goals due soon or late."""
    cycles = (
        Cycle.objects.filter(goal__priority__site_id__in=page.team_site_ids)
        .filter(goal__status__in=Goal.OPEN, goal__priority__site__is_active=True)
        .filter(cycles_with_current_stage_due(lte=page.soon))
        .select_related("goal__priority__site")
        .order_by("pk")[: LIMIT * 3]
    )
    items = []
    for cycle in cycles:
        stage = cycle.current_stage
        items.append(
            Item(
                f"PDSA cycle {cycle.number}, {Stage(stage).label.lower()}: {cycle.objective}",
                reverse("pdsa:cycle-stage", kwargs={"pk": cycle.pk, "stage": stage}),
                f"{cycle.goal.priority.site.name}; {cycle.goal.title}",
                getattr(cycle, f"{stage}_due"),
                cycle.is_overdue(page.today),
            )
        )
    return items


@work_items("due", order=25, queries=1)
def indicators_waiting(page):
    """Indicators of my sites' open goals whose next value is due soon or late (as the
    ``indicator_data_due`` reminder counts), the most pressing first: chosen and ordered in
    SQL, so only the few shown are read however many indicators the sites have."""
    indicators = list(
        Indicator.objects.filter(goal__priority__site_id__in=page.team_site_ids)
        .filter(goal__status__in=Goal.OPEN, goal__priority__site__is_active=True)
        .with_next_value_due()
        .filter(next_value_due__lte=page.soon)
        .select_related("goal__priority__site")
        .annotate(total=Window(Count("pk")))  # all of them, counted before the limit
        .order_by("next_value_due", "pk")[:LIMIT]
    )
    shown = [
        Item(
            f"Indicator: {indicator.name}",
            reverse("pdsa:datapoint-add", kwargs={"pk": indicator.pk}),
            f"{indicator.goal.priority.site.name}; {indicator.goal.title}; a value every "
            f"{indicator.data_interval_days} days",
            indicator.next_value_due,
            indicator.next_value_due < page.today,
        )
        for indicator in indicators
    ]
    return shown + left_out(
        indicators, noun=("indicator", "indicators"), what=f"waiting for a value{BEYOND}"
    )


def _comments_on(sites, page) -> list[Item]:
    """Comments by others on the goals and cycles of ``sites`` in the last 30 days."""
    comments = (
        Comment.objects.filter(created__date__gte=page.since)
        .filter(Q(goal__priority__site__in=sites) | Q(cycle__goal__priority__site__in=sites))
        .exclude(author=page.user)
        .select_related("author", "goal", "cycle")
        .order_by("-created", "-pk")[:LIMIT]
    )
    return [
        Item(
            f"Comment by {comment.author.get_full_name() or comment.author.username} on "
            + (f"goal {comment.goal.title}" if comment.goal_id else f"cycle {comment.cycle}"),
            (comment.goal or comment.cycle).get_absolute_url() + "#comments",
            comment.text[:120],
            comment.created.date(),
        )
        for comment in comments
    ]


@work_items("new", order=20, queries=1)
def new_comments(page):
    return _comments_on(page.team_site_ids or page.group_site_ids, page)


@work_items("activity", order=20, queries=1)
def comments_at_my_sites(page):
    return _comments_on(Site.objects.filter(consultants=page.user).values("pk"), page)


@home_section(title="Your goals", order=120, template="pdsa/_home_goals.html", queries=1)
def goals(page):
    if not page.team_site_ids:
        return None
    goals = your_goals(page.user)
    return {"your_goals": goals} if goals else None
