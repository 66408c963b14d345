import pytest
from django.urls import reverse

from sites.models import Person, ProjectGroupMember, Site
from tests.sites.budgets import SITE_PAGE_QUERIES
from tests.sites.factories import ProjectGroupMemberFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_lead_sees_only_their_own_site_in_the_directory(client, world):
    client.force_login(world.lead_a)
    response = client.get(reverse("sites:site-list"))
    assert list(response.context["page"]) == [world.site_a]


def test_consultant_sees_every_site_and_filters_by_category_and_name(client, world):
    SiteFactory(name="Gamma Demonstration Trust", slug="gamma", category="demonstration")
    client.force_login(world.consultant)
    response = client.get(reverse("sites:site-list"), {"category": "demonstration"})
    names = [site.name for site in response.context["page"]]
    assert names == ["Beta Health Board", "Gamma Demonstration Trust"]
    response = client.get(reverse("sites:site-list"), {"q": "gamma"})
    assert [site.slug for site in response.context["page"]] == ["gamma"]


def test_directory_reports_a_bad_filter_value_instead_of_failing(client, world):
    client.force_login(world.consultant)
    response = client.get(reverse("sites:site-list"), {"category": "nonsense"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_directory_paginates_and_keeps_the_filter_in_page_links(client, world):
    SiteFactory.create_batch(30, region="wales")
    client.force_login(world.admin)
    response = client.get(reverse("sites:site-list"), {"region": "wales"})
    assert response.context["page"].paginator.count == 30
    assert len(response.context["page"]) == 25
    assert "region=wales&amp;page=2" in response.content.decode()
    response = client.get(reverse("sites:site-list"), {"region": "wales", "page": "99"})
    assert response.context["page"].number == 2


@pytest.mark.parametrize("sites", [30, 300])
def test_directory_query_count_does_not_grow_with_the_programme(
    client, world, django_assert_max_num_queries, sites
):
    for site in SiteFactory.create_batch(sites):
        ProjectGroupMemberFactory(site=site, perspective="carer")
    client.force_login(world.consultant)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("sites:site-list"))
    assert len(response.context["page"]) == 25
    assert "1 service user or carer" in response.content.decode()


def test_site_page_shows_the_group_and_says_why_it_is_not_co_produced(client, world):
    client.force_login(world.member_a)
    page = client.get(reverse("sites:site-detail", args=["alpha"])).content.decode()
    assert "Not yet co-produced" in page
    assert "no service users or carers" in page
    assert "No board sponsor is named" in page
    ProjectGroupMemberFactory(site=world.site_a, perspective="service_user")
    ProjectGroupMemberFactory(site=world.site_a, role="board_sponsor", perspective="manager")
    page = client.get(reverse("sites:site-detail", args=["alpha"])).content.decode()
    assert "Not yet co-produced" not in page
    assert "Co-produced" in page


def test_site_page_query_count_does_not_grow_with_the_group(
    client, world, django_assert_max_num_queries
):
    ProjectGroupMemberFactory.create_batch(20, site=world.site_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        client.get(reverse("sites:site-detail", args=["alpha"]))


def test_lead_adds_a_carer_without_an_account(client, world):
    client.force_login(world.lead_a)
    response = client.post(
        reverse("sites:member-add", args=["alpha"]),
        {"full_name": "Mary Trelawny", "email": "", "role": "member", "perspective": "carer"},
    )
    assert response.status_code == 302
    member = world.site_a.project_group.get(person__full_name="Mary Trelawny")
    assert member.person.user is None and member.perspective == "carer"


def test_adding_a_known_email_reuses_that_person(client, world):
    known = Person.objects.create(full_name="Dan Ellery", email="dan@example.org")
    client.force_login(world.lead_a)
    client.post(
        reverse("sites:member-add", args=["alpha"]),
        {
            "full_name": "Daniel Ellery",
            "email": "DAN@example.org",
            "role": "member",
            "perspective": "service_user",
        },
    )
    assert world.site_a.project_group.get(person=known).perspective == "service_user"


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {"full_name": "", "role": "member", "perspective": "carer"},
            "full_name",
            "Enter the full name",
        ),
        (
            {"full_name": "A", "email": "not-an-email", "role": "member", "perspective": "carer"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"full_name": "A", "role": "chair", "perspective": "carer"},
            "role",
            "Select the role from the list",
        ),
        (
            {
                "full_name": "A",
                "email": f"{'a' * 64}@{'b' * 250}.org",
                "role": "member",
                "perspective": "carer",
            },
            "email",
            "Email must be 254 characters or fewer",
        ),
        (
            {"full_name": "A", "role": "member", "perspective": "carer", "joined_on": "31/31/2011"},
            "joined_on",
            "Joined on must be a real date, like 27 3 2026",
        ),
    ],
)
def test_bad_member_input_gets_a_form_error_and_saves_nothing(client, world, data, field, message):
    client.force_login(world.lead_a)
    before = ProjectGroupMember.objects.count()
    response = client.post(reverse("sites:member-add", args=["alpha"]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert ProjectGroupMember.objects.count() == before


def test_the_same_email_cannot_join_a_group_twice(client, world):
    client.force_login(world.lead_a)
    response = client.post(
        reverse("sites:member-add", args=["alpha"]),
        {
            "full_name": "Someone",
            "email": world.member_a.email,
            "role": "member",
            "perspective": "clinician",
        },
    )
    assert "already in the project group" in response.content.decode()


def test_lead_edits_and_removes_a_member(client, world):
    member = world.site_a.project_group.get(person__user=world.member_a)
    client.force_login(world.lead_a)
    client.post(
        reverse("sites:member-edit", args=["alpha", member.pk]),
        {
            "full_name": "Sam Okafor",
            "email": world.member_a.email,
            "role": "board_sponsor",
            "perspective": "manager",
        },
    )
    member.refresh_from_db()
    assert member.role == "board_sponsor" and member.person.full_name == "Sam Okafor"
    client.post(reverse("sites:member-remove", args=["alpha", member.pk]))
    assert not ProjectGroupMember.objects.filter(pk=member.pk).exists()
    assert Person.objects.filter(pk=member.person_id).exists()


def test_lead_cannot_touch_a_member_of_another_sites_group(client, world):
    other = world.site_b.project_group.first()
    client.force_login(world.lead_a)
    response = client.post(reverse("sites:member-remove", args=["alpha", other.pk]))
    assert response.status_code == 404
    assert ProjectGroupMember.objects.filter(pk=other.pk).exists()


def test_site_edit_rejects_a_duplicate_name_and_a_bad_date(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("sites:site-edit", args=["alpha"]),
        {
            "name": "Beta Health Board",
            "organisation_type": "nhs_trust",
            "category": "pilot",
            "region": "london",
            "date_joined": "2011-02-30",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "already exists" in errors["name"][0]
    assert errors["date_joined"] == ["Date joined must be a real date, like 27 3 2026"]
    world.site_a.refresh_from_db()
    assert world.site_a.name == "Alpha Partnership NHS Trust"


def test_lead_saves_the_entry_evidence(client, world):
    client.force_login(world.lead_a)
    response = client.post(
        reverse("sites:site-edit", args=["alpha"]),
        {
            "name": "Alpha Partnership NHS Trust",
            "organisation_type": "nhs_trust",
            "category": "pilot",
            "region": "london",
            "date_joined": "2011-04-01",
            "is_active": "on",
            "partners_with_independent_providers": "on",
            "independent_partnership_evidence": "Joint crisis house with Mind",
            "collaborates_with_user_carer_groups": "on",
        },
    )
    assert response.status_code == 302
    site = Site.objects.get(slug="alpha")
    assert site.meets_entry_criteria
    assert site.independent_partnership_evidence == "Joint crisis house with Mind"


def test_site_edit_form_shows_the_joined_date_as_day_month_and_year(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("sites:site-edit", args=["alpha"])).content.decode()
    for name, value in [("day", "1"), ("month", "4"), ("year", "2011")]:
        assert f'name="date_joined_{name}" type="text" inputmode="numeric" value="{value}"' in page


def test_the_date_is_read_from_day_month_and_year_boxes(client, world):
    client.force_login(world.admin)
    data = {
        "name": "Alpha Partnership NHS Trust",
        "organisation_type": "nhs_trust",
        "category": "pilot",
        "region": "london",
        "date_joined_day": "7",
        "date_joined_month": "3",
        "date_joined_year": "2012",
    }
    response = client.post(reverse("sites:site-edit", args=["alpha"]), data)
    assert response.status_code == 302
    world.site_a.refresh_from_db()
    assert world.site_a.date_joined.isoformat() == "2012-03-07"
