"""The dashboard's filters: validated, so a bad value is a message on the page, not a 500."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model

from accounts.roles import Role
from design.forms import NhsFormMixin
from imroc.dates import short_date
from learning_sets.models import LearningSet
from sites.choosers import SitesChooserField
from sites.models import Site


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar quarter holding ``day``: the programme reports by quarter."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    next_start = (
        datetime.date(day.year + 1, 1, 1)
        if first_month == 10
        else datetime.date(day.year, first_month + 3, 1)
    )
    return start, next_start - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Filters:
    category: str = ""
    learning_set: LearningSet | None = None
    consultant: object = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    sites: tuple[Site, ...] = ()

    def query(self) -> dict[str, str | list[int]]:
        """The filters as URL parameters, for drill-down links and CSV exports (``urlencode``
        them with ``doseq``: the sites are a list)."""
        params = {
            "sites": [site.pk for site in self.sites],
            "category": self.category,
            "learning_set": self.learning_set.pk if self.learning_set else "",
            "consultant": self.consultant.pk if self.consultant else "",
            "date_from": self.since.isoformat() if self.since else "",
            "date_to": self.until.isoformat() if self.until else "",
        }
        return {key: value for key, value in params.items() if value not in ("", [])}

    def querystring(self) -> str:
        return urlencode(self.query(), doseq=True)

    @property
    def period(self) -> str:
        return f"{short_date(self.since)} to {short_date(self.until)}"


class DateInput(forms.DateInput):
    """A browser date picker, which reads and writes ISO dates only."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ListedChoiceField(forms.ChoiceField):
    """A choice among objects read once: the same read renders the options and validates the
    choice (a ModelChoiceField reads again to validate), so the filters cost one query each."""

    def __init__(self, **kwargs):
        super().__init__(choices=[], required=False, **kwargs)
        self.objects: dict[str, object] = {}

    def offer(self, objects, label=str) -> None:
        self.objects = {str(obj.pk): obj for obj in objects}
        self.choices = [("", "Any"), *((pk, label(obj)) for pk, obj in self.objects.items())]

    def clean(self, value):
        value = super().clean(value)
        return self.objects[value] if value else None


class DashboardFilterForm(NhsFormMixin, forms.Form):
    sites = SitesChooserField(
        label="Sites",
        queryset=Site.objects.active(),
        required=False,
        lists_before_search=False,
        help_text="Leave empty for every site, or choose the sites to compare.",
    )
    category = forms.ChoiceField(
        label="Site category", choices=[("", "Any"), *Site.Category.choices], required=False
    )
    learning_set = ListedChoiceField(label="Learning set")
    consultant = ListedChoiceField(label="Consultant")
    date_from = forms.DateField(label="From", required=False, widget=DateInput)
    date_to = forms.DateField(label="To", required=False, widget=DateInput)

    def __init__(self, data=None, *, today: datetime.date):
        super().__init__(data or None)
        self.today = today
        start, end = quarter_of(today)
        self.fields["date_from"].initial = start
        self.fields["date_to"].initial = end
        self.fields["learning_set"].offer(LearningSet.objects.order_by("name"))
        self.fields["consultant"].offer(
            get_user_model()
            .objects.filter(groups__name=Role.CONSULTANT.value)
            .order_by("last_name", "first_name", "username"),
            label=lambda user: user.get_full_name() or user.username,
        )
        for name, field in self.fields.items():
            css = "nhsuk-select" if name in ("category", "learning_set", "consultant") else ""
            field.widget.attrs["class"] = css or "nhsuk-input nhsuk-input--width-10"

    def full_clean(self):
        """A field in error says so to a screen reader and in its border."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                error_class = attrs["class"].split()[0] + "--error"
                attrs["class"] = f"{attrs['class']} {error_class}"
                attrs["aria-describedby"] = f"{self[name].id_for_label}-error"

    def clean(self):
        cleaned = super().clean()
        start, end = quarter_of(self.today)
        cleaned["date_from"] = cleaned.get("date_from") or start
        cleaned["date_to"] = cleaned.get("date_to") or end
        if "date_from" not in self.errors and "date_to" not in self.errors:
            if cleaned["date_from"] > cleaned["date_to"]:
                self.add_error("date_to", "The period must end on or after its start.")
        return cleaned

    def filters(self) -> Filters:
        """The valid filters; the default (this quarter, everything) when nothing was given."""
        if not self.is_bound:
            start, end = quarter_of(self.today)
            return Filters(since=start, until=end)
        data = self.cleaned_data
        return Filters(
            sites=tuple(data["sites"]),
            category=data["category"],
            learning_set=data["learning_set"],
            consultant=data["consultant"],
            since=data["date_from"],
            until=data["date_to"],
        )
