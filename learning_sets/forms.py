"""Forms: validate and convert; the limits themselves are enforced by the services."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model

from accounts.roles import Role
from design.forms import NhsFormMixin
from sites.choosers import RefinesSites, SitesChooserField
from sites.models import Site

from .models import (
    WORKSHOPS_PER_SET,
    AgendaItem,
    Delegate,
    DelegatePerspective,
    LearningSet,
    Topic,
    Venue,
    Workshop,
    composition_warnings,
)
from .scheduling import schedule_warnings, series_dates

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class LearningSetForm(RefinesSites, NhsFormMixin, forms.ModelForm):
    """The method groups 6-8 sites of mixed categories; outside that the form warns and asks
    the organiser to confirm rather than refusing."""

    sites = SitesChooserField(queryset=Site.objects.active(), label="Member sites")
    organisers = forms.ModelMultipleChoiceField(
        queryset=get_user_model()
        .objects.filter(groups__name=Role.ORGANISER.value)
        .order_by("username"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    confirm_composition = forms.BooleanField(
        required=False,
        label="I confirm this membership although it is outside the method's 6-8 mixed sites",
    )

    class Meta:
        model = LearningSet
        fields = ["name", "organisers", "sites", "start_date", "status", "release_days"]
        widgets = {"start_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["release_days"].required = False
        self.helper = _helper("Save learning set")

    def clean_release_days(self):
        """Left empty: the method's two weeks."""
        days = self.cleaned_data.get("release_days")
        return 14 if days is None else days

    def clean(self):
        data = super().clean()
        sites = data.get("sites")
        if sites is not None:
            self.warnings = composition_warnings(sites)
            if self.warnings and not data.get("confirm_composition"):
                self.add_error(
                    "confirm_composition",
                    " ".join(self.warnings) + " Tick the box to confirm and save anyway.",
                )
        return data


CONFIRM_DATES_LABEL = "I have checked these dates and want to keep them"


def _confirm_or_warn(form, warnings: list[str]) -> None:
    """Weekends, bank holidays and clashes are possible but rarely meant: warn, then let the
    organiser confirm."""
    form.warnings = warnings
    if warnings and not form.cleaned_data.get("confirm_dates"):
        form.add_error(
            "confirm_dates",
            " ".join(warnings) + " Choose other dates, or tick the box to keep them.",
        )


class WorkshopSeriesForm(NhsFormMixin, forms.Form):
    first_date = forms.DateField(widget=DATE, label="Date of the first workshop")
    months_apart = forms.IntegerField(
        min_value=1,
        max_value=12,
        initial=3,
        label="Months between workshops",
        help_text="The method spaces the six workshops 3 to 4 months apart.",
    )
    start_time = forms.TimeField(widget=TIME, initial=datetime.time(10, 0))
    end_time = forms.TimeField(widget=TIME, initial=datetime.time(16, 0))
    venue = forms.ModelChoiceField(queryset=Venue.objects.all(), required=False)
    confirm_dates = forms.BooleanField(required=False, label=CONFIRM_DATES_LABEL)

    def __init__(self, *args, learning_set: LearningSet, **kwargs):
        super().__init__(*args, **kwargs)
        self.learning_set = learning_set
        self.helper = _helper("Create the six workshops")

    def clean(self):
        data = super().clean()
        if (
            data.get("start_time")
            and data.get("end_time")
            and data["end_time"] <= data["start_time"]
        ):
            self.add_error("end_time", "The workshops must end after they start.")
        if data.get("first_date") and data.get("months_apart"):
            days = series_dates(data["first_date"], data["months_apart"], WORKSHOPS_PER_SET)
            _confirm_or_warn(
                self,
                schedule_warnings(days, learning_set=self.learning_set, venue=data.get("venue")),
            )
        return data


