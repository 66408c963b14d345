"""A tampered choice posting an id no column can hold is "Select a valid choice", never a
500, on SQLite as on PostgreSQL (the fuzz found ``OverflowError`` on the default install)."""

import pytest
from django import forms

from sites.models import Site

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = [str(2**63), str(-(2**63) - 1), str(2**70)]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_a_choice_of_many_with_an_id_out_of_range_is_not_a_valid_choice(world, value):
    field = forms.ModelMultipleChoiceField(queryset=Site.objects.all())
    with pytest.raises(forms.ValidationError) as error:
        field.clean([str(world.site_a.pk), value])
    assert error.value.code == "invalid_choice"


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_a_single_choice_with_an_id_out_of_range_is_not_a_valid_choice(world, value):
    field = forms.ModelChoiceField(queryset=Site.objects.all())
    with pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    assert error.value.code == "invalid_choice"


def test_a_list_of_ids_drops_only_the_ones_out_of_range(world):
    sites = Site.objects.filter(pk__in=[world.site_a.pk, 2**63, -(2**63) - 1])
    assert list(sites) == [world.site_a]
    assert not Site.objects.filter(pk__in=[2**64]).exists()
