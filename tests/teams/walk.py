from tests.teams import helpers
from tests.walk import Case, site_a_editable, site_a_pages


def cases(world):
    team = helpers.team(world.site_a)
    assessment = helpers.assess(team)
    action = helpers.action(team)
    slug = world.site_a.slug
    return [
        *site_a_pages(
            "teams",
            read=[
                ("site-teams", f"/teams/sites/{slug}/"),
                ("team-detail", f"/teams/{team.pk}/"),
                ("assessment-detail", f"/teams/assessments/{assessment.pk}/"),
            ],
            edit=[
                ("team-add", f"/teams/sites/{slug}/new/"),
                ("team-edit", f"/teams/{team.pk}/edit/"),
                ("assessment-add", f"/teams/{team.pk}/assessments/new/"),
                ("action-add", f"/teams/{team.pk}/actions/new/"),
                ("action-edit", f"/teams/{team.pk}/actions/{action.pk}/"),
            ],
        ),
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
