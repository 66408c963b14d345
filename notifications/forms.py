from django import forms

from design.forms import NhsFormMixin

from .models import Reminder

DELIVERIES = [
    (Reminder.Delivery.EMAIL, "Email each time"),
    (Reminder.Delivery.DIGEST, "In the weekly digest"),
    (Reminder.Delivery.NONE, "Only in the app"),
]
# The service's (email, digest) for each delivery.
AS_FLAGS = {
    Reminder.Delivery.EMAIL: (True, False),
    Reminder.Delivery.DIGEST: (True, True),
    Reminder.Delivery.NONE: (False, False),
}


class PreferencesForm(NhsFormMixin, forms.Form):
    """One choice per event or reminder kind: email each time, the weekly digest, or only
    the app (two boxes let a person tick "email" and "digest instead" together)."""

    def __init__(self, *args, rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.keeps_answers = frozenset(row["kind"].name for row in rows)  # the current choice
        self.rows = []
        for row in rows:
            kind = row["kind"]
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label,
                choices=DELIVERIES,
                initial=row["delivery"],
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose how to hear: {kind.label}"},
            )
            self.rows.append({"kind": kind, "is_event": row["is_event"], "field": self[kind.name]})

    def choices(self) -> dict[str, tuple[bool, bool]]:
        return {
            row["kind"].name: AS_FLAGS[self.cleaned_data[row["kind"].name]] for row in self.rows
        }

    @property
    def event_rows(self) -> list[dict]:
        return [row for row in self.rows if row["is_event"]]

    @property
    def reminder_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["is_event"]]

    @property
    def deliveries(self) -> list[str]:
        return [label for _, label in DELIVERIES]
