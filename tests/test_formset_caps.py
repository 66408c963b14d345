"""Every formset of the project, and every admin inline, builds at most a page's worth of
forms whatever the management form says (Django's default ceiling is max_num + 1,000)."""

import pkgutil
import sys
from importlib import import_module

import pytest
from django.contrib import admin
from django.forms.formsets import BaseFormSet

MOST_ROWS = 100
PROJECT = ("accounts", "sites", "challenges", "pdsa", "learning_sets", "support",
           "notifications", "reports", "dashboard", "audit", "colleges", "teams")  # fmt: skip


def project_formsets():
    """Formset classes made by a factory (they have a form) in any module of the apps."""
    for app in PROJECT:
        package = import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name:
                import_module(module.name)
    found = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in PROJECT:
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, BaseFormSet):
                    if hasattr(value, "form"):
                        found[f"{name}.{value.__name__}"] = value
    return found


def test_every_formset_of_the_project_is_capped():
    formsets = project_formsets()
    assert len(formsets) >= 3, formsets  # ratings, guests, review actions at least
    for name, formset in formsets.items():
        assert formset.absolute_max <= MOST_ROWS, name
        assert formset.validate_max, name


@pytest.mark.django_db
def test_every_admin_inline_is_capped(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT:  # third-party admins (django-otp's) are theirs
            continue
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)
            assert formset.absolute_max <= MOST_ROWS, inline
