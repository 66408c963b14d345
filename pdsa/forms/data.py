"""Entering an indicator's values: a grid of rows to type, a box to paste spreadsheet cells
or CSV into, and correcting one value. Nothing is saved unless every row is good."""

import datetime

from django import forms

from design.forms import NhsFormMixin

from ..csv_import import DATE_FORMAT_HELP, check_counts, parse_lines, parse_rows
from ..models import DataPoint, Indicator
from .base import DATE, helper

GRID_ROWS = 10
MAX_PASTE = 200_000  # characters: years of daily values


class DataGridForm(NhsFormMixin, forms.Form):
    paste = forms.CharField(
        label="Paste from a spreadsheet or CSV",
        required=False,
        max_length=MAX_PASTE,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Copy the cells (date, value and, if you like, note; for a percentage also "
        f"numerator and denominator) and paste them here. Dates as {DATE_FORMAT_HELP}.",
    )

    def __init__(self, *args, indicator: Indicator, today: datetime.date, **kwargs):
        self.indicator = indicator
        self.latest = None if indicator.expects_forecasts else today
        super().__init__(*args, **kwargs)
        self.columns = ["date", "value", "note"]
        if indicator.is_percentage:
            self.columns += ["numerator", "denominator"]
        for i in range(GRID_ROWS):
            self.fields[f"date_{i}"] = forms.CharField(required=False, widget=DATE)
            self.fields[f"value_{i}"] = forms.CharField(required=False)
            self.fields[f"note_{i}"] = forms.CharField(required=False, max_length=300)
            if indicator.is_percentage:
                self.fields[f"numerator_{i}"] = forms.CharField(required=False)
                self.fields[f"denominator_{i}"] = forms.CharField(required=False)
            for column in self.columns:
                self.fields[f"{column}_{i}"].label = f"{column.capitalize()}, row {i + 1}"

    def grid(self) -> list[list]:
        """The rows of bound fields, for the template's table."""
        return [[self[f"{column}_{i}"] for column in self.columns] for i in range(GRID_ROWS)]

    def clean(self):
        data = super().clean()
        existing = set(self.indicator.data_points.values_list("date", flat=True))
        typed = [
            (f"Row {i + 1}", [data.get(f"{column}_{i}") or "" for column in self.columns])
            for i in range(GRID_ROWS)
        ]
        typed = [(label, fields) for label, fields in typed if any(f.strip() for f in fields)]
        rows, errors = [], []
        if typed:
            if not self.indicator.is_percentage:
                typed = [(label, fields[:3]) for label, fields in typed]
            rows, errors = parse_lines(typed, existing, self.indicator.value_problem, self.latest)
        if (data.get("paste") or "").strip():
            pasted, pasted_errors = parse_rows(
                data["paste"], existing, self.indicator.value_problem, self.latest
            )
            errors += [f"Pasted {e[0].lower()}{e[1:]}" for e in pasted_errors]
            typed_dates = {row[0] for row in rows}
            errors += [
                f"{row[0]:%-d %B %Y} is both typed and pasted."
                for row in pasted
                if row[0] in typed_dates
            ]
            rows += pasted
        if not rows and not errors:
            # Said at the first box, so the error summary leads there.
            self.add_error("date_0", "Type at least one date and value, or paste some rows.")
            return data
        if errors:
            raise forms.ValidationError(["Nothing was added. Fix these rows:", *errors])
        data["rows"] = rows
        return data

    def rows(self):
        return self.cleaned_data["rows"]


class DataPointEditForm(NhsFormMixin, forms.ModelForm):
    """Correct one value; the same checks as the grid."""

    class Meta:
        model = DataPoint
        fields = ["date", "value", "note", "numerator", "denominator"]
        widgets = {"date": DATE}

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["value"].required = False
        self.fields["value"].help_text = "Leave empty to compute it from the counts."
        self.helper = helper("Save the value")
        if not self.instance.indicator.is_percentage:
            del self.fields["numerator"], self.fields["denominator"]

    def clean(self):
        data = super().clean()
        indicator = self.instance.indicator
        date = data.get("date")
        if date and not indicator.expects_forecasts and date > self.today:
            self.add_error("date", "The date cannot be in the future for this indicator.")
        taken = indicator.data_points.filter(date=date).exclude(pk=self.instance.pk)
        if date and taken.exists():
            self.add_error("date", f"{date:%-d %B %Y} already has a value.")
        value, wrong = check_counts(
            data.get("value"), data.get("numerator"), data.get("denominator")
        )
        for message in wrong:
            self.add_error(None, message[0].upper() + message[1:] + ".")
        if value is None and not wrong:
            self.add_error("value", "Enter a number.")
        elif value is not None and (problem := indicator.value_problem(value)):
            self.add_error("value", problem)
        data["value"] = value
        return data

    def _post_clean(self):
        """The service saves."""

    def changes(self) -> dict:
        return {
            name: self.cleaned_data.get(name) for name in self._meta.fields if name in self.fields
        }
