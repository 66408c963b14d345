"""No page chooses for the person: a select on a form that records something new starts on
its prompt and its radios with none chosen, never on a real answer (a delegate was
registered for the first site of the list without a site being chosen). An edit form may
show what was saved before, which the person chose then."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.forms import ChoiceField, ModelChoiceField, RadioSelect

from tests.page_walk import pages_by_role

pytestmark = pytest.mark.django_db


class Selects(HTMLParser):
    """Each single select's name and the value it starts on (the option marked selected, or
    else the first, as a browser shows it)."""

    def __init__(self):
        super().__init__()
        self.found, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select" and "multiple" not in attrs:
            self._current = {"name": attrs.get("name", ""), "first": None, "selected": None}
        elif tag == "option" and self._current is not None:
            value = attrs.get("value", "")
            if self._current["first"] is None:
                self._current["first"] = value
            if "selected" in attrs and self._current["selected"] is None:
                self._current["selected"] = value

    def handle_endtag(self, tag):
        if tag == "select" and self._current is not None:
            current = self._current
            start = current["selected"] if current["selected"] is not None else current["first"]
            self.found.append((current["name"], start or ""))
            self._current = None


class CheckedRadios(HTMLParser):
    """The name of each radio the page starts checked."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "radio" and "checked" in attrs:
            self.found.append((attrs.get("name", ""), attrs.get("value", "")))


def _saved_fields(visit) -> set[str]:
    """Fields of the page's edit forms (their instance is saved): they show earlier answers."""
    return {
        form.add_prefix(name)
        for form in visit.forms
        if getattr(getattr(form, "instance", None), "pk", None) is not None
        for name in form.fields
    }


def _choices_made(visit) -> set[str]:
    """Fields whose value came from the page's address (a filter showing the person's
    choice), and answers a form carries from before (``keeps_answers``: a re-assessment)."""
    asked = set(parse_qs(urlsplit(visit.url).query))
    return asked | {
        form.add_prefix(name)
        for form in visit.forms
        for name in form.fields
        if form.is_bound or name in getattr(form, "keeps_answers", ())
    }


def _short_choices(visit) -> set[str]:
    """Fields of the page's forms that the design's rule made radios (a short fixed choice)."""
    return {
        form.add_prefix(name)
        for form in visit.forms
        for name, field in form.fields.items()
        if isinstance(field, ChoiceField)
        and not isinstance(field, ModelChoiceField)
        and isinstance(field.widget, RadioSelect)
    }


def test_no_select_on_any_page_of_the_walk_starts_on_a_real_answer(world):
    chosen = []
    for visits in pages_by_role(world).values():
        for visit in visits:
            parser, radios = Selects(), CheckedRadios()
            parser.feed(visit.html)
            radios.feed(visit.html)
            allowed = _saved_fields(visit) | _choices_made(visit)
            short = _short_choices(visit)
            chosen += [
                f"{visit.url} ({visit.role}): {name} starts on {value!r}"
                for name, value in parser.found
                if value and re.sub(r"_\d+$", "", name) not in allowed and name not in allowed
            ]
            chosen += [
                f"{visit.url} ({visit.role}): radio {name} starts on {value!r}"
                for name, value in radios.found
                if name in short and name not in allowed
            ]
    assert not chosen, "selects that choose for the person:\n" + "\n".join(sorted(set(chosen)))


def test_a_short_fixed_choice_is_radios_and_a_long_one_a_select():
    from django import forms

    from design.forms import MOST_RADIOS, NhsFormMixin

    class Example(NhsFormMixin, forms.Form):
        role = forms.ChoiceField(
            choices=[("", "---------"), ("lead", "Lead"), ("member", "Member")]
        )
        region = forms.ChoiceField(
            choices=[(str(n), f"Region {n}") for n in range(MOST_RADIOS + 1)]
        )
        optional = forms.ChoiceField(required=False, choices=[("a", "A"), ("b", "B")])

    html = Example(initial={"role": "lead"}).as_div()
    assert 'type="radio"' in Example()["role"].as_widget()
    assert "checked" not in Example(initial={"role": "lead"})["role"].as_widget()
    assert 'value=""' not in Example()["role"].as_widget()
    assert "<select" in Example()["region"].as_widget()
    assert "<select" in Example()["optional"].as_widget()
    assert "Lead" in html
    bad = Example({"role": "boss", "region": "1"})
    assert bad.errors["role"] == ["Select the role from the list"]
