"""The pages browser tests walk: every page of the permission walk that answers a GET with
HTML, each seen once, as the first role of ``PREFERRED`` allowed to read it (a site's lead
sees the most actions on their own site's pages), with the Django forms it shows.

The Django test client reads each page first (in process, fast): it says which pages are
HTML, not downloads, and which form classes each page carries, so the browser only visits
pages and knows which form on a page is which."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.forms import BaseForm, BaseFormSet
from django.test import Client

from tests.test_permission_walk import all_cases

PREFERRED = ("lead_a", "organiser", "consultant", "admin", "member_a", "lead_b", "anonymous")


@dataclass
class Visit:
    role: str
    name: str
    url: str
    forms: list = field(default_factory=list)  # form instances, formsets' forms included
    html: str = ""  # the page as the Django test client read it


def _forms_in(context) -> list:
    """Forms and formsets the view put in the context (also one level inside a dict, a list
    or an object's ``forms``, as pages that group forms do)."""
    found = []

    def take(value):
        if isinstance(value, BaseForm):
            found.append(value)
        elif isinstance(value, BaseFormSet):
            found.extend(value.forms)

    if context is not None and not hasattr(context, "keys"):
        context = context.flatten()  # one template rendered with a RequestContext
    for key in context.keys() if context is not None else ():
        value = context[key]
        take(value)
        grouped = getattr(value, "forms", None)  # an object grouping a page's forms
        if not isinstance(value, BaseFormSet) and isinstance(grouped, list | tuple):
            for item in grouped:
                take(item)
        if isinstance(value, dict):
            for item in value.values():
                take(item)
        elif isinstance(value, list | tuple):
            for item in value:
                take(item)
    unique = {}
    for form in found:
        unique.setdefault(id(form), form)
    return list(unique.values())


def client_as(world, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def pages_by_role(world) -> dict[str, list[Visit]]:
    """Every HTML page of the walk, grouped by the role that visits it."""
    clients, seen, by_role = {}, set(), defaultdict(list)
    for case in all_cases(world):
        if case.method != "get" or case.url in seen:
            continue
        # A page open to all (sign in, register through a link) is seen as the public sees it.
        order = ("anonymous", *PREFERRED) if case.expected.get("anonymous") == 200 else PREFERRED
        role = next((r for r in order if case.expected.get(r) == 200), None)
        if role is None:
            continue
        seen.add(case.url)
        client = clients.setdefault(role, client_as(world, role))
        response = client.get(case.url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        by_role[role].append(
            Visit(
                role,
                case.name,
                case.url,
                _forms_in(response.context),
                response.content.decode(),
            )
        )
    return by_role


def enter_as(page, live_server, world, role: str) -> None:
    """The browser takes over a session of the role (signed in with both factors), so a walk
    does not pay for the sign-in form on every role; the form itself has its own tests."""
    page.context.clear_cookies()
    if role == "anonymous":
        return
    client = client_as(world, role)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
