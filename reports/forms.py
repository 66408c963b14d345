from django import forms

from design.forms import NhsFormMixin
from sites.choosers import SiteChooserField
from sites.selectors import sites_for_user

from .models import Report
from .rules import can_request_programme_report


class SiteProgressReportForm(NhsFormMixin, forms.Form):
    site = SiteChooserField(queryset=None, label="Site")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites_for_user(user)


class ProgrammeReportForm(NhsFormMixin, forms.Form):
    period_start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}), required=True
    )
    period_end = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}), required=True
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "The end of the period must be after its start.")
        return cleaned


def forms_for(user, data=None) -> dict:
    """The request forms the person may use; ``data`` binds the one its ``kind`` names."""
    kind = (data or {}).get("kind")
    found = {
        "site_progress": SiteProgressReportForm(
            data if kind == Report.Kind.SITE_PROGRESS else None, user=user, prefix="site"
        )
    }
    if can_request_programme_report(user):
        found["programme"] = ProgrammeReportForm(
            data if kind == Report.Kind.PROGRAMME else None, prefix="programme"
        )
    return found
