"""Reminders about teams' recovery plans (registered with ``notifications.registry``)."""

from imroc.dates import long_date
from notifications.registry import Due, register

from .models import TeamAction


@register("trip_action_overdue", label="An action of a team's recovery plan you own is overdue")
def trip_action_overdue(today):
    """Once per due date, to the owner of an overdue action who has an account: the team
    agreed it together and the co-review will ask where it stands. A new date makes it new."""
    actions = (
        TeamAction.objects.exclude(status=TeamAction.Status.DONE)
        .filter(
            due_on__lt=today,
            team__site__is_active=True,
            owner_person__user__isnull=False,
            owner_person__user__is_active=True,
        )
        .select_related("team__site", "owner_person__user")
    )
    for action in actions:
        team = action.team
        yield Due(
            kind="trip_action_overdue",
            recipient=action.owner_person.user,
            key=f"trip-action:{action.pk}:overdue:{action.due_on:%Y-%m-%d}",
            subject=f"{team.name}: your recovery plan action is overdue",
            url=team.get_absolute_url(),
            context={
                "message": (
                    f"{team.name} ({team.site.name}) agreed that you would: {action.what}, "
                    f"by {long_date(action.due_on)}. It is not marked done yet. Tell the team "
                    "where it stands, or agree a new date at the plan's co-review."
                ),
                "site_name": team.site.name,
            },
        )
