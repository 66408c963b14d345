"""A token reads exactly what its owner may see, and one site's token only that site."""

import datetime

import pytest
from django.utils import timezone

from api import services
from api.models import ApiToken
from audit.models import AuditEvent

from .data import NAMES, programme, read, site_ids_in, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    return programme(world)


@pytest.mark.parametrize("name", NAMES)
def test_a_token_for_one_site_reads_only_that_site(client, world, data, name):
    secret = token_for(world.admin, world.site_a)
    response = read(client, secret, name)
    assert response.status_code == 200
    rows = response.json()["results"]
    if name == "workshops":  # a workshop of the site's learning set, shared with others
        assert len(rows) == 1
        return
    assert rows, f"{name}: site A's token read nothing"
    assert site_ids_in(name, rows) == {world.site_a.pk}


@pytest.mark.parametrize("name", NAMES)
def test_a_leads_token_reads_their_site_and_not_the_other(client, world, data, name):
    secret = token_for(world.lead_b, world.site_b)
    rows = read(client, secret, name).json()["results"]
    if name != "workshops":
        assert site_ids_in(name, rows) == {world.site_b.pk}


@pytest.mark.parametrize("name", NAMES)
def test_a_programme_token_reads_every_site(client, world, data, name):
    rows = read(client, token_for(world.admin), name).json()["results"]
    if name != "workshops":
        assert site_ids_in(name, rows) == {world.site_a.pk, world.site_b.pk}


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_calls_get_401(client, world, name):
    response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_signed_in_session_alone_reads_nothing(client, world):
    client.force_login(world.admin)
    assert client.get("/api/v1/sites/").status_code == 401


def test_another_sites_item_is_not_found(client, world, data):
    goals, _ = data
    secret = token_for(world.lead_a, world.site_a)
    ok = client.get(f"/api/v1/goals/{goals['a'].pk}/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert ok.status_code == 200
    other = client.get(f"/api/v1/goals/{goals['b'].pk}/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert other.status_code == 404


def test_a_token_whose_owner_left_the_group_reads_nothing_of_the_site(client, world, data):
    secret = token_for(world.lead_a, world.site_a)
    world.site_a.project_group.filter(person__user=world.lead_a).delete()
    assert read(client, secret, "goals").json()["results"] == []


def test_revoked_expired_and_unknown_tokens_get_401(client, world, data):
    secret = token_for(world.admin)
    token = ApiToken.objects.get()
    assert read(client, secret, "sites").status_code == 200
    token.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    token.save()
    assert read(client, secret, "sites").status_code == 401
    token.expires_on = timezone.localdate() + datetime.timedelta(days=1)
    token.save()
    services.token_revoke(token=token, by=world.admin)
    assert read(client, secret, "sites").status_code == 401
    assert read(client, secret + "x", "sites").status_code == 401


def test_the_token_is_stored_hashed(world):
    secret = token_for(world.admin)
    token = ApiToken.objects.get()
    assert secret not in (token.token_hash, token.prefix)
    assert secret.removeprefix("imroc_").startswith(token.prefix)


def test_every_call_is_audited_with_who_what_and_rows_and_last_use_shown(client, world, data):
    secret = token_for(world.lead_a, world.site_a)
    read(client, secret, "goals", site=world.site_a.pk)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.API_READ).get()
    assert event.user == world.lead_a
    assert "/api/v1/goals/?site=" in event.what
    assert event.what.endswith("1 row")
    assert ApiToken.objects.get().last_used_at is not None


def test_filters_by_site_date_range_and_updated_since(client, world, data):
    secret = token_for(world.admin)
    by_site = read(client, secret, "support", site=world.site_b.pk).json()["results"]
    assert {row["site"] for row in by_site} == {world.site_b.pk}
    assert read(client, secret, "cycles", date_from="2013-01-01").json()["results"] == []
    assert len(read(client, secret, "cycles", date_to="2012-12-31").json()["results"]) == 2
    future = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    for name in ("goals", "cycles", "assessments", "support", "outcomes", "attendance"):
        assert read(client, secret, name, updated_since=future).json()["results"] == [], name
    past = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    assert len(read(client, secret, "goals", updated_since=past).json()["results"]) == 2


def test_a_bad_filter_value_is_a_400_naming_it(client, world, data):
    response = read(client, token_for(world.admin), "goals", date_from="yesterday")
    assert response.status_code == 400
    assert "date_from" in response.json()
