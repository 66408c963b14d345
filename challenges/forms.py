"""The one-page assessment form: the date and notes, who took part, and all challenges of the
framework version in a formset (one form a challenge, each with its own errors)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from design.forms import NhsFormMixin
from imroc.formsets import capped_formset_factory
from sites.models import Perspective

from .models import DESCRIPTOR_LENGTH, Assessment, Framework
from .services import ParticipantEntry, RatingEntry

TEXT = {"rows": 2}
GUEST_ROWS = 2  # blank rows offered
MOST_GUESTS = 10


class AssessmentForm(NhsFormMixin, forms.Form):
    assessed_on = forms.DateField(
        label="Date of the assessment",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="How the assessment was done, e.g. a workshop with the project group.",
    )
    people = forms.TypedMultipleChoiceField(
        label="Who took part",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick everyone from the project group who took part.",
        error_messages={"invalid_choice": "Tick only people in this site's project group"},
    )

    def __init__(self, *args, invited, **kwargs):
        super().__init__(*args, **kwargs)
        self.invited = {person.pk: (person, perspective) for person, perspective in invited}
        self.fields["people"].choices = [
            (pk, f"{person.full_name} ({Perspective(perspective).label})")
            for pk, (person, perspective) in self.invited.items()
        ]

    def clean_assessed_on(self):
        assessed_on = self.cleaned_data["assessed_on"]
        if assessed_on > timezone.localdate():
            raise ValidationError("The date of the assessment cannot be in the future.")
        return assessed_on


class RatingForm(NhsFormMixin, forms.Form):
    keeps_answers = frozenset(
        {"stage"}
    )  # A re-assessment starts from the last ratings ("Changed from" says what moved).
    stage = forms.TypedChoiceField(coerce=int)
    evidence = forms.CharField(required=False, widget=forms.Textarea(attrs=TEXT))
    strengths = forms.CharField(required=False, widget=forms.Textarea(attrs=TEXT))
    areas_to_improve = forms.CharField(required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, challenge, framework: Framework, stages, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        self.previous = previous  # the rating of the assessment before, same challenge
        self.stages = {stage.pk: stage for stage in stages}
        number = challenge.number
        stage = self.fields["stage"]
        stage.choices = [("", "Choose a stage")] + [(s.pk, s.name) for s in stages]
        stage.label = f"Stage for challenge {number}"
        stage.error_messages = {
            "required": f"Choose a stage for challenge {number}.",
            "invalid_choice": (
                f"Choose a stage for challenge {number} from the {framework.version} "
                "framework's scale."
            ),
        }
        self.fields["evidence"].label = f"Evidence for challenge {number}"
        self.fields["strengths"].label = f"Strengths in challenge {number}"
        self.fields["areas_to_improve"].label = f"Areas to improve in challenge {number}"

    def clean_stage(self):
        """Only the framework version's own scale is offered, so only it is accepted."""
        return self.stages[self.cleaned_data["stage"]]

    @property
    def descriptors(self) -> list[tuple[object, str]]:
        """(stage, what it means for this challenge) in the scale's order."""
        return self.challenge.descriptors_on(self.stages.values())

    def _chosen_stage(self):
        """The stage as posted (or pre-filled), read leniently: only for the highlight."""
        value = self["stage"].value()
        try:
            return self.stages.get(int(value))
        except (TypeError, ValueError):
            return None

    @property
    def stage_change(self) -> str:
        """ "Changed from 2 Development" once the chosen stage differs from last time."""
        chosen = self._chosen_stage()
        if self.previous is None or chosen is None or chosen.rank == self.previous.stage.rank:
            return ""
        return f"Changed from {self.previous.stage}"

    @property
    def evidence_changed(self) -> bool:
        if self.previous is None or not self.is_bound:
            return False
        return str(self["evidence"].value() or "").strip() != self.previous.evidence.strip()


class BaseRatingFormSet(forms.BaseFormSet):
    """Exactly one form per challenge of the framework version, none optional."""

    def __init__(self, *args, framework: Framework, challenges, stages, previous=None, **kwargs):
        self.framework = framework
        self.challenges = list(challenges)
        self.previous = previous or {}  # challenge identity -> earlier rating
        self.stages = stages
        # One form per challenge, never more, whatever TOTAL_FORMS says.
        self.min_num = self.max_num = self.absolute_max = len(self.challenges)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        challenge = self.challenges[index] if index is not None else self.challenges[0]
        return {
            "challenge": challenge,
            "framework": self.framework,
            "stages": self.stages,
            "previous": self.previous.get(challenge.identity),
        }


RatingFormSet = capped_formset_factory(
    RatingForm, formset=BaseRatingFormSet, cap=20, extra=0, validate_min=True
)


class DescriptorForm(NhsFormMixin, forms.Form):
    text = forms.CharField(
        required=False,
        max_length=DESCRIPTOR_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, stage, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage = stage
        self.fields["text"].label = f"What “{stage.name}” means for this challenge"
        self.fields["text"].error_messages["max_length"] = (
            f"Keep “{stage.name}” to {DESCRIPTOR_LENGTH} characters or fewer."
        )


class BaseDescriptorFormSet(forms.BaseFormSet):
    """One form per stage of the challenge's scale."""

    def __init__(self, *args, stages, **kwargs):
        self.stages = list(stages)
        self.min_num = self.max_num = self.absolute_max = len(self.stages)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"stage": self.stages[index] if index is not None else self.stages[0]}

    def texts(self) -> dict:
        return {form.stage: form.cleaned_data.get("text", "") for form in self.forms}


