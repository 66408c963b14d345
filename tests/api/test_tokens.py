"""Token management: who may issue what, the secret shown once, revoking, last use."""

import datetime

import pytest

from api.models import ApiToken
from audit.models import AuditEvent

from .data import read, token_for

pytestmark = pytest.mark.django_db

LATER = datetime.date.today() + datetime.timedelta(days=90)


def issue(client, reads, name="Board Power BI", until=LATER):
    return client.post(
        "/api/tokens/",
        {
            "name": name,
            "reads": reads,
            "expires_on_day": until.day,
            "expires_on_month": until.month,
            "expires_on_year": until.year,
        },
    )


def test_a_lead_issues_a_token_for_their_site_and_sees_it_once(client, world):
    client.force_login(world.lead_a)
    page = client.get("/api/tokens/")
    assert f"site:{world.site_a.pk}".encode() in page.content
    assert f"site:{world.site_b.pk}".encode() not in page.content
    assert b'value="programme"' not in page.content
    response = issue(client, f"site:{world.site_a.pk}")
    assert response.status_code == 200
    token = ApiToken.objects.get()
    assert (token.user, token.site, token.created_by) == (world.lead_a, world.site_a, world.lead_a)
    secret = response.content.decode().split('<code class="api-token">')[1].split("<")[0]
    assert read(client, secret, "sites").json()["results"][0]["id"] == world.site_a.pk
    listing = client.get("/api/tokens/").content.decode()
    assert "Board Power BI" in listing and secret not in listing
    assert AuditEvent.objects.filter(action="api_token_issued", user=world.lead_a).exists()


def test_a_lead_cannot_issue_for_another_site(client, world):
    client.force_login(world.lead_a)
    response = issue(client, f"site:{world.site_b.pk}")
    assert response.status_code == 200
    assert "from the list" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_administrator_issues_for_a_consultant(client, world):
    client.force_login(world.admin)
    issue(client, f"consultant:{world.consultant.pk}")
    token = ApiToken.objects.get()
    assert (token.user, token.site) == (world.consultant, None)


def test_a_member_and_a_consultant_without_tokens_may_not_issue(client, world):
    for user in (world.member_a, world.consultant):
        client.force_login(user)
        assert client.get("/api/tokens/").status_code == 403
        assert issue(client, f"site:{world.site_a.pk}").status_code == 403


def test_a_consultant_sees_and_revokes_the_token_issued_for_them(client, world):
    secret = token_for(world.consultant, by=world.admin)
    client.force_login(world.consultant)
    assert b"Power BI" in client.get("/api/tokens/").content
    token = ApiToken.objects.get()
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 302
    assert read(client, secret, "sites").status_code == 401


def test_someone_elses_token_cannot_be_revoked(client, world):
    token_for(world.lead_a, world.site_a)
    client.force_login(world.lead_b)
    token = ApiToken.objects.get()
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get().revoked_at is None


@pytest.mark.parametrize(
    "until, message",
    [
        (datetime.date.today(), "The date must be after today."),
        (datetime.date.today() + datetime.timedelta(days=400), "within a year"),
    ],
)
def test_an_expiry_outside_a_year_is_refused_in_the_form(client, world, until, message):
    client.force_login(world.lead_a)
    response = issue(client, f"site:{world.site_a.pk}", until=until)
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_list_shows_last_use(client, world):
    secret = token_for(world.lead_a, world.site_a)
    client.force_login(world.lead_a)
    assert b"Never" in client.get("/api/tokens/").content
    read(client, secret, "sites")
    assert b"Never" not in client.get("/api/tokens/").content
