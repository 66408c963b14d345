import datetime
from decimal import Decimal

import pytest

from peer_support import checklist, services
from peer_support.models import ChecklistEntry, PeerPost, RecruitmentRound
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_a_lead_records_checklist_items_and_the_stage_moves_on(client, world):
    client.force_login(world.lead_a)
    base = f"/peer-support/sites/{world.site_a.slug}"
    for item in checklist.ITEMS[:5]:  # the whole of preparation
        response = client.post(
            f"{base}/checklist/{item.key}/", {"done_on": "2012-01-10", "evidence": "Minutes"}
        )
        assert response.status_code == 302
    page = client.get(f"{base}/").content.decode()
    assert "Working on: Recruitment (0 of 5 done)" in page
    assert page.count("nhsuk-tag--green") == 5


def test_undoing_an_item_and_a_future_date_is_refused(client, world):
    client.force_login(world.member_a)
    url = f"/peer-support/sites/{world.site_a.slug}/checklist/terms/"
    response = client.post(url, {"done_on": "2099-01-01", "evidence": ""})
    assert "must be today or in the past" in response.content.decode()
    assert not ChecklistEntry.objects.exists()
    client.post(url, {"done_on": "2012-01-01", "evidence": ""})
    client.post(url, {"undo": "1"})
    assert not ChecklistEntry.objects.exists()


def test_an_unknown_checklist_item_is_not_found(client, world):
    client.force_login(world.lead_a)
    assert (
        client.get(f"/peer-support/sites/{world.site_a.slug}/checklist/nonsense/").status_code
        == 404
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"applicants": 5, "interviewed": 9, "appointed": 1}, "cannot be more than the applicants"),
        (
            {"applicants": 9, "interviewed": 5, "appointed": 6},
            "cannot be more than those interviewed",
        ),
        ({"applicants": 10**12, "interviewed": 1, "appointed": 1}, "must be 10000 or less"),
        ({"applicants": -1, "interviewed": 0, "appointed": 0}, "must be 0 or more"),
    ],
)
def test_a_recruitment_round_that_does_not_add_up_is_refused(client, world, data, message):
    client.force_login(world.lead_a)
    response = client.post(
        f"/peer-support/sites/{world.site_a.slug}/rounds/new/", {"opened_on": "2012-02-01", **data}
    )
    assert message in response.content.decode()
    assert not RecruitmentRound.objects.exists()


def test_posts_by_team_add_up_on_the_site_and_programme_pages(client, world):
    client.force_login(world.lead_a)
    url = f"/peer-support/sites/{world.site_a.slug}/posts/new/"
    client.post(url, {"team": "Acute ward", "head_count": 3, "wte": "2.5"})
    client.post(url, {"team": "Home treatment", "head_count": 2, "wte": "1.5"})
    duplicate = client.post(url, {"team": "acute ward", "head_count": 1, "wte": "1"})
    assert "already has a row" in duplicate.content.decode()
    too_much = client.post(url, {"team": "Crisis", "head_count": 1, "wte": "1.5"})
    assert "between 0 and the people employed" in too_much.content.decode()
    assert PeerPost.objects.count() == 2
    assert (
        "5 peer support workers employed (4 whole-time equivalent)"
        in client.get(f"/peer-support/sites/{world.site_a.slug}/").content.decode()
    )
    client.force_login(world.consultant)
    overview = client.get("/peer-support/").content.decode()
    assert "5 people (4 whole-time equivalent)" in overview


def test_a_consultant_reads_but_cannot_record_and_an_outsider_sees_nothing(client, world):
    client.force_login(world.consultant)
    base = f"/peer-support/sites/{world.site_a.slug}"
    assert "Record" not in client.get(f"{base}/").content.decode().split("</h1>", 1)[1]
    assert (
        client.post(f"{base}/posts/new/", {"team": "X", "head_count": 1, "wte": 1}).status_code
        == 403
    )
    client.force_login(world.lead_b)
    assert client.get(f"{base}/").status_code == 404
    overview = client.get("/peer-support/").content.decode()
    assert world.site_a.name not in overview and world.site_b.name in overview


@pytest.mark.parametrize("n_sites", [2, 40])
def test_the_overview_and_site_page_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n_sites
):
    for _ in range(n_sites):
        site = SiteFactory()
        services.checklist_record(
            site=site, item="terms", done_on=datetime.date(2012, 1, 1), evidence="", by=None
        )
        services.post_save(site=site, team="Ward", head_count=2, wte=Decimal("2"))
        services.round_save(
            site=site, opened_on=datetime.date(2012, 1, 1), applicants=5, interviewed=3, appointed=2
        )
    client.force_login(world.consultant)
    with django_assert_max_num_queries(8):
        assert client.get("/peer-support/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/peer-support/sites/{world.site_a.slug}/").status_code == 200


def test_the_stage_a_site_has_reached_follows_the_method_order():
    assert checklist.stage_reached(set()) == "preparation"
    preparation = {i.key for i in checklist.ITEMS if i.stage == "preparation"}
    assert checklist.stage_reached(preparation) == "recruitment"
    assert checklist.stage_reached({i.key for i in checklist.ITEMS}) is None


def test_the_demo_loads_programmes_at_different_stages(world):
    from peer_support import demo
    from sites.models import Site

    for name, *_ in demo.PROGRAMMES:
        SiteFactory(name=name)
    demo.load(today=datetime.date(2026, 12, 1))
    stages = {
        site.name: checklist.stage_reached(set(site.peer_checklist.values_list("item", flat=True)))
        for site in Site.objects.filter(name__in=[p[0] for p in demo.PROGRAMMES])
    }
    assert len(set(stages.values())) == 4
