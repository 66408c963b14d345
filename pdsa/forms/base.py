from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from design.forms import NhsFormMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def helper(label: str) -> FormHelper:
    h = FormHelper()
    h.add_input(Submit("save", label))
    return h


class VersionedForm(NhsFormMixin, forms.Form):
    """Carries the version the user started from, so a stale save is caught, not lost."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    conflict = None  # set by the view to the services.Conflict of a stale save
