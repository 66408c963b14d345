"""The NHS.UK design system ships with the app: collected by the production storage, nothing
loaded from outside, no NHS logo, and the title says when a form has errors."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

STATIC = Path(settings.BASE_DIR) / "static"


def test_static_files_collect_with_the_production_manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    built = next((tmp_path / "css").glob("imroc.*.css"))
    assert "/static/vendor/nhsuk/assets/images/nhsuk-icon-" in built.read_text()


def test_nothing_is_loaded_from_outside_the_app():
    for path in [
        *STATIC.glob("css/*.css"),
        *STATIC.glob("js/*.js"),
        *STATIC.glob("vendor/nhsuk/*.js"),
    ]:
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text()), path
        assert "@import" not in path.read_text() or path.suffix != ".css", path


def test_the_header_names_the_programme_without_an_nhs_logo(client, world):
    client.force_login(world.lead_a)
    page = client.get(reverse("home")).content.decode()
    assert (
        '<a class="nhsuk-header__service-name imroc-header__service-name" href="/">ImROC</a>'
        in page
    )
    assert "nhsuk-header__logo" not in page and "<svg" not in page.split("</header>")[0]


def test_a_form_with_errors_prefixes_the_title_with_error(client, world):
    client.force_login(world.lead_a)
    url = reverse("sites:member-add", args=["alpha"])
    assert "<title>Error: " not in client.get(url).content.decode()
    page = client.post(url, {"full_name": ""}).content.decode()
    assert "<title>Error: " in page
    assert '<a href="#id_full_name">Enter the full name</a>' in page


def test_a_success_message_is_a_notification_banner_that_takes_focus(client, world):
    client.force_login(world.lead_a)
    response = client.post(
        reverse("sites:member-add", args=["alpha"]),
        {"full_name": "Mary Trelawny", "role": "member", "perspective": "carer"},
        follow=True,
    )
    page = response.content.decode()
    assert 'class="nhsuk-notification-banner nhsuk-notification-banner--success"' in page
    assert 'role="alert"' in page and "Mary Trelawny added to the project group." in page


def test_a_text_box_with_a_limit_of_2000_to_100000_characters_counts_them():
    from crispy_forms.utils import render_crispy_form
    from django import forms

    from design.forms import NhsFormMixin

    class Example(NhsFormMixin, forms.Form):
        story = forms.CharField(max_length=2000, widget=forms.Textarea, help_text="Say it.")
        short = forms.CharField(max_length=600, widget=forms.Textarea)
        huge = forms.CharField(max_length=200_000, widget=forms.Textarea)

    html = render_crispy_form(Example())
    group = re.search(r'<div id="div_id_story"[^>]*>', html).group()
    assert 'data-module="nhsuk-character-count"' in group
    assert 'data-maxlength="2000"' in group
    story = re.search(r"<textarea[^>]*id_story[^>]*>", html).group()
    assert "nhsuk-js-character-count" in story and "maxlength" not in story
    assert 'aria-describedby="id_story-hint id_story-info"' in story
    assert 'id="id_story-info">You can enter up to 2,000 characters<' in html
    assert html.count("nhsuk-character-count__message") == 1  # not the 600 nor 200,000 box


def test_a_text_box_without_a_limit_is_not_looked_up_among_the_counted_limits(monkeypatch):
    """``None in range(2_000, 100_001)`` compares None with every number in it (~1.6 ms a
    call, ~8 calls a field): the review form's two free-text boxes took 12 ms (issue 27)."""
    from crispy_forms.utils import render_crispy_form
    from django import forms

    from design import forms as design_forms

    asked = []

    class Limits:
        def __contains__(self, limit):
            asked.append(limit)
            return limit == 2000

    monkeypatch.setattr(design_forms, "COUNTED", Limits())

    class Example(design_forms.NhsFormMixin, forms.Form):
        story = forms.CharField(max_length=2000, widget=forms.Textarea)
        notes = forms.CharField(widget=forms.Textarea)

    html = render_crispy_form(Example())
    assert None not in asked and 2000 in asked
    assert html.count("nhsuk-character-count__message") == 1  # the story's, not the notes'
