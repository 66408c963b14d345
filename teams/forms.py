"""Forms for teams, their recovery self-assessments and their plans' actions: validate and
convert only."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from design.forms import NhsFormMixin
from imroc.formsets import capped_formset_factory
from sites.models import Perspective

from . import practice
from .models import Team, TeamAction
from .services import ParticipantEntry, RatingEntry

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PARTICIPANT_ROWS = 6
MOST_PARTICIPANTS = 20


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class TeamForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "service_type", "manager"]
        labels = {"name": "Team name"}
        help_texts = {"name": "For example Exeter community mental health team."}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.helper = _helper("Save team")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Team.objects.filter(site=self.site, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("The site already has a team of this name.")
        return name


class AssessmentForm(NhsFormMixin, forms.Form):
    assessed_on = forms.DateField(label="Date of the assessment", widget=DATE)
    plan_review = forms.CharField(
        label="What the team said about its plan",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The co-review: what went well, what to change, new actions agreed.",
    )
    next_review_on = forms.DateField(
        label="Next co-review of the plan",
        required=False,
        widget=DATE,
        help_text="When the team and the people who use its service review the plan again.",
    )

    def clean_assessed_on(self):
        assessed_on = self.cleaned_data["assessed_on"]
        if assessed_on > timezone.localdate():
            raise forms.ValidationError("The date of the assessment cannot be in the future.")
        return assessed_on

    def clean(self):
        data = super().clean()
        assessed_on, next_review_on = data.get("assessed_on"), data.get("next_review_on")
        if assessed_on and next_review_on and next_review_on <= assessed_on:
            self.add_error("next_review_on", "The next co-review must be after the assessment.")
        return data


class RatingForm(NhsFormMixin, forms.Form):
    keeps_answers = frozenset({"rating"})  # A re-assessment starts from the team's last ratings.
    rating = forms.TypedChoiceField(coerce=int, choices=[("", "Choose a rating"), *practice.SCALE])
    evidence = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, number: int, item: practice.Item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.number = number
        rating, evidence = self.fields["rating"], self.fields["evidence"]
        rating.label = f"Rating for practice {number}"
        rating.error_messages["required"] = f"Choose a rating for practice {number}"
        rating.error_messages["invalid_choice"] = (
            f"Choose a rating for practice {number} from the list"
        )
        evidence.label = f"Evidence for practice {number}"
        evidence.error_messages["max_length"] = (
            f"Evidence for practice {number} must be %(limit_value)d characters or fewer"
        )


class BaseRatingFormSet(forms.BaseFormSet):
    """Exactly one form per practice item, none optional, whatever the management form says
    (a tampered count is still refused by the cap)."""

    def total_form_count(self):
        return len(practice.ITEMS)

    def initial_form_count(self):
        """Every form counts as filled in, so a re-assessment that changes nothing (each
        form equal to its starting value) is not taken for empty forms."""
        return len(practice.ITEMS)

    def get_form_kwargs(self, index):
        index = index or 0
        return {"number": index + 1, "item": practice.ITEMS[min(index, len(practice.ITEMS) - 1)]}


RatingFormSet = capped_formset_factory(
    RatingForm,
    formset=BaseRatingFormSet,
    cap=len(practice.ITEMS),
    extra=0,
    min_num=len(practice.ITEMS),
    validate_min=True,
)


class ParticipantForm(NhsFormMixin, forms.Form):
    name = forms.CharField(max_length=200, required=False)
    perspective = forms.ChoiceField(
        required=False, choices=[("", "Choose a perspective"), *Perspective.choices]
    )

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        name, perspective = self.fields["name"], self.fields["perspective"]
        name.label = f"Name of participant {number}"
        name.error_messages["max_length"] = (
            f"The name of participant {number} must be %(limit_value)d characters or fewer"
        )
        perspective.label = f"Perspective of participant {number}"
        perspective.error_messages["invalid_choice"] = (
            f"Choose the perspective of participant {number} from the list"
        )

    def clean(self):
        data = super().clean()
        name = (data.get("name") or "").strip()
        if name and not data.get("perspective"):
            self.add_error("perspective", "Choose the perspective they brought.")
        if data.get("perspective") and not name:
            self.add_error("name", "Give their name, or clear the perspective.")
        data["name"] = name
        return data


class BaseParticipantFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {"number": (index or 0) + 1}


ParticipantFormSet = capped_formset_factory(
    ParticipantForm,
    formset=BaseParticipantFormSet,
    cap=MOST_PARTICIPANTS,
    extra=PARTICIPANT_ROWS,
)


class AssessmentEntry:
    """The whole page as one form (date, who took part, every practice): valid only when
    every part is. A re-assessment starts from the team's last ratings and evidence."""

    def __init__(self, data=None, *, previous: dict[str, dict] | None = None):
        previous = previous or {}
        self.form = AssessmentForm(data, initial={"assessed_on": timezone.localdate()})
        self.ratings = RatingFormSet(
            data, prefix="rating", initial=[previous.get(i.key, {}) for i in practice.ITEMS]
        )
        self.participants = ParticipantFormSet(data, prefix="participant")
        self.forms = (self.form, self.ratings, self.participants)

    def is_valid(self) -> bool:
        valid = all([self.form.is_valid(), self.ratings.is_valid(), self.participants.is_valid()])
        if valid and not self.entered_participants():
            self.participants.forms[0].add_error(
                "name", "Record who took part: staff and the people who use the service."
            )
            return False
        return valid

    def entered_participants(self) -> list[ParticipantEntry]:
        return [
            ParticipantEntry(name=f.cleaned_data["name"], perspective=f.cleaned_data["perspective"])
            for f in self.participants
            if f.cleaned_data.get("name")
        ]

    def cleaned(self) -> dict:
        """Keyword arguments for ``services.assessment_record``."""
        return {
            **self.form.cleaned_data,
            "ratings": [
                RatingEntry(
                    item=f.item.key,
                    rating=f.cleaned_data["rating"],
                    evidence=f.cleaned_data["evidence"],
                )
                for f in self.ratings
            ],
            "participants": self.entered_participants(),
        }


class ActionForm(NhsFormMixin, forms.ModelForm):
    """Who: someone in the site's project group, or anyone named (a service user in the
    team, a carer)."""

    class Meta:
        model = TeamAction
        fields = ["what", "item", "owner_person", "owner_name", "due_on", "status"]
        widgets = {"due_on": DATE}
        labels = {"owner_person": "Who, from the project group"}
        help_texts = {
            "owner_person": "They are reminded when the action is overdue if they have an account.",
            "owner_name": "For example a service user or carer in the team.",
        }

    prompts = {"owner_person": "Choose someone"}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_person"].queryset = people
        self.fields["item"].choices = [("", "Choose a practice (optional)"), *practice.CHOICES]
        self.helper = _helper("Save action")

    def clean(self):
        data = super().clean()
        if not data.get("owner_person") and not (data.get("owner_name") or "").strip():
            self.add_error("owner_person", "Choose who will do it, or name them below.")
        return data
