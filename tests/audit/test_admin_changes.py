"""The administrator's changes are in the audit log with who made them: a site archived and
unarchived, invitations sent, sent again and revoked, consultants assigned, the framework
version switched and someone's roles changed."""

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import Invitation
from accounts.roles import Role
from audit.models import AuditEvent
from tests.accounts.test_invitations import invite
from tests.sites.factories import UserFactory

Action = AuditEvent.Action


def logged(action) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def test_archiving_and_unarchiving_a_site_is_logged_with_who_and_why(client, world):
    client.force_login(world.admin)
    client.post("/sites/alpha/archive/", {"archived_on": "2012-09-30", "reason": "Merged."})
    client.post("/sites/alpha/unarchive/")
    [archived] = logged(Action.SITE_ARCHIVED)
    [unarchived] = logged(Action.SITE_UNARCHIVED)
    assert archived.user == world.admin and archived.what == f"{world.site_a.name}: Merged."
    assert unarchived.user == world.admin and unarchived.what == world.site_a.name


def test_invitations_sent_again_and_revoked_are_logged(client, world):
    client.force_login(world.admin)
    assert invite(client).status_code == 302
    invitation = Invitation.objects.get()
    client.post(f"/accounts/invitations/{invitation.pk}/resend/")
    client.post(f"/accounts/invitations/{invitation.pk}/revoke/")
    client.post(f"/accounts/invitations/{invitation.pk}/revoke/")  # already revoked
    for action in (Action.INVITATION_SENT, Action.INVITATION_RESENT, Action.INVITATION_REVOKED):
        [event] = logged(action)
        assert event.user == world.admin
        assert "Nia Lead <nia.lead@example.org>" in event.what


def test_assigning_a_consultant_logs_the_sites_added(client, world):
    client.force_login(world.admin)
    client.post(
        "/accounts/consultants/assign/",
        {"consultant": world.consultant.pk, "sites": [world.site_a.pk, world.site_b.pk]},
    )
    [event] = logged(Action.CONSULTANTS_ASSIGNED)
    assert event.user == world.admin
    assert world.site_b.name in event.what and world.site_a.name not in event.what  # had it


def test_switching_the_framework_is_logged(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("challenges:framework-make-current", args=["2012"]))
    assert response.status_code == 302
    [event] = logged(Action.FRAMEWORK_SWITCHED)
    assert event.user == world.admin and "2012" in event.what


def test_changing_someones_roles_in_the_admin_is_logged(client, world):
    person = UserFactory(username="nia")
    client.force_login(world.admin)
    page = client.get(f"/admin/auth/user/{person.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("groups", "user_permissions", "password")
    }
    data.update(
        {
            "username": "nia",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "groups": [Group.objects.get(name=Role.CONSULTANT.value).pk],
            "is_active": "on",
            "is_staff": "on",
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = client.post(f"/admin/auth/user/{person.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [event] = logged(Action.ROLES_CHANGED)
    assert event.user == world.admin
    assert event.what == f"nia: given {Role.CONSULTANT.value}, staff"


def test_the_log_page_shows_an_archive_an_invitation_and_an_assignment(client, world):
    client.force_login(world.admin)
    client.post("/sites/alpha/archive/", {"archived_on": "2012-09-30", "reason": "Merged."})
    invite(client)
    client.post(
        "/accounts/consultants/assign/",
        {"consultant": world.consultant.pk, "sites": [world.site_b.pk]},
    )
    page = client.get("/audit/").content.decode()
    for label in ("Site archived", "Invitation sent", "Consultant assigned to sites"):
        assert label in page
