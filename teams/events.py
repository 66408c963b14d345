"""Events of teams' recovery plans (registered with ``notifications.registry``)."""

from imroc.dates import long_date
from notifications.registry import Due, register_event

from .models import TeamAction


@register_event("trip_action_assigned", label="A team's recovery plan gave you an action")
def trip_action_assigned(*, action: TeamAction, by=None):
    """The owner hears of an action the team agreed for them (not when they recorded it
    themselves; someone named without an account hears at the team's meeting)."""
    owner = action.owner_person.user if action.owner_person_id else None
    if owner is None or not owner.is_active or owner == by or action.is_done:
        return
    team = action.team
    yield Due(
        kind="trip_action_assigned",
        recipient=owner,
        key=f"trip-action:{action.pk}:owner:{owner.pk}",
        subject=f"{team.name}: an action for you in the team's recovery plan",
        url=team.get_absolute_url(),
        context={
            "message": (
                f"{team.name} ({team.site.name}) agreed in its recovery plan that you would: "
                f"{action.what}, by {long_date(action.due_on)}."
            ),
            "site_name": team.site.name,
        },
    )
