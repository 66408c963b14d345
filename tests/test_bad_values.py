"""Every form of the project, sent with one bad value (a text too long, a choice not offered,
a date that does not exist, a word for a number), answers the NHS.UK way: the page's one
error summary sits at the top of <main>, before the heading, and its link for that value
leads to the field's control on the page; every other link of the summary leads somewhere
on the page too. The sibling of ``tests/test_empty_forms.py`` (sent empty, in a browser).

The forms are found on the permission walk's pages (``tests/page_walk.py``); each <form> is
sent as the page shows it, one field changed. A form class of the project that is neither
sent here nor listed in ``NO_BAD_VALUE`` fails the test."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import transaction

from design.forms import DateInput
from tests.page_walk import Visit, client_as, pages_by_role
from tests.test_empty_forms import BASES, _name, project_form_classes

pytestmark = pytest.mark.django_db

# Forms with no field a value can be wrong for, with the reason.
NO_BAD_VALUE = {
    "site_exports.views.ExportRequestForm": "nothing to fill in: the button asks for an archive",
    "dashboard.forms.DashboardFilterForm": "filters (GET): tests/dashboard test bad filters",
    "pdsa.site_lists.TimelineFilter": "filters (GET): tests/pdsa/test_site_lists.py bad kind",
    "accounts.forms.SignInForm": "any username may be tried: a wrong one fails the sign-in",
    "accounts.forms.PasswordChange": "passwords have no wrong value but a weak or unmatched one",
    "accounts.forms.SetPassword": "passwords have no wrong value but a weak or unmatched one",
    "accounts.forms.TwoFactorCodeForm": "a code is right or wrong for the device, not the form",
    "learning_sets.registration_forms.CancelPlaceForm": "not reached by the walk (left to do)",
}


def _elsewhere(world) -> list[tuple[str, Visit]]:
    """Forms the walk's pages do not show: the programme report (the walk sees the reports
    page as a lead) and registering through a link (its address holds a secret)."""
    from learning_sets import services as learning_sets
    from learning_sets.registration_forms import JoinForm
    from reports.forms import ProgrammeReportForm
    from tests.learning_sets.factories import workshop_for

    future = workshop_for([world.site_a, world.site_b])
    link = learning_sets.registration_link_issue(workshop=future, site=world.site_a, by=None)
    return [
        (
            "admin",
            Visit("admin", "reports", "/reports/", [ProgrammeReportForm(prefix="programme")]),
        ),
        ("anonymous", Visit("anonymous", "join", link.get_absolute_url(), [JoinForm()])),
    ]


class PageForms(HTMLParser):
    """Each <form method=post>: its action, the pairs it would send as shown (ticked boxes,
    checked radios, selected options) and its submit buttons."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            post = (a.get("method") or "get").lower() == "post"
            self._form = (
                {"action": a.get("action") or "", "pairs": [], "names": set(), "submits": []}
                if post
                else None
            )
            if post:
                self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = a.get("name")
        if tag == "button" or (tag == "input" and a.get("type") in ("submit",)):
            if a.get("type", "submit") == "submit":
                form["submits"].append((name, a.get("value", ""), a.get("class") or ""))
            return
        if not name:
            return
        form["names"].add(name)
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            form["pairs"].append([name, a.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea":
            self._textarea = [name, ""]
            form["pairs"].append(self._textarea)
        elif tag == "select":
            self._select = {"name": name, "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = self._select["chosen"]
            value = chosen if chosen is not None else self._select["first"]
            self._form["pairs"].append([self._select["name"], value or ""])
            self._select = None


def bad_value(field) -> dict | None:
    """What to send instead for ``field`` (by the name's suffix), or None when no value of
    it can be wrong."""
    if field.widget.is_hidden or field.disabled:
        return None
    if isinstance(field.widget, DateInput):
        return {"_day": "31", "_month": "2", "_year": "2026"}
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return {"": ["not-a-choice"]}
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return {"": "not-a-choice"}
    if isinstance(field, forms.DateField):
        return {"": "2026-02-31"}
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return {"": "lots"}
    if isinstance(field, forms.EmailField):
        return {"": "not an email address"}
    if isinstance(field, forms.CharField) and any(
        isinstance(v, MaxLengthValidator) for v in field.validators
    ):
        return {"": "x" * (field.max_length + 1)}
    return None


def _targets(html: str) -> tuple[str, list[str]]:
    """The page's error summary (its HTML) and the ids its links lead to."""
    match = re.search(r'<div class="nhsuk-error-summary".*?</ul>', html, re.S)
    summary = match.group() if match else ""
    return summary, re.findall(r'href="#([^"]+)"', summary)


def _control_name(html: str, element_id: str) -> str | None:
    """The name of the form control with that id on the page."""
    tag = re.search(rf'<(?:input|select|textarea)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', html)
    name = re.search(r'\bname="([^"]+)"', tag.group()) if tag else None
    return name.group(1) if name else None


def _send_bad(client, visit, form) -> str | None:
    """Send the <form> holding ``form`` with its first field that can be wrong made wrong;
    the problem, or None when the page answers well."""
    page = PageForms()
    page.feed(client.get(visit.url).content.decode())  # this client's page (its session's state)
    for name, field in form.fields.items():
        bad = bad_value(field)
        html_name = form.add_prefix(name)
        if bad is None:
            continue
        shown = next(
            (f for f in page.forms if html_name in f["names"] or f"{html_name}_day" in f["names"]),
            None,
        )
        if shown is not None:
            break
    else:
        return "not shown"
    data = {}
    for key, value in shown["pairs"]:
        data.setdefault(key, []).append(value)
    for suffix, value in bad.items():
        data[html_name + suffix] = value if isinstance(value, list) else [value]
    if "_day" in bad:
        data.pop(html_name, None)
    primary = [s for s in shown["submits"] if "secondary" not in s[2]] or shown["submits"]
    if primary and primary[0][0]:
        data[primary[0][0]] = [primary[0][1]]
    url = urljoin(visit.url, shown["action"]) if shown["action"] else visit.url
    with transaction.atomic():
        response = client.post(url, data)
        transaction.set_rollback(True)
    if response.status_code not in (200, 400):
        return f"{html_name}: answered {response.status_code} (a bad value accepted?)"
    html = response.content.decode()
    summary, targets = _targets(html)
    problems = []
    main, heading = html.find("<main"), html.find("<h1", html.find("<main"))
    where = html.find('class="nhsuk-error-summary"')
    if where == -1:
        return f"{html_name}: no error summary"
    if not main < where < heading:
        problems.append("the summary is not at the top of <main>, before the <h1>")
    if html.count('class="nhsuk-error-summary"') != 1:
        problems.append("more than one error summary")
    problems += [f"a link to #{t}, not on the page" for t in targets if f'id="{t}"' not in html]
    ours = [t for t in targets if _control_name(html, t) in (html_name, f"{html_name}_day")]
    if not ours:
        problems.append(f"no link to {html_name} (links: {targets}; summary: {summary[-300:]!r})")
    return "; ".join(f"{html_name}: {p}" for p in problems) or None


def test_every_form_sent_with_a_bad_value_links_its_error_to_the_field(world):
    sent, failures, tried = set(), [], set()
    walked = [(role, visit) for role, visits in pages_by_role(world).items() for visit in visits]
    clients = {}
    for role, visit in walked + _elsewhere(world):
        client = clients.setdefault(role, client_as(world, role))
        for form in visit.forms:
            name = _name(form)
            if name in tried | NO_BAD_VALUE.keys() or name in BASES:
                continue
            problem = _send_bad(client, visit, form)
            if problem == "not shown":
                continue
            tried.add(name)
            if problem:
                failures.append(f"{name} on {visit.url} as {role}: {problem}")
            else:
                sent.add(name)
    assert not failures, "\n".join(failures)
    missing = set(project_form_classes()) - sent - set(NO_BAD_VALUE)
    assert not missing, f"forms no test sent with a bad value: {sorted(missing)}"