class WorkshopForm(NhsFormMixin, forms.ModelForm):
    confirm_dates = forms.BooleanField(required=False, label=CONFIRM_DATES_LABEL)

    class Meta:
        model = Workshop
        fields = ["date", "start_time", "end_time", "venue", "topic", "places_release_date"]
        widgets = {
            "date": DATE,
            "start_time": TIME,
            "end_time": TIME,
            "places_release_date": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save workshop")

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        release = data.get("places_release_date")
        if day and release and release > day:
            self.add_error(
                "places_release_date", "Release unclaimed places on or before the workshop's day."
            )
        if start and end:
            outside = [
                item
                for item in self.instance.agenda_items.all()
                if item.start_time < start or item.end_time > end
            ]
            if outside:
                names = "; ".join(
                    f"{item} ({item.start_time:%H:%M}-{item.end_time:%H:%M})" for item in outside
                )
                self.add_error(
                    "end_time" if outside[0].end_time > end else "start_time",
                    f"The agenda has items outside these times: {names}. "
                    "Change the agenda first or keep the day's times.",
                )
        if day and (day != self.instance.date or data.get("venue") != self.instance.venue):
            _confirm_or_warn(
                self,
                schedule_warnings(
                    [day],
                    learning_set=self.instance.learning_set,
                    venue=data.get("venue"),
                    exclude=self.instance,
                ),
            )
        return data


class VenueForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = Venue
        fields = ["name", "address", "capacity", "accessibility_notes"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        self.helper = _helper("Save venue")

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < 1:
            raise forms.ValidationError("A venue holds at least one person.")
        return capacity


class AgendaItemForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["kind", "start_time", "end_time", "title", "speaker", "site", "stall_sites"]
        widgets = {
            "start_time": TIME,
            "end_time": TIME,
            "stall_sites": forms.CheckboxSelectMultiple,
        }
        labels = {
            "kind": "Part of the day",
            "site": "Presenting site",
            "stall_sites": "Sites running a market stall",
        }

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        members = workshop.learning_set.sites.order_by("name")
        self.fields["site"].queryset = members
        self.fields["stall_sites"].queryset = members
        self.fields["speaker"].help_text = "For an expert presentation."
        self.helper = _helper("Save agenda item")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and (start < self.workshop.start_time or end > self.workshop.end_time):
            self.add_error(
                "start_time",
                f"The workshop runs {self.workshop.start_time:%H:%M}-"
                f"{self.workshop.end_time:%H:%M}; keep the item within it.",
            )
        if start and end and start < end:
            others = self.workshop.agenda_items.exclude(pk=self.instance.pk)
            clashes = [item for item in others if item.overlaps(start, end)]
            if clashes:
                names = "; ".join(
                    f"“{item}” ({item.start_time:%H:%M}-{item.end_time:%H:%M})" for item in clashes
                )
                self.add_error(
                    "start_time", f"This overlaps {names}. Choose times when nothing else is on."
                )
        if data.get("kind") == AgendaItem.Kind.PRACTICAL_EXAMPLE and not data.get("site"):
            self.add_error("site", "Say which member site gives the practical example.")
        return data


class DelegateForm(NhsFormMixin, forms.Form):
    site = forms.ModelChoiceField(queryset=Site.objects.none(), empty_label=None)
    full_name = forms.CharField(max_length=200, label="Full name")
    email = forms.EmailField(
        required=False,
        max_length=254,
        help_text=(
            "Their joining instructions and evaluation link are sent here. Leave empty for "
            "someone without email: you will be told instead, to pass it on."
        ),
    )
    perspective = forms.ChoiceField(choices=DelegatePerspective.choices)
    dietary_needs = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    access_needs = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    waiting_list_ok = forms.BooleanField(
        required=False, label="If no place is free, put them on the waiting list"
    )

    def __init__(
        self, *args, workshop: Workshop, sites=None, delegate: Delegate | None = None, **kwargs
    ):
        self.workshop, self.delegate = workshop, delegate
        if delegate is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(delegate, name)
                    for name in [
                        "full_name",
                        "email",
                        "perspective",
                        "dietary_needs",
                        "access_needs",
                    ]
                },
            )
        super().__init__(*args, **kwargs)
        if delegate is None:
            self.fields["site"].queryset = sites
        else:
            del self.fields["site"], self.fields["waiting_list_ok"]
        self.helper = _helper("Save delegate" if delegate else "Register delegate")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if not email:
            return email
        others = self.workshop.delegates.exclude(status=Delegate.Status.CANCELLED).filter(
            email=email
        )
        if self.delegate is not None:
            others = others.exclude(pk=self.delegate.pk)
        if others.exists():
            raise forms.ValidationError(
                "Someone with this email is already registered for this workshop."
            )
        return email


class TopicChoiceForm(NhsFormMixin, forms.Form):
    """A member site's top three topics, in order."""

    first = forms.ModelChoiceField(queryset=Topic.objects.all(), label="First choice")
    second = forms.ModelChoiceField(
        queryset=Topic.objects.all(), required=False, label="Second choice"
    )
    third = forms.ModelChoiceField(
        queryset=Topic.objects.all(), required=False, label="Third choice"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save choices")

    def clean(self):
        data = super().clean()
        chosen = [data.get(name) for name in ("first", "second", "third") if data.get(name)]
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Choose each topic only once.")
        data["topics"] = chosen
        return data


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class EvaluationForm(NhsFormMixin, forms.Form):
    overall_rating = forms.TypedChoiceField(
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        label="Overall, how would you rate the workshop? (1 = poor, 5 = excellent)",
    )
    usefulness = forms.TypedChoiceField(
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        label="How useful was it for your work? (1 = not useful, 5 = very useful)",
    )
    take_back = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What I will take back to my organisation",
    )
    comments = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Anything else you want to tell us",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Send my evaluation")
