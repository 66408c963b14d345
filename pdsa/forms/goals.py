from django import forms
from django.db.models import Case, Q, When

from challenges.models import Challenge, Framework
from challenges.numbering import site_numbering
from challenges.selectors import latest_stages
from design.forms import NhsFormMixin

from ..models import Goal, Priority
from ..selectors import people_of
from .base import DATE, VersionedForm, helper


def _label(challenge, numbering, row) -> str:
    """ "8 (2009: 6). Title: latest stage 2 Development, up from 1 Engagement": the method
    says assess first, then choose 2-3 priorities, so each choice says where the site
    stands on it."""
    where = (
        f"latest stage {row.stage}, {row.movement_text}"
        if row is not None
        else "not in the latest assessment"
    )
    return f"{numbering.number(challenge)}. {challenge.title}: {where}"


class PrioritiesForm(NhsFormMixin, forms.Form):
    """The method says 2-3 priorities; another number is allowed once the group confirms it."""

    challenges = forms.ModelMultipleChoiceField(
        queryset=Challenge.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Priority challenges",
    )
    confirm_number = forms.BooleanField(
        required=False,
        label="We have agreed a different number of priorities on purpose",
        help_text="The method advises 2 or 3 priorities: fewer leaves little to learn from, "
        "more spreads a project group too thin to finish any.",
    )

    def __init__(self, *args, site, **kwargs):
        self.site = site
        self.priorities = list(
            Priority.objects.filter(site=site, dropped_on__isnull=True).select_related("challenge")
        )
        kwargs.setdefault("initial", {"challenges": [p.challenge_id for p in self.priorities]})
        super().__init__(*args, **kwargs)
        current = Framework.objects.filter(is_current=True).values("pk")
        offered = list(
            Challenge.objects.filter(Q(framework__in=current) | Q(priorities__site=site))
            .distinct()
            .select_related("framework")
        )
        numbering = site_numbering(site)
        stages = latest_stages(site)
        self.latest = stages.latest if stages else None
        by_identity = {row.challenge.identity: row for row in stages or []}
        offered.sort(key=lambda c: (numbering.sort_key(c), c.framework.version))
        self.fields["challenges"].queryset = Challenge.objects.filter(
            pk__in=[c.pk for c in offered]
        ).order_by(Case(*(When(pk=c.pk, then=n) for n, c in enumerate(offered))))
        self.fields["challenges"].label_from_instance = lambda challenge: _label(
            challenge, numbering, by_identity.get(challenge.identity)
        )
        self.helper = helper("Save priorities")

    def clean(self):
        data = super().clean()
        chosen = data.get("challenges")
        if chosen is None:
            return data
        kept = {c.pk for c in chosen}
        for priority in self.priorities:
            if priority.challenge_id not in kept and priority.goals.exists():
                self.add_error(
                    "challenges",
                    f"“{priority.challenge}” has goals, so it stays a priority. "
                    "Close its goals, then drop it from the site's page.",
                )
        if not 2 <= len(chosen) <= 3 and not data.get("confirm_number"):
            self.add_error(
                "confirm_number",
                f"You chose {len(chosen)} priorit{'y' if len(chosen) == 1 else 'ies'}. "
                "The method advises 2 or 3; tick the box to confirm this number.",
            )
        return data


class GoalForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "priority",
            "title",
            "description",
            "difficulty",
            "owner",
            "start_date",
            "target_date",
            "status",
        ]
        widgets = {
            "start_date": DATE,
            "target_date": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
            "difficulty": forms.RadioSelect,
        }
        help_texts = {
            "difficulty": "The method asks for at least one easy and one hard goal.",
            "owner": "Someone in the project group.",
        }

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = Priority.objects.filter(
            site=site, dropped_on__isnull=True
        ).select_related("challenge")
        # Achieved and abandoned are set by closing the goal (with a note), not here.
        self.fields["status"].choices = [
            (value, label) for value, label in Goal.Status.choices if value in Goal.OPEN
        ]
        self.fields["priority"].label = "Priority challenge"
        self.fields["priority"].label_from_instance = lambda priority: str(priority.challenge)
        self.fields["owner"].queryset = people_of(site)
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version
        self.helper = helper("Save goal")

    def clean(self):
        data = super().clean()
        start, target = data.get("start_date"), data.get("target_date")
        if start and target and target < start:
            self.add_error("target_date", "The target date cannot be before the start date.")
        return data

    def _post_clean(self):
        """Saving goes through the services, which check the version; skip model clean-up
        here so a bound instance is not changed before a conflict is detected."""
