"""Forms for colleges, fidelity checks, terms and courses: validate and convert only."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from design.forms import NhsFormMixin
from imroc.dates import long_date

from . import fidelity
from .models import Course, FidelityCheck, RecoveryCollege, Term

MOST_STUDENTS = 100_000
TEXT = {"rows": 2}


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


def _not_future(value, message: str):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class CollegeForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = RecoveryCollege
        fields = ["name", "status", "opened_on", "physical_base"]
        widgets = {"status": forms.RadioSelect, "opened_on": forms.DateInput(format="%Y-%m-%d")}
        labels = {"name": "Name of the college"}
        help_texts = {"opened_on": "When it opened, or when it is planned to open."}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.fields["status"].error_messages["required"] = "Select whether it is open or planned"
        self.helper = _helper("Save college")

    def clean(self):
        data = super().clean()
        status, opened_on = data.get("status"), data.get("opened_on")
        if (
            status == RecoveryCollege.Status.OPEN
            and not opened_on
            and "opened_on" not in self.errors
        ):
            self.add_error("opened_on", "Enter the date the college opened")
        if status == RecoveryCollege.Status.OPEN and opened_on:
            if opened_on > timezone.localdate():
                self.add_error("opened_on", "An open college opened today or in the past")
        name = (data.get("name") or "").strip()
        if name:
            others = RecoveryCollege.objects.filter(site=self.site, name__iexact=name)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("name", "This site already has a college of that name")
        return data


class FidelityCheckForm(NhsFormMixin, forms.Form):
    """The whole self-check on one page. A new check starts from the previous one (its
    ratings pre-filled), so a re-check records what changed rather than starting blank."""

    checked_on = forms.DateField(label="Date of the check")
    notes = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who took part and how, e.g. students, peer trainers and tutors together.",
    )

    def __init__(self, *args, college, check: FidelityCheck | None = None, start_from=None, **kw):
        source = check or start_from
        if source is not None:
            kw["initial"] = _initial(source, keep_date=check is not None)
        super().__init__(*args, **kw)
        self.college, self.check = college, check
        if source is not None:  # a re-check starts from the check before
            self.keeps_answers = frozenset(self.initial)
        self.fields["checked_on"].initial = self.initial.get("checked_on", timezone.localdate())
        for feature in fidelity.FEATURES:
            self.fields[f"feature_{feature.key}"] = forms.ChoiceField(
                label=feature.label,
                choices=fidelity.FEATURE_STATUSES,
                widget=forms.RadioSelect,
                help_text=feature.hint,
                error_messages={"required": f"Select how far this is in place: {feature.label}"},
            )
            self.fields[f"evidence_{feature.key}"] = _text(f"Evidence: {feature.label}")
        for component in fidelity.SCORED:
            self.fields[f"score_{component.key}"] = forms.TypedChoiceField(
                label=component.label,
                choices=fidelity.SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Select a score for {component.label}"},
            )
        for component in fidelity.VARYING:
            self.fields[f"describe_{component.key}"] = _text(component.label)
        if start_from is not None and check is None:
            self._say_previous(start_from)

    def _say_previous(self, previous: FidelityCheck):
        """Each rating's hint names what the previous check said, so what moved is plain."""
        said = f"At the check of {long_date(previous.checked_on)}"
        labels = {"feature": fidelity.STATUS_LABELS, "score": dict(fidelity.SCORES)}
        for name, field in self.fields.items():
            kind = name.split("_", 1)[0]
            if kind in labels and name in self.initial:
                before = f"{said}: {labels[kind][self.initial[name]].lower()}."
                field.help_text = f"{field.help_text} {before}".strip()

    def feature_fields(self):
        return [
            (feature, self[f"feature_{feature.key}"], self[f"evidence_{feature.key}"])
            for feature in fidelity.FEATURES
        ]

    def score_fields(self):
        return [self[f"score_{component.key}"] for component in fidelity.SCORED]

    def describe_fields(self):
        return [self[f"describe_{component.key}"] for component in fidelity.VARYING]

    def clean_checked_on(self):
        checked_on = _not_future(
            self.cleaned_data["checked_on"], "The date of the check cannot be in the future"
        )
        others = FidelityCheck.objects.filter(college=self.college, checked_on=checked_on)
        if self.check:
            others = others.exclude(pk=self.check.pk)
        if others.exists():
            raise forms.ValidationError("There is already a check on this date: change that one")
        return checked_on

    def record(self) -> dict:
        """The service's arguments from the cleaned data."""
        data = self.cleaned_data
        features = {
            f.key: (data[f"feature_{f.key}"], data[f"evidence_{f.key}"]) for f in fidelity.FEATURES
        }
        components = {c.key: (data[f"score_{c.key}"], "") for c in fidelity.SCORED}
        components |= {c.key: (None, data[f"describe_{c.key}"]) for c in fidelity.VARYING}
        return {
            "checked_on": data["checked_on"],
            "notes": data["notes"],
            "features": features,
            "components": components,
        }


def _text(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXT),
        error_messages={"max_length": f"{label} must be 2000 characters or fewer"},
    )


def _initial(check: FidelityCheck, *, keep_date: bool) -> dict:
    initial = {"notes": check.notes} if keep_date else {}
    if keep_date:
        initial["checked_on"] = check.checked_on
    for rating in check.features.all():
        initial[f"feature_{rating.feature}"] = rating.status
        initial[f"evidence_{rating.feature}"] = rating.evidence
    for rating in check.components.all():
        if rating.score is not None:
            initial[f"score_{rating.component}"] = rating.score
        initial[f"describe_{rating.component}"] = rating.description
    return initial


class TermForm(NhsFormMixin, forms.ModelForm):
    students = forms.IntegerField(label="Students enrolled", min_value=0, max_value=MOST_STUDENTS)
    students_using_services = forms.IntegerField(
        label="Students who use services",
        min_value=0,
        max_value=MOST_STUDENTS,
        help_text="Of the students enrolled, how many use mental-health services. The rest "
        "are family, friends, carers and staff.",
    )

    class Meta:
        model = Term
        fields = ["name", "starts_on", "students", "students_using_services"]
        widgets = {"starts_on": forms.DateInput(format="%Y-%m-%d")}
        labels = {"name": "Name of the term"}

    def __init__(self, *args, college, **kwargs):
        super().__init__(*args, **kwargs)
        self.college = college
        self.helper = _helper("Save term")

    def clean(self):
        data = super().clean()
        students, using = data.get("students"), data.get("students_using_services")
        if students is not None and using is not None and using > students:
            self.add_error(
                "students_using_services",
                "Students who use services cannot be more than the students enrolled",
            )
        starts_on = data.get("starts_on")
        if starts_on:
            others = Term.objects.filter(college=self.college, starts_on=starts_on)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("starts_on", "Another term starts on this date")
        return data


class CourseForm(NhsFormMixin, forms.ModelForm):
    sessions = forms.IntegerField(
        label="Number of sessions",
        min_value=1,
        max_value=100,
        help_text="A course may be one session of 2 hours or run for several weeks.",
    )

    class Meta:
        model = Course
        fields = ["title", "sessions", "co_produced"]
        labels = {"title": "Title of the course"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save course")
