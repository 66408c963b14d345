from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.utils import ErrorDict


class SignInForm(AuthenticationForm):
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


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class TwoFactorSetUpForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        help_text="After adding the account, type the 6-digit code the app shows.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
