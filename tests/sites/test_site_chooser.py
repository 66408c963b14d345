"""The site chooser: suggestions among the sites a person may see, and a name typed without
JavaScript resolved to one site or answered with what to do."""

import pytest
from django.urls import reverse

from reports.forms import SiteProgressReportForm
from tests.sites.factories import SiteFactory


def suggest(client, query: str) -> list[str]:
    response = client.get(reverse("sites:site-search"), {"q": query})
    assert response.status_code == 200
    return [site["name"] for site in response.json()["results"]]


def test_suggestions_start_with_the_typed_letters_and_stay_within_the_readers_sites(client, world):
    SiteFactory(name="Health Partnership of Somewhere", slug="somewhere")
    client.force_login(world.admin)
    assert suggest(client, "he") == [
        "Health Partnership of Somewhere",  # starts with it
        "Beta Health Board",
    ]
    assert suggest(client, "h") == []  # two letters at least
    client.force_login(world.lead_a)
    assert suggest(client, "he") == []
    assert suggest(client, "alpha") == [world.site_a.name]


def test_suggestions_need_a_signed_in_person_and_never_fail(client, world):
    assert client.get(reverse("sites:site-search"), {"q": "al"}).status_code == 302
    client.force_login(world.admin)
    for query in ["x" * 5000, "%", "\x00", "' OR 1=1 --"]:
        assert client.get(reverse("sites:site-search"), {"q": query}).status_code == 200


def test_at_most_ten_suggestions_in_two_queries_whatever_the_programme(
    client, world, django_assert_max_num_queries
):
    for n in range(30):
        SiteFactory(name=f"Trust number {n}", slug=f"trust-{n}")
    client.force_login(world.admin)
    with django_assert_max_num_queries(4):
        names = suggest(client, "trust")
    assert len(names) == 10


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("Alpha Partnership NHS Trust", None),
        ("alpha partnership nhs trust", None),
        ("alpha", None),  # the slug
        ("Partnership", None),  # a part only one site has
        ("a", "More than one site has 'a' in its name"),
        ("Gamma", "No site you can choose has 'Gamma' in its name"),
        ("x" * 300, "No site's name is that long"),
        ("99999999999999999999999", "No site you can choose"),
        ("", "Type the site's name and choose it from the list"),
        ("a\x00b", "Type the site's name in letters"),
    ],
)
def test_a_typed_name_finds_one_site_or_says_what_to_do(world, typed, error):
    form = SiteProgressReportForm({"site-site": typed}, user=world.admin, prefix="site")
    if error is None:
        assert form.is_valid(), form.errors
        assert form.cleaned_data["site"] == world.site_a
    else:
        assert not form.is_valid()
        assert error in form.errors["site"][0]


def test_the_form_renders_a_search_box_not_an_option_per_site(world):
    html = SiteProgressReportForm(user=world.admin, prefix="site").as_p()
    assert "<option" not in html and "data-site-chooser" in html
    assert "accessible-autocomplete" in html
