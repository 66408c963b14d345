"""Forms people can't get wrong: the NHS.UK date input, radios for a short list of choices,
real prompts instead of "---------", and error messages that say what to do, derived from
each field's label.

``NhsFormMixin`` goes first in a form's bases (``class GoalForm(NhsFormMixin, forms.ModelForm)``).
It keeps any message a form sets itself; it only replaces Django's generic defaults.
"""

import datetime
import re

from django import forms
from django.forms.widgets import ChoiceWidget

DATE_PARTS = ("day", "month", "year")
BLANK = "---------"  # Django's blank choice, replaced by a prompt
MOST_RADIOS = 6  # the service manual: radios for a choice of up to about 6 options
COUNTED = range(2_000, 100_001)  # text box limits shown with the NHS.UK character count


class DateInput(forms.MultiWidget):
    """Day, month and year boxes (the NHS.UK date input) for a DateField.

    Also reads a single ISO value posted under the field's own name, so links, tests and
    scripts that post ``2026-12-01`` keep working."""

    template_name = "nhsuk/widgets/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "class": "nhsuk-input nhsuk-date-input__input"}
        super().__init__(
            {
                "day": forms.TextInput({**box, "class": box["class"] + " nhsuk-input--width-2"}),
                "month": forms.TextInput({**box, "class": box["class"] + " nhsuk-input--width-2"}),
                "year": forms.TextInput({**box, "class": box["class"] + " nhsuk-input--width-4"}),
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        day, month, year = (data.get(f"{name}_{part}", "").strip() for part in DATE_PARTS)
        if not (day or month or year):
            return None
        if day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4:
            return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        return f"{year}-{month}-{day}"  # DateField reports it as not a real date

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}_{part}" not in data for part in DATE_PARTS)


def _is_single_select(widget) -> bool:
    return isinstance(widget, forms.Select) and not isinstance(
        widget, forms.SelectMultiple | forms.RadioSelect
    )


def counted_limit(field) -> int | None:
    """The limit of a text box that gets nhsuk-frontend's character count (a textarea
    holding 2,000 to 100,000 characters), else None."""
    limit = getattr(field, "max_length", None)
    if limit is None or not isinstance(field.widget, forms.Textarea):
        return None  # ``None in COUNTED`` would compare None with each of 98,001 numbers
    return limit if limit in COUNTED else None


def _short_fixed_choice(field) -> bool:
    """A required choice among a fixed few (a model's choices, a form's own list): radios.
    A model's rows (sites, people, topics) vary with the data and stay a select, as do
    optional choices (a radio cannot be unchosen) and grouped ones."""
    if not _is_single_select(field.widget) or not field.required:
        return False
    if not isinstance(field, forms.ChoiceField) or isinstance(field, forms.ModelChoiceField):
        return False
    choices = [value for value, _ in field.choices if value not in ("", None)]
    if any(isinstance(value, list | tuple) for _, value in field.choices):
        return False
    return 1 < len(choices) <= MOST_RADIOS


def _label(field, name: str) -> str:
    label = str(field.label or name.replace("_", " ").capitalize())
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]


# A label that starts with one of these reads on without "the" or "a": "Enter your
# response", not "Enter the your response"; "Enter what moved", not "Enter the what moved".
DETERMINERS = frozenset(
    "a an the this that these those your their its our my any each every some no one "
    "what which who whom whose when where why how whether if".split()
)


def _starts_with_determiner(label: str) -> bool:
    first = re.match(r"[\w']*", label).group()
    return first.lower() in DETERMINERS


def _the(label: str) -> str:
    return label if _starts_with_determiner(label) else f"the {label}"


def _a(label: str) -> str:
    if _starts_with_determiner(label):
        return label
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"


def _defaults(field) -> dict:
    defaults = {}
    for klass in reversed(type(field).__mro__):
        defaults.update(getattr(klass, "default_error_messages", {}))
    return {key: str(value) for key, value in defaults.items()}


