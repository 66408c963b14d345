"""Who is in a cycle's team: people ticked from the project group, and names of others
(the assessment form's guest rows, reused), each with the perspective they bring."""

from django import forms

from challenges.forms import GuestFormSet, participant_entries
from challenges.services import ParticipantEntry
from design.forms import NhsFormMixin
from sites.models import Perspective


class CycleTeamForm(NhsFormMixin, forms.Form):
    people = forms.TypedMultipleChoiceField(
        label="Who from the project group is in the team",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Tick only people in this site's project group"},
    )

    def __init__(self, *args, invited, **kwargs):
        super().__init__(*args, **kwargs)
        self.invited = {person.pk: (person, perspective) for person, perspective in invited}
        self.fields["people"].choices = [
            (pk, f"{person.full_name} ({Perspective(perspective).label})")
            for pk, (person, perspective) in self.invited.items()
        ]


class CycleTeamEntry:
    """The page as one form: the ticked people and the guest rows, valid when both are."""

    def __init__(self, data=None, *, invited, team):
        self.form = CycleTeamForm(
            data, invited=invited, initial={"people": [member.person_id for member in team]}
        )
        self.guests = GuestFormSet(data, prefix="guest")
        self.forms = (self.form, self.guests)

    def is_valid(self) -> bool:
        valid = all([self.form.is_valid(), self.guests.is_valid()])
        if valid and not self.members():
            self.form.add_error(
                "people", "Record who is in the team: tick people from the group or add a name."
            )
            return False
        return valid

    def members(self) -> list[ParticipantEntry]:
        return participant_entries(self.form, self.guests)
