"""A site's teams with their recovery self-assessments (TRIP) and plans."""

from site_exports.registry import site_rows

from .models import Team, TeamAction, TeamAssessment, TeamParticipant, TeamRating


@site_rows("teams.Team", order=100)
def teams(site):
    return Team.objects.filter(site=site)


@site_rows("teams.TeamAssessment", order=101)
def assessments(site):
    return TeamAssessment.objects.filter(team__site=site)


@site_rows("teams.TeamRating", order=102)
def ratings(site):
    return TeamRating.objects.filter(assessment__team__site=site)


@site_rows("teams.TeamParticipant", order=103)
def participants(site):
    return TeamParticipant.objects.filter(assessment__team__site=site)


@site_rows("teams.TeamAction", order=104)
def actions(site):
    return TeamAction.objects.filter(team__site=site)