DescriptorFormSet = capped_formset_factory(
    DescriptorForm, formset=BaseDescriptorFormSet, cap=10, extra=0, validate_min=True
)


class GuestForm(NhsFormMixin, forms.Form):
    """Someone who took part but is not in the project group."""

    full_name = forms.CharField(max_length=200, required=False)
    perspective = forms.ChoiceField(
        required=False, choices=[("", "Choose a perspective")] + Perspective.choices
    )

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].label = f"Name of other participant {number}"
        self.fields["perspective"].label = f"Perspective of other participant {number}"

    def clean(self):
        data = super().clean()
        if data.get("full_name", "").strip() and not data.get("perspective"):
            self.add_error("perspective", "Choose the perspective they brought.")
        if data.get("perspective") and not data.get("full_name", "").strip():
            self.add_error("full_name", "Give their name, or clear the perspective.")
        return data


class BaseGuestFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {"number": (index or 0) + 1}


GuestFormSet = capped_formset_factory(
    GuestForm, formset=BaseGuestFormSet, cap=MOST_GUESTS, extra=GUEST_ROWS
)


def participant_entries(form, guests) -> list[ParticipantEntry]:
    """The people ticked in ``form`` (its ``invited`` map: pk to person and perspective) and
    the named guest rows, each with the perspective they bring: an assessment's participants
    and a PDSA cycle's team are recorded the same way."""
    people = [
        ParticipantEntry(person=person, perspective=perspective)
        for person, perspective in (form.invited[pk] for pk in form.cleaned_data.get("people", []))
    ]
    named = [
        ParticipantEntry(
            full_name=g.cleaned_data["full_name"].strip(),
            perspective=g.cleaned_data["perspective"],
        )
        for g in guests
        if g.cleaned_data.get("full_name", "").strip()
    ]
    return people + named


class AssessmentEntry:
    """The whole page as one form: valid only when every part is."""

    def __init__(
        self,
        data=None,
        *,
        framework,
        invited,
        assessment: Assessment | None = None,
        previous: Assessment | None = None,
    ):
        """``previous``: the assessment before (a re-assessment starts from it, mapped by
        challenge key when its version differs, and the form shows what changed)."""
        challenges = list(framework.challenges.prefetch_related("descriptors"))
        self.stages = stages = list(framework.stages.all())
        earlier = {r.challenge.identity: r for r in previous.ratings.all()} if previous else {}
        self.previous = previous
        initial, ratings = self._initial(assessment)
        if assessment is None:
            ratings = self._carried_over(earlier, stages)
        self.form = AssessmentForm(data, invited=invited, initial=initial)
        self.ratings = RatingFormSet(
            data,
            prefix="rating",
            framework=framework,
            challenges=challenges,
            stages=stages,
            previous=earlier,
            initial=[ratings.get(challenge.identity, {}) for challenge in challenges],
        )
        self.guests = GuestFormSet(data, prefix="guest")
        self.forms = (self.form, self.ratings, self.guests)
        self.errors: list[str] = []

    @staticmethod
    def _initial(assessment):
        if assessment is None:
            return {"assessed_on": timezone.localdate(), "people": []}, {}
        ratings = {
            rating.challenge.identity: {
                "stage": rating.stage_id,
                "evidence": rating.evidence,
                "strengths": rating.strengths,
                "areas_to_improve": rating.areas_to_improve,
            }
            for rating in assessment.ratings.all()
        }
        initial = {
            "assessed_on": assessment.assessed_on,
            "notes": assessment.notes,
            "people": [p.person_id for p in assessment.participants.all()],
        }
        return initial, ratings

    @staticmethod
    def _carried_over(earlier, stages) -> dict:
        """The earlier ratings as initial values: the stage of the same rank on this
        version's scale, and the evidence, strengths and areas to improve as they were."""
        by_rank = {stage.rank: stage.pk for stage in stages}
        return {
            identity: {
                "stage": by_rank.get(rating.stage.rank),
                "evidence": rating.evidence,
                "strengths": rating.strengths,
                "areas_to_improve": rating.areas_to_improve,
            }
            for identity, rating in earlier.items()
        }

    def is_valid(self) -> bool:
        valid = [self.form.is_valid(), self.ratings.is_valid(), self.guests.is_valid()]
        self.errors.extend(self.guests.non_form_errors())
        if all(valid) and not self.participants():
            self.form.add_error(
                "people", "Record who took part: tick people from the group or add a name."
            )
            return False
        return all(valid)

    def add_error(self, error: ValidationError) -> None:
        """A rule the service enforced that the forms could not see (e.g. a race)."""
        self.errors.extend(error.messages)

    def participants(self) -> list[ParticipantEntry]:
        return participant_entries(self.form, self.guests)

    def cleaned(self) -> dict:
        """Keyword arguments for ``assessment_create`` / ``assessment_update``."""
        return {
            "assessed_on": self.form.cleaned_data["assessed_on"],
            "notes": self.form.cleaned_data["notes"],
            "ratings": [
                RatingEntry(challenge=form.challenge, **form.cleaned_data) for form in self.ratings
            ],
            "participants": self.participants(),
        }
