"""The multiple site chooser (consultant assignment, learning-set members): a bounded list of
checkboxes at any size of programme, a search that works without JavaScript, the chosen sites
always listed and ticked, ids checked against the sites the form may choose, and suggestions
that stay within the person's sites."""

import re

import pytest
from django.urls import reverse

from learning_sets.models import LearningSet
from sites.choosers import LISTED
from sites.models import Site
from tests.learning_sets.factories import LearningSetFactory
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db
ASSIGN = "/accounts/consultants/assign/"


def many_sites(n: int, **fields) -> list[Site]:
    return [SiteFactory(name=f"Trust {i:03d}", slug=f"trust-{i:03d}", **fields) for i in range(n)]


def ticks(html: str) -> list[str]:
    """The values of the chooser's checkboxes, ticked ones marked with a star."""
    return [
        value + ("*" if " checked" in tag else "")
        for tag, value in re.findall(r'(<input[^>]*name="sites"[^>]*value="(\d+)"[^>]*>)', html)
    ]


@pytest.mark.parametrize("n", [1, 60])
def test_the_forms_list_at_most_fifty_sites_in_the_same_queries_whatever_the_programme(
    client, world, django_assert_max_num_queries, n
):
    many_sites(n)
    client.force_login(world.admin)
    with django_assert_max_num_queries(10):
        html = client.get(ASSIGN).content.decode()
    assert len(ticks(html)) == min(n + 2, LISTED)  # the world's two sites and the trusts
    if n == 60:
        assert "12 more sites match: refine your search to list them." in html
    client.force_login(world.organiser)
    with django_assert_max_num_queries(12):
        html = client.get("/learning-sets/new/").content.decode()
    assert len(ticks(html)) == min(n + 2, LISTED) and "<option" in html  # the filters only


def test_without_javascript_a_search_narrows_the_list_keeps_the_ticked_sites_and_saves_nothing(
    client, world
):
    trusts = many_sites(60)
    many_sites_in_wales = [
        SiteFactory(name=f"Welsh board {i}", slug=f"welsh-{i}", region="wales") for i in range(3)
    ]
    before = set(world.consultant.consulted_sites.all())
    client.force_login(world.admin)
    searched = {"consultant": world.consultant.pk, "sites": [trusts[0].pk], "sites_search": "1"}
    response = client.post(ASSIGN, {**searched, "sites_q": "trust 05"})
    assert response.status_code == 200 and not response.context["form"].errors
    assert ticks(response.content.decode()) == [f"{trusts[0].pk}*"] + [
        str(site.pk) for site in trusts[50:60]
    ]
    response = client.post(ASSIGN, {**searched, "sites_region": "wales"})
    assert ticks(response.content.decode()) == [f"{trusts[0].pk}*"] + [
        str(site.pk) for site in many_sites_in_wales
    ]
    assert set(world.consultant.consulted_sites.all()) == before

    response = client.post(
        ASSIGN, {"consultant": world.consultant.pk, "sites": [trusts[0].pk, trusts[55].pk]}
    )
    assert response.status_code == 302
    assert set(world.consultant.consulted_sites.all()) == before | {trusts[0], trusts[55]}


@pytest.mark.parametrize("value", [str(2**70), "-1", "abc", "999999"])
def test_an_id_outside_the_choosable_sites_is_refused(client, world, value):
    before = set(world.consultant.consulted_sites.all())
    archived = SiteFactory(name="Closed trust", slug="closed", is_active=False)
    client.force_login(world.admin)
    for sites in ([value], [world.site_a.pk, archived.pk]):
        response = client.post(ASSIGN, {"consultant": world.consultant.pk, "sites": sites})
        assert response.status_code == 200
        assert response.context["form"].errors["sites"]
    assert set(world.consultant.consulted_sites.all()) == before


def test_a_learning_sets_members_stay_listed_and_ticked_whatever_the_search(client, world):
    trusts = many_sites(60)
    learning_set = LearningSetFactory(name="Set of two")
    learning_set.sites.set([world.site_a, trusts[59]])
    client.force_login(world.organiser)
    html = client.get(f"/learning-sets/{learning_set.pk}/edit/").content.decode()
    assert ticks(html)[:2] == [f"{world.site_a.pk}*", f"{trusts[59].pk}*"]
    assert len(ticks(html)) == 2 + LISTED
    response = client.post(
        f"/learning-sets/{learning_set.pk}/edit/",
        {
            "name": "Set of two",
            "sites": [world.site_a.pk, trusts[59].pk],
            "sites_q": "beta",
            "sites_search": "1",
            "start_date": "2011-10-01",
            "status": "planning",
        },
    )
    assert ticks(response.content.decode()) == [
        f"{world.site_a.pk}*",
        f"{trusts[59].pk}*",
        str(world.site_b.pk),
    ]
    assert set(LearningSet.objects.get().sites.all()) == {world.site_a, trusts[59]}


def suggest(client, **params) -> list[str]:
    response = client.get(reverse("sites:site-search"), {"scope": "active", **params})
    assert response.status_code == 200
    return [site["name"] for site in response.json()["results"]]


def test_suggestions_are_active_sites_of_the_persons_narrowed_by_category_and_region(
    client, world, django_assert_max_num_queries
):
    many_sites(30)
    SiteFactory(name="Trust of Wales", slug="wales", region="wales", category="pilot")
    SiteFactory(name="Trust closed", slug="closed", is_active=False)
    client.force_login(world.admin)
    with django_assert_max_num_queries(4):
        assert len(suggest(client, q="trust")) == 10
    assert "Trust closed" not in suggest(client, q="trust c")
    assert suggest(client, q="trust", region="wales") == ["Trust of Wales"]
    assert suggest(client, q="trust", category="demonstration", region="wales") == []
    assert len(suggest(client, q="trust", region="nowhere")) == 10  # a tampered filter: ignored
    [first] = client.get(reverse("sites:site-search"), {"q": "trust of"}).json()["results"]
    assert first["id"] and first["region"] == "Wales"
    client.force_login(world.lead_a)
    assert suggest(client, q="trust") == [world.site_a.name] == suggest(client, q="alpha")
