"""Every form of the project, sent empty (an edit form emptied first), answers the NHS.UK
way: the title starts "Error: ", an error summary at the top takes the focus, and each of its
links leads to a field on the page.

The forms are found on the permission walk's pages (``tests/page_walk.py``: the Django
context says which form classes a page shows), plus the few only a link or a sign-in step
reaches (``ELSEWHERE``). A form class of the project that is neither sent empty here nor
exempted in ``EMPTY_IS_VALID`` fails the test: a new form is covered by listing its page in
its app's walk."""

import datetime
import sys

from django.apps import apps
from django.conf import settings
from django.forms import BaseForm
from django.urls import get_resolver
from playwright.sync_api import expect

from accounts.models import Invitation, token_hash
from design.forms import NhsFormMixin
from tests.browser import BROWSER_TEST
from tests.page_walk import Visit, enter_as, pages_by_role
from tests.sites.factories import PASSWORD
from tests.two_factor import give_device

# Bases other forms build on, never shown themselves.
BASES = {"pdsa.forms.base.VersionedForm", "pdsa.forms.cycles.StageForm"}
# Forms for which nothing is a valid answer, with the reason.
EMPTY_IS_VALID = {
    "dashboard.forms.DashboardFilterForm": "filters (GET): none means the whole programme",
    "pdsa.site_lists.TimelineFilter": "filters (GET): none means every kind of event",
    "notifications.forms.PreferencesForm": "a radio per kind always shows the current choice",
    "pdsa.forms.cycles.CycleDoForm": "a stage is saved in parts; completing it asks for more",
    "pdsa.forms.cycles.CycleStudyForm": "a stage is saved in parts; completing it asks for more",
    "pdsa.forms.cycles.CycleActForm": "a stage is saved in parts; completing it asks for more",
    "support.forms.ActionDoneForm": "a yes/no radio showing the current answer",
    "challenges.forms.DescriptorForm": "a stage's descriptor is optional: empty leaves it out",
    "learning_sets.registration_forms.NeedsForm": "no access or dietary needs is an answer",
    "learning_sets.registration_forms.CancelPlaceForm": "the reason is optional; the page asks",
    "site_exports.views.ExportRequestForm": "nothing to fill in: the button asks for an archive",
}

# Marks the <form> element holding one of the Django form's fields and empties it: text
# boxes, areas and date parts blank, checkboxes unticked, selects on their prompt.
EMPTY_JS = """(names) => {
  const form = [...document.querySelectorAll('form[method=post]')].find(f =>
    names.some(n => f.querySelector(`[name="${n}"], [name="${n}_day"]`)));
  if (!form) return false;
  for (const el of form.querySelectorAll('input, textarea, select')) {
    if (el.type === 'hidden' || el.type === 'submit' || el.type === 'radio') continue;
    if (el.type === 'checkbox') el.checked = false;
    else if (el.tagName === 'SELECT') {
      if ([...el.options].some(o => o.value === '')) el.value = '';
    } else el.value = '';
  }
  for (const b of document.querySelectorAll('[data-empty-submit]')) {
    b.removeAttribute('data-empty-submit');
  }
  const submits = [...form.querySelectorAll(
    'button[type=submit], input[type=submit], button:not([type])')];
  const submit = submits.find(b => !b.classList.contains('nhsuk-button--secondary')) || submits[0];
  if (!submit) return false;
  submit.setAttribute('data-empty-submit', '');
  return true;
}"""


# A view may pass a form the page does not show (registration closed): the coverage check
# at the end still wants each class sent somewhere.
NOT_SHOWN = "no <form method=post> with its fields and a submit button"


def project_form_classes() -> dict[str, type]:
    """Every form class defined in the project's apps (each view, so each form module, is
    imported by loading the URLs)."""
    get_resolver().url_patterns  # noqa: B018 (imports every view)
    ours = {
        config.name
        for config in apps.get_app_configs()
        if str(config.path).startswith(str(settings.BASE_DIR))
        and "site-packages" not in str(config.path)
    }
    found, todo = {}, [BaseForm]
    while todo:
        klass = todo.pop()
        todo.extend(klass.__subclasses__())
        module = klass.__module__
        if module.split(".")[0] in ours and module in sys.modules:
            found[f"{module}.{klass.__qualname__}"] = klass
    return {name: klass for name, klass in found.items() if name not in BASES}


def _name(form) -> str:
    """The project's class of a form (a formset factory's class is named after Django)."""
    ours = next(
        (k for k in type(form).__mro__ if k.__module__.split(".")[0] not in ("django", "builtins")),
        type(form),
    )
    return f"{ours.__module__}.{ours.__qualname__}"


def test_every_form_of_the_project_uses_the_nhs_mixin():
    plain = [
        name
        for name, klass in project_form_classes().items()
        if not issubclass(klass, NhsFormMixin)
    ]
    assert not plain, f"forms without design.forms.NhsFormMixin: {plain}"


