"""Forms for the checklist, recruitment rounds and posts: validate and convert only."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from design.forms import NhsFormMixin

from .models import ChecklistEntry, PeerPost, RecruitmentRound

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class ChecklistEntryForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = ChecklistEntry
        fields = ["done_on", "evidence"]
        widgets = {"done_on": DATE, "evidence": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"evidence": "What shows it is done: a document, a decision, who agreed it."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()
        self.helper = _helper("Save")

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        if done_on > timezone.localdate():
            raise forms.ValidationError("The date it was done must be today or in the past.")
        return done_on


class RecruitmentRoundForm(NhsFormMixin, forms.ModelForm):
    applicants = forms.IntegerField(min_value=0, max_value=10_000)
    interviewed = forms.IntegerField(min_value=0, max_value=10_000)
    appointed = forms.IntegerField(min_value=0, max_value=10_000)

    class Meta:
        model = RecruitmentRound
        fields = ["opened_on", "closed_on", "applicants", "interviewed", "appointed"]
        widgets = {"opened_on": DATE, "closed_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save recruitment round")

    def clean(self):
        data = super().clean()
        applicants, interviewed, appointed = (
            data.get("applicants"),
            data.get("interviewed"),
            data.get("appointed"),
        )
        if applicants is not None and interviewed is not None and interviewed > applicants:
            self.add_error("interviewed", "Interviewed cannot be more than the applicants.")
        if interviewed is not None and appointed is not None and appointed > interviewed:
            self.add_error("appointed", "Appointed cannot be more than those interviewed.")
        opened, closed = data.get("opened_on"), data.get("closed_on")
        if opened and closed and closed < opened:
            self.add_error("closed_on", "Appointments are made after the posts are advertised.")
        return data


class PeerPostForm(NhsFormMixin, forms.ModelForm):
    head_count = forms.IntegerField(min_value=0, max_value=1000, label="People employed")

    class Meta:
        model = PeerPost
        fields = ["team", "head_count", "wte"]
        help_texts = {"wte": "For example 2.5 for two full-time and one half-time worker."}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.helper = _helper("Save posts")

    def clean(self):
        data = super().clean()
        team, head_count, wte = data.get("team"), data.get("head_count"), data.get("wte")
        if head_count is not None and wte is not None and not 0 <= wte <= head_count:
            self.add_error("wte", "The whole-time equivalent is between 0 and the people employed.")
        if team:
            others = PeerPost.objects.filter(site=self.site, team__iexact=team.strip())
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("team", "This team already has a row: edit it instead.")
        return data
