import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from design.forms import NhsFormMixin

LONGEST_DAYS = 366


class TokenForm(NhsFormMixin, forms.Form):
    """A token's name, what it reads and until when. The choices are what the person may
    issue: their own sites for a lead; any site, any consultant or the whole programme for the
    administrator."""

    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What will read with it, for example “Board Power BI report”.",
    )
    reads = forms.ChoiceField(label="What it reads")
    expires_on = forms.DateField(label="Works until")
    prompts = {"reads": "Choose what it reads"}

    def __init__(self, *args, choices, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        example = today + datetime.timedelta(days=90)
        self.fields[
            "expires_on"
        ].help_text = f"At most a year from today. For example, {example:%-d %-m %Y}."
        self.fields["reads"].choices = [("", "Choose what it reads"), *choices]
        self.helper = FormHelper()
        self.helper.add_input(Submit("issue", "Issue the token"))

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day <= self.today:
            raise forms.ValidationError("The date must be after today.")
        if day > self.today + datetime.timedelta(days=LONGEST_DAYS):
            raise forms.ValidationError("The date must be within a year from today.")
        return day