def _send_empty(page, url: str, forms: list) -> str | None:
    """Send the <form> holding ``forms`` empty; the problem, or None when it answers well."""
    page.goto(url)
    names = [
        form.add_prefix(name)
        for form in forms
        for name, field in form.fields.items()
        if not field.widget.is_hidden
    ]
    if not page.evaluate(EMPTY_JS, names):
        return NOT_SHOWN
    page.locator("[data-empty-submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".nhsuk-error-summary")
    if summary.count() != 1:
        heading = page.locator("h1").first.text_content() if page.locator("h1").count() else ""
        return f"no error summary after sending it empty (now at {page.url}: {heading!r})"
    problems = []
    try:
        expect(summary).to_be_focused(timeout=3000)
    except AssertionError:
        problems.append("the error summary does not take the focus")
    if not page.title().startswith("Error: "):
        problems.append(f"title {page.title()!r} does not start 'Error: '")
    if summary.get_by_role("alert").count() != 1 and summary.get_attribute("role") != "alert":
        problems.append("the summary is not an alert")
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    if not targets:
        problems.append("the summary links to no field")
    problems += [f"no field #{t}" for t in targets if page.locator(f"[id='{t}']").count() != 1]
    return "; ".join(problems) or None


def _elsewhere(world, page, live_server) -> list[tuple[Visit, object]]:
    """Forms no walked page shows: the second sign-in step, and setting a password from an
    invitation (its link holds a secret token)."""
    from django.contrib.auth import get_user_model

    from accounts.forms import SetPassword, TwoFactorCodeForm

    Invitation.objects.create(
        full_name="Pat Example",
        email="pat@example.org",
        role="member",
        site=world.site_a,
        token_hash=token_hash("a-real-token"),
        invited_by=world.admin,
        expires_at=Invitation.expiry(datetime.datetime.now(datetime.UTC)),
    )

    def second_step():
        page.context.clear_cookies()
        give_device(world.consultant)
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(world.consultant.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/two-factor/verify/**")

    from learning_sets import services as learning_sets
    from learning_sets.registration_forms import JoinForm
    from tests.learning_sets.factories import workshop_for

    future = workshop_for([world.site_a, world.site_b])  # the walk's workshop has taken place
    link = learning_sets.registration_link_issue(workshop=future, site=world.site_a, by=None)
    from reports.forms import ProgrammeReportForm

    return [
        # The walk sees the reports page as a lead, who may not ask for the programme's.
        (
            Visit(
                "admin",
                "reports:report-list",
                "/reports/",
                [ProgrammeReportForm(prefix="programme")],
            ),
            lambda: enter_as(page, live_server, world, "admin"),
        ),
        (
            Visit("anonymous", "learning_sets:join", link.get_absolute_url(), [JoinForm()]),
            page.context.clear_cookies,
        ),
        (Visit("consultant", "two-factor-verify", "", [TwoFactorCodeForm()]), second_step),
        (
            Visit(
                "anonymous",
                "invitation-accept",
                "/accounts/invite/a-real-token/",
                [SetPassword(get_user_model()())],
            ),
            page.context.clear_cookies,
        ),
    ]


@BROWSER_TEST[0]
@BROWSER_TEST[1]
def test_every_form_sent_empty_shows_a_focused_error_summary_linking_to_the_fields(
    world, page, live_server
):
    sent, failures, tried = set(), [], set()
    for role, visits in pages_by_role(world).items():
        enter_as(page, live_server, world, role)
        for visit in visits:
            for form in visit.forms:
                name = _name(form)
                hidden_only = all(f.widget.is_hidden for f in form.fields.values())
                if form.empty_permitted or hidden_only or name in EMPTY_IS_VALID.keys() | tried:
                    continue  # a formset's extra forms go with the form they sit in
                problem = _send_empty(page, f"{live_server.url}{visit.url}", [form])
                if problem == NOT_SHOWN:
                    continue
                tried.add(name)
                if problem:
                    failures.append(f"{name} on {visit.url} as {role}: {problem}")
                else:
                    sent.add(name)
                    sent |= {_name(f) for f in visit.forms if f.empty_permitted}
    for visit, arrive in _elsewhere(world, page, live_server):
        arrive()
        url = f"{live_server.url}{visit.url}" if visit.url else page.url
        problem = _send_empty(page, url, visit.forms)
        name = _name(visit.forms[0])
        if problem:
            failures.append(f"{name} ({visit.name}): {problem}")
        else:
            sent.add(name)
    assert not failures, "\n".join(failures)
    missing = set(project_form_classes()) - sent - set(EMPTY_IS_VALID)
    assert not missing, f"forms no test sent empty (list their page in a walk): {sorted(missing)}"
