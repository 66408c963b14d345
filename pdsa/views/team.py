"""A cycle's team: who took part and the perspective they brought."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import require
from challenges.selectors import people_to_invite

from .. import selectors, services
from ..forms.team import CycleTeamEntry


@login_required
def cycle_team(request, pk):
    cycle = get_object_or_404(selectors.cycles_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_cycle", cycle)
    team = list(cycle.team.select_related("person"))
    invited = {
        person.pk: (person, perspective)
        for person, perspective in people_to_invite(cycle.goal.priority.site)
    }
    for member in team:
        invited[member.person_id] = (member.person, member.perspective)
    entry = CycleTeamEntry(
        request.POST or None,
        invited=sorted(invited.values(), key=lambda pair: pair[0].full_name),
        team=team,
    )
    if request.method == "POST" and entry.is_valid():
        services.cycle_team_set(cycle=cycle, members=entry.members())
        messages.success(request, "The cycle's team is saved.")
        return redirect(cycle)
    return render(
        request, "pdsa/cycle_team.html", {"cycle": cycle, "goal": cycle.goal, "entry": entry}
    )
