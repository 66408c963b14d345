"""Shared fixtures: the actors every view is tested against, and the browser set-up."""

import os
import shutil

import pytest

# Playwright's event loop runs for the whole session; Django must still allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("IMROC_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def force_login_includes_second_factor(monkeypatch):
    """``client.force_login(user)`` signs in as if through both steps (see
    ``tests/two_factor.py``); the app itself always asks administrators and consultants for
    their second factor."""
    from django.test.client import Client

    from tests.two_factor import force_login_with_second_factor

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture
def world(db):
    """Two sites and one person a role: lead and team member of site A, lead of site B,
    a consultant assigned to site A, an organiser, an administrator."""
    from tests.sites.factories import build_world

    return build_world()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture
def page(page):
    """Every browser test also fails if a page it visits breaks the Content-Security-Policy
    (Chromium reports each refused inline script or style, or outside URL, on the console)."""
    page.csp_violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    yield page
    assert not page.csp_violations, "\n".join(page.csp_violations)


@pytest.fixture
def signed_in_page(page, live_server):
    """Return a function that signs a user in through the real form and returns the page."""
    from tests.browser import sign_in

    def _sign_in(user):
        sign_in(page, live_server.url, user)
        return page

    return _sign_in


@pytest.fixture(autouse=True)
def celery_eager():
    """Tasks run in-process unless a test starts a real worker (the ``celery_worker`` tests
    switch this off). The app's conf is set directly: Django's settings fixture cannot
    reach an already configured Celery app."""
    from imroc.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files (reports) go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Each test starts with an empty cache (chart results, sessions) that no other test run
    shares."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
    }
    cache.clear()
