from django import forms

from design.forms import NhsFormMixin

from ..csv_import import DATE_FORMAT_HELP, parse_rows
from ..models import VALUE_LIMIT, Indicator
from ..models.indicators import BASELINE_LEAST, BASELINE_MESSAGE
from .base import helper

MAX_UPLOAD = 1_000_000  # bytes: years of weekly data fit in a fraction of this


class IndicatorForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "better",
            "baseline",
            "target",
            "lowest",
            "highest",
            "data_interval_days",
            "expects_forecasts",
            "xmr_baseline",
            "xmr_run",
        ]
        widgets = {"better": forms.RadioSelect, "xmr_run": forms.RadioSelect}

    keeps_answers = frozenset({"xmr_run"})  # starts on the NHS default, 7; few change it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["xmr_baseline"].widget.attrs["min"] = BASELINE_LEAST
        self.fields["xmr_baseline"].error_messages["min_value"] = BASELINE_MESSAGE
        self.fields["data_interval_days"].widget.attrs["min"] = 1
        self.helper = helper("Save indicator")

    def clean(self):
        data = super().clean()
        low, high = data.get("lowest"), data.get("highest")
        if low is not None and high is not None and low >= high:
            self.add_error("highest", "The highest possible value must be above the lowest.")
            return data
        bounds = Indicator(lowest=low, highest=high)
        for name in ("baseline", "target"):
            value = data.get(name)
            problem = None if value is None else bounds.value_problem(value)
            if problem:
                self.add_error(name, problem)
        if self.instance.pk is not None and not self.errors:
            outside = self.instance.data_points.exclude(
                value__gte=VALUE_LIMIT * -1 if low is None else low,
                value__lte=VALUE_LIMIT if high is None else high,
            )
            if outside.exists():
                self.add_error(
                    None,
                    f"{outside.count()} recorded value(s) lie outside these bounds: "
                    "correct or delete them first.",
                )
        return data


class DataImportForm(NhsFormMixin, forms.Form):
    """Paste or upload CSV; nothing is imported unless every line is good."""

    text = forms.CharField(
        label="Paste CSV",
        required=False,
        max_length=MAX_UPLOAD,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"One line per date: date,value or date,value,note (for a percentage, "
        f"date,value,note,numerator,denominator). Dates as {DATE_FORMAT_HELP}. "
        "A first line “date,value,note” is skipped. Cells pasted from a spreadsheet work too.",
    )
    file = forms.FileField(label="Or upload a CSV file", required=False)

    def __init__(self, *args, indicator: Indicator, today, **kwargs):
        self.indicator = indicator
        self.latest = None if indicator.expects_forecasts else today
        super().__init__(*args, **kwargs)
        self.helper = helper("Import data")

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text", "")
        if upload:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError("The file is larger than 1 MB.")
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                message = "The file is not UTF-8 text: save it as CSV."
                raise forms.ValidationError(message) from error
        if not text.strip():
            self.add_error("text", "Paste some lines or choose a file.")
            return data
        existing = set(self.indicator.data_points.values_list("date", flat=True))
        rows, errors = parse_rows(text, existing, self.indicator.value_problem, self.latest)
        if errors:
            raise forms.ValidationError(
                ["Nothing was imported. Fix these lines and try again:", *errors]
            )
        data["rows"] = rows
        return data

    def rows(self):
        return self.cleaned_data["rows"]
