"""Messages built from labels read as English: no "Enter the what moved since the last
review", "Enter the your response" or "Select a which site"; model names in the plural
read right ("checklist entries"); the archive's README keeps its columns apart."""

import re

import pytest
from django import forms
from django.apps import apps

from design.forms import NhsFormMixin
from tests.page_walk import pages_by_role

pytestmark = pytest.mark.django_db

DOUBLED = re.compile(
    r"\b(?:the|a|an) (?:the|a|an|your|their|its|our|my|what|which|who|when|where|why|how|"
    r"whether|this|that|each|every|any)\b",
    re.IGNORECASE,
)


class ReviewForm(NhsFormMixin, forms.Form):
    progress = forms.CharField(label="What moved since the last review")
    response = forms.CharField(label="Your response")
    site = forms.ChoiceField(label="Your site", choices=[("a", "A")])
    topic = forms.ChoiceField(label="Topic", choices=[("", "---------"), ("a", "A")])


def test_messages_built_from_labels_read_as_english():
    form = ReviewForm({})
    assert form.errors == {
        "progress": ["Enter what moved since the last review"],
        "response": ["Enter your response"],
        "site": ["Select your site"],
        "topic": ["Select the topic"],
    }
    assert list(form.fields["topic"].choices)[0] == ("", "Select a topic")


def test_no_message_or_prompt_of_a_form_on_the_walk_doubles_its_article(world):
    found = set()
    for visits in pages_by_role(world).values():
        for visit in visits:
            for form in visit.forms:
                for name, field in form.fields.items():
                    texts = [str(m) for m in field.error_messages.values()]
                    texts += [str(label) for _, label in getattr(field, "choices", [])[:1]]
                    found |= {
                        f"{type(form).__name__}.{name}: {text}"
                        for text in texts
                        if DOUBLED.search(text)
                    }
    assert not found, "\n".join(sorted(found))


def test_every_model_is_named_right_in_the_plural():
    wrong = [
        f"{model._meta.label}: {model._meta.verbose_name_plural}"
        for model in apps.get_models()
        if re.search(r"[^aeiou]ys$|(?:s|sh|ch|x)s$", str(model._meta.verbose_name_plural))
    ]
    assert not wrong, wrong


def test_the_archive_readme_keeps_each_file_name_apart_from_what_it_holds(world):
    import io
    import zipfile

    from site_exports.archive import site_archive

    content, _ = site_archive(world.site_a, pdf=b"%PDF-1.7")
    readme = zipfile.ZipFile(io.BytesIO(content)).read("README.txt").decode()
    assert "alpha-progress-report.pdf  the site's progress report" in readme
    assert "site.json                  every row" in readme
