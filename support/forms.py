"""Forms validate and convert; messages in the user's words."""

import datetime
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator

from challenges.models import Challenge, Framework
from design.forms import NhsFormMixin
from imroc.dates import long_date
from imroc.formsets import capped_inlineformset_factory

from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


def _part_of_page() -> FormHelper:
    """A form inside the page's own <form>: the page shows one error summary for all."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.form_show_errors = False
    return helper


class SupportPackageForm(NhsFormMixin, forms.ModelForm):
    """New packages start from the category's default days (pilot sites get the most)."""

    class Meta:
        model = SupportPackage
        fields = ["consultancy_days", "training_days", "peer_trainer_days", "agreed_on", "notes"]
        widgets = {"agreed_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, site, today: datetime.date, **kwargs):
        if kwargs.get("instance") is None:
            consultancy, training, peer = SupportPackage.default_days(site.category)
            kwargs["initial"] = {
                "consultancy_days": consultancy,
                "training_days": training,
                "peer_trainer_days": peer,
                "agreed_on": today,
            }
        super().__init__(*args, **kwargs)
        for name in ("consultancy_days", "training_days", "peer_trainer_days"):
            self.fields[name].widget.attrs.update({"min": "0", "step": "0.5"})
            self.fields[name].validators.append(
                MinValueValidator(Decimal(0), "Enter 0 days or more.")
            )
        self.helper = _helper("Save package")


class SupportLogEntryForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = SupportLogEntry
        fields = [
            "kind",
            "date",
            "hours",
            "given_by",
            "given_by_name",
            "is_peer_trainer",
            "challenge",
            "topic",
            "notes",
        ]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"given_by": "Given by (account)", "challenge": "Key challenge"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .order_by("first_name", "last_name", "username")
        )
        self.fields["given_by"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["given_by"].help_text = (
            "The consultant or peer trainer with an account. Leave empty and type a name "
            "below for a peer trainer without one."
        )
        self.fields["challenge"].queryset = Challenge.objects.filter(
            framework__in=Framework.objects.filter(is_current=True)
        )
        self.fields["challenge"].empty_label = "Not about one challenge"
        self.fields["hours"].widget.attrs.update({"min": "0.25", "step": "0.25"})
        self.helper = _helper("Log support")

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and hours <= 0:
            raise forms.ValidationError("Enter the time spent, in hours (more than 0).")
        if hours is not None and hours > 24:
            raise forms.ValidationError("Log at most 24 hours in one entry.")
        return hours

    def clean(self):
        data = super().clean()
        by, name = data.get("given_by"), (data.get("given_by_name") or "").strip()
        if by is None and not name:
            self.add_error(
                "given_by", "Choose who gave the support, or type a peer trainer's name."
            )
        elif by is not None and name:
            self.add_error("given_by_name", "Choose an account or type a name, not both.")
        return data


class TrainingDeliveryForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = TrainingDelivery
        fields = [
            "course_title",
            "date",
            "audience",
            "staff_attending",
            "service_users_attending",
            "co_delivered_by_peer_trainer",
        ]
        widgets = {"date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Record training")

    def clean(self):
        data = super().clean()
        staff, users = data.get("staff_attending"), data.get("service_users_attending")
        if staff == 0 and users == 0:
            self.add_error("staff_attending", "Enter how many people attended: nobody came?")
        return data


class ProgrammeOutcomeForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeOutcome
        fields = [
            "recorded_on",
            "risk_policy_review",
            "personal_budgets",
            "ips_service",
            "uses_inspire",
            "uses_wrap",
            "uses_recovery_star",
            "other_measures",
            "notes",
        ]
        widgets = {"recorded_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, from_latest: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if from_latest:  # the site's last figures, which the lead changes only where they moved
            self.keeps_answers = frozenset(self.fields)
        self.helper = _helper("Save figures")


class ProgressReviewForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = ProgressReview
        fields = [
            "review_date",
            "period_start",
            "period_end",
            "status",
            "progress",
            "risks",
            "next_review_due",
        ]
        widgets = {
            "review_date": DATE,
            "period_start": DATE,
            "period_end": DATE,
            "next_review_due": DATE,
            "status": forms.RadioSelect,
            "progress": forms.Textarea(attrs={"rows": 4}),
            "risks": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ProgressReview.Status.choices
        self.helper = _part_of_page()

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        review_date, due = data.get("review_date"), data.get("next_review_due")
        if start and end and end < start:
            self.add_error("period_end", "The period ends before it starts.")
        if review_date and due and due <= review_date:
            self.add_error("next_review_due", "The next review is due after this one.")
        return data


OUTSIDE = "outside"
MAX_ACTIONS = 30


def action_owner_choices(site, members) -> list:
    """Who may own an action: the site's project group (``members``, already read for the
    page) and the consultants who review it, by name (1 query); or someone outside, named
    by hand."""
    User = get_user_model()
    members = [(f"p{m.person_id}", m.person.full_name) for m in members]
    staff = [
        (f"u{user.pk}", user.get_full_name() or user.username)
        for user in User.objects.filter(consulted_sites=site, is_active=True).order_by(
            "first_name", "last_name"
        )
    ]
    return [
        ("", "Choose the owner"),
        (f"{site.name} project group", sorted(members, key=lambda c: c[1])),
        ("ImROC consultants", staff),
        (OUTSIDE, "Someone outside the programme (type their name)"),
    ]


class ReviewActionForm(NhsFormMixin, forms.ModelForm):
    """The owner is picked from the programme's people; a typed name is only for someone
    outside it. The done state is not here: the owner or the lead sets it on the action."""

    owner = forms.ChoiceField(label="Owner", required=False)

    class Meta:
        model = ReviewAction
        fields = ["action", "owner", "owner_name", "due_on"]
        widgets = {"due_on": DATE}
        help_texts = {"owner_name": "Only when the owner is outside the programme."}

    def __init__(self, *args, owner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _part_of_page()
        self.fields["owner"].choices = owner_choices
        self.fields["owner_name"].required = False
        if self.instance.pk and not self.is_bound:
            if self.instance.owner_person_id:
                self.initial["owner"] = f"p{self.instance.owner_person_id}"
            elif self.instance.owner_user_id:
                self.initial["owner"] = f"u{self.instance.owner_user_id}"
            else:
                self.initial["owner"] = OUTSIDE

    def clean(self):
        from sites.models import Person

        data = super().clean()
        owner, name = data.get("owner") or "", (data.get("owner_name") or "").strip()
        person = user = None
        if owner.startswith("p"):
            person = Person.objects.filter(pk=owner[1:]).first()
        elif owner.startswith("u"):
            user = get_user_model().objects.filter(pk=owner[1:]).first()
        if person or user:
            name = ""
        elif not name:
            self.add_error("owner", "Choose who owns the action, or name someone outside.")
        data.update(owner_person=person, owner_user=user, owner_name=name)
        self.instance.owner_person, self.instance.owner_user = person, user
        return data


ReviewActionFormSet = capped_inlineformset_factory(
    ProgressReview,
    ReviewAction,
    cap=MAX_ACTIONS,
    fk_name="review",
    form=ReviewActionForm,
    extra=1,
    can_delete=True,
)


def action_rows(formset) -> list[dict]:
    """The actions a valid formset keeps (filled in, not marked for removal)."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ActionDoneForm(NhsFormMixin, forms.Form):
    keeps_answers = frozenset({"done"})  # the answer given before
    done = forms.TypedChoiceField(
        label="Is the action done?",
        choices=[("yes", "Yes, it is done"), ("no", "No, not yet")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        help_text="What was done, or what is holding it up.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save")


class ReviewResponseForm(NhsFormMixin, forms.Form):
    text = forms.CharField(
        label="Your response", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Send response")

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write a response before sending it.")
        return text


KEEP, DONE, DROP = "keep", "done", "drop"


class CarryActionsForm(NhsFormMixin, forms.Form):
    """What becomes of each action still open from earlier reviews: carried into this review,
    closed as done, or dropped as no longer needed. Nothing is chosen for the consultant."""

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _part_of_page()
        self.actions = {f"carry_{action.pk}": action for action in actions}
        for name, action in self.actions.items():
            self.fields[name] = forms.ChoiceField(
                label=action.action,
                help_text=(
                    f"{action.owner_label}; due {long_date(action.due_on)}; agreed at the review "
                    f"of {long_date(action.review.review_date)}."
                ),
                choices=[
                    (KEEP, "Keep it open: carry it into this review"),
                    (DONE, "It is done: close it"),
                    (DROP, "Drop it: it is no longer needed"),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": f"Select what becomes of “{action.action}”."},
            )

    def choices(self) -> dict:
        """``{action: "keep" | "done" | "drop"}`` from a valid form."""
        return {action: self.cleaned_data[name] for name, action in self.actions.items()}
