"""The site progress report's part on team recovery plans (registered with
``reports.registry``): which teams have moved, and every action of their plans."""

from reports.registry import Section, Table, section

from . import practice
from .models import TeamAction
from .selectors import site_teams


@section("site_progress", order=55)
def team_recovery_plans(ctx):
    summary = site_teams(ctx.site, today=ctx.today)
    if not summary.rows:
        return None
    team_rows = [
        [
            row.team.name,
            row.team.get_service_type_display(),
            row.team.latest_on,
            row.team.latest_total if row.team.latest_on else None,
            row.change,
            row.team.actions_done,
            row.team.actions_total,
            row.team.actions_overdue,
            row.team.next_review_on,
        ]
        for row in summary.rows
    ]
    actions = TeamAction.objects.filter(team__site=ctx.site).select_related("team", "owner_person")
    action_rows = [
        [
            a.team.name,
            a.what,
            a.owner_label,
            a.due_on,
            "Overdue" if a.is_overdue(ctx.today) else a.get_status_display(),
        ]
        for a in actions.order_by("team__name", "due_on", "pk")
    ]
    return Section(
        title="Team recovery plans (TRIP)",
        template="teams/report/_teams.html",
        context={"summary": summary, "team_rows": team_rows, "most": practice.MOST},
        tables=[
            Table(
                "Teams",
                ["Team", "Service", "Latest assessment", f"Total (of {practice.MOST})",
                 "Change since the first", "Actions done", "Actions", "Actions overdue",
                 "Next co-review"],
                team_rows,
            ),
            Table("Team plan actions", ["Team", "Action", "Who", "By when", "Status"], action_rows),
        ],
    )  # fmt: skip
