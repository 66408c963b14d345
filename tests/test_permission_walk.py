"""Every URL of the project, requested as every role, answers with the status its app
declared. A new view that no app lists fails here, so nothing ships unchecked."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from sites.models import ProjectGroupMember
from tests.sites.factories import SiteFactory, join

from .walk import ROLES, SIGN_IN, Case

SKIPPED_NAMESPACES = {"admin"}


def project_url_names(patterns=None, namespace=None) -> set[str]:
    names = set()
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            names |= project_url_names(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}:{entry.name}" if namespace else entry.name)
    return names


def all_cases(world):
    cases = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"tests.{config.name}.walk")
        except ModuleNotFoundError:
            continue
        cases.extend(module.cases(world))
    return cases + empty_site_cases(world, cases)


EMPTY_SLUG = "empty"
# What a page does differently on a site with nothing recorded (the URL's name: why).
ON_AN_EMPTY_SITE = {
    "pdsa:goal-add": "no priority to set a goal for: sent to agree the priorities first",
}


def empty_site_cases(world, cases):
    """Site A's own pages (its slug, no record's id) again on a site with nothing recorded,
    where site A's people hold the same roles: a page that only works once something is
    recorded (a new site, most of the demo's) is found here, not by a user."""
    empty = SiteFactory(name="Empty Mental Health NHS Trust", slug=EMPTY_SLUG, category="network")
    join(empty, world.lead_a, ProjectGroupMember.Role.PROJECT_LEAD, "manager")
    join(empty, world.member_a, ProjectGroupMember.Role.MEMBER, "clinician")
    empty.consultants.add(world.consultant)
    own_page = re.compile(rf"^(?:/[a-z-]+)*/{world.site_a.slug}/(?:[a-z-]+/)*$")
    twins, seen = [], set()
    for case in cases:
        if case.method == "get" and own_page.match(case.url) and case.url not in seen:
            seen.add(case.url)
            url = case.url.replace(f"/{world.site_a.slug}/", f"/{empty.slug}/")
            expected = case.expected
            if case.name in ON_AN_EMPTY_SITE:
                expected = {role: 302 if code == 200 else code for role, code in expected.items()}
            twins.append(Case(case.name, url, expected))
    return twins


def test_every_url_of_the_project_is_in_the_walk(world):
    listed = {case.name for case in all_cases(world)}
    missing = project_url_names() - listed
    assert not missing, f"URLs with no permission-walk case: {sorted(missing)}"


# Every answer, pages, redirects, refusals and downloads alike, carries the security headers.
REQUIRED_CSP = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


# The load balancer's probe is answered first in the middleware, before the headers are
# added (imroc.health); it is plain text or JSON, never a page.
PROBES = {"healthz"}
# Read by BI tools with a token, revalidated with ETags ("private, no-cache"), not a browser.
REVALIDATED = {"api"}


def header_problems(response) -> list[str]:
    problems = []
    csp = [part.strip() for part in response.get("Content-Security-Policy", "").split(";")]
    problems += [f"CSP lacks {directive!r}" for directive in REQUIRED_CSP if directive not in csp]
    if "unsafe-inline" in response.get("Content-Security-Policy", ""):
        problems.append("CSP allows inline code")
    if "camera=()" not in response.get("Permissions-Policy", ""):
        problems.append("no Permissions-Policy denying the camera")
    if response.get("Cross-Origin-Opener-Policy") != "same-origin":
        problems.append("no Cross-Origin-Opener-Policy: same-origin")
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_declared(client, world, role):
    failures = []
    for case in all_cases(world):
        if role != "anonymous":
            client.force_login(world.users[role])  # again: a case may have signed out
        with transaction.atomic():
            response = getattr(client, case.method)(case.url, case.data)
            transaction.set_rollback(True)
        if case.name not in PROBES:
            failures.extend(
                f"{case.url} ({case.name}): {problem}" for problem in header_problems(response)
            )
            if (
                role != "anonymous"
                and case.name.split(":")[0] not in REVALIDATED
                and "no-store" not in response.get("Cache-Control", "")
            ):
                failures.append(
                    f"{case.url} ({case.name}): signed in, but no Cache-Control: no-store"
                )
        expected = case.expected[role]
        if response.status_code != expected:
            failures.append(
                f"{case.method.upper()} {case.url} ({case.name}): "
                f"{response.status_code}, expected {expected}"
            )
        elif role == "anonymous" and expected == SIGN_IN:
            if "/accounts/login/" not in response["Location"]:
                failures.append(f"{case.url}: anonymous sent to {response['Location']}")
    assert not failures, f"as {role}:\n" + "\n".join(failures)
