from tests.teams import helpers
from tests.walk import Case, site_a_editable, site_a_readable


def cases(world):
    team = helpers.team(world.site_a)
    assessment = helpers.assess(team)
    action = helpers.action(team)
    slug = world.site_a.slug
    return [
        Case("teams:site-teams", f"/teams/sites/{slug}/", site_a_readable()),
        Case("teams:team-add", f"/teams/sites/{slug}/new/", site_a_editable()),
        Case("teams:team-detail", f"/teams/{team.pk}/", site_a_readable()),
        Case("teams:team-edit", f"/teams/{team.pk}/edit/", site_a_editable()),
        Case("teams:assessment-add", f"/teams/{team.pk}/assessments/new/", site_a_editable()),
        Case("teams:assessment-detail", f"/teams/assessments/{assessment.pk}/", site_a_readable()),
        Case("teams:action-add", f"/teams/{team.pk}/actions/new/", site_a_editable()),
        Case("teams:action-edit", f"/teams/{team.pk}/actions/{action.pk}/", site_a_editable()),
        Case(
            "teams:action-edit",
            f"/teams/{team.pk}/actions/{action.pk}/",
            site_a_editable(302),
            method="post",
            data={
                "what": "Peer worker joins",
                "owner_name": "Dan",
                "due_on": "2012-06-01",
                "status": "done",
            },
        ),
    ]
