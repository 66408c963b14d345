"""Assessments the demo loads without an author, and tampered formset counts, answer with a
page, never a server error."""

import datetime

import pytest
from django.urls import reverse

from challenges.models import Assessment

from .factories import assess
from .test_views import create_url, form_data

pytestmark = pytest.mark.django_db

TAMPERED = ["99999999", str(2**63), "-1", "lots", ""]


def test_an_assessment_with_no_recorded_author_shows_on_its_page_and_in_the_list(client, world):
    assessment = assess(world.site_a, [1] * 10, by=None)
    assert assessment.created_by is None
    client.force_login(world.lead_a)
    detail = client.get(assessment.get_absolute_url())
    assert detail.status_code == 200
    assert (
        'Recorded by</dt><dd class="nhsuk-summary-list__value">Unknown on'
        in detail.content.decode()
    )
    listing = client.get(reverse("challenges:assessment-list", args=[world.site_a.slug]))
    assert listing.status_code == 200
    assert "Unknown" in listing.content.decode()


@pytest.mark.parametrize("count", TAMPERED)
@pytest.mark.parametrize("prefix", ["rating", "guest"])
def test_a_tampered_row_count_on_a_new_assessment_is_a_form_error(client, world, prefix, count):
    """A negative count of the optional guest rows reads as none (nothing to refuse)."""
    client.force_login(world.lead_a)
    response = client.post(
        create_url(world.site_a), form_data(world, **{f"{prefix}-TOTAL_FORMS": count})
    )
    if (prefix, count) == ("guest", "-1"):
        assert response.status_code == 302
        return
    assert response.status_code == 200
    entry = response.context["entry"]
    assert len(entry.ratings.forms) <= 10 and len(entry.guests.forms) <= 10
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("count", TAMPERED)
def test_a_tampered_row_count_on_the_edit_page_is_a_form_error(client, world, count):
    assessment = assess(world.site_a, [1] * 10, by=world.lead_a, on=datetime.date(2012, 1, 10))
    client.force_login(world.lead_a)
    url = reverse("challenges:assessment-edit", args=[world.site_a.slug, assessment.pk])
    response = client.post(url, form_data(world, **{"rating-TOTAL_FORMS": count}))
    assert response.status_code == 200
    assert len(response.context["entry"].ratings.forms) <= 10
    assert "Please submit" in response.content.decode() or "tampered" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.notes == ""
