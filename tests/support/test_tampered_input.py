"""A review's action rows: a tampered count is a form error on the page, answered at once."""

import pytest

from support.models import ProgressReview

from .test_views import review_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", ["99999999", str(2**63), "lots"])
def test_a_tampered_action_count_is_a_form_error_and_saves_nothing(client, world, count):
    client.force_login(world.consultant)
    response = client.post(
        "/support/sites/alpha/reviews/add/", review_post(**{"actions-TOTAL_FORMS": count})
    )
    assert response.status_code == 200
    formset = response.context["formset"]
    assert len(formset.forms) <= 50
    assert formset.non_form_errors()
    assert not ProgressReview.objects.exists()
