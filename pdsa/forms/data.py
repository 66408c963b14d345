"""Entering an indicator's values: a grid of rows to type, a box to paste spreadsheet cells
or CSV into, and correcting one value. Nothing is saved unless every row is good."""

import datetime

from django import forms

from design.forms import NhsFormMixin
from imroc.dates import long_date

from ..csv_import import DATE_FORMAT_HELP, LINE_LIMIT, check_counts, check_line, parse_rows
from ..models import DataPoint, Indicator
from .base import DATE, helper

GRID_ROWS = 10  # shown; the page's script adds rows for a longer pasted block
MAX_GRID_ROWS = 1_000
MAX_PASTE = 200_000  # characters: years of daily values
COLUMN_NAMES = ("date", "value", "note", "numerator", "denominator")


def _grid_rows(data) -> int:
    """How many rows were sent: the shown ten, or more added by the page's script."""
    numbers = [
        int(key.rsplit("_", 1)[1])
        for key in (data or {})
        if key.startswith("date_") and key.rsplit("_", 1)[1].isdigit()
    ]
    return max(GRID_ROWS, min(max(numbers, default=0) + 1, MAX_GRID_ROWS))


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
        self.columns = list(COLUMN_NAMES[: 5 if indicator.is_percentage else 3])
        self.row_count = _grid_rows(self.data)
        for i in range(self.row_count):
            for column in self.columns:
                self.fields[f"{column}_{i}"] = forms.CharField(
                    required=False,
                    max_length=300 if column == "note" else LINE_LIMIT,
                    label=f"{column.capitalize()}, row {i + 1}",
                )

    def grid(self) -> list[list]:
        """The rows of (column, bound field), for the template's table."""
        return [
            [(column, self[f"{column}_{i}"]) for column in self.columns]
            for i in range(self.row_count)
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        existing = set(self.indicator.data_points.values_list("date", flat=True))
        rows, seen, typed = [], {}, 0
        for i in range(self.row_count):
            fields = [data.get(f"{column}_{i}") or "" for column in self.columns]
            row, problems = check_line(
                f"Row {i + 1}", fields, seen, existing, self.indicator.value_problem, self.latest
            )
            typed += any(f.strip() for f in fields)
            for column, text in problems:
                # Beside its cell, and the error summary links there (the NHS error pattern).
                self.add_error(f"{self.columns[column]}_{i}", f"Row {i + 1}: {text}.")
            if row is not None:
                rows.append((i, row))
        if (data.get("paste") or "").strip():
            pasted, pasted_errors = parse_rows(
                data["paste"], existing, self.indicator.value_problem, self.latest
            )
            for error in pasted_errors:
                self.add_error("paste", f"Pasted {error[0].lower()}{error[1:]}")
            pasted_dates = {row[0] for row in pasted}
            for i, row in rows:
                if row[0] in pasted_dates:
                    self.add_error(f"date_{i}", f"{long_date(row[0])} is both typed and pasted.")
            rows += [(None, row) for row in pasted]
        if not rows and not typed and not self.errors:
            # Said at the first box, so the error summary leads there.
            self.add_error("date_0", "Type at least one date and value, or paste some rows.")
        if not self.errors:
            data["rows"] = [row for _, row in rows]
        return data

    def rows(self):
        return self.cleaned_data["rows"]


class DataPointEditForm(NhsFormMixin, forms.ModelForm):
    """Correct one value; the same checks as the grid."""

    class Meta:
        model = DataPoint
        fields = ["date", "value", "note", "numerator", "denominator", "left_out_because"]
        widgets = {"date": DATE}
        help_texts = {
            "left_out_because": "Only for a value that does not belong with the rest, for "
            "example a recording error or a week the ward was closed. It stays on the charts "
            "(hollow) and in the table, but the centre lines and limits are worked out "
            "without it. Leave empty to keep it in the calculations."
        }

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
            self.add_error("date", f"{long_date(date)} already has a value.")
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
