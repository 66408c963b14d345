from django import forms

from design.forms import NhsFormMixin
from imroc.dates import long_date

from ..models import Indicator, Phase
from .base import DATE, helper


class PhaseForm(NhsFormMixin, forms.ModelForm):
    """Where a new phase starts and why; one phase a date, after the first value."""

    class Meta:
        model = Phase
        fields = ["starts_on", "reason"]
        widgets = {"starts_on": DATE}
        help_texts = {
            "starts_on": "The first date measured with the change in place.",
            "reason": "For example: cycle 3 adopted, peer workers on every ward.",
        }

    def __init__(self, *args, indicator: Indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        self.helper = helper("Start the new phase")
        self.helper.form_tag = False  # the page's form also carries the cycle

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if self.indicator.phases.filter(starts_on=starts_on).exists():
            raise forms.ValidationError(f"A phase already starts on {long_date(starts_on)}.")
        first = self.indicator.data_points.order_by("date").values_list("date", flat=True).first()
        if first is not None and starts_on <= first:
            raise forms.ValidationError(
                f"A new phase starts after the first value ({long_date(first)})."
            )
        return starts_on