def _messages(field, name: str) -> dict:
    label = _label(field, name)
    sentence = label[:1].upper() + label[1:]
    is_choice = isinstance(field.widget, ChoiceWidget) or isinstance(
        field, forms.ChoiceField | forms.ModelChoiceField
    )
    if isinstance(field, forms.BooleanField):
        required = f"Tick the box: {sentence}"
    elif is_choice:
        required = f"Select {_the(label)}"
    else:
        required = f"Enter {_the(label)}"
    messages = {
        "required": required,
        "invalid_choice": f"Select {_the(label)} from the list",
        "max_length": f"{sentence} must be %(limit_value)d characters or fewer",
        "min_length": f"{sentence} must be at least %(limit_value)d characters",
        "min_value": f"{sentence} must be %(limit_value)s or more",
        "max_value": f"{sentence} must be %(limit_value)s or less",
    }
    if isinstance(field, forms.DateField):
        messages["invalid"] = f"{sentence} must be a real date, like 27 3 2026"
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{sentence} must be a whole number, like 12"
    elif isinstance(field, forms.FloatField | forms.DecimalField):
        messages["invalid"] = f"{sentence} must be a number, like 12.5"
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
    return messages


class NhsFormMixin:
    """NHS.UK form behaviour for a Django form; see the module docstring.

    ``prompts`` maps a field name to a select's first option (default "Select a <label>");
    ``required_messages`` maps a field name to its own "required" message; ``keeps_answers``
    names selects and radios that may start on an answer given before (a re-assessment
    starts from the last ratings and says what changed); ``selects`` names short choices
    kept as a select all the same."""

    prompts: dict[str, str] = {}
    required_messages: dict[str, str] = {}
    keeps_answers: frozenset[str] = frozenset()
    selects: frozenset[str] = frozenset()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            self._use_nhs_date_input(field)
            if counted_limit(field):  # the count says how far over; the browser would cut
                field.widget.attrs.pop("maxlength", None)
            self._prompt(name, field)
            defaults = _defaults(field)
            for key, message in _messages(field, name).items():
                current = field.error_messages.get(key)
                if current is None or str(current) == defaults.get(key):
                    field.error_messages[key] = message
            if name in self.required_messages:
                field.error_messages["required"] = self.required_messages[name]

    @staticmethod
    def _use_nhs_date_input(field):
        if isinstance(field, forms.DateField) and type(field.widget) in (
            forms.DateInput,
            forms.TextInput,
        ):
            field.widget = DateInput(
                {k: v for k, v in field.widget.attrs.items() if k not in ("type", "class")}
            )
            field.input_formats = ["%Y-%m-%d", *field.input_formats]

    def __getitem__(self, name):
        """The bound field, a short choice first made radios and a select or those radios
        set to start on no answer (here, not in ``__init__``: forms set their choices and
        initial values after the mixin's turn)."""
        if name not in self._bound_fields_cache and name in self.fields:
            field = self.fields[name]
            radios = name not in self.selects and _short_fixed_choice(field)
            if radios:
                self._use_radios(field)
            if name not in self.keeps_answers and self._records_something_new():
                widget = field.widget  # CheckboxSelectMultiple is a RadioSelect too
                if isinstance(widget, forms.RadioSelect) and not widget.allow_multiple_selected:
                    self.initial.pop(name, None)
                    field.initial = None
                else:
                    self._start_on_prompt(name, field)
        return super().__getitem__(name)

    @staticmethod
    def _use_radios(field):
        """NHS.UK radios (a fieldset, its legend the label) with the blank choice left out:
        none is chosen until the person chooses."""
        field.widget = forms.RadioSelect(attrs=field.widget.attrs)
        field.choices = [(v, label) for v, label in field.choices if v not in ("", None)]

    def _records_something_new(self) -> bool:
        instance = getattr(self, "instance", None)
        return not self.is_bound and (instance is None or instance.pk is None)

    def _start_on_prompt(self, name: str, field):
        """A select on a new record starts on its prompt, never on an answer the person did
        not give (a model's default, the first site of a list, the person themself): the
        service manual's "do not pre-select options"."""
        widget = field.widget
        if not _is_single_select(widget):
            return
        self.initial.pop(name, None)
        field.initial = None
        prompt = self._prompt_text(name, field)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is None:
                field.empty_label = prompt
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if not choices or choices[0][0] not in ("", None):
                field.choices = [("", prompt), *choices]

    def _prompt_text(self, name: str, field) -> str:
        return self.prompts.get(name) or f"Select {_a(_label(field, name))}"

    def _prompt(self, name: str, field):
        if not _is_single_select(field.widget):
            return
        prompt = self._prompt_text(name, field)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == BLANK:
                field.empty_label = prompt
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and choices[0][1] in (BLANK, ""):
                field.choices = [("", prompt), *choices[1:]]
