from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.forms.utils import ErrorDict
from django.utils import timezone

from design.forms import NhsFormMixin
from sites.choosers import RefinesSites, SiteChooserField, SitesChooserField
from sites.models import Perspective, Site

from .models import Invitation
from .roles import Role


class SignInForm(NhsFormMixin, AuthenticationForm):
    """Sign in by username; the error message does not say which of the two was wrong."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That username and password do not match an account. Check both and "
        "try again (the password is case-sensitive).",
    }

    @classmethod
    def locked(cls, request, *, username: str, message: str) -> "SignInForm":
        """The form as a locked-out person sees it: their username kept, the reason as its
        error, and no second authentication attempt (validating would count another)."""
        form = cls(request, data={"username": username})
        form.cleaned_data = {}
        form._errors = ErrorDict()
        form.add_error(None, message)
        return form


class TwoFactorCodeForm(NhsFormMixin, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class TwoFactorSetUpForm(NhsFormMixin, forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        help_text="After adding the account, type the 6-digit code the app shows.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class InvitationForm(NhsFormMixin, forms.Form):
    """Who to invite, as what, and where: an existing site, or a new one made on the spot."""

    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Email address", max_length=254)
    role = forms.ChoiceField(label="Role", choices=Invitation.Role.choices)
    site = SiteChooserField(
        label="Site", queryset=Site.objects.none(), scope="mine", required=False
    )
    new_site_name = forms.CharField(
        label="Or add a new site",
        max_length=200,
        required=False,
        help_text="The organisation's name, e.g. Devon Partnership NHS Trust.",
    )
    new_site_category = forms.ChoiceField(
        label="New site's category", choices=Site.Category.choices, required=False
    )
    new_site_region = forms.ChoiceField(
        label="New site's region", choices=Site.Region.choices, required=False
    )
    perspective = forms.ChoiceField(
        label="Perspective in the project group",
        choices=Perspective.choices,
        initial=Perspective.MANAGER,
    )

    def __init__(self, *args, sites, roles, may_add_site: bool, suggest: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].widget.scope = suggest
        self.fields["role"].choices = [c for c in Invitation.Role.choices if c[0] in roles]
        if not may_add_site:
            for name in ("new_site_name", "new_site_category", "new_site_region"):
                del self.fields[name]
        self.helper = FormHelper()
        self.helper.add_input(Submit("invite", "Send the invitation"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        pending = Invitation.objects.filter(
            email=email, accepted_at__isnull=True, revoked_at__isnull=True
        )
        if pending.filter(expires_at__gt=timezone.now()).exists():
            raise forms.ValidationError(
                "This person already has an invitation waiting: resend it from the list."
            )
        return email

    def clean(self):
        data = super().clean()
        role = data.get("role")
        name = (data.get("new_site_name") or "").strip()
        if role in Invitation.SITE_ROLES:
            if data.get("site") and name:
                self.add_error("new_site_name", "Choose a site or add a new one, not both.")
            elif not data.get("site") and not name:
                self.add_error("site", "Choose the site, or add a new one.")
            elif name and Site.objects.filter(name__iexact=name).exists():
                self.add_error("new_site_name", "A site with this name exists: choose it above.")
            elif name and not (data.get("new_site_category") and data.get("new_site_region")):
                self.add_error("new_site_category", "Give the new site's category and region.")
        data["new_site_name"] = name
        return data


class PersonChoiceField(forms.ModelChoiceField):
    """People listed by name, not username."""

    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class ConsultantAssignForm(RefinesSites, NhsFormMixin, forms.Form):
    consultant = PersonChoiceField(
        label="Consultant", queryset=get_user_model().objects.none(), empty_label="Choose"
    )
    sites = SitesChooserField(label="Sites", queryset=Site.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultant"].queryset = (
            get_user_model()
            .objects.filter(groups__name=Role.CONSULTANT.value, is_active=True)
            .order_by("first_name", "last_name", "pk")
        )
        self.fields["sites"].queryset = Site.objects.active().order_by("name")
        self.helper = FormHelper()
        self.helper.add_input(Submit("assign", "Assign to the sites chosen"))


class PasswordChange(NhsFormMixin, PasswordChangeForm):
    """Django's form with messages that say what to do."""


class PasswordReset(NhsFormMixin, PasswordResetForm):
    """Django's form with messages that say what to do."""


class SetPassword(NhsFormMixin, SetPasswordForm):
    """Django's form with messages that say what to do."""
