"""The audit log: sign-ins, failures, lockouts, every exported file and every read of
delegates' access and dietary needs, visible to administrators in the app and the admin."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse

from audit.models import AuditEvent
from tests.learning_sets.factories import register, workshop_for
from tests.sites.factories import PASSWORD
from tests.test_permission_walk import all_cases

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action

EXPORT_VIEWS = {
    "dashboard:list-csv",
    "dashboard:table-csv",
    "learning_sets:set-summary-csv",
    "learning_sets:workshop-delegates-csv",
    "learning_sets:workshop-calendar",
    "reports:report-download",
}


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_sign_ins_failures_and_lockouts_are_recorded_with_who_and_where(client, world):
    client.post(
        reverse("login"), {"username": "lead_a", "password": "nope"}, REMOTE_ADDR="203.0.113.7"
    )
    client.post(reverse("login"), {"username": "lead_a", "password": PASSWORD})
    [failed] = events(Action.SIGN_IN_FAILED)
    assert failed.username == "lead_a" and failed.ip_address == "203.0.113.7"
    assert failed.user is None
    [signed_in] = events(Action.SIGNED_IN)
    assert signed_in.user == world.lead_a and signed_in.ip_address == "127.0.0.1"
    client.post(reverse("logout"))
    for _ in range(5):
        client.post(reverse("login"), {"username": "member_a", "password": "nope"})
    assert [e.username for e in events(Action.LOCKED_OUT)] == ["member_a"]


def test_every_download_is_recorded_as_an_export(client, world):
    """Every attachment the permission walk's URLs give the administrator is an event."""
    client.force_login(world.admin)
    exporting = set()
    for case in all_cases(world):
        if case.method != "get":
            continue
        with transaction.atomic():
            before = AuditEvent.objects.filter(action=Action.EXPORTED).count()
            response = client.get(case.url, case.data)
            if response.get("Content-Disposition", "").startswith("attachment"):
                exporting.add(case.name)
                event = AuditEvent.objects.filter(action=Action.EXPORTED).latest("pk")
                assert AuditEvent.objects.filter(action=Action.EXPORTED).count() == before + 1
                assert event.user == world.admin and case.url in event.what, case.url
            transaction.set_rollback(True)
    assert EXPORT_VIEWS <= exporting


def test_reading_delegates_needs_is_recorded_and_a_lead_reads_none(client, world):
    workshop = workshop_for([world.site_a])
    delegate = register(workshop, world.site_a, dietary_needs="Halal", access_needs="Hearing loop")
    client.force_login(world.lead_a)
    client.get(f"/learning-sets/workshops/{workshop.pk}/")  # the lead sees no needs column
    assert not events(Action.READ_NEEDS)
    client.force_login(world.organiser)
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/").content.decode()
    assert "Hearing loop" in page
    client.get(f"/learning-sets/delegates/{delegate.pk}/edit/")
    client.get(f"/learning-sets/workshops/{workshop.pk}/delegates.csv")
    reads = events(Action.READ_NEEDS)
    assert [e.user for e in reads] == [world.organiser] * 3
    assert "Workshop 1" in reads[0].what and delegate.full_name in reads[1].what


def test_only_administrators_read_the_log(client, world):
    for role in ["lead_a", "consultant", "organiser"]:
        client.force_login(world.users[role])
        assert client.get("/audit/").status_code == 403
    client.force_login(world.admin)
    assert client.get("/audit/").status_code == 200


def test_the_log_filters_by_action_person_and_date(client, world):
    AuditEvent.objects.create(action=Action.EXPORTED, username="lead_a", what="sites.csv")
    AuditEvent.objects.create(action=Action.SIGN_IN_FAILED, username="intruder")
    client.force_login(world.admin)
    page = client.get("/audit/", {"action": "exported"}).content.decode()
    assert "sites.csv" in page and "intruder" not in page
    page = client.get("/audit/", {"username": "INTRUDER"}).content.decode()
    assert "intruder" in page and "sites.csv" not in page
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    page = client.get("/audit/", {"since": tomorrow.isoformat()}).content.decode()
    assert "No events match" in page
    bad = client.get("/audit/", {"since": "yesterday", "action": "nonsense"})
    assert bad.status_code == 400 and "There is a problem" in bad.content.decode()


@pytest.mark.parametrize("n", [1, 120])
def test_the_log_page_query_count_is_constant(client, world, django_assert_max_num_queries, n):
    AuditEvent.objects.bulk_create(
        AuditEvent(action=Action.EXPORTED, user=world.lead_a, username="lead_a", what=f"f{i}")
        for i in range(n)
    )
    client.force_login(world.admin)
    newest = AuditEvent.objects.order_by("-pk").first().pk
    with django_assert_max_num_queries(5) as queries:
        response = client.get("/audit/", {"before": newest - 50} if n > 50 else {})
    assert response.status_code == 200
    assert not [
        q for q in queries.captured_queries if "COUNT(" in q["sql"].upper() and "audit" in q["sql"]
    ]


def test_older_and_newer_links_walk_every_event_once(client, world):
    AuditEvent.objects.bulk_create(
        AuditEvent(action=Action.EXPORTED, username="lead_a", what=f"file-{i:03}.csv")
        for i in range(120)
    )
    AuditEvent.objects.create(action=Action.SIGN_IN_FAILED, username="someone")
    client.force_login(world.admin)
    seen, pages, url = [], [], "/audit/?action=exported"
    while url:
        page = client.get(url).context
        pages.append(page)
        seen += [event.what for event in page["events"]]
        url = f"/audit/?action=exported&before={page['older']}" if page["older"] else None
    assert len(pages) == 3 and [len(p["events"]) for p in pages] == [50, 50, 20]
    assert seen == [f"file-{i:03}.csv" for i in reversed(range(120))]
    back = client.get(f"/audit/?action=exported&after={pages[2]['newer']}").context
    assert [e.what for e in back["events"]] == seen[50:100]
    assert "Newer" in client.get(f"/audit/?before={pages[1]['older']}").content.decode()


@pytest.mark.parametrize("cursor", ["99999999999999999999999", "-1", "abc", ""])
def test_a_made_up_position_in_the_log_shows_a_page_not_an_error(client, world, cursor):
    AuditEvent.objects.create(action=Action.EXPORTED, username="lead_a", what="sites.csv")
    client.force_login(world.admin)
    for key in ("before", "after"):
        assert client.get("/audit/", {key: cursor}).status_code == 200


def test_the_admin_shows_the_log_read_only(client, world):
    AuditEvent.objects.create(action=Action.EXPORTED, username="lead_a", what="sites.csv")
    client.force_login(world.admin)
    assert "sites.csv" in client.get("/admin/audit/auditevent/").content.decode()
    event = AuditEvent.objects.get()
    response = client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
