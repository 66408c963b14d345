"""Template tags for NHS.UK pages: the page's one error summary and the "Error: " title
prefix, and the parts of the crispy template pack's fields."""

from django import forms, template
from django.forms import BaseForm, BaseFormSet
from django.utils.safestring import mark_safe
from django_filters import FilterSet

from design.tables import responsive

register = template.Library()


def _forms_in(value, depth: int = 0):
    """Forms and formsets in a context value: itself, a filter set's form, or inside a dict,
    a list or a page object that groups several (one with a ``forms`` attribute, e.g.
    AssessmentEntry)."""
    if isinstance(value, BaseForm):
        yield value
    elif isinstance(value, BaseFormSet):
        yield value
        yield from value.forms
    elif isinstance(value, FilterSet):  # a list's filters (django-filter): its form
        yield value.form
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _forms_in(item, depth + 1)
    elif depth < 2 and isinstance(value, list | tuple):
        for item in value:
            yield from _forms_in(item, depth + 1)
    elif depth < 2 and isinstance(getattr(value, "forms", None), list | tuple):
        for item in value.forms:
            yield from _forms_in(item, depth + 1)


def _has_errors(form) -> bool:
    """Errors found by a validation the view already ran; never validates here (a view may
    leave a form unvalidated on purpose)."""
    if isinstance(form, BaseFormSet):
        return bool(getattr(form, "_non_form_errors", None))
    return form.is_bound and bool(form._errors)


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """True when any form or formset in the page's context failed validation (or a page
    object grouping forms has errors of its own), so base.html prefixes the title with
    "Error: " without each view saying so."""
    for value in context.flatten().values():
        if getattr(value, "forms", None) is not None and not isinstance(value, BaseFormSet):
            if isinstance(getattr(value, "errors", None), list) and value.errors:
                return True
        for form in _forms_in(value):
            if _has_errors(form):
                return True
    return False


def _anchor(bound_field) -> str:
    """The id of the first control of a field, so the summary's link lands on it."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.MultiWidget):
        return f"{bound_field.auto_id}_0"  # the date input's day box
    widget_id = widget.id_for_label(bound_field.auto_id)
    if widget_id:
        return widget_id
    for subwidget in bound_field.subwidgets:
        if str(subwidget.data.get("value", "")) != "":
            return subwidget.id_for_label
    return bound_field.auto_id


def error_list(*forms) -> list[tuple[str, str]]:
    """(anchor, message) for every error of the given forms and formsets, in field order."""
    items = []
    for value in forms:
        if not isinstance(value, BaseForm | BaseFormSet):
            continue  # a form the page does not have: the template passes ""
        if isinstance(value, BaseFormSet):
            if value.is_bound:
                items += [("", str(message)) for message in value.non_form_errors()]
            for form in value.forms:
                items += error_list(form)
            continue
        if not value.is_bound:
            continue
        items += [("", str(message)) for message in value.non_field_errors()]
        for bound_field in value.visible_fields():
            items += [(f"#{_anchor(bound_field)}", str(m)) for m in bound_field.errors]
        hidden = [f for f in value.hidden_fields() if f.errors]
        for bound_field in hidden:
            items += [("", f"{bound_field.label}: {m}") for m in bound_field.errors]
    return items


def _page_parts(context) -> list:
    """The page's forms and formsets with errors, and the own messages (no field to link
    to) of objects grouping a page's forms, in the order the view gave them, each once."""
    parts, seen = [], set()
    for value in context.flatten().values():
        grouped = getattr(value, "forms", None)
        if grouped is not None and not isinstance(value, BaseFormSet) and id(value) not in seen:
            seen.add(id(value))
            own = getattr(value, "errors", None)
            if isinstance(own, list) and own:
                parts.append([str(message) for message in own])
        for form in _forms_in(value):
            if id(form) in seen:
                continue
            seen.add(id(form))
            if isinstance(form, BaseFormSet):
                seen |= {id(f) for f in form.forms}
                if form.is_bound and (
                    getattr(form, "_non_form_errors", None) or any(map(_has_errors, form.forms))
                ):
                    parts.append(form)
            elif _has_errors(form):
                parts.append(form)
    return parts


@register.inclusion_tag("nhsuk/error_summary.html", takes_context=True)
def page_error_summary(context, heading="There is a problem", problem="", intro=""):
    """The one error summary of every page, at the top of <main> before the heading
    (base.html): each error of the page's forms linking to its field, and ``problem``, a
    refusal in words a page passes when it overrides the block (with its own ``heading``
    or an ``intro`` sentence)."""
    errors = [("", problem)] if problem else []
    for part in _page_parts(context):
        if isinstance(part, list):
            errors += [("", message) for message in part]
        else:
            errors += error_list(part)
    return {"errors": errors, "heading": heading, "intro": intro}


@register.simple_tag
def date_parts(bound_field) -> list[dict]:
    """Day, month and year of an NHS.UK date input with their names, ids and values."""
    widget = bound_field.field.widget
    context = widget.get_context(
        bound_field.html_name, bound_field.value(), {"id": bound_field.auto_id}
    )
    labels = ("Day", "Month", "Year")
    return [
        {
            "label": label,
            "name": sub["name"],
            "id": sub["attrs"]["id"],
            "value": sub["value"] or "",
            "width": 4 if label == "Year" else 2,
        }
        for label, sub in zip(labels, context["widget"]["subwidgets"], strict=True)
    ]


@register.filter
def is_date_input(bound_field) -> bool:
    from design.forms import DateInput

    return isinstance(bound_field.field.widget, DateInput)


@register.filter
def character_limit(bound_field) -> int | None:
    """The limit of a text box that gets nhsuk-frontend's character count (a textarea
    holding 2,000 to 100,000 characters), else None."""
    from design.forms import counted_limit

    return counted_limit(bound_field.field)


@register.filter
def thousands(number: int) -> str:
    return f"{number:,}"


@register.simple_tag
def describedby(bound_field) -> str:
    """The hint's, error message's and character count's ids, for aria-describedby."""
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    if character_limit(bound_field):
        ids.append(f"{bound_field.auto_id}-info")
    return " ".join(ids)


@register.simple_tag
def control_class(bound_field) -> str:
    """The NHS.UK class of a text input, textarea, select or file upload, with its error state."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.Select):
        base = "nhsuk-select"
    elif isinstance(widget, forms.Textarea):
        base = "nhsuk-textarea"
    elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "nhsuk-file-upload"
    else:
        base = "nhsuk-input"
    if character_limit(bound_field):
        base = f"{base} nhsuk-js-character-count"
    if bound_field.errors:
        return f"{base} {base.split()[0]}--error"
    return base


class ResponsiveTableNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_safe(responsive(self.nodelist.render(context)))  # noqa: S308 - rendered template


@register.tag
def responsive_table(parser, token):
    """``{% responsive_table %}<table>...</table>{% endresponsive_table %}``: nhsuk-frontend's
    responsive table markup (see design/tables.py), so tables reflow at 320 px."""
    nodelist = parser.parse(("endresponsive_table",))
    parser.delete_first_token()
    return ResponsiveTableNode(nodelist)


@register.inclusion_tag("includes/_breadcrumbs.html")
def breadcrumbs(*pairs):
    """``{% breadcrumbs url1 "Text 1" url2 "Text 2" %}``: NHS.UK breadcrumbs (the last crumb is
    also the back link shown on a phone)."""
    return {"crumbs": list(zip(pairs[::2], pairs[1::2], strict=True))}
