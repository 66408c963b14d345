"""Closing a goal as achieved or abandoned."""

import datetime

from django import forms

from design.forms import NhsFormMixin
from imroc.dates import long_date

from ..models import Goal
from .base import DATE, helper


class GoalCloseForm(NhsFormMixin, forms.Form):
    """How the goal ended, when, and what the group takes from it."""

    outcome = forms.ChoiceField(
        choices=[
            (Goal.Status.ACHIEVED.value, "Achieved: the target was met"),
            (Goal.Status.ABANDONED.value, "Abandoned: the group stops working on it"),
        ],
        widget=forms.RadioSelect,
        label="How did the goal end?",
    )
    closed_on = forms.DateField(widget=DATE, label="Closed on")
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        label="Closing note",
        help_text="What was achieved, or why the group stopped, and what it learned. "
        "An abandoned goal teaches as much as an achieved one.",
    )
    required_messages = {
        "outcome": "Select whether the goal was achieved or abandoned",
        "note": "Enter a closing note",
    }

    def __init__(self, *args, goal: Goal, today: datetime.date, **kwargs):
        self.goal, self.today = goal, today
        kwargs.setdefault("initial", {"closed_on": today})
        super().__init__(*args, **kwargs)
        self.helper = helper("Close the goal")

    def clean_closed_on(self):
        closed_on = self.cleaned_data["closed_on"]
        if closed_on > self.today:
            raise forms.ValidationError("The closing date must be today or in the past.")
        if closed_on < self.goal.start_date:
            raise forms.ValidationError(
                f"The closing date must be on or after the goal's start "
                f"({long_date(self.goal.start_date)})."
            )
        return closed_on
