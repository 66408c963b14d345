"""The benchmark's floor page: signed-in people get the bare base template, cheaply."""

import pytest

from tests.browser import assert_accessible


def test_the_floor_page_is_the_base_template_for_anyone_signed_in(
    world, client, django_assert_max_num_queries
):
    client.force_login(world.member_a)
    client.get("/healthz/floor")
    with django_assert_max_num_queries(3):
        response = client.get("/healthz/floor")
    assert response.status_code == 200
    assert "Signed in" in response.content.decode()


def test_the_floor_page_asks_anonymous_visitors_to_sign_in(db, client):
    response = client.get("/healthz/floor")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_floor_page_is_accessible(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/healthz/floor")
    assert_accessible(page)
