from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from design.forms import NhsFormMixin
from imroc.dates import long_date

from .models import Person, Perspective, ProjectGroupMember, Site


class SiteForm(NhsFormMixin, forms.ModelForm):
    class Meta:
        model = Site
        fields = [
            "name",
            "organisation_type",
            "category",
            "region",
            "date_joined",
            "partners_with_independent_providers",
            "independent_partnership_evidence",
            "collaborates_with_user_carer_groups",
            "user_carer_collaboration_evidence",
        ]
        widgets = {
            "date_joined": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "independent_partnership_evidence": forms.Textarea(attrs={"rows": 3}),
            "user_carer_collaboration_evidence": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save site"))


class SiteArchiveForm(NhsFormMixin, forms.Form):
    """When the site left the programme and why: kept with its record."""

    archived_on = forms.DateField(
        label="Left the programme on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        label="Why the site left",
        help_text="For example: the trust merged, or ended its part in the programme.",
    )
    required_messages = {"reason": "Enter why the site left the programme"}

    def __init__(self, *args, site: Site, today, **kwargs):
        self.site, self.today = site, today
        kwargs.setdefault("initial", {"archived_on": today})
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Archive the site"))

    def clean_archived_on(self):
        archived_on = self.cleaned_data["archived_on"]
        if archived_on > self.today:
            raise forms.ValidationError("The date must be today or in the past.")
        if archived_on < self.site.date_joined:
            raise forms.ValidationError(
                "The date must be on or after the site joined "
                f"({long_date(self.site.date_joined)})."
            )
        return archived_on


class ProjectGroupMemberForm(NhsFormMixin, forms.Form):
    """Add someone to a project group; they need no account (a carer often has none)."""

    full_name = forms.CharField(max_length=200, label="Full name")
    email = forms.EmailField(
        required=False,
        max_length=Person._meta.get_field("email").max_length,  # the column's 254
        help_text="Optional. Used to match someone already known.",
    )
    role = forms.ChoiceField(choices=ProjectGroupMember.Role.choices)
    perspective = forms.ChoiceField(
        choices=Perspective.choices, help_text="The point of view they bring to the group."
    )
    joined_on = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        label="Joined on",
    )

    def __init__(self, *args, site: Site, member: ProjectGroupMember | None = None, **kwargs):
        self.site = site
        self.member = member
        if member is not None:
            kwargs.setdefault(
                "initial",
                {
                    "full_name": member.person.full_name,
                    "email": member.person.email,
                    "role": member.role,
                    "perspective": member.perspective,
                    "joined_on": member.joined_on,
                },
            )
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save member"))

    def clean(self):
        data = super().clean()
        email = data.get("email")
        if email:
            others = self.site.project_group.filter(person__email__iexact=email)
            if self.member is not None:
                others = others.exclude(pk=self.member.pk)
            if others.exists():
                self.add_error("email", "Someone with this email is already in the project group.")
        return data
