import datetime

from django import forms

from design.forms import NhsFormMixin
from imroc.dates import long_date

from ..models import Cycle, Indicator
from .base import DATE, VersionedForm, helper

TEXT = {"rows": 3}


class StageForm(VersionedForm, forms.ModelForm):
    """One stage of a cycle: its fields, due date and a box to mark it complete. Stages
    complete in order, so a later stage cannot be ticked before an earlier one."""

    stage = ""
    complete = forms.BooleanField(required=False)
    done_on = forms.DateField(
        required=False,
        widget=DATE,
        help_text="When the stage was done: today unless the work happened earlier.",
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        label = self.stage.capitalize()
        self.fields["complete"].label = f"The {label.lower()} stage is complete"
        done = getattr(self.instance, f"{self.stage}_done")
        self.fields["complete"].initial = done is not None
        self.fields["done_on"].label = f"{label} completed on"
        self.fields["done_on"].initial = done or today
        self.fields[f"{self.stage}_due"].label = f"{label} due on"
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version
        self.helper = helper(f"Save {label.lower()}")

    def clean(self):
        data = super().clean()
        if data.get("complete") and self.instance.pk is not None:
            stages = list(Cycle.STAGES)
            for earlier in stages[: stages.index(self.stage)]:
                if getattr(self.instance, f"{earlier}_done") is None:
                    self.add_error(
                        "complete", f"Complete the {earlier} stage before the {self.stage} stage."
                    )
                    break
        done_on = data.get("done_on")
        if data.get("complete") and done_on is not None:
            self._check_done_on(done_on)
        self._check_due_order(data)
        return data

    def _check_due_order(self, data) -> None:
        """Stages are due in their order: plan, then do, then study, then act (a due date
        the form does not show is the saved one)."""
        earlier = None
        for stage in Cycle.STAGES:
            name = f"{stage}_due"
            due = data.get(name) if name in self.fields else getattr(self.instance, name)
            if due is None:
                continue
            if earlier is not None and due < earlier[1]:
                before, before_due = earlier
                if name in self.fields:
                    self.add_error(
                        name,
                        f"{stage.capitalize()} due on must be on or after the {before} "
                        f"stage's due date, {long_date(before_due)}.",
                    )
                elif f"{before}_due" in self.fields:
                    self.add_error(
                        f"{before}_due",
                        f"{before.capitalize()} due on must be on or before the {stage} "
                        f"stage's due date, {long_date(due)}.",
                    )
                return
            earlier = (stage, due)

    def _check_done_on(self, done_on: datetime.date) -> None:
        """A stage is done on a real day: not in the future, not before the stage before it."""
        if done_on > self.today:
            self.add_error("done_on", "The date cannot be in the future.")
            return
        stages = list(Cycle.STAGES)
        index = stages.index(self.stage)
        if index and self.instance.pk is not None:
            previous = stages[index - 1]
            before = getattr(self.instance, f"{previous}_done")
            if before is not None and done_on < before:
                self.add_error(
                    "done_on",
                    f"The {previous} stage was done on {long_date(before)}: "
                    f"the {self.stage} stage cannot be done before it.",
                )

    def _post_clean(self):
        """The services save (and check the version); the instance stays as loaded."""

    def changes(self) -> dict:
        """Field values for the service, with the stage's completion date."""
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data.pop("watched_indicators", None)
        done = self.cleaned_data.get("done_on") or getattr(self.instance, f"{self.stage}_done")
        data[f"{self.stage}_done"] = (done or self.today) if self.cleaned_data["complete"] else None
        return data


class CyclePlanForm(StageForm):
    stage = "plan"

    class Meta:
        model = Cycle
        fields = [
            "objective",
            "change_idea",
            "prediction",
            "who",
            "where",
            "starts_on",
            "ends_on",
            "watched_indicators",
            "plan_due",
            "do_due",
            "study_due",
            "act_due",
        ]
        widgets = {
            "objective": forms.Textarea(attrs=TEXT),
            "change_idea": forms.Textarea(attrs=TEXT),
            "prediction": forms.Textarea(attrs=TEXT),
            "starts_on": DATE,
            "ends_on": DATE,
            "plan_due": DATE,
            "do_due": DATE,
            "study_due": DATE,
            "act_due": DATE,
            "watched_indicators": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "who": "Who will carry out the test.",
            "where": "Which team, ward or service.",
            "starts_on": "The study shows the watched indicators' data from this date…",
            "ends_on": "…to this date.",
        }

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["watched_indicators"].queryset = Indicator.objects.filter(goal=goal)
        for stage in ("do", "study", "act"):
            self.fields[f"{stage}_due"].label = f"{stage.capitalize()} due on"

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The test cannot end before it starts.")
        return data


class CycleDoForm(StageForm):
    stage = "do"

    class Meta:
        model = Cycle
        fields = ["what_happened", "problems", "observations", "do_due"]
        widgets = {
            "what_happened": forms.Textarea(attrs=TEXT),
            "problems": forms.Textarea(attrs=TEXT),
            "observations": forms.Textarea(attrs=TEXT),
            "do_due": DATE,
        }

    def clean(self):
        data = super().clean()
        said = [data.get(name) for name in ("what_happened", "problems", "observations")]
        if data.get("complete") and not any((text or "").strip() for text in said):
            self.add_error("what_happened", "Record what happened before completing the do stage.")
        return data


class CycleStudyForm(StageForm):
    stage = "study"

    class Meta:
        model = Cycle
        fields = ["results", "study_due"]
        widgets = {"results": forms.Textarea(attrs={"rows": 5}), "study_due": DATE}


class CycleActForm(StageForm):
    stage = "act"

    class Meta:
        model = Cycle
        fields = ["outcome", "learning", "next_steps", "act_due"]
        widgets = {
            "outcome": forms.RadioSelect,
            "learning": forms.Textarea(attrs=TEXT),
            "next_steps": forms.Textarea(attrs=TEXT),
            "act_due": DATE,
        }
        help_texts = {
            "outcome": "Adopt the change, adapt it and test again (opens the next cycle), "
            "or abandon it.",
            "learning": "A change that did not work is a normal outcome: you must fail to "
            "succeed. Others read this in the cycle library.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = Cycle.Outcome.choices
        self.fields["outcome"].required = False

    def clean(self):
        data = super().clean()
        if data.get("complete"):
            if not data.get("outcome"):
                self.add_error("outcome", "Choose adopt, adapt or abandon to complete the cycle.")
            if not (data.get("learning") or "").strip():
                self.add_error("learning", "Record what you learned before completing the cycle.")
        return data


class CommentForm(NhsFormMixin, forms.Form):
    required_messages = {"text": "Write a comment before sending it"}

    text = forms.CharField(
        label="Add a comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
