import datetime

import pytest

from tests.notifications.scanning import due, emails_of, recipients, scan
from tests.teams import helpers

pytestmark = pytest.mark.django_db
DUE = datetime.date(2012, 6, 1)
DAY = datetime.timedelta(days=1)


def test_an_overdue_action_reminds_its_owner_with_an_account_once(
    django_capture_on_commit_callbacks, world
):
    team = helpers.team(world.site_a)
    member = world.site_a.project_group.get(person__user=world.member_a)
    helpers.action(team, owner_person=member.person, owner_name="", due_on=DUE)
    helpers.action(team, what="Dan's action", owner_name="Dan Ellery", due_on=DUE)
    helpers.action(team, what="Done already", owner_person=member.person, due_on=DUE,
                   status="done")  # fmt: skip
    assert due("trip_action_overdue", DUE) == []
    assert recipients(due("trip_action_overdue", DUE + DAY)) == {"member_a"}
    scan(django_capture_on_commit_callbacks, DUE + DAY)
    scan(django_capture_on_commit_callbacks, DUE + 2 * DAY)
    emails = emails_of("trip_action_overdue")
    assert [m.subject for m in emails] == [
        "Exeter community team: your recovery plan action is overdue"
    ]
    assert "Peer worker joins the team meeting, by 1 June 2012" in emails[0].body


def test_the_owner_hears_of_an_action_given_to_them_once_but_not_of_their_own(client, world):
    from notifications.models import Reminder

    team = helpers.team(world.site_a)
    people = {m.person.user: m.person for m in world.site_a.project_group.all()}
    client.force_login(world.lead_a)
    url = f"/teams/{team.pk}/actions/new/"
    data = {"what": "Co-write crisis plans", "due_on": "2099-08-01", "status": "not_started"}
    client.post(url, {**data, "owner_person": people[world.member_a].pk})
    client.post(url, {**data, "what": "Lead's own", "owner_person": people[world.lead_a].pk})
    action = team.actions.get(what="Co-write crisis plans")
    client.post(
        f"/teams/{team.pk}/actions/{action.pk}/",
        {**data, "status": "under_way", "owner_person": people[world.member_a].pk},
    )
    sent = Reminder.objects.filter(kind="trip_action_assigned")
    assert [(r.user, r.subject) for r in sent] == [
        (world.member_a, "Exeter community team: an action for you in the team's recovery plan")
    ]
