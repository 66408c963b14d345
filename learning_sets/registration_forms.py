"""Registering several people at once, and a person registering themselves through their
site's link."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from design.forms import NhsFormMixin

from .batch import read_people
from .models import DelegatePerspective, WorkshopMessage

MAX_UPLOAD_BYTES = 200_000


class BatchForm(NhsFormMixin, forms.Form):
    """All or nothing: one bad line and nobody is registered, every problem listed."""

    site = forms.ModelChoiceField(queryset=None, empty_label=None)
    people = forms.CharField(
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="People, one a line",
        help_text=(
            "Name, email, perspective, dietary needs, access needs: separated by tabs (pasted "
            "from a spreadsheet) or commas. Email and needs may be left empty. Perspective is "
            "one of: " + ", ".join(label for _, label in DelegatePerspective.choices) + "."
        ),
    )
    upload = forms.FileField(
        required=False, label="Or upload a CSV file", help_text="The same columns, one a line."
    )
    waiting_list_ok = forms.BooleanField(
        required=False, label="Put anyone who does not get a place on the waiting list"
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.helper = FormHelper()
        self.helper.form_enctype = "multipart/form-data"
        self.helper.add_input(Submit("save", "Register these people"))

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_UPLOAD_BYTES // 1000} kB; split it."
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "Save the file as CSV (UTF-8) and upload it again."
            ) from error

    def clean(self):
        data = super().clean()
        text = "\n".join(part for part in (data.get("people"), data.get("upload")) if part)
        if "people" in data and "upload" in data:
            batch = read_people(text)
            for error in batch.errors:
                self.add_error("people", error)
            data["batch"] = batch.people
        return data


class JoinForm(NhsFormMixin, forms.Form):
    """What a person gives when registering through their site's link (no account)."""

    full_name = forms.CharField(max_length=200, label="Your full name")
    email = forms.EmailField(
        max_length=254,
        required=False,
        label="Your email address (optional)",
        help_text="Your joining instructions and the evaluation link are sent here. Without "
        "one, your site's lead is sent them to pass on to you.",
    )
    perspective = forms.ChoiceField(
        choices=DelegatePerspective.choices,
        widget=forms.RadioSelect,
        label="You are coming as",
        error_messages={
            "required": "Select what you are coming as",
            "invalid_choice": "Select what you are coming as from the list",
        },
    )
    dietary_needs = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    access_needs = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    waiting_list_ok = forms.BooleanField(
        required=False, label="If no place is free, put me on the waiting list"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Register"))


class NeedsForm(NhsFormMixin, forms.Form):
    """A delegate's own change to their needs, through their personal link."""

    dietary_needs = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    access_needs = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save my needs"))


class CancelPlaceForm(NhsFormMixin, forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why (optional: the delegate is told)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Cancel the place", css_class="nhsuk-button--warning"))


class WorkshopMessageForm(NhsFormMixin, forms.Form):
    audience = forms.ChoiceField(
        choices=WorkshopMessage.Audience.choices, widget=forms.RadioSelect, label="Send to"
    )
    site = forms.ModelChoiceField(
        queryset=None, required=False, label="The site, when sending to one site's delegates"
    )
    subject = forms.CharField(max_length=200)
    body = forms.CharField(
        max_length=5000, widget=forms.Textarea(attrs={"rows": 6}), label="Message"
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Send the message"))

    def clean(self):
        data = super().clean()
        if data.get("audience") == WorkshopMessage.Audience.SITE and not data.get("site"):
            self.add_error("site", "Choose the site whose delegates the message is for.")
        return data
