from django import forms

from design.forms import NhsFormMixin


class PreferencesForm(NhsFormMixin, forms.Form):
    """Two checkboxes per event or reminder kind: email me, and in a weekly digest instead."""

    def __init__(self, *args, rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for row in rows:
            kind = row["kind"]
            self.fields[f"{kind.name}-email"] = forms.BooleanField(
                label=f"Email me: {kind.label}", required=False, initial=row["email"]
            )
            self.fields[f"{kind.name}-digest"] = forms.BooleanField(
                label=f"Weekly digest instead: {kind.label}",
                required=False,
                initial=row["digest"],
            )
            self.rows.append(
                {
                    "kind": kind,
                    "is_event": row["is_event"],
                    "email": self[f"{kind.name}-email"],
                    "digest": self[f"{kind.name}-digest"],
                }
            )

    def choices(self) -> dict[str, tuple[bool, bool]]:
        return {
            kind.name: (
                self.cleaned_data[f"{kind.name}-email"],
                self.cleaned_data[f"{kind.name}-digest"],
            )
            for kind in (row["kind"] for row in self.rows)
        }

    @property
    def event_rows(self) -> list[dict]:
        return [row for row in self.rows if row["is_event"]]

    @property
    def reminder_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["is_event"]]
