"""A sign-in with a username longer than any account's, on our form and the admin's: the
form's message, the attempt recorded (django-axes keeps usernames in 255 characters), never
a 500 on PostgreSQL."""

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/?next=/admin/"])
def test_a_username_too_long_for_any_account_is_refused_and_recorded(client, world, url):
    username = "x" * 300
    response = client.post(url, {"username": username, "password": "wrong"})
    assert response.status_code == 200
    assert "errornote" in response.content.decode() or (
        "That username and password do not match an account" in response.content.decode()
    )
    assert AccessAttempt.objects.get().username == username[:150]
