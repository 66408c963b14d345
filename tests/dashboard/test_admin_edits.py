"""A correction made in the Django admin shows on the dashboard at once: the admin writes
behind the services, so its saves and deletes replace the figures' version themselves."""

import pytest
from django.contrib import admin

from sites.figures_admin import FiguresAdmin
from support.models import SupportLogEntry

from .programme import PERIOD, build
from .test_views import figures

# Apps whose models a programme figure may read (every app from sites up to the work apps).
FIGURE_SOURCES = {
    "accounts",
    "auth",
    "sites",
    "challenges",
    "pdsa",
    "learning_sets",
    "support",
    "peer_support",
    "colleges",
    "teams",
    "coproduction",
}
NO_FIGURE = {"auth.Group": "a role's permissions; people's roles are changed on the user"}


def change_form_data(page) -> dict:
    """What the admin's change form would post back unchanged."""
    form = page.context["adminform"].form
    data = {}
    for name, value in form.initial.items():
        if value is None or value is False or name not in form.fields:
            continue
        data[name] = "on" if value is True else value
    return data


@pytest.fixture
def dashboard(client, world):
    build(world)
    client.force_login(world.admin)
    assert figures(client.get("/dashboard/", PERIOD), "support")["Site visit"][0] == 2  # cached
    return client


def test_an_entry_corrected_in_the_admin_shows_on_the_dashboard_at_once(dashboard):
    entry = SupportLogEntry.objects.filter(kind="site_visit").first()
    url = f"/admin/support/supportlogentry/{entry.pk}/change/"
    data = change_form_data(dashboard.get(url)) | {"kind": "phone_advice"}
    response = dashboard.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert figures(dashboard.get("/dashboard/", PERIOD), "support")["Site visit"][0] == 1


def test_entries_deleted_in_the_admin_leave_the_dashboard_at_once(dashboard):
    [first, second] = SupportLogEntry.objects.filter(kind="site_visit")
    dashboard.post(f"/admin/support/supportlogentry/{first.pk}/delete/", {"post": "yes"})
    assert figures(dashboard.get("/dashboard/", PERIOD), "support")["Site visit"][0] == 1
    dashboard.post(
        "/admin/support/supportlogentry/",
        {"action": "delete_selected", "_selected_action": [second.pk], "post": "yes"},
    )
    assert not SupportLogEntry.objects.filter(kind="site_visit").exists()
    visits = figures(dashboard.get("/dashboard/", PERIOD), "support").get("Site visit", [0])
    assert visits[0] == 0


def test_the_admin_of_every_model_a_figure_may_read_replaces_the_figures_version():
    missing = [
        f"{model._meta.label}: {type(model_admin).__name__}"
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in FIGURE_SOURCES
        and model._meta.label not in NO_FIGURE
        and not isinstance(model_admin, FiguresAdmin)
    ]
    assert not missing
