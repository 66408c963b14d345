"""Formsets with a ceiling.

A formset builds as many forms as its management form's ``TOTAL_FORMS`` asks for, up to
``absolute_max``; Django's default ceiling is 1,000 above ``max_num``, so a tampered count
(``99999999``, ``2**63``) made the server build and render thousands of rows for one request.
Every formset of the project is made here with ``absolute_max`` equal to the rows a page can
offer, so a bigger count is a form error ("Please submit at most N forms.") answered at once.
"""

from django import forms


def capped_formset_factory(form, *, cap: int, **kwargs):
    """``formset_factory`` that never builds more than ``cap`` forms."""
    return forms.formset_factory(form, max_num=cap, absolute_max=cap, validate_max=True, **kwargs)


def capped_inlineformset_factory(parent_model, model, *, cap: int, **kwargs):
    """``inlineformset_factory`` that never builds more than ``cap`` forms."""
    return forms.inlineformset_factory(
        parent_model, model, max_num=cap, absolute_max=cap, validate_max=True, **kwargs
    )


class CappedInline:
    """Mixed into an admin inline (before ``admin.TabularInline``): its formset never builds
    more than ``max_num`` forms."""

    max_num = 100

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.max_num)
        return super().get_formset(request, obj, **kwargs)
